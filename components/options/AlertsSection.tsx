import { type FormEvent, useEffect, useState } from 'react';
import { t } from '@/lib/i18n';
import { SEVERITY_OF, type Settings, type Status, StatusSchema } from '@/lib/model';
import { SHOWN_SEVERITIES } from '../queries';
import { SeverityIcon } from '../SeverityIcon';
import { Status as Outcome, type Outcome as OutcomeValue } from './Status';
import { saveSettingsPatch } from './use-settings';

/** Status id -> message key, as the popup names them: `oversell-risk` -> `status_oversell_risk`. */
const statusKey = (status: string) => `status_${status.replaceAll('-', '_')}`;
const ALERTABLE = StatusSchema.options.filter((s) => s !== 'ok');

/** Which statuses count on the toolbar badge (and raise notifications), and the on-page chip. */
export function AlertsSection({ settings }: { settings: Settings }) {
  const [statuses, setStatuses] = useState(() => new Set(settings.alertStatuses));
  const [chip, setChip] = useState(settings.chipEnabled);
  const [outcome, setOutcome] = useState<OutcomeValue>(null);
  useEffect(() => {
    setStatuses(new Set(settings.alertStatuses));
    setChip(settings.chipEnabled);
  }, [settings]);
  const toggle = (status: Status, on: boolean) =>
    setStatuses((s) => {
      const next = new Set(s);
      if (on) next.add(status);
      else next.delete(status);
      return next;
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await saveSettingsPatch({ alertStatuses: ALERTABLE.filter((s) => statuses.has(s)), chipEnabled: chip });
      setOutcome({ ok: true, text: t('optSaved') });
    } catch (error) {
      setOutcome({ ok: false, text: (error as Error).message });
    }
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('alertsTitle')}</h2>
      <fieldset>
        <legend>{t('alertsLegend')}</legend>
        <p className="hint">{t('alertsHint')}</p>
        {SHOWN_SEVERITIES.map((severity) => (
          <div key={severity} className="status-group">
            <h3>
              <SeverityIcon severity={severity} /> {t(`group_${severity}`)}
            </h3>
            {ALERTABLE.filter((s) => SEVERITY_OF[s] === severity).map((status) => (
              <label key={status} className="choice">
                <input
                  type="checkbox"
                  name="alertStatuses"
                  value={status}
                  checked={statuses.has(status)}
                  onChange={(e) => toggle(status, e.target.checked)}
                />
                {t(statusKey(status))}
              </label>
            ))}
          </div>
        ))}
      </fieldset>
      <label className="choice standalone">
        <input type="checkbox" name="chipEnabled" checked={chip} onChange={(e) => setChip(e.target.checked)} />
        {t('chipLabel')}
      </label>
      <p className="hint">{t('chipHint')}</p>
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('saveAlerts')}
        </button>
        <Outcome outcome={outcome} />
      </div>
    </form>
  );
}
