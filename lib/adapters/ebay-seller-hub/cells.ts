// The Seller Hub grid's cells. Each cell is classed by its column id (`shui-dt-column__availableQuantity`,
// `__listingSKU`, `__price`, `__title`), the same in every language and wherever the seller moves or hides the
// column, so cells are found by that class alone, never by position or header text.
import { parseMoney } from '../../extract/money';
import { readStockText } from '../../extract/phrases';
import { fromCount, unknownStock } from '../../extract/stock';
import { cleanText } from '../../extract/text';
import type { Money, Stock } from '../../model';

const QUANTITY = 'td.shui-dt-column__availableQuantity';

/** The cells a row is read from (absent when the seller hid the column). */
export interface Cells {
  title: Element | null;
  sku: Element | null;
  price: Element | null;
  quantity: Element | null;
}

// One scoped querySelector per column: far cheaper in Chromium than walking every cell of every row.
export const cellsOf = (row: Element): Cells => ({
  title: row.querySelector('td.shui-dt-column__title'),
  sku: row.querySelector('td.shui-dt-column__listingSKU'),
  price: row.querySelector('td.shui-dt-column__price'),
  quantity: row.querySelector(QUANTITY),
});

/** A cell's value block: the text column (without the inline-edit pencil beside it), else the cell. */
const valueBlock = (cell: Element | null): Element | null =>
  cell && (cell.querySelector('.shui-dt--text-column') ?? cell);

/** Text a seller sees in a cell: without screen-reader copies (`.clipped`) and the inline-edit buttons. */
export function shownText(el: Element | null | undefined): string {
  if (!el) return '';
  if (!el.querySelector('.clipped, button')) return cleanText(el.textContent);
  let text = '';
  const walk = (node: Element) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) text += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const inner = child as Element;
        if (inner.tagName === 'BUTTON' || inner.classList.contains('clipped')) continue;
        walk(inner);
        text += ' ';
      }
    }
  };
  walk(el);
  return cleanText(text);
}

/** A leading whole count: "12", "1,200", "1.200", "0 Out of stock"; never the "3" of "3.5". */
const COUNT = /^(\d{1,3}(?:[.,\s'’]\d{3})+|\d{1,9})(?![\d.,])/;
// Shown instead of a value when the field is empty.
const EMPTY = /^[-–—]*$/;

export interface CellStock {
  stock: Stock;
  evidence: string;
}

/** The available quantity a row (or a variation row) offers; unknown when the column is hidden or empty. */
export function readQuantity(cells: Cells): CellStock {
  const cell = valueBlock(cells.quantity);
  if (!cell) {
    const reason = 'the Available quantity column is hidden: show it in Seller Hub (Customize table)';
    return { stock: unknownStock(reason), evidence: `dom:${QUANTITY}` };
  }
  const text = shownText(cell);
  const count = COUNT.exec(text)?.[1];
  if (count !== undefined) return { stock: fromCount(Number(count.replace(/\D/g, ''))), evidence: `dom:${QUANTITY}` };
  const said = readStockText(text);
  if (said) return { stock: said.stock, evidence: `text:${said.phrase}` };
  return { stock: unknownStock('no available quantity shown for this listing'), evidence: `dom:${QUANTITY}` };
}

export function readSku(cells: Cells): string | undefined {
  const text = shownText(valueBlock(cells.sku));
  return EMPTY.test(text) ? undefined : text.slice(0, 200);
}

/** The current price (the cell also shows the format, "Buy It Now"); a bare number is in the marketplace's currency. */
export function readPrice(cells: Cells, currency: string): Money | undefined {
  const cell = cells.price;
  const text = shownText(cell?.querySelector('.col-price__current') ?? cell);
  return (text && parseMoney(text, currency)) || undefined;
}
