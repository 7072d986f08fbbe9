// The controls of a connection form: a labelled text field with its hint and error, and a choice of sign-in
// method. Secrets are password fields; nothing typed is ever echoed back into the page after Save.
import { t } from '@/lib/i18n';
import { Field } from '../../options/Field';
import type { ConnectableChannel, Draft, DraftErrors, TextField } from './draft';

export interface FieldsProps {
  channel: ConnectableChannel;
  draft: Draft;
  errors: DraftErrors;
  set: (patch: Partial<Draft>) => void;
}

interface TextProps extends FieldsProps {
  field: TextField;
  label: string;
  hint: string;
  secret?: boolean;
}

export function TextInput({ channel, draft, errors, set, field, label, hint, secret = false }: TextProps) {
  return (
    <Field label={label} hint={hint} error={errors[field] && t(errors[field])}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          name={`${channel}-${field}`}
          type={secret ? 'password' : 'text'}
          autoComplete="off"
          spellCheck={false}
          value={draft[field]}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(e) => set({ [field]: e.target.value })}
        />
      )}
    </Field>
  );
}

/** Radio buttons for how Oversell Guard signs in (Shopify and eBay offer two ways). */
export function MethodChoice({
  channel,
  draft,
  set,
  methods,
}: FieldsProps & { methods: { method: Draft['method']; label: string }[] }) {
  return (
    <fieldset>
      <legend>{t('connMethodLegend')}</legend>
      {methods.map(({ method, label }) => (
        <label key={method} className="choice">
          <input
            type="radio"
            name={`${channel}-method`}
            value={method}
            checked={draft.method === method}
            onChange={() => set({ method })}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
