import { useState } from 'react';
import type { LinkRow } from '@/lib/db';
import { t, uiLocale } from '@/lib/i18n';
import type { Observation } from '@/lib/model';
import { describeStock, hostOf } from '../describe';
import { ask } from './ask';
import { type LinkSort, type LinkView, listingName } from './links-view';
import { type Outcome, Status } from './Status';

interface Props {
  rows: LinkRow[];
  seen: ReadonlyMap<string, Observation | undefined>;
  view: LinkView;
  onView: (view: LinkView) => void;
  onEdit: (link: LinkRow) => void;
}

export function LinksTable({ rows, seen, view, onView, onEdit }: Props) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const sortBy = (sort: LinkSort) =>
    onView({ ...view, sort, descending: view.sort === sort ? !view.descending : sort === 'updated' });
  const header = (sort: LinkSort, label: string) => (
    <th scope="col" aria-sort={view.sort === sort ? (view.descending ? 'descending' : 'ascending') : undefined}>
      <button type="button" className="sort" onClick={() => sortBy(sort)}>
        {label}
        <span aria-hidden="true">{view.sort === sort ? (view.descending ? ' ▼' : ' ▲') : ' ↕'}</span>
      </button>
    </th>
  );
  return (
    <>
      <Status outcome={outcome} />
      <table className="links">
        <caption className="visually-hidden">{t('linksCaption')}</caption>
        <thead>
          <tr>
            {header('listing', t('colListing'))}
            {header('suppliers', t('colSuppliers'))}
            <th scope="col">{t('colBuffer')}</th>
            {header('updated', t('colUpdated'))}
            <th scope="col">{t('colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((link) => (
            <LinkTableRow key={link.listingKey} link={link} seen={seen} onEdit={onEdit} onOutcome={setOutcome} />
          ))}
        </tbody>
      </table>
    </>
  );
}

interface RowProps {
  link: LinkRow;
  seen: ReadonlyMap<string, Observation | undefined>;
  onEdit: (link: LinkRow) => void;
  onOutcome: (outcome: Outcome) => void;
}

function LinkTableRow({ link, seen, onEdit, onOutcome }: RowProps) {
  const [confirming, setConfirming] = useState(false);
  const name = listingName(link, seen);
  const listing = seen.get(link.listingKey);
  const remove = async () => {
    const reply = await ask({ type: 'link:delete', listingKey: link.listingKey });
    onOutcome(reply.ok ? { ok: true, text: t('linkDeleted', [name]) } : { ok: false, text: reply.error });
  };
  return (
    <tr data-listing-key={link.listingKey}>
      <td>
        <div>{name}</div>
        <code className="muted">{link.listingKey}</code>
        {!listing && <div className="muted">{t('neverSeen')}</div>}
      </td>
      <td>
        <ol className="suppliers">
          {[...link.suppliers]
            .sort((a, b) => a.priority - b.priority)
            .map((s, i) => {
              const offer = seen.get(s.offerKey);
              return (
                <li key={s.offerKey}>
                  <span className="role">{i === 0 ? t('supplierPrimary') : t('supplierFallback', [i])}</span>{' '}
                  {offer ? `${offer.productTitle} · ${offer.label}` : <code>{s.offerKey}</code>}
                  {s.unitsPerSale > 1 && <span className="muted"> · {t('unitsPerSaleShort', [s.unitsPerSale])}</span>}
                  <div className="muted">
                    {offer ? `${describeStock(offer.stock)} · ${hostOf(offer.url)}` : t('neverRead')}
                  </div>
                </li>
              );
            })}
        </ol>
      </td>
      <td>{link.bufferUnits === undefined ? <span className="muted">{t('bufferDefault')}</span> : link.bufferUnits}</td>
      <td>
        <time dateTime={new Date(link.updatedAt).toISOString()}>
          {new Date(link.updatedAt).toLocaleString(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' })}
        </time>
      </td>
      <td className="row-actions">
        {confirming ? (
          <>
            <span>{t('deleteConfirm')}</span>
            <button type="button" className="danger" onClick={() => void remove()}>
              {t('deleteYes')}
              <span className="visually-hidden"> {name}</span>
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('deleteNo')}
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={() => onEdit(link)}>
              {t('optEdit')}
              <span className="visually-hidden"> {name}</span>
            </button>
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              {t('optDelete')}
              <span className="visually-hidden"> {name}</span>
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
