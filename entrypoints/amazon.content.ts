import amazon from '@/lib/adapters/amazon';
import { runAdapter } from '@/lib/run-adapter';

export default defineContentScript({
  matches: amazon.matches,
  runAt: 'document_idle',
  main: (ctx) => runAdapter(amazon, ctx),
});
