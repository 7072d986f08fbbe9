import { t } from '@/lib/i18n';
import type { Finding, Observation } from '@/lib/model';
import { describeStock, formatMoney, hostOf, timeAgo } from './describe';
import { RemapOffer } from './linking/RemapOffer';
import { type ProblemPage, type ProblemRow, SHOWN_SEVERITIES, type ShownSeverity } from './queries';
import { SeverityIcon } from './SeverityIcon';

/** Status id -> message key: `oversell-risk` -> `status_oversell_risk`. */
const statusKey = (status: string) => `status_${status.replaceAll('-', '_')}`;

/** Rows shown per group at first and added by "Show more": the popup paints fast whatever the store's size. */
export const PAGE_SIZE = 50;

interface Props {
  page: ProblemPage;
  now: number;
  onShowMore: (severity: ShownSeverity) => void;
}

export function ProblemList({ page, now, onShowMore }: Props) {
  return (
    <>
      {SHOWN_SEVERITIES.map((severity) => {
        const rows = page.rows[severity];
        const total = page.counts[severity];
        if (rows.length === 0) return null;
        return (
          <section key={severity} className={`group group-${severity}`} aria-label={t(`group_${severity}`)}>
            <h2>
              <SeverityIcon severity={severity} /> {t(`group_${severity}`)} <span className="count">{total}</span>
            </h2>
            <ul className="problems">
              {rows.map((row) => (
                <ProblemItem key={row.assessment.listingKey} row={row} now={now} />
              ))}
            </ul>
            {rows.length < total && (
              <button type="button" className="more" onClick={() => onShowMore(severity)}>
                {t('showMore', [rows.length, total])}
              </button>
            )}
          </section>
        );
      })}
    </>
  );
}

function ProblemItem({ row, now }: { row: ProblemRow; now: number }) {
  const { assessment, listing } = row;
  const worst = assessment.findings[0];
  const offer = worst?.offerKey ? row.offers[worst.offerKey] : undefined;
  return (
    <li className={`problem severity-${assessment.severity}`} data-status={assessment.status}>
      <div className="problem-title">
        <strong>{t(statusKey(assessment.status))}</strong>
      </div>
      <div className="problem-listing">
        {listing ? `${listing.productTitle} · ${listing.label}` : assessment.listingKey}
        {listing && <span className="muted"> · {describeListing(listing)}</span>}
      </div>
      {assessment.findings.map((finding) => (
        <FindingLine key={`${finding.status}:${finding.offerKey ?? ''}`} finding={finding} row={row} now={now} />
      ))}
      {row.link && assessment.findings.some((f) => f.status === 'variant-missing') && <RemapOffer link={row.link} />}
      <div className="actions">
        <button type="button" disabled title={t('pauseNotConnected')}>
          {t('actionPause')}
        </button>
        {offer && (
          <a href={offer.url} target="_blank" rel="noreferrer">
            {t('actionOpenSupplier')}
          </a>
        )}
        {listing && (
          <a href={listing.url} target="_blank" rel="noreferrer">
            {t('actionOpenListing')}
          </a>
        )}
      </div>
    </li>
  );
}

function describeListing(listing: Observation): string {
  const parts = [hostOf(listing.url), describeStock(listing.stock)];
  if (listing.status) parts.push(t(`listingStatus_${listing.status}`));
  return parts.join(' · ');
}

function FindingLine({ finding, row, now }: { finding: Finding; row: ProblemRow; now: number }) {
  const offer = finding.offerKey ? row.offers[finding.offerKey] : undefined;
  const seen = offer
    ? t('supplierSeen', [
        `${offer.productTitle} · ${offer.label}`,
        offer.presence === 'present' ? describeStock(offer.stock) : t(`presence_${offer.presence}`),
        timeAgo(offer.observedAt, now),
        hostOf(offer.url),
      ])
    : '';
  const price = offer?.price ? ` · ${formatMoney(offer.price)}` : '';
  return (
    <div className="finding" data-finding={finding.status}>
      {finding.status !== row.assessment.status && (
        <span className="finding-status">{t(statusKey(finding.status))}: </span>
      )}
      {seen}
      {price}
      {offer?.failure && <span className="failure"> · {offer.failure.detail}</span>}
      {finding.evidence.length > 0 && (
        <details className="evidence">
          <summary>{t('evidenceWhy')}</summary>
          <ul>
            {finding.evidence.map((e) => (
              <li key={e}>
                <code>{e}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
