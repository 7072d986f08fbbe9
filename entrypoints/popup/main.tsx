import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { type FirstScreen, loadFirstScreen } from '@/components/queries';
import { getDb } from '@/lib/db';
import { initI18n } from '@/lib/i18n';
import type { Settings } from '@/lib/model';
import { App } from './App';
import '@/components/theme.css';
import './style.css';

/**
 * The language picked in Options, read straight from storage: loadSettings would validate every setting with zod,
 * which the popup keeps out of its first chunk. Anything but a known choice means the browser's language.
 */
async function chosenLanguage(): Promise<Settings['language']> {
  const stored = (await browser.storage.local.get('settings')).settings as { language?: unknown } | undefined;
  const language = stored?.language;
  return language === 'en' || language === 'zh_CN' ? language : 'auto';
}

// The language (so no string flashes in another one) and the newest problems, read together before the first
// render: opening the database and reading the first rows overlap with loading the catalogue.
const [, firstScreen] = await Promise.all([
  chosenLanguage().then(initI18n),
  loadFirstScreen(getDb(), Date.now()).catch((error: unknown): FirstScreen | undefined => {
    console.warn('[oversell-guard] could not read the first problems; the list reads them again', error);
    return undefined;
  }),
]);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App firstScreen={firstScreen} />
  </StrictMode>,
);
