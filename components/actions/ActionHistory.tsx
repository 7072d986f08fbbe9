// The listing's action log, on demand: when, what, by whom, the result and what changed on the channel.

import type { ActionRow } from '@/lib/db';
import { t, uiLocale } from '@/lib/i18n';
import { describeChange, say } from './say';

export function ActionHistory({ rows }: { rows: readonly ActionRow[] }) {
  if (rows.length === 0) return null;
  const when = new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'short', timeStyle: 'short' });
  return (
    <details className="action-history">
      <summary>{t('actionHistory', [rows.length])}</summary>
      <ol>
        {rows.map((row) => {
          const change = describeChange(row);
          return (
            <li key={row.id} data-result={row.result}>
              {when.format(row.at)} · {t(row.kind === 'pause' ? 'actionKindPause' : 'actionKindResume')}{' '}
              {t(row.by === 'rule' ? 'actionByRule' : 'actionBySeller')} · {t(`actionResult_${row.result}`)}
              {change && <span className="muted"> · {change}</span>}
              {row.failure && <div className="failure">{say(row.failure.words)}</div>}
              {row.notes?.map((note) => (
                <div key={note.key} className="muted">
                  {say(note)}
                </div>
              ))}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
