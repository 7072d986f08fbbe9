import { useState } from 'react';
import { browser } from 'wxt/browser';
import type { LinkRow } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { SaveLinkMessage } from '@/lib/messages';
import type { Observation } from '@/lib/model';
import { describeStock, hostOf } from './describe';
import { UnitsPerSaleInput } from './linking/UnitsPerSaleInput';

interface Props {
  listings: Observation[];
  suppliers: Observation[];
  links: Map<string, LinkRow>;
}

/** Link one listing variant seen recently to one supplier variant seen recently (a fallback if already linked). */
export function LinkForm({ listings, suppliers, links }: Props) {
  const [listingKey, setListingKey] = useState('');
  const [offerKey, setOfferKey] = useState('');
  const [units, setUnits] = useState(1);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const existing = links.get(listingKey);
  const available = suppliers.filter((s) => s.presence === 'present');

  const save = async () => {
    const suppliersNow = existing?.suppliers.filter((s) => s.offerKey !== offerKey) ?? [];
    const next: SaveLinkMessage = {
      type: 'link:save',
      listingKey,
      suppliers: [
        ...suppliersNow.map((s, i) => ({ ...s, priority: i })),
        { offerKey, priority: suppliersNow.length, unitsPerSale: units },
      ],
      bufferUnits: existing?.bufferUnits,
    };
    const reply = (await browser.runtime.sendMessage(next)) as { ok: boolean; error?: string } | undefined;
    setMessage(reply?.ok ? { ok: true, text: t('linkSaved') } : { ok: false, text: reply?.error ?? t('linkFailed') });
  };

  return (
    <form
      className="link-form"
      aria-label={t('linkTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>{t('linkTitle')}</h2>
      <VariantSelect
        name="listing"
        label={t('linkListing')}
        placeholder={t('linkChooseListing')}
        choices={listings}
        value={listingKey}
        onChange={setListingKey}
      />
      <VariantSelect
        name="supplier"
        label={t('linkSupplier')}
        placeholder={t('linkChooseSupplier')}
        choices={available}
        value={offerKey}
        onChange={setOfferKey}
      />
      <UnitsPerSaleInput value={units} onChange={setUnits} />
      {existing && <p className="muted">{t('linkAddsFallback', [existing.suppliers.length])}</p>}
      <button type="submit" disabled={!listingKey || !offerKey}>
        {existing ? t('linkSaveFallback') : t('linkSave')}
      </button>
      {message && (
        <p role="status" className={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
    </form>
  );
}

interface VariantSelectProps {
  name: string;
  label: string;
  placeholder: string;
  choices: Observation[];
  value: string;
  onChange: (key: string) => void;
}

function VariantSelect({ name, label, placeholder, choices, value, onChange }: VariantSelectProps) {
  return (
    <label>
      {label}
      <select name={name} value={value} onChange={(e) => onChange(e.target.value)} required>
        <option value="">{placeholder}</option>
        {choices.map((o) => (
          <option key={o.key} value={o.key}>
            {optionLabel(o)}
          </option>
        ))}
      </select>
    </label>
  );
}

function optionLabel(o: Observation): string {
  const sku = o.sku ? ` (${o.sku})` : '';
  return `${o.productTitle} — ${o.label}${sku} · ${hostOf(o.url)} · ${describeStock(o.stock)}`;
}
