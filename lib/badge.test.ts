import { beforeEach, describe, expect, it } from 'vitest';
import { T0 } from '../tests/factories';
import { BADGE_AMBER, BADGE_RED, computeBadge } from './badge';
import { OversellDb } from './db';
import { type Assessment, DEFAULT_SETTINGS, SEVERITY_OF, type Status } from './model';

let db: OversellDb;
let n = 0;

beforeEach(async () => {
  db = new OversellDb(`badge-test-${n++}`);
  await db.open();
});

/** A stored assessment with these findings, worst first (as reconcile writes them). */
const assessed = (listingKey: string, statuses: Status[]): Assessment => ({
  listingKey,
  status: statuses[0] ?? 'ok',
  severity: SEVERITY_OF[statuses[0] ?? 'ok'],
  findings: statuses.map((status) => ({ status, severity: SEVERITY_OF[status], facts: {}, evidence: [] })),
  assessedAt: T0,
  changedAt: T0,
});

describe('computeBadge counts only the statuses the seller alerts on', () => {
  beforeEach(async () => {
    await db.assessments.bulkPut([
      assessed('risk', ['oversell-risk']),
      assessed('stale', ['stale']),
      // The worst status (switch to the fallback) does not alert by default; the margin it loses does.
      assessed('fallback', ['fallback-in-use', 'margin-lost']),
      assessed('seen', ['unlinked']),
      assessed('fine', []),
    ]);
  });

  it('by default: red for the critical one, counting the hidden margin warning too', async () => {
    expect(await computeBadge(db)).toEqual({ text: '1', color: BADGE_RED, critical: 1, warning: 1 });
    expect(await computeBadge(db, DEFAULT_SETTINGS.alertStatuses)).toEqual(await computeBadge(db));
  });

  it('without oversell risk: amber for the margin warning alone', async () => {
    const alerts = DEFAULT_SETTINGS.alertStatuses.filter((s) => s !== 'oversell-risk');
    expect(await computeBadge(db, alerts)).toEqual({ text: '1', color: BADGE_AMBER, critical: 0, warning: 1 });
  });

  it('stale data and fallbacks raise the badge only when ticked', async () => {
    expect(await computeBadge(db, ['stale', 'fallback-in-use'])).toMatchObject({ text: '2', critical: 0, warning: 2 });
  });

  it('nothing ticked: an empty badge whatever is stored', async () => {
    expect(await computeBadge(db, [])).toMatchObject({ text: '', critical: 0, warning: 0 });
  });

  it('a suggestion the seller ticks counts amber, never red', async () => {
    await db.assessments.put(assessed('back', ['restock']));
    expect(await computeBadge(db, ['restock', 'unlinked'])).toMatchObject({ text: '2', color: BADGE_AMBER });
  });
});

describe('computeBadge leaves out what the seller set aside', () => {
  beforeEach(async () => {
    await db.assessments.bulkPut([
      assessed('risk', ['oversell-risk']),
      assessed('risk-2', ['oversell-risk']),
      assessed('fallback', ['fallback-in-use', 'margin-lost']),
    ]);
  });
  const snooze = (listingKey: string, status: Status, until?: number) =>
    db.snoozes.put({ listingKey, status, kind: until ? 'snooze' : 'acknowledge', at: T0, ...(until ? { until } : {}) });

  it('an acknowledged critical and a snoozed hidden warning do not count', async () => {
    await snooze('risk', 'oversell-risk');
    await snooze('fallback', 'fallback-in-use', T0 + 3600_000);
    expect(await computeBadge(db, DEFAULT_SETTINGS.alertStatuses, T0)).toMatchObject({
      text: '1',
      critical: 1,
      warning: 0,
    });
  });

  it('count again once the snooze ends or the status changes', async () => {
    await snooze('risk', 'variant-missing');
    await snooze('fallback', 'fallback-in-use', T0 + 3600_000);
    expect(await computeBadge(db, DEFAULT_SETTINGS.alertStatuses, T0 + 3600_000)).toMatchObject({
      text: '2',
      critical: 2,
      warning: 1,
    });
  });
});
