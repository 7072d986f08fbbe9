import type { Severity } from '@/lib/model';

/** The shapes: octagon (critical), triangle (warning), circle (info); the bar and dot are the "!" or "i". */
const SHAPES: Record<Severity, { body: string; mark: string }> = {
  critical: { body: 'M5 1h6l4 4v6l-4 4H5l-4-4V5z', mark: 'M8 4v5M8 11.5v.5' },
  warning: { body: 'M8 1l7.5 14h-15z', mark: 'M8 6v4.5M8 12.5v.3' },
  info: { body: 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1z', mark: 'M8 7v4.5M8 4.5v.3' },
  none: { body: '', mark: '' },
};

/** Severity as a shape as well as a colour, drawn inline so no emoji font is needed; the text beside it names it. */
export function SeverityIcon({ severity }: { severity: Severity }) {
  const { body, mark } = SHAPES[severity];
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" className={`icon icon-${severity}`}>
      <path d={body} fill="currentColor" />
      <path d={mark} stroke="var(--bg)" strokeWidth="1.9" strokeLinecap="round" />
    </svg>
  );
}
