import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { getDb, type LatestRow } from '@/lib/db';
import { t } from '@/lib/i18n';
import { withSupplier } from '@/lib/linking/merge';
import { canonicalName } from '@/lib/linking/option-names';
import { proposeVariantMapping, type VariantProposal } from '@/lib/linking/variant-match';
import type { Reply, SaveLinksMessage } from '@/lib/messages';
import { describeStock } from '../describe';
import { UnitsPerSaleInput } from './UnitsPerSaleInput';

interface Props {
  listingProductKey: string;
  supplierProductKey: string;
  onSaved: (saved: number) => void;
  onBack: () => void;
}

/** The variants one product has now (gone ones cannot be linked). */
async function variantsOf(productKey: string): Promise<LatestRow[]> {
  const rows = await getDb().latest.where('productKey').equals(productKey).toArray();
  return rows.filter((r) => r.presence === 'present');
}

/**
 * The listing's variants, each with the supplier variant proposed by option values; the seller corrects
 * any row, then saves them all at once. Nothing is linked until Save.
 */
export function MappingTable({ listingProductKey, supplierProductKey, onSaved, onBack }: Props) {
  const data = useLiveQuery(async () => {
    const [listing, supplier] = await Promise.all([variantsOf(listingProductKey), variantsOf(supplierProductKey)]);
    const links = await getDb().links.bulkGet(listing.map((v) => v.key));
    return { listing, supplier, links };
  }, [listingProductKey, supplierProductKey]);
  const warehouses = useMemo(() => shipsFromValues(data?.supplier ?? []), [data?.supplier]);
  const [shipsFrom, setShipsFrom] = useState('');
  const proposals = useMemo(
    () => (data ? proposeVariantMapping(data.listing, data.supplier, { shipsFrom: shipsFrom || undefined }) : []),
    [data, shipsFrom],
  );
  // Rows the seller changed; every other row shows the proposal (which follows the warehouse choice).
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [units, setUnits] = useState(1);
  const [result, setResult] = useState<{ ok: false; text: string } | null>(null);

  if (!data) return <p className="muted">{t('loading')}</p>;
  if (data.listing.length === 0 || data.supplier.length === 0) {
    return <p className="error">{t('mapNoVariants')}</p>;
  }
  const byListing = new Map(proposals.map((p) => [p.listingKey, p]));
  const linkOf = new Map(data.links.flatMap((l) => (l ? [[l.listingKey, l] as const] : [])));
  const chosen = Object.fromEntries(
    data.listing.map((v) => [v.key, overrides[v.key] ?? byListing.get(v.key)?.offerKey ?? '']),
  );
  const count = Object.values(chosen).filter(Boolean).length;

  const save = async () => {
    const links = data.listing
      .filter((v) => chosen[v.key])
      .map((v) => ({
        listingKey: v.key,
        suppliers: withSupplier(linkOf.get(v.key)?.suppliers, chosen[v.key], supplierProductKey, units),
        bufferUnits: linkOf.get(v.key)?.bufferUnits,
      }));
    const message: SaveLinksMessage = { type: 'links:save', links };
    const reply = (await browser.runtime.sendMessage(message)) as Reply<{ saved: number }> | undefined;
    if (reply?.ok) onSaved(reply.saved);
    else setResult({ ok: false, text: reply?.error ?? t('linkFailed') });
  };

  return (
    <form
      className="mapping"
      aria-label={t('mapTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t('mapTitle')}</h3>
      <p className="muted">
        {data.listing[0].productTitle} ⇄ {data.supplier[0].productTitle}
      </p>
      {warehouses.length > 1 && (
        <label>
          {t('mapShipsFrom')}
          <select name="shipsFrom" value={shipsFrom} onChange={(e) => setShipsFrom(e.target.value)}>
            <option value="">{t('mapShipsFromAny')}</option>
            {warehouses.map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
          </select>
        </label>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('mapListingVariant')}</th>
            <th scope="col">{t('mapSupplierVariant')}</th>
          </tr>
        </thead>
        <tbody>
          {data.listing.map((v) => (
            <MappingRow
              key={v.key}
              variant={v}
              proposal={byListing.get(v.key)}
              supplier={data.supplier}
              value={chosen[v.key] ?? ''}
              linkedTo={linkOf.get(v.key)?.suppliers.length ?? 0}
              onChange={(offerKey) => setOverrides((o) => ({ ...o, [v.key]: offerKey }))}
            />
          ))}
        </tbody>
      </table>
      <UnitsPerSaleInput value={units} onChange={setUnits} />
      <div className="actions">
        <button type="button" onClick={onBack}>
          {t('mapBack')}
        </button>
        <button type="submit" disabled={count === 0}>
          {t('mapSave', [count])}
        </button>
      </div>
      {result && (
        <p role="alert" className="error">
          {result.text}
        </p>
      )}
    </form>
  );
}

interface RowProps {
  variant: LatestRow;
  proposal: VariantProposal | undefined;
  supplier: LatestRow[];
  value: string;
  linkedTo: number;
  onChange: (offerKey: string) => void;
}

function MappingRow({ variant, proposal, supplier, value, linkedTo, onChange }: RowProps) {
  const changed = proposal && value !== (proposal.offerKey ?? '');
  const note = changed
    ? t('mapNoteChanged')
    : !proposal || proposal.confidence === 'none'
      ? t('mapNoteNone')
      : proposal.alternatives.length > 0
        ? t('mapNoteAlternatives', [proposal.alternatives.length])
        : t(`mapNote_${proposal.confidence}`);
  return (
    <tr data-listing-key={variant.key} data-confidence={changed ? 'seller' : (proposal?.confidence ?? 'none')}>
      <th scope="row">
        {variant.label}
        {variant.sku ? <span className="muted"> · {variant.sku}</span> : null}
        {linkedTo > 0 && <span className="muted"> · {t('mapAlreadyLinked', [linkedTo])}</span>}
      </th>
      <td>
        <select
          aria-label={t('mapSupplierFor', [variant.label])}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{t('mapNotLinked')}</option>
          {supplier.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label} · {describeStock(o.stock)}
            </option>
          ))}
        </select>
        <span className="mapping-note">{note}</span>
      </td>
    </tr>
  );
}

/** The warehouses the supplier ships this product from, when it names them as an option. */
function shipsFromValues(supplier: readonly LatestRow[]): string[] {
  const values = new Set<string>();
  for (const v of supplier) {
    for (const [name, value] of Object.entries(v.options)) if (canonicalName(name) === 'ships-from') values.add(value);
  }
  return [...values].sort();
}
