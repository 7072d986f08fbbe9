import { adapters } from '@/lib/adapters';
import { runAdapters } from '@/lib/run-adapter';

// Registered at run time (lib/watch.ts) for each origin the seller grants with "Watch this site": the
// generic store adapters, most specific first, each reading only the pages it recognises.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  main: (ctx) =>
    runAdapters(
      adapters.filter((a) => a.dynamic),
      ctx,
    ),
});
