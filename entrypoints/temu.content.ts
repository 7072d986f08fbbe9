import temu from '@/lib/adapters/temu';
import { runAdapter } from '@/lib/run-adapter';

export default defineContentScript({
  matches: temu.matches,
  runAt: 'document_idle',
  main: (ctx) => runAdapter(temu, ctx),
});
