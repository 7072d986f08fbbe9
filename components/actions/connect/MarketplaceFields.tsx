// Connection fields for the marketplaces: eBay (a pasted user token, or the app's keys and a refresh token, and
// the out-of-stock option the API cannot see), Etsy (shop id, app keystring and shared secret, refresh token) and
// Amazon (merchant token, region, the SP-API app's LWA client and the seller's refresh token).
import { useId } from 'react';
import { t } from '@/lib/i18n';
import { Field } from '../../options/Field';
import type { Draft } from './draft';
import { type FieldsProps, MethodChoice, TextInput } from './inputs';

export function EbayFields(props: FieldsProps) {
  const { draft, set, channel } = props;
  const whyId = useId();
  return (
    <>
      <MethodChoice
        {...props}
        methods={[
          { method: 'token', label: t('connEbayMethodToken') },
          { method: 'refresh-token', label: t('connEbayMethodRefresh') },
        ]}
      />
      {draft.method === 'refresh-token' ? (
        <>
          <TextInput {...props} field="clientId" label={t('connEbayClientIdLabel')} hint={t('connEbayClientIdHint')} />
          <TextInput
            {...props}
            field="clientSecret"
            label={t('connEbayClientSecretLabel')}
            hint={t('connEbayClientSecretHint')}
            secret
          />
          <TextInput
            {...props}
            field="refreshToken"
            label={t('connRefreshTokenLabel')}
            hint={t('connEbayRefreshHint')}
            secret
          />
        </>
      ) : (
        <TextInput
          {...props}
          field="accessToken"
          label={t('connEbayTokenLabel')}
          hint={t('connEbayTokenHint')}
          secret
        />
      )}
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            name={`${channel}-outOfStockControl`}
            checked={draft.outOfStockControl}
            aria-describedby={whyId}
            onChange={(e) => set({ outOfStockControl: e.target.checked })}
          />
          {t('connEbayOutOfStockLabel')}
        </label>
        <p id={whyId} className="hint">
          {t('connEbayOutOfStockHint')}
        </p>
      </div>
    </>
  );
}

export function EtsyFields(props: FieldsProps) {
  return (
    <>
      <TextInput {...props} field="shopId" label={t('connEtsyShopIdLabel')} hint={t('connEtsyShopIdHint')} />
      <TextInput {...props} field="keystring" label={t('connEtsyKeystringLabel')} hint={t('connEtsyKeystringHint')} />
      <TextInput
        {...props}
        field="sharedSecret"
        label={t('connEtsySecretLabel')}
        hint={t('connEtsySecretHint')}
        secret
      />
      <TextInput
        {...props}
        field="refreshToken"
        label={t('connRefreshTokenLabel')}
        hint={t('connEtsyRefreshHint')}
        secret
      />
    </>
  );
}

const REGIONS = [
  { region: 'na', label: () => t('connAmazonRegionNa') },
  { region: 'eu', label: () => t('connAmazonRegionEu') },
  { region: 'fe', label: () => t('connAmazonRegionFe') },
] as const;

export function AmazonFields(props: FieldsProps) {
  const { draft, errors, set, channel } = props;
  return (
    <>
      <TextInput {...props} field="sellerId" label={t('connAmazonSellerIdLabel')} hint={t('connAmazonSellerIdHint')} />
      <Field
        label={t('connAmazonRegionLabel')}
        hint={t('connAmazonRegionHint')}
        error={errors.region && t(errors.region)}
      >
        {({ id, describedBy, invalid }) => (
          <select
            id={id}
            name={`${channel}-region`}
            value={draft.region}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => set({ region: e.target.value as Draft['region'] })}
          >
            <option value="">{t('connAmazonRegionChoose')}</option>
            {REGIONS.map(({ region, label }) => (
              <option key={region} value={region}>
                {label()}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextInput {...props} field="clientId" label={t('connAmazonClientIdLabel')} hint={t('connAmazonClientIdHint')} />
      <TextInput
        {...props}
        field="clientSecret"
        label={t('connAmazonClientSecretLabel')}
        hint={t('connAmazonClientSecretHint')}
        secret
      />
      <TextInput
        {...props}
        field="refreshToken"
        label={t('connRefreshTokenLabel')}
        hint={t('connAmazonRefreshHint')}
        secret
      />
    </>
  );
}
