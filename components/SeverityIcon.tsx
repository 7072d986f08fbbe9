import type { Severity } from '@/lib/model';

/** Severity as a shape as well as a colour (octagon, triangle, circle), drawn inline so no emoji font is needed. */
export function SeverityIcon({ severity }: { severity: Severity }) {
  const common = {
    width: 14,
    height: 14,
    viewBox: '0 0 16 16',
    'aria-hidden': true,
    className: `icon icon-${severity}`,
  };
  if (severity === 'critical')
    return (
      <svg {...common}>
        <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor" />
        <path d="M8 4v5M8 11.5v.5" stroke="var(--bg)" strokeWidth="2" strokeLinecap="round" />
      </svg>
    );
  if (severity === 'warning')
    return (
      <svg {...common}>
        <path d="M8 1l7.5 14h-15z" fill="currentColor" />
        <path d="M8 6v4.5M8 12.5v.3" stroke="var(--bg)" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
    );
  return (
    <svg {...common}>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M8 7v4.5M8 4.5v.3" stroke="var(--bg)" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}
