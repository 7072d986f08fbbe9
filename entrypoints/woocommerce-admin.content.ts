import woocommerceAdmin from '@/lib/adapters/woocommerce-admin';
import { runAdapter } from '@/lib/run-adapter';

// Dynamic: built, not in the manifest. No `matches` here: WXT would turn them into host permissions for every
// site; lib/watch.ts registers store readers only for the origins the seller grants.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  main: (ctx) => runAdapter(woocommerceAdmin, ctx),
});
