// Visible notices inside a product page's buy box ("Sold out", "Ready to ship"): found by stable class
// substrings within the buy box only (class-substring selectors over a whole 2 MB page cost ~8 ms), and read
// with the shared stock phrases, so a notice is evidence a shopper could see.
import { readOutOfStockText, readStockText } from './phrases';
import type { StockSignal } from './stock';
import { cleanText } from './text';

/**
 * The buy-box elements with any of these (plain) class names, or the whole document when the layout has none
 * of them. One `.name` selector at a time: in Chromium, on a 2 MB page's first read, three lone class selectors
 * took 0.2 ms where `getElementsByClassName` took 6.5 ms and one selector list 4.2 ms.
 */
export function buyBoxes(doc: Document, classNames: readonly string[]): ParentNode[] {
  const boxes = classNames.flatMap((name) => Array.from(doc.querySelectorAll(`.${name}`)));
  return boxes.length ? boxes : [doc];
}

/** The cleaned, non-empty text of every element matching `selectors` inside the roots. */
export function noticeTexts(roots: readonly ParentNode[], selectors: string): string[] {
  const found = roots.flatMap((root) => Array.from(root.querySelectorAll(selectors)));
  return found.map((el) => cleanText(el.textContent)).filter(Boolean);
}

/** The first notice whose words state a stock of `kind` (out of stock by default), as a visible signal. */
export function stockNotice(
  roots: readonly ParentNode[],
  selectors: string,
  kind: 'outOfStock' | 'inStock' = 'outOfStock',
): StockSignal | null {
  const read = kind === 'outOfStock' ? readOutOfStockText : readStockText;
  for (const said of noticeTexts(roots, selectors).map(read)) {
    if (said?.stock.kind === kind) return { stock: said.stock, source: `text:${said.phrase}`, visible: true };
  }
  return null;
}
