import ebay from '@/lib/adapters/ebay';
import { runAdapter } from '@/lib/run-adapter';

export default defineContentScript({
  matches: ebay.matches,
  runAt: 'document_idle',
  main: (ctx) => runAdapter(ebay, ctx),
});
