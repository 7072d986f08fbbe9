import amazonSellerCentral from '@/lib/adapters/amazon-seller-central';
import { runAdapter } from '@/lib/run-adapter';

export default defineContentScript({
  matches: amazonSellerCentral.matches,
  runAt: 'document_idle',
  main: (ctx) => runAdapter(amazonSellerCentral, ctx),
});
