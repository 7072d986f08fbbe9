// Every string a seller reads comes from public/_locales (English and Simplified Chinese); a test
// fails when a key is missing in one language. A key missing at run time shows as ⟦key⟧, never blank.
// The browser's language decides, unless the seller picked one in Options: then pages load that
// locale's bundled messages once (initI18n, before the first render) and t() stays synchronous.
import { browser } from 'wxt/browser';
import type { Settings } from './model';

// Keys are built from status ids (`status_${id}`), so they are checked by the locale test, not by tsc.
const getMessage = (key: string, substitutions?: string[]): string =>
  (browser.i18n.getMessage as (key: string, substitutions?: string[]) => string)(key, substitutions);

/** A messages.json file, as Chrome reads it. */
export type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export type ChosenLanguage = Exclude<Settings['language'], 'auto'>;

let chosen: { language: ChosenLanguage; messages: Catalogue } | undefined;

export function t(key: string, substitutions?: (string | number)[]): string {
  const subs = substitutions?.map(String);
  const entry = chosen?.messages[key];
  return (entry ? formatMessage(entry, subs) : getMessage(key, subs)) || `⟦${key}⟧`;
}

/** Chrome's rules: `$name$` is the named placeholder's content, `$1`…`$9` a substitution (missing = ''), `$$` a `$`. */
export function formatMessage(entry: Catalogue[string], substitutions: string[] = []): string {
  const named = (text: string) =>
    text.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholders = entry.placeholders ?? {};
      const found = Object.keys(placeholders).find((k) => k.toLowerCase() === name.toLowerCase());
      return found ? placeholders[found].content : whole;
    });
  return named(entry.message).replace(/\$(\$|[1-9])/g, (_, d: string) =>
    d === '$' ? '$' : (substitutions[Number(d) - 1] ?? ''),
  );
}

/**
 * Loads the seller's chosen language (from settings unless given) before a page renders; 'auto' goes back to
 * the browser's. A catalogue that cannot be loaded falls back to the browser's language, never to blank text.
 */
export async function initI18n(language?: Settings['language']): Promise<void> {
  // Settings (and zod with them) only when not handed in: the popup passes the language to keep zod out of its first paint.
  const wanted = language ?? (await (await import('./settings')).loadSettings()).language;
  if (wanted === 'auto') {
    chosen = undefined;
  } else if (chosen?.language !== wanted) {
    try {
      const url = browser.runtime.getURL(`/_locales/${wanted}/messages.json` as '/_locales/en/messages.json');
      chosen = { language: wanted, messages: (await (await fetch(url)).json()) as Catalogue };
    } catch (error) {
      console.warn(`[oversell-guard] could not load the ${wanted} messages; using the browser's language`, error);
      chosen = undefined;
    }
  }
  if (typeof document !== 'undefined') document.documentElement.lang = uiLocale();
}

/** The BCP 47 tag of the language the UI speaks now (for `lang` and Intl formatting). */
export function uiLocale(): string {
  if (chosen) return chosen.language.replace('_', '-');
  return browser.i18n.getUILanguage();
}
