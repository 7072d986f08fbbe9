// Every string a seller reads comes from public/_locales (English and Simplified Chinese); a test
// fails when a key is missing in one language. A key missing at run time shows as ⟦key⟧, never blank.
import { browser } from 'wxt/browser';

// Keys are built from status ids (`status_${id}`), so they are checked by the locale test, not by tsc.
const getMessage = browser.i18n.getMessage as (key: string, substitutions?: string[]) => string;

export function t(key: string, substitutions?: (string | number)[]): string {
  return getMessage(key, substitutions?.map(String)) || `⟦${key}⟧`;
}
