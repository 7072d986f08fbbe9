import walmart from '@/lib/adapters/walmart';
import { runAdapter } from '@/lib/run-adapter';

export default defineContentScript({
  matches: walmart.matches,
  runAt: 'document_idle',
  main: (ctx) => runAdapter(walmart, ctx),
});
