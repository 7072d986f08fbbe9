import ebaySellerHub from '@/lib/adapters/ebay-seller-hub';
import { runAdapter } from '@/lib/run-adapter';

export default defineContentScript({
  matches: ebaySellerHub.matches,
  runAt: 'document_idle',
  main: (ctx) => runAdapter(ebaySellerHub, ctx),
});
