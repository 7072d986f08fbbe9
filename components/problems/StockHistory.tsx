// A supplier variant's stock over the last 30 days, on demand: a step line (inline SVG) and the same in words.
// Quantities are drawn to scale; "in stock" without a count is a ring on the top edge; unknown is a gap, never 0.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb, type HistoryRow } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { Stock } from '@/lib/model';
import { describeStock, timeAgo } from '../describe';
import { loadStockHistory } from '../queries';

const DAY = 24 * 3600_000;
const WINDOW = 30 * DAY;
const W = 240;
const H = 44;
const PAD = 4;

/** The details toggle: history is read only once the seller opens it, not for every row painted. */
export function StockHistory({ offerKey, now }: { offerKey: string; now: number }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('historyShow')}</summary>
      {open && <Sparkline offerKey={offerKey} now={now} />}
    </details>
  );
}

function Sparkline({ offerKey, now }: { offerKey: string; now: number }) {
  const since = now - WINDOW;
  const rows = useLiveQuery(() => loadStockHistory(getDb(), offerKey, since), [offerKey, since]);
  if (!rows) return null;
  if (rows.length === 0) return <p className="muted">{t('historyNone')}</p>;
  return (
    <figure className="sparkline">
      {/* The caption below is the text alternative: the drawing is hidden from screen readers. */}
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true" data-points={rows.length}>
        <line x1={0} x2={W} y1={H - PAD} y2={H - PAD} className="axis" />
        {sparkSegments(rows, since, now).map((d) => (
          <path key={d} d={d} className="line" />
        ))}
        {rows
          .filter((r) => r.stock.kind === 'inStock')
          .map((r) => (
            <circle key={r.at} cx={xOf(r.at, since, now)} cy={PAD} r={2.5} className="ring" />
          ))}
      </svg>
      <figcaption>{describeHistory(rows, now)}</figcaption>
    </figure>
  );
}

/** A count to draw, or null for "in stock" (no count) and unknown. */
export function countOf(stock: Stock): number | null {
  if (stock.kind === 'exact' || stock.kind === 'atLeast') return stock.qty;
  if (stock.kind === 'outOfStock') return 0;
  return null;
}

const xOf = (at: number, since: number, now: number) => PAD + ((at - since) / Math.max(1, now - since)) * (W - 2 * PAD);

/** Step paths (each reading holds until the next), split where the count is not known. */
export function sparkSegments(rows: readonly HistoryRow[], since: number, now: number): string[] {
  const max = Math.max(1, ...rows.map((r) => countOf(r.stock) ?? 0));
  const yOf = (qty: number) => H - PAD - (qty / max) * (H - 2 * PAD);
  const segments: string[] = [];
  let d = '';
  rows.forEach((row, i) => {
    const qty = countOf(row.stock);
    const x = xOf(Math.max(row.at, since), since, now);
    const xNext = xOf(rows[i + 1]?.at ?? now, since, now);
    if (qty === null) {
      if (d) segments.push(d);
      d = '';
      return;
    }
    const y = yOf(qty).toFixed(1);
    d += `${d ? 'L' : 'M'}${x.toFixed(1)},${y}H${xNext.toFixed(1)}`;
  });
  if (d) segments.push(d);
  return segments;
}

/** The text alternative: how many readings since when, the first and the newest, and the lowest count. */
export function describeHistory(rows: readonly HistoryRow[], now: number): string {
  const first = rows[0];
  const last = rows[rows.length - 1];
  const counts = rows.map((r) => countOf(r.stock)).filter((q): q is number => q !== null);
  const words = t('historySummary', [
    rows.length,
    timeAgo(first.at, now),
    describeStock(first.stock),
    describeStock(last.stock),
  ]);
  return counts.length > 0 ? `${words} ${t('historyLowest', [Math.min(...counts)])}` : words;
}
