// One Variant per 1688 SKU: keyed by its skuId (specId on older pages that have no skuId), stocked from its
// bookable count (canBookCount), priced at its own (discount) price or else the smallest-order wholesale tier.
import { moneyFromNumber } from '../../extract/money';
import type { StockSignal } from '../../extract/stock';
import { decideStock, fromCount, unknownStock } from '../../extract/stock';
import type { Money, Variant } from '../../model';
import type { OfferData } from './offer-data';
import { str } from './offer-data';

const count = (v: unknown): number | null => {
  const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
};

/** Yuan as 1688 writes them ("12.80", 12.8); a zero price is a placeholder, not a price. */
const yuan = (v: unknown): Money | undefined => {
  const money = typeof v === 'number' || typeof v === 'string' ? moneyFromNumber(v, 'CNY') : null;
  return money && money.amount > 0 ? money : undefined;
};

/** Spec strings join the values with ">", HTML-escaped in __INIT_DATA ("红色&gt;XL"). */
const specValues = (spec: string): string[] =>
  spec
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .split('>')
    .map((v) => v.trim())
    .filter(Boolean);

const decide = (signals: StockSignal[]) =>
  signals.length
    ? decideStock(signals)
    : { stock: unknownStock('1688 gave no bookable count for this SKU'), evidence: [] };

export function readVariants(offer: OfferData, productKey: string, pageSignals: StockSignal[]): Variant[] {
  const tierPrice = yuan(offer.tierPrice);
  const variants: Variant[] = [];
  const seen = new Set<string>();
  for (const [spec, entry] of offer.skus) {
    // Keys are site ids, never spec names: a SKU without either id cannot be tracked across visits.
    const id = str(entry.skuId) ?? str(entry.specId);
    const key = `${productKey}:${id}`;
    if (!id || id.length > 64 || seen.has(key) || variants.length >= 5000) continue;
    seen.add(key);
    const values = specValues(spec);
    const options: Record<string, string> = {};
    values.forEach((value, i) => {
      options[(offer.props[i] ?? `规格${i + 1}`).slice(0, 100)] = value.slice(0, 200);
    });
    const qty = count(entry.canBookCount);
    const source = `embedded-json:${offer.skuPath}[${spec}].canBookCount`.slice(0, 300);
    const signals = qty === null ? pageSignals : [...pageSignals, { stock: fromCount(qty), source }];
    const price = yuan(entry.discountPrice) ?? yuan(entry.price) ?? tierPrice;
    const specId = str(entry.specId);
    variants.push({
      key,
      label: (values.join(' / ') || 'Default').slice(0, 300),
      ...(specId && specId !== id && { sku: specId.slice(0, 200) }),
      options,
      ...decide(signals),
      ...(price && { price }),
    });
  }
  // An offer sold without SKUs: one default variant from the page-wide bookable count.
  const total = count(offer.total?.qty);
  if (offer.skus.length === 0 && offer.total && total !== null) {
    const signals = [...pageSignals, { stock: fromCount(total), source: `embedded-json:${offer.total.path}` }];
    variants.push({
      key: `${productKey}:default`,
      label: 'Default',
      options: {},
      ...decide(signals),
      ...(tierPrice && { price: tierPrice }),
    });
  }
  return variants;
}
