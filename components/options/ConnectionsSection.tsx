import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ChannelRules } from '@/components/actions/connect/ChannelRules';
import { ConnectionCard } from '@/components/actions/connect/ConnectionCard';
import { CONNECTIONS_KEY, type ConnectionSummary, loadConnections, summarize } from '@/lib/connections';
import { t } from '@/lib/i18n';
import type { Settings } from '@/lib/model';
import { Field, readNumber } from './Field';
import { saveSettingsPatch } from './use-settings';

const CHANNELS = ['shopify', 'woocommerce', 'ebay', 'etsy', 'amazon'] as const;

/** Store connections for one-click Pause (every channel with an API), each one's pause method and optional rules. */
export function ConnectionsSection({ settings }: { settings: Settings }) {
  const summaries = useConnectionSummaries();
  const [cap, setCap] = useState(String(settings.autoDailyCap));
  const [capError, setCapError] = useState<string>();
  useEffect(() => setCap(String(settings.autoDailyCap)), [settings.autoDailyCap]);

  const saveCap = () => {
    const value = readNumber(cap, { min: 0, max: 1000, integer: true });
    setCapError(typeof value === 'object' ? value.error : undefined);
    if (typeof value === 'number' && value !== settings.autoDailyCap) void saveSettingsPatch({ autoDailyCap: value });
  };

  return (
    <section className="card" aria-labelledby="connections-title">
      <h2 id="connections-title">{t('connectionsTitle')}</h2>
      <p className="hint">{t('connectionsHint')}</p>
      {CHANNELS.map((channel) => {
        const saved = summaries?.find((s) => s.channel === channel);
        return (
          <div key={channel} className="channel-connection">
            <ConnectionCard channel={channel} saved={saved} />
            {saved && <ChannelRules channel={channel} settings={settings} />}
          </div>
        );
      })}
      <Field label={t('autoDailyCapLabel')} hint={t('autoDailyCapHint')} error={capError}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            name="autoDailyCap"
            type="number"
            min={0}
            max={1000}
            step={1}
            inputMode="numeric"
            value={cap}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => setCap(e.target.value)}
            onBlur={saveCap}
          />
        )}
      </Field>
    </section>
  );
}

/** The saved connections without their secrets, live: another options tab or a restore updates them. */
function useConnectionSummaries(): ConnectionSummary[] | undefined {
  const [summaries, setSummaries] = useState<ConnectionSummary[]>();
  useEffect(() => {
    const load = () => void loadConnections().then((c) => setSummaries(summarize(c)));
    const onChanged = (changes: Record<string, unknown>) => {
      if (CONNECTIONS_KEY in changes) load();
    };
    load();
    browser.storage.local.onChanged.addListener(onChanged);
    return () => browser.storage.local.onChanged.removeListener(onChanged);
  }, []);
  return summaries;
}
