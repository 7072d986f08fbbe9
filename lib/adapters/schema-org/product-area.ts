// What the main product area shows a shopper about stock: a short stock line ("Only 2 left", "Agotado") or a
// buy button that says sold out, looked for inside the product container only, never across the whole page
// (recommendation tiles and descriptions say "in stock" about other things).
import { readRemovedText, readStockText } from '../../extract/phrases';
import type { StockSignal } from '../../extract/stock';
import { cleanText } from '../../extract/text';

// The product container when the page marks one, else the main region; `.product` last, as themes also put
// that class on titles and tiles.
const AREAS = ['[itemtype*="schema.org/Product"]', '#product', 'main', '[role="main"]', '.product'];
const SPECIFIC = new Set([0, 1, 4]);
const NOTICES =
  '[class*="stock"], [class*="Stock"], [class*="availability"], [class*="Availability"], [id*="stock"], [id*="availability"], [itemprop="availability"]';
const BUTTONS =
  'button[type="submit"], button[name*="add"], [class*="add-to-cart"], [class*="addToCart"], [class*="add_to_cart"]';
const ELSEWHERE =
  '[class*="related"], [class*="recommend"], [class*="upsell"], [class*="cross-sell"], nav, footer, noscript';
/** A stock line is short; a longer text is a description or a whole panel. */
const MAX_NOTICE = 200;
const MAX_ELEMENTS = 40;

export interface ProductArea {
  root: Element;
  /** The area is a product container (not just the page's main region): a phrase alone can stand for a product. */
  specific: boolean;
}

export function findProductArea(doc: Document): ProductArea | null {
  for (const [i, selector] of AREAS.entries()) {
    const root = doc.querySelector(selector);
    if (root) return { root, specific: SPECIFIC.has(i) };
  }
  return null;
}

function shortTexts(root: Element, selector: string): string[] {
  const texts: string[] = [];
  for (const el of Array.from(root.querySelectorAll(selector)).slice(0, MAX_ELEMENTS)) {
    if (el.closest(ELSEWHERE)) continue;
    const text = cleanText(el.getAttribute('content') ?? el.textContent);
    if (text && text.length <= MAX_NOTICE) texts.push(text);
  }
  return texts;
}

/** Every distinct stock line in the area, as signals a shopper would read; a sold-out button counts too. */
export function readAreaStock(area: ProductArea): StockSignal[] {
  const signals: StockSignal[] = [];
  const seen = new Set<string>();
  for (const text of shortTexts(area.root, NOTICES)) {
    const said = readStockText(text);
    if (said && !seen.has(said.phrase)) {
      seen.add(said.phrase);
      signals.push({ stock: said.stock, source: `text:${said.phrase}`, visible: true });
    }
  }
  for (const text of shortTexts(area.root, BUTTONS)) {
    const said = readStockText(text);
    if (said?.stock.kind === 'outOfStock' && !seen.has(said.phrase)) {
      seen.add(said.phrase);
      signals.push({ stock: said.stock, source: `text:${said.phrase}`, visible: true });
    }
  }
  return signals;
}

/** "This product is no longer available" in a stock line or the area's heading. */
export function readAreaRemoved(area: ProductArea): string | null {
  const texts = [...shortTexts(area.root, NOTICES), cleanText(area.root.querySelector('h1, h2')?.textContent)];
  for (const text of texts) {
    const removed = text && readRemovedText(text);
    if (removed) return removed;
  }
  return null;
}
