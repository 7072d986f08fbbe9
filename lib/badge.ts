// The toolbar badge: critical count in red; warning count in amber when no critical remains; empty when all is well.
import { browser } from 'wxt/browser';
import type { OversellDb } from './db';
import { t } from './i18n';

export const BADGE_RED = '#C5221F';
export const BADGE_AMBER = '#B06000';

export interface BadgeState {
  text: string;
  color: string;
  critical: number;
  warning: number;
}

export async function computeBadge(db: OversellDb): Promise<BadgeState> {
  const [critical, warning] = await Promise.all([
    db.assessments.where('severity').equals('critical').count(),
    db.assessments.where('severity').equals('warning').count(),
  ]);
  if (critical > 0) return { text: badgeNumber(critical), color: BADGE_RED, critical, warning };
  if (warning > 0) return { text: badgeNumber(warning), color: BADGE_AMBER, critical, warning };
  return { text: '', color: BADGE_RED, critical, warning };
}

/** The badge fits four characters. */
const badgeNumber = (n: number) => (n > 999 ? '999+' : String(n));

export async function updateBadge(db: OversellDb): Promise<BadgeState> {
  const state = await computeBadge(db);
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
