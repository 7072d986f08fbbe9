// The toolbar badge: critical count in red; warning count in amber when no critical remains; empty when all is well.
// Problems the seller snoozed or acknowledged do not count until their snooze ends (lib/snooze.ts).
import { browser } from 'wxt/browser';
import type { OversellDb } from './db';
import { t } from './i18n';
import { DEFAULT_SETTINGS, SEVERITY_OF, type Status, StatusSchema } from './model';
import { loadSettings } from './settings';
import { activeSnoozes } from './snooze';

export const BADGE_RED = '#C5221F';
export const BADGE_AMBER = '#B06000';

export interface BadgeState {
  text: string;
  color: string;
  critical: number;
  warning: number;
}

/**
 * Counts the listings with at least one finding among the seller's alert statuses (Options), each by its worst
 * such finding. A listing whose worst status alerts is counted through the status index; only listings whose
 * worst status does not alert are read, to look for an alerting finding further down.
 */
export async function computeBadge(
  db: OversellDb,
  alertStatuses: readonly Status[] = DEFAULT_SETTINGS.alertStatuses,
  now = Date.now(),
): Promise<BadgeState> {
  const alerting = new Set(alertStatuses);
  let critical = 0;
  let warning = 0;
  const [counts, setAside] = await Promise.all([
    Promise.all(
      [...alerting].map(async (status) => ({ status, n: await db.assessments.where('status').equals(status).count() })),
    ),
    activeSnoozes(db, now),
  ]);
  for (const { status, n } of counts) {
    if (SEVERITY_OF[status] === 'critical') critical += n;
    else if (SEVERITY_OF[status] !== 'none') warning += n;
  }
  // Snoozed and acknowledged problems need nothing from the seller now: the badge counts what still does.
  for (const { assessment } of setAside.values()) {
    if (!alerting.has(assessment.status)) continue;
    if (SEVERITY_OF[assessment.status] === 'critical') critical--;
    else if (SEVERITY_OF[assessment.status] !== 'none') warning--;
  }
  // `unlinked` is always a listing's only finding, and `ok` has none: neither can hide an alerting finding.
  const quiet = StatusSchema.options.filter((s) => !alerting.has(s) && s !== 'ok' && s !== 'unlinked');
  if (quiet.length > 0) {
    await db.assessments
      .where('status')
      .anyOf(quiet)
      .each((a) => {
        if (setAside.has(a.listingKey)) return;
        const hit = a.findings.find((f) => alerting.has(f.status));
        if (hit?.severity === 'critical') critical++;
        else if (hit) warning++;
      });
  }
  if (critical > 0) return { text: badgeNumber(critical), color: BADGE_RED, critical, warning };
  if (warning > 0) return { text: badgeNumber(warning), color: BADGE_AMBER, critical, warning };
  return { text: '', color: BADGE_RED, critical, warning };
}

/** The badge fits four characters. */
const badgeNumber = (n: number) => (n > 999 ? '999+' : String(n));

export async function updateBadge(db: OversellDb): Promise<BadgeState> {
  const state = await computeBadge(db, (await loadSettings()).alertStatuses);
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action.setBadgeBackgroundColor({ color: state.color });
  await action.setBadgeText({ text: state.text });
  const title =
    state.critical > 0
      ? t('badgeTitleCritical', [String(state.critical)])
      : state.warning > 0
        ? t('badgeTitleWarning', [String(state.warning)])
        : t('badgeTitleOk');
  await action.setTitle({ title });
  return state;
}
