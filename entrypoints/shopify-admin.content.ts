import shopifyAdmin from '@/lib/adapters/shopify-admin';
import { runAdapter } from '@/lib/run-adapter';

export default defineContentScript({
  matches: shopifyAdmin.matches,
  runAt: 'document_idle',
  main: (ctx) => runAdapter(shopifyAdmin, ctx),
});
