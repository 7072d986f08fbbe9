import alibaba1688 from '@/lib/adapters/1688';
import { runAdapter } from '@/lib/run-adapter';

export default defineContentScript({
  matches: alibaba1688.matches,
  runAt: 'document_idle',
  main: (ctx) => runAdapter(alibaba1688, ctx),
});
