// A small windowing list: only the items in view (plus a margin) are in the DOM, each measured once painted,
// so 10,000 problems cost what the dozen on screen cost. Items are absolutely placed at prefix-summed offsets;
// unmeasured ones count at their estimate until they are painted.
import {
  type FocusEvent,
  type ReactNode,
  type UIEvent,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';

interface Props<T> {
  items: readonly T[];
  itemKey: (item: T) => string;
  /** Height in px before an item is measured. */
  estimateSize: (item: T) => number;
  renderItem: (item: T, index: number) => ReactNode;
  /** The [start, end) item range in the DOM, so the caller loads data for what is painted only. */
  onRangeChange?: (start: number, end: number) => void;
  /** Tallest the list gets before it scrolls (px); also the first guess of its height. */
  maxHeight: number;
  label: string;
  className?: string;
  /** Rendered beyond the visible edges, so Tab and small scrolls find the next item already there. */
  overscanPx?: number;
  /** Scrolls the item with this key to the top; a new object asks again for the same key. */
  scrollTo?: { key: string };
}

export function VirtualList<T>({
  items,
  itemKey,
  estimateSize,
  renderItem,
  onRangeChange,
  maxHeight,
  label,
  className,
  overscanPx = 0,
  scrollTo,
}: Props<T>) {
  const scroller = useRef<HTMLElement>(null);
  const sizes = useRef(new Map<string, number>());
  const [measured, setMeasured] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(maxHeight);
  // The item holding focus stays in the DOM while scrolled away, so keyboard focus is never dropped.
  const [focusedKey, setFocusedKey] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `measured` bumps when a size changed in the ref.
  const offsets = useMemo(() => {
    const out = new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i++) {
      out[i + 1] = out[i] + (sizes.current.get(itemKey(items[i])) ?? estimateSize(items[i]));
    }
    return out;
  }, [items, itemKey, estimateSize, measured]);
  const total = offsets[items.length];

  const start = Math.max(0, firstAtOrAfter(offsets, scrollTop - overscanPx) - 1);
  const end = Math.min(items.length, firstAtOrAfter(offsets, scrollTop + viewport + overscanPx) + 1);
  useEffect(() => onRangeChange?.(start, end), [onRangeChange, start, end]);

  // Where each painted item sits and the height it was given, for keeping the view still when one above resizes.
  const placed = useRef(new Map<string, { top: number; size: number }>());
  const observer = useMemo(
    () =>
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            let changed = false;
            let shift = 0;
            const top = scroller.current?.scrollTop ?? 0;
            for (const entry of entries) {
              const key = (entry.target as HTMLElement).dataset.key;
              const height = entry.borderBoxSize?.[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight;
              if (key === undefined || height === 0 || sizes.current.get(key) === height) continue;
              const was = placed.current.get(key);
              if (was && was.top < top) shift += height - was.size;
              sizes.current.set(key, height);
              changed = true;
            }
            if (shift !== 0 && scroller.current) scroller.current.scrollTop += shift;
            if (changed) setMeasured((n) => n + 1);
          }),
    [],
  );
  useEffect(() => () => observer?.disconnect(), [observer]);
  const measure = useCallback(
    (el: HTMLDivElement | null) => {
      if (!el || !observer) return;
      observer.observe(el);
      return () => observer.unobserve(el);
    },
    [observer],
  );

  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const watch = new ResizeObserver(() => setViewport(el.clientHeight || maxHeight));
    watch.observe(el);
    return () => watch.disconnect();
  }, [maxHeight]);

  const latest = useRef({ items, offsets });
  latest.current = { items, offsets };
  // biome-ignore lint/correctness/useExhaustiveDependencies: a request scrolls once, not on every re-measure.
  useEffect(() => {
    if (!scrollTo) return;
    // Again once the rows now painted are measured: their real heights move the target from its estimate.
    const place = () => {
      const { items, offsets } = latest.current;
      const index = items.findIndex((item) => itemKey(item) === scrollTo.key);
      if (index >= 0 && scroller.current) scroller.current.scrollTop = offsets[index];
    };
    place();
    const timers = [60, 200].map((ms) => setTimeout(place, ms));
    return () => timers.forEach(clearTimeout);
  }, [scrollTo]);

  const onScroll = (e: UIEvent<HTMLElement>) => setScrollTop(e.currentTarget.scrollTop);
  const onFocus = (e: FocusEvent<HTMLElement>) =>
    setFocusedKey((e.target as HTMLElement).closest<HTMLElement>('[data-key]')?.dataset.key ?? null);

  const shown: number[] = [];
  for (let i = start; i < end; i++) shown.push(i);
  const focusedIndex = focusedKey === null ? -1 : items.findIndex((item) => itemKey(item) === focusedKey);
  if (focusedIndex >= 0 && (focusedIndex < start || focusedIndex >= end)) shown.push(focusedIndex);

  return (
    <section
      ref={scroller}
      className={`virtual ${className ?? ''}`}
      style={{ maxHeight }}
      onScroll={onScroll}
      onFocus={onFocus}
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so keys can scroll it (WCAG 2.1.1).
      tabIndex={0}
    >
      <div style={{ height: total, position: 'relative' }}>
        {shown.map((i) => {
          const key = itemKey(items[i]);
          placed.current.set(key, { top: offsets[i], size: offsets[i + 1] - offsets[i] });
          return (
            <div key={key} ref={measure} data-key={key} className="virtual-item" style={{ top: offsets[i] }}>
              {renderItem(items[i], i)}
            </div>
          );
        })}
      </div>
    </section>
  );
}

/** The index of the first item whose top is at or after `y` (binary search over the prefix sums). */
function firstAtOrAfter(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
