// A connected channel's pause method and its optional rules (off by default), saved as soon as they change.
// Shopify and WooCommerce pause either way; eBay and Amazon only by quantity 0, Etsy only by deactivating.
import { t } from '@/lib/i18n';
import type { Settings } from '@/lib/model';
import { saveSettingsPatch } from '../../options/use-settings';
import { channelLabel } from '../channel-of';
import type { ConnectableChannel } from './draft';

export function ChannelRules({ channel, settings }: { channel: ConnectableChannel; settings: Settings }) {
  const name = channelLabel(channel);
  return (
    <div className="channel-rules">
      {channel === 'shopify' || channel === 'woocommerce' ? (
        <PauseMethod channel={channel} settings={settings} />
      ) : (
        <p className="hint pause-method-only">{onlyMethod(channel)}</p>
      )}
      <label className="choice">
        <input
          type="checkbox"
          name={`${channel}-autoPause`}
          checked={settings.autoPause[channel]}
          onChange={(e) =>
            void saveSettingsPatch({ autoPause: { ...settings.autoPause, [channel]: e.target.checked } })
          }
        />
        {t('autoPauseLabel', [name])}
      </label>
      <label className="choice">
        <input
          type="checkbox"
          name={`${channel}-autoResume`}
          checked={settings.autoResume[channel]}
          onChange={(e) =>
            void saveSettingsPatch({ autoResume: { ...settings.autoResume, [channel]: e.target.checked } })
          }
        />
        {t('autoResumeLabel', [name])}
      </label>
    </div>
  );
}

function PauseMethod({ channel, settings }: { channel: 'shopify' | 'woocommerce'; settings: Settings }) {
  return (
    <>
      <label className="choice">
        {t('pauseMethodLabel')}{' '}
        <select
          name={`${channel}-pauseStrategy`}
          value={settings.pauseStrategy[channel]}
          onChange={(e) =>
            void saveSettingsPatch({
              pauseStrategy: { ...settings.pauseStrategy, [channel]: e.target.value as 'quantity-zero' | 'deactivate' },
            })
          }
        >
          <option value="quantity-zero">{t('pauseMethodQuantity')}</option>
          <option value="deactivate">{t('pauseMethodDeactivate')}</option>
        </select>
      </label>
      <p className="hint">{t(channel === 'shopify' ? 'pauseMethodHintShopify' : 'pauseMethodHintWoo')}</p>
    </>
  );
}

/** How a channel with one way to pause does it, and why not the other. */
function onlyMethod(channel: 'ebay' | 'etsy' | 'amazon'): string {
  if (channel === 'ebay') return t('pauseMethodOnlyEbay');
  if (channel === 'etsy') return t('pauseMethodOnlyEtsy');
  return t('pauseMethodOnlyAmazon');
}
