// The problems, grouped by severity (critical, warning, suggestion) with their counts, newest change first, in one
// virtualized list: the index gives every key; whole rows are read for the items painted only.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { loadProblemRows, type ProblemIndex, type ProblemRow, SHOWN_SEVERITIES, type ShownSeverity } from '../queries';
import { SeverityIcon } from '../SeverityIcon';
import { ProblemItem } from './ProblemItem';
import type { RowActionHandlers } from './RowActions';
import { VirtualList } from './VirtualList';

/** A group's count is null until the whole index is read (the first screen shows the newest rows only). */
type Item = { kind: 'group'; severity: ShownSeverity; count: number | null } | { kind: 'row'; key: string };

const HEADER_PX = 34;
const ROW_PX = 128;
/** Rendered beyond the visible edges once the first screen is painted (Tab and small scrolls find rows there). */
const OVERSCAN_PX = 400;
/** The list's height before it scrolls on its own: the popup (600 px at most) keeps its header and filters. */
export const LIST_MAX_PX = 430;

interface Props extends RowActionHandlers {
  index: ProblemIndex;
  now: number;
  /** Rows read before the first render (main.tsx), so the first screen paints in one go. */
  initialRows?: Map<string, ProblemRow>;
  /** Called once, after the first rows are on screen (the popup then loads what the list does not need). */
  onFirstPaint?: () => void;
}

export function ProblemList({ index, now, initialRows, onFirstPaint, ...handlers }: Props) {
  const items = useMemo(() => flatten(index), [index]);
  const [range, setRange] = useState({ start: 0, end: 12 });
  const onRangeChange = useCallback((start: number, end: number) => setRange({ start, end }), []);
  const wanted = useMemo(
    () => items.slice(range.start, range.end).flatMap((item) => (item.kind === 'row' ? [item.key] : [])),
    [items, range],
  );
  const wantedId = wanted.join('\n');
  // `wantedId` stands for `wanted` in the deps: the same keys in a new array must not read again.
  const rows = useLiveQuery(() => loadProblemRows(getDb(), wanted, now), [wantedId, now]);
  // Rows read before stay shown while a scroll's new window is read (no blank flash), then are replaced.
  const cache = useRef(new Map<string, ProblemRow>(initialRows));
  if (rows) for (const [key, row] of rows) cache.current.set(key, row);

  const painted = useRef(false);
  // The first frame holds only the rows in view; the margin below is added once they are on screen.
  const [margin, setMargin] = useState(0);
  useEffect(() => {
    const shown = wanted.length === 0 || rows !== undefined || wanted.some((k) => cache.current.has(k));
    if (painted.current || !shown) return;
    painted.current = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        setMargin(OVERSCAN_PX);
        onFirstPaint?.();
      }),
    );
  }, [rows, wanted, onFirstPaint]);

  const [scrollTo, setScrollTo] = useState<{ key: string }>();

  if (items.length === 0) return null;
  return (
    <>
      {index.complete && (
        <nav className="group-counts" aria-label={t('groupCounts')}>
          {SHOWN_SEVERITIES.filter((s) => index.keys[s].length > 0).map((severity) => (
            <button
              key={severity}
              type="button"
              className={`group-jump group-${severity}`}
              onClick={() => setScrollTo({ key: `group:${severity}` })}
            >
              <SeverityIcon severity={severity} /> {t(`group_${severity}`)}{' '}
              <span className="count">{index.keys[severity].length}</span>
            </button>
          ))}
        </nav>
      )}
      <VirtualList
        items={items}
        itemKey={itemKey}
        estimateSize={estimateSize}
        onRangeChange={onRangeChange}
        maxHeight={LIST_MAX_PX}
        label={t('problemsTitle')}
        className="problem-list"
        renderItem={(item) =>
          item.kind === 'group' ? (
            <h2 className={`group-title group-${item.severity}`}>
              <SeverityIcon severity={item.severity} /> {t(`group_${item.severity}`)}{' '}
              {item.count !== null && <span className="count">{item.count}</span>}
            </h2>
          ) : cache.current.has(item.key) ? (
            <ProblemItem row={cache.current.get(item.key)!} now={now} {...handlers} />
          ) : (
            <div className="problem-placeholder" aria-busy="true">
              {t('loading')}
            </div>
          )
        }
        scrollTo={scrollTo}
        overscanPx={margin}
      />
    </>
  );
}

function flatten({ keys, complete }: ProblemIndex): Item[] {
  const items: Item[] = [];
  for (const severity of SHOWN_SEVERITIES) {
    if (keys[severity].length === 0) continue;
    items.push({ kind: 'group', severity, count: complete ? keys[severity].length : null });
    for (const key of keys[severity]) items.push({ kind: 'row', key });
  }
  return items;
}

const itemKey = (item: Item) => (item.kind === 'group' ? `group:${item.severity}` : item.key);
const estimateSize = (item: Item) => (item.kind === 'group' ? HEADER_PX : ROW_PX);
