import aliexpress from '@/lib/adapters/aliexpress';
import { runAdapter } from '@/lib/run-adapter';

export default defineContentScript({
  matches: aliexpress.matches,
  runAt: 'document_idle',
  main: (ctx) => runAdapter(aliexpress, ctx),
});
