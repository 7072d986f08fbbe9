import { t } from '@/lib/i18n';
import type { Settings } from '@/lib/model';
import { saveSettingsPatch } from './use-settings';

/** The UI language, saved at once; the page re-renders in it when the stored setting changes. */
export function LanguageSelect({ language }: { language: Settings['language'] }) {
  return (
    <label className="language">
      {t('languageLabel')}
      <select
        name="language"
        value={language}
        onChange={(e) => void saveSettingsPatch({ language: e.target.value as Settings['language'] })}
      >
        <option value="auto">{t('languageAuto')}</option>
        <option value="en" lang="en">
          {t('languageEnglish')}
        </option>
        <option value="zh_CN" lang="zh-CN">
          {t('languageChinese')}
        </option>
      </select>
    </label>
  );
}
