// Every Shopify variant, keyed by its variant id, merged from each source the page has: the theme's JSON
// (`available`, cents), JSON-LD offers (`?variant=<id>` in their url), the variant <select>, and the stock
// notice the theme prints for the selected variant only ("Low stock: 3 left", a "Sold out" button).
import { moneyFromNumber } from '../../extract/money';
import { readStockText } from '../../extract/phrases';
import type { StockSignal } from '../../extract/stock';
import { decideStock, inStock, outOfStock, unknownStock } from '../../extract/stock';
import type { StructuredProduct } from '../../extract/structured';
import type { Money, Variant } from '../../model';
import { isRecord, shopifyId, type VariantSource } from './product-data';

export interface Draft {
  id: string;
  title?: string;
  sku?: string;
  values?: string[];
  price?: Money;
  signals: StockSignal[];
}

const MAX_VARIANTS = 5000;
const VARIANT_IN_URL = /[?&]variant=(\d{1,20})/;
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Liquid money is in hundredths of the currency unit, whatever the currency (¥1,000 is 100000). */
function fromCents(cents: unknown, currency: string | null): Money | undefined {
  if (!currency || typeof cents !== 'number' || !Number.isSafeInteger(cents) || cents < 0) return undefined;
  return moneyFromNumber(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`, currency) ?? undefined;
}

/** `options` or option1..3; else analytics' "Blue / 30L". A product without options has one "Default Title". */
function optionValues(v: Record<string, unknown>): string[] | undefined {
  const listed = Array.isArray(v.options) ? v.options : [v.option1, v.option2, v.option3];
  const values = listed.map(text).filter((s): s is string => !!s);
  if (values.length === 0 && text(v.public_title)) values.push(...text(v.public_title)!.split(' / '));
  return values.length && !(values.length === 1 && values[0] === 'Default Title') ? values : undefined;
}

export class VariantDrafts {
  readonly byId = new Map<string, Draft>();

  draft(id: string): Draft | undefined {
    const known = this.byId.get(id);
    if (known || this.byId.size >= MAX_VARIANTS) return known;
    const draft: Draft = { id, signals: [] };
    this.byId.set(id, draft);
    return draft;
  }

  /** Theme and analytics variants: `available` is the only stock they state (analytics states none). */
  addSource({ path, variants, single }: VariantSource, currency: string | null): void {
    variants.forEach((v, i) => {
      const id = isRecord(v) ? shopifyId(v.id) : null;
      const draft = id && this.draft(id);
      if (!isRecord(v) || !draft) return;
      draft.title ??= text(v.public_title) ?? text(v.title);
      draft.sku ??= text(v.sku);
      draft.values ??= optionValues(v);
      draft.price ??= fromCents(v.price, currency);
      if (typeof v.available === 'boolean') {
        const stock = v.available ? inStock() : outOfStock();
        draft.signals.push({ stock, source: `embedded-json:${path}${single ? '' : `[${i}]`}.available` });
      }
    });
  }

  /**
   * JSON-LD: a ProductGroup's variants or a Product's offers, tied to a variant by the id in their url, else by SKU.
   * It adds variants only on pages without theme data (headless fronts); otherwise it enriches the theme's.
   */
  addJsonLd(products: StructuredProduct[], mayAdd: boolean): void {
    // Shopify names a variant "<product> - <variant title>" in JSON-LD.
    const titleOf = (p: StructuredProduct, name?: string) =>
      name && p.name && name.startsWith(`${p.name} - `) ? name.slice(p.name.length + 3) : name;
    const offers = products.flatMap((p) => [
      ...p.offers.map((offer) => ({ offer, sku: offer.sku ?? p.sku, title: titleOf(p, offer.name) })),
      ...p.variants.flatMap((v) =>
        v.offers.map((offer) => ({ offer, sku: offer.sku ?? v.sku, title: titleOf(p, v.name ?? offer.name) })),
      ),
    ]);
    for (const { offer, sku, title } of offers) {
      const id = VARIANT_IN_URL.exec(offer.url ?? '')?.[1];
      const draft = id
        ? (this.byId.get(id) ?? (mayAdd ? this.draft(id) : undefined))
        : [...this.byId.values()].find((d) => sku && d.sku === sku);
      if (!draft) continue;
      draft.sku ??= sku;
      draft.title ??= title;
      draft.values ??= title?.split(' / ');
      draft.price ??= offer.price;
      if (offer.stock) draft.signals.push({ stock: offer.stock, source: 'json-ld' });
    }
  }

  /** The theme's `<select name="id">`: a disabled option or a "- Sold out" suffix marks a sold-out variant. */
  addSelectOptions(options: Element[]): void {
    for (const option of options) {
      const draft = this.byId.get(option.getAttribute('value')?.trim() ?? '');
      if (!draft) continue;
      if (option.hasAttribute('disabled')) {
        draft.signals.push({ stock: outOfStock(), source: 'dom:select[name="id"] option[disabled]' });
      } else if (readStockText(option.textContent ?? '')?.stock.kind === 'outOfStock') {
        // Not `visible`: themes hide this no-JS select behind their own pickers.
        draft.signals.push({ stock: outOfStock(), source: 'dom:select[name="id"] option' });
      }
    }
  }

  /** A notice about the selected variant: a count refines `available: true`; sold-out text beats anything. */
  addNotice(id: string | null, notice: StockSignal | null): void {
    const draft = id ? this.byId.get(id) : undefined;
    if (!draft || !notice) return;
    const counts = notice.stock.kind === 'exact' || notice.stock.kind === 'atLeast';
    const contradicted = draft.signals.some((s) => s.stock.kind === 'outOfStock');
    if (counts && !contradicted) draft.signals.unshift(notice);
    else draft.signals.push(notice);
  }

  get hasStock(): boolean {
    return [...this.byId.values()].some((d) => d.signals.length > 0);
  }

  toVariants(productKey: string, optionNames: string[]): Variant[] {
    return [...this.byId.values()].map((d) => {
      // Values without names (a front that shows no pickers) would only be noise.
      const options: Record<string, string> = {};
      if (d.values && d.values.length <= optionNames.length) {
        d.values.forEach((value, i) => {
          options[optionNames[i].slice(0, 100)] = value.slice(0, 200);
        });
      }
      const { stock, evidence } = d.signals.length
        ? decideStock(d.signals)
        : { stock: unknownStock('the store gave no availability for this variant'), evidence: [] };
      const label = !d.title || d.title === 'Default Title' ? 'Default' : d.title;
      return {
        key: `${productKey}:${d.id}`,
        label: label.slice(0, 300),
        ...(d.sku && { sku: d.sku.slice(0, 200) }),
        options,
        stock,
        ...(d.price && { price: d.price }),
        evidence,
      };
    });
  }
}
