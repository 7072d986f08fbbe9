// Page world, document_start: hands the current item page's mtop.aliexpress.pdp.pc.query response to the
// content script (aliexpress.content.ts) without changing it. lib-mtop loads it as JSONP (a `mtopjsonpN`
// script whose callback it sets before inserting the script) or with XMLHttpRequest; fetch covers newer
// builds. Every hook catches its own errors and always calls through; nothing is added to window.
// Constants only from the adapter folder: no reader and no zod in the page's world.
import { CAPTURE_KIND, CAPTURE_SOURCE, ITEM_PAGE_MATCHES, PDP_API } from '@/lib/adapters/aliexpress/capture';

export default defineContentScript({
  matches: ITEM_PAGE_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main: captureMtopResponses,
});

type Callable = (this: unknown, ...args: unknown[]) => unknown;

function captureMtopResponses(): void {
  const isPdp = (url: unknown) => typeof url === 'string' && url.includes(PDP_API);
  // Only replies that carry a result (not the token-empty handshake); the content script checks the rest.
  const post = (response: unknown) => {
    try {
      const result = (response as { data?: { result?: unknown } } | null)?.data?.result;
      if (result && typeof result === 'object')
        window.postMessage({ source: CAPTURE_SOURCE, kind: CAPTURE_KIND, payload: response }, location.origin);
    } catch {}
  };
  const postText = (text: unknown) => {
    try {
      if (typeof text !== 'string') return;
      // A JSONP body read as text: `mtopjsonp3({...})`.
      const jsonp = /^\s*mtopjsonp[\w$]*\(/.test(text);
      post(JSON.parse(jsonp ? text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')) : text));
    } catch {}
  };

  const nativeFetch = window.fetch as unknown as Callable;
  if (typeof nativeFetch === 'function') {
    window.fetch = function fetch(this: unknown, ...args: unknown[]) {
      const pending = nativeFetch.apply(this, args) as Promise<Response>;
      try {
        const input = args[0];
        if (isPdp(input instanceof Request ? input.url : String(input)))
          pending.then((r) => r.clone().text()).then(postText, () => {});
      } catch {}
      return pending;
    } as typeof window.fetch;
  }

  const xhr = XMLHttpRequest.prototype;
  const nativeOpen = xhr.open as unknown as Callable;
  function onLoad(this: XMLHttpRequest) {
    try {
      if (this.responseType === 'json') post(this.response);
      else if (this.responseType === '' || this.responseType === 'text') postText(this.responseText);
    } catch {}
  }
  xhr.open = function open(this: XMLHttpRequest, ...args: unknown[]) {
    try {
      // The same listener twice is one listener: reopening needs no bookkeeping.
      if (isPdp(String(args[1]))) this.addEventListener('load', onLoad);
    } catch {}
    return nativeOpen.apply(this, args);
  } as typeof xhr.open;

  // lib-mtop sets window[callback] before it appends the script, and the script runs tasks later: the
  // observer (a microtask) wraps the callback first.
  const page = window as unknown as Record<string, unknown>;
  const wrapped = new WeakSet<object>();
  const wrapCallback = (script: HTMLScriptElement) => {
    const name = isPdp(script.src) ? new URL(script.src).searchParams.get('callback') : null;
    const original = name && /^[\w$]+$/.test(name) ? page[name] : undefined;
    if (!name || typeof original !== 'function' || wrapped.has(original)) return;
    const callback = function (this: unknown, ...args: unknown[]) {
      post(args[0]);
      return (original as Callable).apply(this, args);
    };
    wrapped.add(callback);
    page[name] = callback;
  };
  new MutationObserver((records) => {
    try {
      for (const record of records)
        for (const node of Array.from(record.addedNodes))
          if (node.nodeName === 'SCRIPT') wrapCallback(node as HTMLScriptElement);
    } catch {}
  }).observe(document, { childList: true, subtree: true });
}
