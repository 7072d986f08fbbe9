import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n, t } from '@/lib/i18n';
import { App } from './App';
import '@/components/theme.css';
import './style.css';

await initI18n();
document.title = t('welcomeTitle');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
