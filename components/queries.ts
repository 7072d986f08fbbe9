// Read-only queries the popup and options run against Dexie (through useLiveQuery). Only the
// background writes; pages change data by sending messages.
import type { LinkRow, OversellDb } from '@/lib/db';
import { type Assessment, type Observation, SEVERITY_RANK, type Severity } from '@/lib/model';

export interface ProblemRow {
  assessment: Assessment;
  listing?: Observation;
  link?: LinkRow;
  offers: Record<string, Observation | undefined>;
}

const SHOWN: Severity[] = ['critical', 'warning', 'info'];

/** Every assessment worth showing, worst first, newest change first within a severity. */
export async function loadProblemRows(db: OversellDb): Promise<ProblemRow[]> {
  const assessments = await db.assessments.where('severity').anyOf(SHOWN).toArray();
  assessments.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.changedAt - a.changedAt);
  const keys = assessments.map((a) => a.listingKey);
  const [listings, links] = await Promise.all([db.latest.bulkGet(keys), db.links.bulkGet(keys)]);
  const offerKeys = [...new Set(links.flatMap((l) => l?.offerKeys ?? []))];
  const offerRows = await db.latest.bulkGet(offerKeys);
  const offers = Object.fromEntries(offerKeys.map((k, i) => [k, offerRows[i]]));
  return assessments.map((assessment, i) => ({
    assessment,
    listing: listings[i],
    link: links[i],
    offers,
  }));
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

export async function countLinks(db: OversellDb): Promise<number> {
  return db.links.count();
}
