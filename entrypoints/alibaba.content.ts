import alibaba from '@/lib/adapters/alibaba';
import { runAdapter } from '@/lib/run-adapter';

export default defineContentScript({
  matches: alibaba.matches,
  runAt: 'document_idle',
  main: (ctx) => runAdapter(alibaba, ctx),
});
