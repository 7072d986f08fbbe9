// The whole database as one versioned JSON file, and back. A file is checked completely (format, version,
// every row) before anything is replaced; a file from a newer version is refused, never half-read.
// Assessments are not saved: they are recomputed from what is restored. Credentials are never in it.
import { z } from 'zod';
import { type OversellDb, toLinkRow } from './db';
import { reassess } from './ingest';
import {
  type Assessment,
  LinkSchema,
  ListingStatusSchema,
  MoneySchema,
  ObservationSchema,
  SettingsSchema,
  StatusSchema,
  StockSchema,
  ViaSchema,
} from './model';

export const BACKUP_FORMAT = 'oversell-guard-backup';
/** Raise it when the shape changes; this version reads files of this version and below. */
export const BACKUP_VERSION = 1;

const instant = z.number().int().nonnegative();

// Rows are loose: fields are checked, and a field this file does not name yet (added to a table by a later change
// within version 1) is kept, not silently dropped on restore.

const HistoryRowSchema = z.looseObject({
  key: z.string().max(300),
  at: instant,
  stock: StockSchema,
  price: MoneySchema.optional(),
  status: ListingStatusSchema.optional(),
  via: ViaSchema,
});

const LatestRowSchema = ObservationSchema.loose().extend({
  historyCount: z.number().int().min(0),
  historyAt: instant.optional(),
});

const SnoozeRowSchema = z.looseObject({
  listingKey: z.string().max(300),
  until: instant.optional(),
  status: StatusSchema,
  kind: z.enum(['snooze', 'acknowledge']),
  at: instant,
});

const WordsSchema = z.object({ key: z.string().max(100), subs: z.array(z.string().max(500)).max(5) });

const ActionRowSchema = z.looseObject({
  id: z.number().int().positive().optional(),
  listingKey: z.string().max(300),
  kind: z.enum(['pause', 'resume']),
  at: instant,
  by: z.enum(['seller', 'rule']),
  result: z.enum(['pending', 'done', 'failed']),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  error: z.string().max(2000).optional(),
  // What resume needs and the seller's words (lib/actions/run.ts): without them a restored pause could not be undone.
  strategy: z.enum(['quantity-zero', 'deactivate']).optional(),
  notes: z.array(WordsSchema).max(10).optional(),
  failure: z
    .object({ code: z.string().max(40), words: WordsSchema, retryAfterMs: z.number().int().nonnegative().optional() })
    .optional(),
  finishedAt: instant.optional(),
});

export const BackupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: instant,
    settings: SettingsSchema,
    links: z.array(LinkSchema.loose()).max(200_000),
    latest: z.array(LatestRowSchema).max(2_000_000),
    /** Optional: it is most of the size, and a seller may move links and settings without it. */
    history: z.array(HistoryRowSchema).max(10_000_000).optional(),
    snoozes: z.array(SnoozeRowSchema).max(200_000),
    actions: z.array(ActionRowSchema).max(1_000_000),
  })
  .superRefine((backup, ctx) => {
    const unique = (path: string, keys: (string | number | undefined)[]) => {
      const seen = new Set<string | number>();
      keys.forEach((k, i) => {
        if (k === undefined) return;
        if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [path, i], message: `"${k}" appears twice` });
        seen.add(k);
      });
    };
    unique(
      'links',
      backup.links.map((l) => l.listingKey),
    );
    unique(
      'latest',
      backup.latest.map((r) => r.key),
    );
    unique(
      'snoozes',
      backup.snoozes.map((s) => s.listingKey),
    );
    unique(
      'actions',
      backup.actions.map((a) => a.id),
    );
  });
export type Backup = z.infer<typeof BackupSchema>;

export type BackupProblem = 'not-json' | 'not-a-backup' | 'future-version' | 'invalid';
export type BackupCheck = { ok: true; backup: Backup } | { ok: false; problem: BackupProblem; detail: string };

/** The file's text -> a backup, or why not (the detail names the version or the first rows that do not fit). */
export function parseBackup(text: string): BackupCheck {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, problem: 'not-json', detail: (error as Error).message };
  }
  return checkBackup(data);
}

export function checkBackup(data: unknown): BackupCheck {
  const head = (typeof data === 'object' && data !== null ? data : {}) as { format?: unknown; version?: unknown };
  if (head.format !== BACKUP_FORMAT) return { ok: false, problem: 'not-a-backup', detail: String(head.format ?? '') };
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION)
    return { ok: false, problem: 'future-version', detail: String(head.version) };
  const parsed = BackupSchema.safeParse(data);
  if (parsed.success) return { ok: true, backup: parsed.data };
  const detail = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`)
    .join('; ');
  return { ok: false, problem: 'invalid', detail };
}

export interface BackupCounts {
  links: number;
  latest: number;
  history: number;
  snoozes: number;
  actions: number;
}

export const countsOf = (b: Backup): BackupCounts => ({
  links: b.links.length,
  latest: b.latest.length,
  history: b.history?.length ?? 0,
  snoozes: b.snoozes.length,
  actions: b.actions.length,
});

/** Reads the whole database in one read transaction, so the file is one consistent moment. */
export async function buildBackup(
  db: OversellDb,
  settings: Backup['settings'],
  now: number,
  { history }: { history: boolean },
): Promise<Backup> {
  return db.transaction('r', [db.links, db.latest, db.history, db.snoozes, db.actions], async () => {
    const backup: Backup = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now,
      settings,
      links: (await db.links.toArray()).map(({ offerKeys: _, ...link }) => link),
      latest: await db.latest.toArray(),
      // The table row interfaces name no index signature; the loose row schemas do (extra fields are kept).
      snoozes: (await db.snoozes.toArray()) as Backup['snoozes'],
      actions: (await db.actions.toArray()) as Backup['actions'],
    };
    if (history) backup.history = (await db.history.toArray()).map(({ id: _, ...row }) => row);
    return backup;
  });
}

/**
 * Replaces links, readings, history, snoozes and actions with the backup's in one transaction (all or nothing),
 * then assesses every restored listing against the old assessments, so only real changes notify.
 * Without history in the file, history is emptied too: it would describe readings that are no longer there.
 */
export async function restoreBackup(
  db: OversellDb,
  backup: Backup,
  now: number,
): Promise<{ changed: Assessment[]; counts: BackupCounts }> {
  const replaced = [db.links, db.latest, db.history, db.snoozes, db.actions, db.pages];
  return db.transaction('rw', [...replaced, db.assessments], async () => {
    for (const table of replaced) await table.clear();
    const perKey = new Map<string, number>();
    for (const row of backup.history ?? []) perKey.set(row.key, (perKey.get(row.key) ?? 0) + 1);
    // History counts drive trimming (lib/ingest.ts): they must match the rows restored.
    const latest = backup.latest.map((row) =>
      backup.history
        ? { ...row, historyCount: perKey.get(row.key) ?? 0 }
        : { ...row, historyCount: 0, historyAt: undefined },
    );
    await db.links.bulkAdd(backup.links.map(toLinkRow));
    await db.latest.bulkAdd(latest);
    if (backup.history) await db.history.bulkAdd(backup.history);
    await db.snoozes.bulkAdd(backup.snoozes);
    await db.actions.bulkAdd(backup.actions);

    const listings = latest.filter((r) => r.role === 'listing').map((r) => r.key);
    const keys = [...new Set([...backup.links.map((l) => l.listingKey), ...listings])];
    const changed = await reassess(db, keys, backup.settings, now);
    const kept = new Set(keys);
    const orphans = (await db.assessments.toCollection().primaryKeys()).filter((k) => !kept.has(k as string));
    await db.assessments.bulkDelete(orphans);
    return { changed, counts: countsOf(backup) };
  });
}
