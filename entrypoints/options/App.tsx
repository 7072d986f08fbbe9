import { AlertsSection } from '@/components/options/AlertsSection';
import { BackupSection } from '@/components/options/BackupSection';
import { ConnectionsSection } from '@/components/options/ConnectionsSection';
import { DataSection } from '@/components/options/DataSection';
import { LanguageSelect } from '@/components/options/LanguageSelect';
import { LinksSection } from '@/components/options/LinksSection';
import { RecheckSection } from '@/components/options/RecheckSection';
import { RulesSection } from '@/components/options/RulesSection';
import { useLanguage } from '@/components/options/use-language';
import { useSettings } from '@/components/options/use-settings';
import { t } from '@/lib/i18n';

/** In page order; the nav links to each section's heading. */
const SECTIONS = [
  ['rules', () => t('rulesTitle')],
  ['alerts', () => t('alertsTitle')],
  ['recheck', () => t('recheckSectionTitle')],
  ['links', () => t('linksTitle')],
  ['backup', () => t('backupTitle')],
  ['data', () => t('dataTitle')],
  ['connections', () => t('connectionsTitle')],
] as const;

export function App() {
  const settings = useSettings();
  const language = useLanguage(settings);
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('optionsTitle')}</h1>
        {settings && <LanguageSelect language={settings.language} />}
      </header>
      <nav aria-label={t('optionsNav')}>
        <ul>
          {SECTIONS.map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`}>{title()}</a>
            </li>
          ))}
        </ul>
      </nav>
      {/* `language` changes once its messages are loaded: the sections start again in it (their "Saved." lines
          were in the old one); the header, and the focus on the language select, stay. They first mount once it is
          known, so nothing typed or chosen right after the page opens is lost to that restart. */}
      <main key={language}>
        {!settings || !language ? (
          <p className="muted">{t('loading')}</p>
        ) : (
          <>
            <div id="rules">
              <RulesSection settings={settings} />
            </div>
            <div id="alerts">
              <AlertsSection settings={settings} />
            </div>
            <div id="recheck">
              <RecheckSection settings={settings} />
            </div>
            <div id="links">
              <LinksSection />
            </div>
            <div id="backup">
              <BackupSection />
            </div>
            <div id="data">
              <DataSection />
            </div>
            <div id="connections">
              <ConnectionsSection settings={settings} />
            </div>
          </>
        )}
      </main>
    </div>
  );
}
