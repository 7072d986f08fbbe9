import { browser } from 'wxt/browser';
import { LanguageSelect } from '@/components/options/LanguageSelect';
import { useLanguage } from '@/components/options/use-language';
import { useSettings } from '@/components/options/use-settings';
import { adapters } from '@/lib/adapters';
import { t } from '@/lib/i18n';

/** Site names from the adapter registry, so this page lists exactly what the extension reads. */
const namesOf = (role: 'supplier' | 'listing') =>
  adapters.filter((a) => a.role === role && !a.dynamic).map((a) => a.name);

/** First run (opened on install): what it reads and where, what it never does, three steps to the first link. */
export function App() {
  const settings = useSettings();
  const language = useLanguage(settings);
  return (
    <main className="welcome" data-language={language}>
      <header className="page-header">
        <h1>{t('welcomeTitle')}</h1>
        {settings && <LanguageSelect language={settings.language} />}
      </header>
      <p className="lead">{t('welcomeIntro')}</p>

      <section aria-labelledby="reads">
        <h2 id="reads">{t('welcomeReadsTitle')}</h2>
        <ul className="reads">
          <li>
            <strong>{t('welcomeReadsSuppliers')}</strong>
            <div className="sites">{namesOf('supplier').join(' · ')}</div>
          </li>
          <li>
            <strong>{t('welcomeReadsStores')}</strong>
            <div className="sites">{namesOf('listing').join(' · ')}</div>
          </li>
          <li>{t('welcomeReadsWatched')}</li>
          <li>{t('welcomeReadsRecheck')}</li>
        </ul>
      </section>

      <section aria-labelledby="never">
        <h2 id="never">{t('welcomeNeverTitle')}</h2>
        <ul className="never">
          <li>{t('welcomeNever1')}</li>
          <li>{t('welcomeNever2')}</li>
          <li>{t('welcomeNever3')}</li>
          <li>{t('welcomeNever4')}</li>
        </ul>
      </section>

      <section aria-labelledby="steps">
        <h2 id="steps">{t('welcomeStepsTitle')}</h2>
        <ol className="steps">
          <li>{t('welcomeStep1')}</li>
          <li>{t('welcomeStep2')}</li>
          <li>{t('welcomeStep3')}</li>
        </ol>
      </section>

      <p className="next">
        <a className="button-link" href={browser.runtime.getURL('/options.html')}>
          {t('welcomeOpenOptions')}
        </a>{' '}
        <span className="muted">{t('welcomeOptionsHint')}</span>
      </p>
    </main>
  );
}
