// Which supplier product a listing is probably sold from (or the reverse), for the seller to confirm:
// nothing links silently. Strongest first: the same SKU on both sides, the supplier's product id inside
// the seller's SKU (many sellers write it there), then titles that share most of their words.
import type { Observation } from '../model';

export interface ProductSeen {
  key: string;
  title: string;
  adapterId: string;
  url: string;
  /** The newest time any of its variants was seen. */
  observedAt: number;
  skus: string[];
  variantCount: number;
}

export type SuggestionReason = 'sku' | 'product-id' | 'title';

export interface Suggestion {
  key: string;
  reason: SuggestionReason;
  /** 0..1, for ordering: SKU 1, product id 0.95, titles at most 0.9. */
  score: number;
  /** What matched, for the seller: the SKU, the id, or the shared words. */
  detail: string;
}

/** Titles must share at least this much (Dice coefficient of their words) to be suggested. */
export const TITLE_THRESHOLD = 0.5;

/** Products from their variants' latest rows, newest first. */
export function productsSeen(rows: readonly Observation[]): ProductSeen[] {
  const byKey = new Map<string, ProductSeen>();
  for (const row of rows) {
    if (row.presence !== 'present') continue;
    let product = byKey.get(row.productKey);
    if (!product) {
      product = {
        key: row.productKey,
        title: row.productTitle,
        adapterId: row.adapterId,
        url: row.url,
        observedAt: row.observedAt,
        skus: [],
        variantCount: 0,
      };
      byKey.set(row.productKey, product);
    }
    product.variantCount++;
    product.observedAt = Math.max(product.observedAt, row.observedAt);
    if (row.sku) product.skus.push(row.sku);
  }
  return [...byKey.values()].sort((a, b) => b.observedAt - a.observedAt);
}

export function suggestMatches(from: ProductSeen, candidates: readonly ProductSeen[], limit = 5): Suggestion[] {
  const fromSkus = new Set(from.skus.map(normalSku).filter(Boolean));
  const fromWords = words(from.title);
  const out: Suggestion[] = [];
  for (const c of candidates) {
    if (c.key === from.key) continue;
    const sku = c.skus.find((s) => fromSkus.has(normalSku(s)));
    if (sku) {
      out.push({ key: c.key, reason: 'sku', score: 1, detail: sku });
      continue;
    }
    const id = idInSkus(c, from.skus) ?? idInSkus(from, c.skus);
    if (id) {
      out.push({ key: c.key, reason: 'product-id', score: 0.95, detail: id });
      continue;
    }
    const theirs = words(c.title);
    const shared = [...theirs].filter((w) => fromWords.has(w));
    const dice = (2 * shared.length) / (fromWords.size + theirs.size || 1);
    // Titles rank below any id match, however alike: identical titles are common among resellers.
    if (dice >= TITLE_THRESHOLD) out.push({ key: c.key, reason: 'title', score: 0.9 * dice, detail: shared.join(' ') });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, limit);
}

function normalSku(sku: string): string {
  return sku.toUpperCase().replace(/\s+/g, '');
}

/**
 * The product's own id (the key's last part, if it looks like an id) inside one of the SKUs: a numeric id
 * may touch letters ("AE1005006512345678-GRY") but not more digits; other ids must stand alone.
 */
function idInSkus(product: ProductSeen, skus: readonly string[]): string | undefined {
  const id = product.key.slice(product.key.lastIndexOf(':') + 1);
  if (id.length < 6 || !/\d/.test(id)) return undefined;
  const escaped = id.replace(/[^0-9A-Za-z]/g, '\\$&');
  const edge = /^\d+$/.test(id) ? '[0-9]' : '[0-9A-Za-z]';
  const inside = new RegExp(`(?<!${edge})${escaped}(?!${edge})`, 'i');
  return skus.some((s) => inside.test(s)) ? id : undefined;
}

// Words that say nothing about which product it is, in the languages titles come in.
const NOISE = new Set(
  'a an and the for with of in on to by new hot sale free shipping 2023 2024 2025 2026 pcs pc set 1pc für mit und de la le et pour con y para'.split(
    ' ',
  ),
);

/** Lower-case words of a title; Chinese and Japanese runs as character pairs, since they have no spaces. */
function words(title: string): Set<string> {
  const out = new Set<string>();
  for (const token of title
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)) {
    if (!token || NOISE.has(token) || /^\d*pcs?$/.test(token)) continue;
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(token) && token.length > 1) {
      for (let i = 0; i < token.length - 1; i++) out.add(token.slice(i, i + 2));
    } else if (token.length > 1 || /\d/.test(token)) out.add(token);
  }
  return out;
}
