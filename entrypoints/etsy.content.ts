import etsy from '@/lib/adapters/etsy';
import { runAdapter } from '@/lib/run-adapter';

export default defineContentScript({
  matches: etsy.matches,
  runAt: 'document_idle',
  main: (ctx) => runAdapter(etsy, ctx),
});
