import aliexpress from '@/lib/adapters/aliexpress';
import { acceptCapture, writeCapture } from '@/lib/adapters/aliexpress/capture';
import { runAdapter } from '@/lib/run-adapter';

// document_start so the bridge listens before the page's pdp response arrives (aliexpress-mtop.content.ts
// posts it); the adapter still reads once the document is parsed, as at document_idle.
export default defineContentScript({
  matches: aliexpress.matches,
  runAt: 'document_start',
  main: (ctx) => {
    ctx.addEventListener(window, 'message', (event) => {
      const json = acceptCapture(event, window);
      if (json) writeCapture(document, json);
    });
    const read = () => runAdapter(aliexpress, ctx);
    if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', read, { once: true });
    else read();
  },
});
