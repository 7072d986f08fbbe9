// Read-only queries the popup and options run against Dexie (through useLiveQuery). Only the
// background writes; pages change data by sending messages.

import Dexie from 'dexie';
import type { LinkRow, OversellDb } from '@/lib/db';
import type { Assessment, Observation, Severity } from '@/lib/model';

export interface ProblemRow {
  assessment: Assessment;
  listing?: Observation;
  link?: LinkRow;
  offers: Record<string, Observation | undefined>;
}

export const SHOWN_SEVERITIES = ['critical', 'warning', 'info'] as const satisfies Severity[];
export type ShownSeverity = (typeof SHOWN_SEVERITIES)[number];

export interface ProblemPage {
  /** Newest change first within each severity, at most `limit` each. */
  rows: Record<ShownSeverity, ProblemRow[]>;
  /** How many there are in all, per severity (not counting listings that are only unlinked). */
  counts: Record<ShownSeverity, number>;
  unlinked: number;
}

/**
 * The popup's problems: for each severity, the `limit` most recent changes and the total count, read through
 * the [severity+changedAt] index so 10,000 problems cost no more to open than 100.
 */
export async function loadProblemPage(db: OversellDb, limit: Record<ShownSeverity, number>): Promise<ProblemPage> {
  const pick = (severity: ShownSeverity) =>
    db.assessments
      .where('[severity+changedAt]')
      .between([severity, Dexie.minKey], [severity, Dexie.maxKey])
      .reverse()
      .filter((a) => a.status !== 'unlinked')
      .limit(limit[severity])
      .toArray();
  const [critical, warning, info, criticalCount, warningCount, infoCount, unlinked] = await Promise.all([
    pick('critical'),
    pick('warning'),
    pick('info'),
    db.assessments.where('severity').equals('critical').count(),
    db.assessments.where('severity').equals('warning').count(),
    db.assessments.where('severity').equals('info').count(),
    db.assessments.where('status').equals('unlinked').count(),
  ]);
  const assessments = [...critical, ...warning, ...info];
  const keys = assessments.map((a) => a.listingKey);
  const [listings, links] = await Promise.all([db.latest.bulkGet(keys), db.links.bulkGet(keys)]);
  const offerKeys = [...new Set(links.flatMap((l) => l?.offerKeys ?? []))];
  const offerRows = await db.latest.bulkGet(offerKeys);
  const offers = Object.fromEntries(offerKeys.map((k, i) => [k, offerRows[i]]));
  const byKey = new Map(
    assessments.map((assessment, i) => [
      assessment.listingKey,
      { assessment, listing: listings[i], link: links[i], offers },
    ]),
  );
  const rowsOf = (list: Assessment[]) => list.map((a) => byKey.get(a.listingKey)!);
  return {
    rows: { critical: rowsOf(critical), warning: rowsOf(warning), info: rowsOf(info) },
    counts: { critical: criticalCount, warning: warningCount, info: infoCount - unlinked },
    unlinked,
  };
}

/** Variants seen recently for one role, newest first: the choices when linking. */
export async function loadRecent(db: OversellDb, role: 'listing' | 'supplier', limit = 500): Promise<Observation[]> {
  return db.latest
    .where('[role+observedAt]')
    .between([role, 0], [role, Number.MAX_SAFE_INTEGER])
    .reverse()
    .limit(limit)
    .toArray();
}
