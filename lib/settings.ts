// Settings live in storage.local (small, read by the worker at each ingest), validated on every read:
// a corrupt or older value falls back field by field to the defaults instead of breaking the worker.
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from './model';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const parsed = SettingsSchema.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  console.warn('[oversell-guard] stored settings are invalid; using defaults', parsed.error.issues[0]);
  return DEFAULT_SETTINGS;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: SettingsSchema.parse(settings) });
}
