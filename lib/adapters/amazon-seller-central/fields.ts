// Katal controls and Janus label/value boxes, read the same way on every Seller Central page and language.
// Katal web components keep their value in attributes (a content script cannot see the page's element
// properties); Janus class names are CSS-module names with a build hash ("JanusSplitBox-module__row--yjQ5L"),
// so only their module and local name are matched.
import { parseMoney } from '../../extract/money';
import { readOutOfStockText } from '../../extract/phrases';
import { cleanText } from '../../extract/text';
import type { ListingStatus, Money } from '../../model';

// A label beside its value: Janus split-box rows and the price input rows, by CSS-module name and local name.
const PAIR_CLASSES = ['SplitBox-module__row', 'PriceInputComposite-module__priceInputRow'];
export const STATUS = 'kat-label[emphasis]';

export interface Pair {
  label: string;
  value: Element;
}

/**
 * A reader of the label/value pairs under a root whose label `wanted` accepts, in page order. Substring class
 * selectors cost a string search per element, too slow for 1,000 rows: the build's hashed class names are taken
 * from the first element that has them, and each root is searched through the class index instead.
 */
export function pairReader(sample: ParentNode, wanted: (label: string) => boolean): (root: Element) => Pair[] {
  const finders = PAIR_CLASSES.map((name): ((root: Element) => ArrayLike<Element>) => {
    const el = sample.querySelector(`[class*="${name}"]`);
    const hashed = el && [...el.classList].find((c) => c.includes(name));
    return hashed
      ? (root) => root.getElementsByClassName(hashed)
      : (root) => root.querySelectorAll(`[class*="${name}"]`);
  });
  return (root) => {
    const pairs: Pair[] = [];
    for (const find of finders) {
      const boxes = find(root);
      for (let i = 0; i < boxes.length; i++) {
        const first = boxes[i].firstElementChild;
        const last = boxes[i].lastElementChild;
        if (!first || !last || first === last) continue;
        const label = (first.textContent ?? '').trim();
        if (wanted(label)) pairs.push({ label, value: last });
      }
    }
    return pairs;
  };
}

/** What a value shows: its own value attribute (Katal controls), a control's inside it, else its text. */
export function shownValue(el: Element): string {
  const own = el.getAttribute('value');
  if (own !== null) return cleanText(own);
  const control = el.querySelector('kat-input, kat-dropdown, input');
  return cleanText(control ? control.getAttribute('value') : el.textContent);
}

/** Amazon caps seller SKUs at 40 characters; anything longer is not a SKU (and would overflow a key). */
export const isSku = (text: string): boolean => text.length > 0 && text.length <= 40;

/** A whole quantity as Seller Central writes it ("12", "1,200", "1.200"); null when the value is no count. */
export function countOf(text: string): number | null {
  const digits = text.replace(/[\s,.'’]/g, '');
  return /^\d{1,9}$/.test(digits) ? Number(digits) : null;
}

/** A price field: its currency prefix ("€", "US$", "EUR") and its value ("24.99", "24,99"). */
export function moneyOf(el: Element, currency: string | undefined): Money | null {
  const value = shownValue(el);
  if (!value) return null;
  const group = el.closest('kat-input-group') ?? el.querySelector('kat-input-group');
  const prefix = cleanText(group?.querySelector('[slot="prefix"], [slot="suffix"]')?.textContent);
  return parseMoney(`${prefix} ${value}`, currency);
}

// Listing status words in Seller Central's languages (en, de, fr, it, es, ja, zh).
const ACTIVE = /^(?:active|aktiv|actif|attivo|activo|出品中|在售)$/i;
const INCOMPLETE = /incomplet|unvollst|不完全|不完整/i;
const INACTIVE =
  /inacti[fv]|inaktiv|inattiv|closed|geschlossen|ferm|chiuso|cerrado|suppressed|unterdr|停止中|不可售|已关闭/i;

export interface StatusReading {
  status: ListingStatus;
  evidence: string[];
}

/**
 * The first status label under `root`: Active, Inactive (with its reason: "Out of stock" is out_of_stock,
 * any other reason inactive), Incomplete (draft). Null when no label names a status.
 */
export function readStatus(root: ParentNode): StatusReading | null {
  for (const label of root.querySelectorAll(STATUS)) {
    const word = cleanText(label.getAttribute('emphasis'));
    const reason = cleanText(label.getAttribute('text'));
    const evidence = [`dom:${STATUS}`, ...(reason ? [`text:${reason.slice(0, 200)}`] : [])];
    if (ACTIVE.test(word)) return { status: 'active', evidence };
    if (INCOMPLETE.test(word)) return { status: 'draft', evidence };
    if (INACTIVE.test(word)) {
      return { status: readOutOfStockText(reason) ? 'out_of_stock' : 'inactive', evidence };
    }
  }
  return null;
}
