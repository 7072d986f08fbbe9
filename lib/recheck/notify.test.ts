import { beforeEach, describe, expect, it } from 'vitest';
import { listingReading, T0 } from '../../tests/factories';
import { OversellDb } from '../db';
import { ingestReading } from '../ingest';
import { type Assessment, DEFAULT_SETTINGS, SEVERITY_OF, type Status } from '../model';
import { GROUP_ID, type Notifier, notifyCritical, type Phrases } from './notify';

let db: OversellDb;
let n = 0;
let shown: Map<string, string>;
const notifier: Notifier = {
  shown: async () => [...shown.keys()],
  show: async (id, title, message) => {
    shown.set(id, `${title} | ${message}`);
  },
  clear: async (id) => {
    shown.delete(id);
  },
};
const phrases: Phrases = {
  title: 'Act now',
  one: (label, status) => `${label}: ${status}`,
  groupTitle: (count) => `${count} can oversell`,
  groupMessage: (labels, more) => `${labels.join(', ')}${more ? ` +${more}` : ''}`,
};

beforeEach(async () => {
  db = new OversellDb(`recheck-notify-${n++}`);
  await db.open();
  shown = new Map();
  await ingestReading(
    db,
    listingReading(['1', '2', '3', '4', '5'].map((id) => ({ id, options: { Size: `S${id}` } }))),
    DEFAULT_SETTINGS,
    T0,
  );
});

const key = (id: string) => `shopify:acme-goods:8123456789:${id}`;
const changed = (id: string, status: Status): Assessment => ({
  listingKey: key(id),
  status,
  severity: SEVERITY_OF[status],
  findings: [],
  assessedAt: T0,
  changedAt: T0,
});
const notify = (list: Assessment[], settings = DEFAULT_SETTINGS) =>
  notifyCritical(db, list, settings, notifier, phrases);

describe('notifyCritical', () => {
  it('one notification per link that turned critical, named by the listing', async () => {
    await notify([changed('1', 'oversell-risk'), changed('2', 'qty-above-supply'), changed('3', 'ok')]);
    expect(Object.fromEntries(shown)).toEqual({
      [`critical:${key('1')}`]: 'Act now | Trail Backpack / S1: oversell-risk',
    });
  });

  it('a second change of the same link replaces its notification instead of stacking', async () => {
    await notify([changed('1', 'oversell-risk')]);
    await notify([changed('1', 'variant-missing')]);
    expect([...shown.keys()]).toEqual([`critical:${key('1')}`]);
    expect(shown.get(`critical:${key('1')}`)).toContain('variant-missing');
  });

  it('groups into one notification when more than three would show', async () => {
    await notify([changed('1', 'oversell-risk'), changed('2', 'oversell-risk')]);
    for (const id of ['1', '2', '3', '4']) {
      await db.assessments.put({ ...changed(id, 'oversell-risk') });
    }
    await notify([changed('3', 'oversell-risk'), changed('4', 'variant-missing')]);
    expect([...shown.keys()]).toEqual([GROUP_ID]);
    expect(shown.get(GROUP_ID)).toBe('4 can oversell | Trail Backpack / S3, Trail Backpack / S4');
    // Later ones update the summary rather than adding singles beside it.
    await notify([changed('5', 'oversell-risk')]);
    expect([...shown.keys()]).toEqual([GROUP_ID]);
  });

  it('says nothing about statuses the seller does not alert on', async () => {
    await notify([changed('1', 'oversell-risk')], { ...DEFAULT_SETTINGS, alertStatuses: ['variant-missing'] });
    expect(shown.size).toBe(0);
  });
});
