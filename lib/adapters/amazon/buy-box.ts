// The buy box of the selected ASIN: the #availability line ("Only 3 left in stock", "Auf Lager",
// "残り1点"), whether Amazon offers the item itself (Add to Cart / Buy Now) and the price to pay.
import { parseMoney } from '../../extract/money';
import { readStockText } from '../../extract/phrases';
import type { StockSignal } from '../../extract/stock';
import { inStock } from '../../extract/stock';
import { textOf } from '../../extract/text';
import type { Money } from '../../model';

const AVAILABILITY = ['#availability', '#outOfStock'];
const BUY_BUTTONS = ['#add-to-cart-button', '#buy-now-button'];
/** "See All Buying Options": no featured offer, only a link to other sellers' offers. */
const OTHER_SELLERS_ONLY = '#buybox-see-all-buying-choices, #buybox-see-all-buying-choices-announce';
// Current layout (apex price) first, then the pre-2022 price blocks.
const PRICES = [
  '.priceToPay .a-offscreen',
  '#corePrice_feature_div .a-offscreen',
  '#corePriceDisplay_desktop_feature_div .a-offscreen',
  '#priceblock_ourprice',
  '#priceblock_dealprice',
  '#price_inside_buybox',
];

export interface BuyBox {
  /** Most decisive first: the visible availability line, then the buy buttons. */
  signals: StockSignal[];
  /** The page only links to other sellers: nothing here speaks for a featured offer. */
  otherSellersOnly: boolean;
  price?: Money;
}

export function readBuyBox(doc: Document, currency: string): BuyBox {
  const button = BUY_BUTTONS.find((selector) => doc.querySelector(selector));
  const otherSellersOnly = !button && !!doc.querySelector(OTHER_SELLERS_ONLY);
  const signals: StockSignal[] = [];
  for (const selector of AVAILABILITY) {
    const said = readStockText(textOf(doc, selector) ?? '');
    // Without a buy box, "Disponible auprès de ces vendeurs" speaks for other sellers: only "unavailable" counts.
    if (!said || (otherSellersOnly && said.stock.kind !== 'outOfStock')) continue;
    signals.push({ stock: said.stock, source: `text:${said.phrase}`, visible: true });
    break;
  }
  if (button) signals.push({ stock: inStock(), source: `dom:${button}` });
  const priceText = PRICES.map((selector) => textOf(doc, selector)).find(Boolean);
  const price = priceText ? parseMoney(priceText, currency) : null;
  return price ? { signals, otherSellersOnly, price } : { signals, otherSellersOnly };
}
