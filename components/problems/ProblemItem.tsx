// One problem: what is wrong (icon and words), the listing and its channel, what was seen at each supplier and
// when, why (the evidence, on demand), the supplier's stock history (on demand), and what the seller can do.
// Scraped strings (titles, labels, evidence, failure details) are rendered as text, never as HTML.
import { lazy, memo, Suspense } from 'react';
import { t } from '@/lib/i18n';
import type { Finding, Observation } from '@/lib/model';
import { describeStock, formatMoney, formatUntil, hostOf, timeAgo } from '../describe';
import type { ProblemRow } from '../queries';
import { SeverityIcon } from '../SeverityIcon';
import { type RowActionHandlers, RowActions } from './RowActions';
import { StockHistory } from './StockHistory';

// The re-mapping offer reads the linking code: loaded only when a variant-missing row is painted.
const RemapOffer = lazy(() => import('../linking/RemapOffer').then((m) => ({ default: m.RemapOffer })));

/** Status id -> message key: `oversell-risk` -> `status_oversell_risk`. */
export const statusKey = (status: string) => `status_${status.replaceAll('-', '_')}`;

interface Props extends RowActionHandlers {
  row: ProblemRow;
  now: number;
}

export const ProblemItem = memo(function ProblemItem({ row, now, ...handlers }: Props) {
  const { assessment, listing, setAside } = row;
  const titleId = `problem-${assessment.listingKey}`;
  const worstOffer = assessment.findings.find((f) => f.offerKey)?.offerKey;
  return (
    <article
      className={`problem severity-${assessment.severity}${setAside ? ' set-aside' : ''}`}
      data-status={assessment.status}
      data-listing={assessment.listingKey}
      aria-labelledby={titleId}
    >
      <h3 className="problem-title" id={titleId}>
        <SeverityIcon severity={assessment.severity} />
        <span>{t(statusKey(assessment.status))}</span>
        <span className="muted since">{t('problemSince', [timeAgo(assessment.changedAt, now)])}</span>
      </h3>
      {setAside && (
        <p className="aside-note">
          {setAside.kind === 'acknowledge'
            ? t('setAsideAcknowledged')
            : setAside.until === undefined
              ? t('setAsideUntilChange')
              : t('setAsideUntil', [formatUntil(setAside.until, now)])}
        </p>
      )}
      <p className="problem-listing">
        <strong>{listing ? `${listing.productTitle} · ${listing.label}` : assessment.listingKey}</strong>
        {listing && <span className="muted"> · {describeListing(listing)}</span>}
      </p>
      {assessment.findings.map((finding) => (
        <FindingLine key={`${finding.status}:${finding.offerKey ?? ''}`} finding={finding} row={row} now={now} />
      ))}
      {row.link && assessment.findings.some((f) => f.status === 'variant-missing') && (
        <Suspense fallback={null}>
          <RemapOffer link={row.link} />
        </Suspense>
      )}
      <RowActions row={row} {...handlers}>
        <Evidence findings={assessment.findings} />
        {worstOffer && <StockHistory offerKey={worstOffer} now={now} />}
      </RowActions>
    </article>
  );
});

function describeListing(listing: Observation): string {
  const parts = [hostOf(listing.url), describeStock(listing.stock)];
  if (listing.status) parts.push(t(`listingStatus_${listing.status}`));
  return parts.join(' · ');
}

function FindingLine({ finding, row, now }: { finding: Finding; row: ProblemRow; now: number }) {
  const offer = finding.offerKey ? row.offers[finding.offerKey] : undefined;
  const detail = factLine(finding);
  return (
    <div className="finding" data-finding={finding.status}>
      {finding.status !== row.assessment.status && <div className="finding-status">{t(statusKey(finding.status))}</div>}
      {offer
        ? t('supplierSeen', [
            `${offer.productTitle} · ${offer.label}`,
            offer.presence === 'present' ? describeStock(offer.stock) : t(`presence_${offer.presence}`),
            timeAgo(offer.observedAt, now),
            hostOf(offer.url),
          ])
        : finding.offerKey && t('supplierNeverRead', [finding.offerKey])}
      {offer?.price && ` · ${formatMoney(offer.price)}`}
      {offer?.failure && <span className="failure"> · {offer.failure.detail}</span>}
      {detail && <div className="fact">{detail}</div>}
    </div>
  );
}

/** Why, on demand: the field or phrase that decided each finding (the page's own words, as text). */
function Evidence({ findings }: { findings: Finding[] }) {
  const withEvidence = findings.filter((f) => f.evidence.length > 0);
  if (withEvidence.length === 0) return null;
  return (
    <details className="evidence">
      <summary>{t('evidenceWhy')}</summary>
      <ul>
        {withEvidence.flatMap((f) =>
          f.evidence.map((e) => (
            <li key={`${f.status}:${f.offerKey ?? ''}:${e}`}>
              {withEvidence.length > 1 && <span className="muted">{t(statusKey(f.status))}: </span>}
              <code>{e}</code>
            </li>
          )),
        )}
      </ul>
    </details>
  );
}

/** The numbers behind a quantity or margin warning, from the finding's facts. */
function factLine(finding: Finding): string {
  const f = finding.facts;
  if (finding.status === 'qty-above-supply' && typeof f.listingQty === 'number' && typeof f.coverable === 'number')
    return t('factQtyAbove', [f.listingQty, f.coverable]);
  if (finding.status === 'margin-lost' && typeof f.margin === 'number' && typeof f.currency === 'string') {
    const money = (amount: number) => formatMoney({ amount: Math.abs(amount), currency: String(f.currency) });
    const margin = f.margin < 0 ? `−${money(f.margin)}` : money(f.margin);
    return t('factMargin', [margin, money(Number(f.minMargin ?? 0))]);
  }
  return '';
}
