import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n, t } from '@/lib/i18n';
import { App } from './App';
import '@/components/theme.css';
import './style.css';

// The seller's chosen language is loaded before the first render, so no string flashes in another one.
await initI18n();
document.title = t('optionsTitle');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
