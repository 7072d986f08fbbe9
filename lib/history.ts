// The readings history for Options > Data: clearing it (background only) and exporting it as CSV (pure).
import { toCsv } from './csv';
import type { HistoryRow, LatestRow, OversellDb } from './db';

/** Deletes every history row; the newest reading of each variant (`latest`), links and assessments stay. */
export async function clearHistory(db: OversellDb): Promise<number> {
  return db.transaction('rw', [db.history, db.latest], async () => {
    const cleared = await db.history.count();
    await db.history.clear();
    // Trimming counts from zero again, and the next reading of each variant starts its history anew.
    await db.latest.toCollection().modify((row) => {
      row.historyCount = 0;
      delete row.historyAt;
    });
    return cleared;
  });
}

export const READINGS_CSV_COLUMNS = [
  'observed_at',
  'key',
  'role',
  'product',
  'variant',
  'stock',
  'quantity',
  'unknown_reason',
  'price',
  'currency',
  'listing_status',
  'via',
] as const;

/**
 * One CSV row per history row, oldest first; product and variant names from the variant's newest reading.
 * Stock stays a kind plus a quantity column, so "unknown" never reads as 0 in a spreadsheet.
 */
export function readingsCsv(rows: readonly HistoryRow[], latest: ReadonlyMap<string, LatestRow>): string {
  const body = rows.map((row) => {
    const about = latest.get(row.key);
    const stock = row.stock;
    return [
      new Date(row.at).toISOString(),
      row.key,
      about?.role ?? '',
      asText(about?.productTitle ?? ''),
      asText(about?.label ?? ''),
      stock.kind,
      stock.kind === 'exact' || stock.kind === 'atLeast' ? String(stock.qty) : '',
      asText(stock.kind === 'unknown' ? stock.reason : ''),
      row.price ? decimal(row.price.amount, row.price.currency) : '',
      row.price?.currency ?? '',
      row.status ?? '',
      row.via,
    ];
  });
  return toCsv([[...READINGS_CSV_COLUMNS], ...body]);
}

/** Scraped text that a spreadsheet would run as a formula (`=HYPERLINK(…)` in a title) is kept as text. */
const asText = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** Minor units as a plain decimal in the currency's own digits: 129900 JPY -> "129900", 1999 USD -> "19.99". */
function decimal(minor: number, currency: string): string {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // an ISO code Intl does not know: two digits, as most currencies
  }
  return (minor / 10 ** digits).toFixed(digits);
}
