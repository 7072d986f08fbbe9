// The settings as stored (storage.local), live: a restore or another options tab updates every section.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Settings } from '@/lib/model';
import { SettingsSchema } from '@/lib/model';
import { loadSettings, saveSettings } from '@/lib/settings';
import { ask } from './ask';

export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    const load = () => void loadSettings().then(setSettings);
    const onChanged = (changes: Record<string, unknown>) => {
      if ('settings' in changes) load();
    };
    load();
    browser.storage.local.onChanged.addListener(onChanged);
    return () => browser.storage.local.onChanged.removeListener(onChanged);
  }, []);
  return settings;
}

/**
 * Saves some fields over the stored settings, then asks the worker to re-assess: rules decide what is a problem,
 * and the alert statuses what the badge counts.
 */
export async function saveSettingsPatch(patch: Partial<Settings>): Promise<void> {
  await saveSettings(SettingsSchema.parse({ ...(await loadSettings()), ...patch }));
  await ask({ type: 'refresh' });
}
