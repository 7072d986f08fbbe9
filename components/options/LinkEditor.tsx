import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { getDb, type LinkRow } from '@/lib/db';
import { t } from '@/lib/i18n';
import { MAX_QTY, type Observation } from '@/lib/model';
import { describeStock, hostOf } from '../describe';
import { loadRecent } from '../queries';
import { ask } from './ask';
import { Field, FieldError, readNumber } from './Field';
import { listingName } from './links-view';
import { type Outcome, Status } from './Status';

interface Props {
  link: LinkRow;
  seen: ReadonlyMap<string, Observation | undefined>;
  onClose: () => void;
}

interface SupplierDraft {
  offerKey: string;
  units: string;
  note?: string;
}

/** One link in a modal dialog: suppliers in order (first = primary), units per sale, its own buffer. */
export function LinkEditor({ link, seen, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const recent = useLiveQuery(() => loadRecent(getDb(), 'supplier'), []);
  const [suppliers, setSuppliers] = useState<SupplierDraft[]>(() =>
    [...link.suppliers]
      .sort((a, b) => a.priority - b.priority)
      .map((s) => ({ offerKey: s.offerKey, units: String(s.unitsPerSale), note: s.note })),
  );
  const [buffer, setBuffer] = useState(link.bufferUnits === undefined ? '' : String(link.bufferUnits));
  const [adding, setAdding] = useState('');
  const [errors, setErrors] = useState<{ units: string[]; buffer?: string }>({ units: [] });
  const [outcome, setOutcome] = useState<Outcome>(null);
  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);
  const name = listingName(link, seen);
  const move = (i: number, by: -1 | 1) =>
    setSuppliers((list) => {
      const next = [...list];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });
  const offerName = (key: string) => {
    const o = seen.get(key) ?? recent?.find((r) => r.key === key);
    return o ? `${o.productTitle} · ${o.label} · ${describeStock(o.stock)} · ${hostOf(o.url)}` : key;
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const units = suppliers.map((s) => readNumber(s.units, { min: 1, max: 1000, integer: true }));
    const bufferUnits = buffer.trim() === '' ? undefined : readNumber(buffer, { min: 0, max: MAX_QTY, integer: true });
    const found = {
      units: units.map((u) => (typeof u === 'object' ? u.error : '')),
      buffer: typeof bufferUnits === 'object' ? bufferUnits.error : undefined,
    };
    setErrors(found);
    if (found.units.some(Boolean) || found.buffer) return setOutcome({ ok: false, text: t('fixFields') });
    if (suppliers.length === 0) return setOutcome({ ok: false, text: t('editorNeedsSupplier') });
    const reply = await ask({
      type: 'link:save',
      listingKey: link.listingKey,
      suppliers: suppliers.map((s, i) => ({
        offerKey: s.offerKey,
        priority: i,
        unitsPerSale: units[i] as number,
        note: s.note,
      })),
      bufferUnits: bufferUnits as number | undefined,
    });
    if (reply.ok) onClose();
    else setOutcome({ ok: false, text: reply.error });
  };

  const addable = (recent ?? []).filter(
    (o) => o.presence === 'present' && !suppliers.some((s) => s.offerKey === o.key),
  );
  return (
    <dialog ref={dialog} className="editor" aria-labelledby="editor-title" onClose={onClose}>
      <form onSubmit={save} noValidate>
        <h2 id="editor-title">{t('editorTitle')}</h2>
        <p>{name}</p>
        <h3>{t('editorSuppliers')}</h3>
        <ol className="editor-suppliers">
          {suppliers.map((s, i) => (
            <li key={s.offerKey}>
              <div className="role">{i === 0 ? t('supplierPrimary') : t('supplierFallback', [i])}</div>
              <div className="offer">{offerName(s.offerKey)}</div>
              <Field label={t('linkUnitsPerSale')} error={errors.units[i] || undefined}>
                {({ id, describedBy, invalid }) => (
                  <input
                    id={id}
                    name={`units-${i}`}
                    type="number"
                    min={1}
                    max={1000}
                    value={s.units}
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                    onChange={(e) =>
                      setSuppliers((l) => l.map((x, j) => (j === i ? { ...x, units: e.target.value } : x)))
                    }
                  />
                )}
              </Field>
              <div className="editor-row-actions">
                <button type="button" disabled={i === 0} onClick={() => move(i, -1)}>
                  {t('moveUp')}
                </button>
                <button type="button" disabled={i === suppliers.length - 1} onClick={() => move(i, 1)}>
                  {t('moveDown')}
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => setSuppliers((l) => l.filter((_, j) => j !== i))}
                >
                  {t('optRemove')}
                </button>
              </div>
            </li>
          ))}
        </ol>
        {suppliers.length === 0 && <FieldError text={t('editorNeedsSupplier')} />}
        <div className="editor-add">
          <label>
            {t('editorAddSupplier')}
            <select name="addSupplier" value={adding} onChange={(e) => setAdding(e.target.value)}>
              <option value="">{t('linkChooseSupplier')}</option>
              {addable.map((o) => (
                <option key={o.key} value={o.key}>
                  {offerName(o.key)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={!adding || suppliers.length >= 10}
            onClick={() => {
              setSuppliers((l) => [...l, { offerKey: adding, units: '1' }]);
              setAdding('');
            }}
          >
            {t('optAdd')}
          </button>
        </div>
        <Field label={t('editorBuffer')} hint={t('editorBufferHint')} error={errors.buffer}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="linkBuffer"
              type="number"
              min={0}
              value={buffer}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => setBuffer(e.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('editorSave')}
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('optCancel')}
          </button>
          <Status outcome={outcome} />
        </div>
      </form>
    </dialog>
  );
}
