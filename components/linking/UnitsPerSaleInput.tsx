import { t } from '@/lib/i18n';

/** How many supplier units one sale uses ("pack of 2" = 2), kept within 1..1000 as the seller types. */
export function UnitsPerSaleInput({ value, onChange }: { value: number; onChange: (units: number) => void }) {
  return (
    <label>
      {t('linkUnitsPerSale')}
      <input
        name="unitsPerSale"
        type="number"
        min={1}
        max={1000}
        value={value}
        onChange={(e) => onChange(Math.max(1, Math.min(1000, Number(e.target.value) || 1)))}
      />
    </label>
  );
}
