// How the store writes money: its currency code and decimal separator. WooCommerce admin pages carry both in
// `wcSettings.currency` ({code, precision, symbol, symbolPosition, decimalSeparator, …}), printed as
// `var wcSettings = wcSettings || JSON.parse( decodeURIComponent( '%7B%22…' ) );` in script#wc-settings-js-before.
// The blob also holds every country and more (tens of KB): only the characters after the currency key are read,
// instead of decoding and parsing it all on every page load.

export interface StoreMoney {
  currency?: string;
  decimalSeparator?: string;
}

const FORMATS = [
  {
    key: '%22currency%22%3A%7B',
    code: /%22code%22%3A%22([A-Z]{3})%22/,
    decimal: /%22decimalSeparator%22%3A%22(.{1,9}?)%22/,
  },
  { key: '"currency":{', code: /"code"\s*:\s*"([A-Z]{3})"/, decimal: /"decimalSeparator"\s*:\s*"(.{1,9}?)"/ },
];
/** The currency object's own fields come first; its separators are well inside this window. */
const WINDOW = 600;

const decoded = (text: string | undefined): string | undefined => {
  try {
    return text === undefined ? undefined : decodeURIComponent(text);
  } catch {
    return undefined;
  }
};

export function storeMoney(doc: Document): StoreMoney {
  const text = doc.getElementById('wc-settings-js-before')?.textContent ?? '';
  for (const format of FORMATS) {
    const at = text.indexOf(format.key);
    if (at < 0) continue;
    const window = text.slice(at, at + WINDOW);
    const currency = format.code.exec(window)?.[1];
    if (currency) return { currency, decimalSeparator: decoded(format.decimal.exec(window)?.[1]) };
  }
  return {};
}
