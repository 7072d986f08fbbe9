import cjdropshipping from '@/lib/adapters/cjdropshipping';
import { runAdapter } from '@/lib/run-adapter';

export default defineContentScript({
  matches: cjdropshipping.matches,
  runAt: 'document_idle',
  main: (ctx) => runAdapter(cjdropshipping, ctx),
});
