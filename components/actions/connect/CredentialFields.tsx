// The credential fields of one channel's connection form: Shopify and WooCommerce here, the marketplaces in
// MarketplaceFields.tsx. Each field is labelled, with its hint and its own error.
import { t } from '@/lib/i18n';
import { type FieldsProps, MethodChoice, TextInput } from './inputs';
import { AmazonFields, EbayFields, EtsyFields } from './MarketplaceFields';

export function CredentialFields(props: FieldsProps) {
  switch (props.channel) {
    case 'shopify':
      return <ShopifyFields {...props} />;
    case 'woocommerce':
      return <WooFields {...props} />;
    case 'ebay':
      return <EbayFields {...props} />;
    case 'etsy':
      return <EtsyFields {...props} />;
    case 'amazon':
      return <AmazonFields {...props} />;
  }
}

function ShopifyFields(props: FieldsProps) {
  return (
    <>
      <TextInput {...props} field="shop" label={t('connShopLabel')} hint={t('connShopHint')} />
      <MethodChoice
        {...props}
        methods={[
          { method: 'token', label: t('connMethodToken') },
          { method: 'client-credentials', label: t('connMethodClient') },
        ]}
      />
      {props.draft.method === 'client-credentials' ? (
        <>
          <TextInput {...props} field="clientId" label={t('connClientIdLabel')} hint={t('connClientIdHint')} />
          <TextInput
            {...props}
            field="clientSecret"
            label={t('connClientSecretLabel')}
            hint={t('connClientSecretHint')}
            secret
          />
        </>
      ) : (
        <TextInput {...props} field="accessToken" label={t('connTokenLabel')} hint={t('connTokenHint')} secret />
      )}
    </>
  );
}

function WooFields(props: FieldsProps) {
  return (
    <>
      <TextInput {...props} field="siteUrl" label={t('connSiteLabel')} hint={t('connSiteHint')} />
      <TextInput {...props} field="consumerKey" label={t('connConsumerKeyLabel')} hint={t('connConsumerKeyHint')} />
      <TextInput
        {...props}
        field="consumerSecret"
        label={t('connConsumerSecretLabel')}
        hint={t('connConsumerSecretHint')}
        secret
      />
    </>
  );
}
