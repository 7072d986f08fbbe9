import etsyShopManager from '@/lib/adapters/etsy-shop-manager';
import { runAdapter } from '@/lib/run-adapter';

export default defineContentScript({
  matches: etsyShopManager.matches,
  runAt: 'document_idle',
  main: (ctx) => runAdapter(etsyShopManager, ctx),
});
