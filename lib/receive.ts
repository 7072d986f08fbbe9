// The background's front door: every runtime message is checked here before anything is stored.
// A bad message is dropped with a logged reason and a `{ok:false}` reply, never thrown into the page.
import { adapterById } from './adapters';
import { adapterMatches } from './adapters/define';
import { type BackupCounts, checkBackup, restoreBackup } from './backup';
import { type OversellDb, toLinkRow } from './db';
import { clearHistory } from './history';
import { type IngestResult, ingestReading, reassess, reassessAll } from './ingest';
import {
  type ActionMessage,
  type ImportLinksReply,
  MAX_BACKUP_BYTES,
  MAX_MESSAGE_BYTES,
  type Message,
  MessageSchema,
  type ReadingReply,
  type Refusal,
  type Reply,
} from './messages';
import type { Reading, Settings } from './model';
import { type SetAside, setAside } from './snooze';

/** What the receiver needs to know about who sent a message (a subset of runtime.MessageSender). */
export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export interface ReceiveDeps {
  db: OversellDb;
  runtimeId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionOrigin: string;
  settings: () => Promise<Settings>;
  now: () => number;
  /** Called after anything that can change assessments (badge, notifications); `reading` when one was ingested. */
  afterChange: (result: IngestResult | null, reading?: Reading) => Promise<void>;
  rateLimiter: TabRateLimiter;
  /** Opens the popup as a page about one tab (the chip's "Link…"). */
  openPopupFor: (tabId: number) => Promise<void>;
  /** "Watch this site" (lib/watch.ts in the extension; fakes in tests). */
  sites: { watch: (origin: string, tabId?: number) => Promise<void>; unwatch: (origin: string) => Promise<void> };
  /** Writes the settings a restored backup carries (lib/settings.ts); without it a restore is refused. */
  saveSettings?: (settings: Settings) => Promise<void>;
  /** Background re-checks (lib/recheck.ts); absent where a test does not need them. */
  recheck?: RecheckControls;
  /** Channel actions and connections (lib/actions.ts); absent where a test does not need them. */
  actions?: { receive: (message: ActionMessage) => Promise<Reply> };
}

export interface RecheckControls {
  now: () => Promise<void>;
  visit: () => Promise<{ opened: number; allowed: number }>;
  resumeHost: (host: string) => Promise<void>;
}

export async function receiveMessage(raw: unknown, sender: Sender, deps: ReceiveDeps): Promise<Reply> {
  const refused = (error: string): Refusal => {
    console.warn(`[oversell-guard] dropped a message: ${error}`);
    return { ok: false, error };
  };
  if (sender.id !== deps.runtimeId) return refused('sender is not this extension');
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return refused('message is not serialisable');
  }
  const backupFromPage =
    (raw as { type?: unknown } | null)?.type === 'backup:restore' && sender.url?.startsWith(deps.extensionOrigin);
  const limit = backupFromPage ? MAX_BACKUP_BYTES : MAX_MESSAGE_BYTES;
  if (size > limit) return refused(`message of ${size} bytes is over the ${limit} limit`);
  const parsed = MessageSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refused(`malformed message: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  const message: Message = parsed.data;
  if (message.type === 'reading') return receiveReading(message.reading, sender, deps, refused);
  if (message.type === 'popup:open') {
    if (sender.tab?.id === undefined) return refused('popup:open comes from a tab');
    await deps.openPopupFor(sender.tab.id);
    return { ok: true };
  }
  // Everything else changes the seller's data: only the extension's own pages may ask.
  if (!sender.url?.startsWith(deps.extensionOrigin))
    return refused(`${message.type} only comes from the popup or options`);
  if (message.type === 'link:save') return saveLinks([message], deps);
  if (message.type === 'links:save') return saveLinks(message.links, deps);
  if (message.type === 'link:delete') return deleteLink(message.listingKey, deps);
  if (message.type === 'links:import') return importLinks(message.links, deps);
  if (message.type === 'backup:restore') return restore(message.backup, deps);
  if (message.type === 'history:clear') return historyCleared(deps);
  if (message.type.startsWith('recheck:')) return recheckCommand(message, deps, refused);
  if (isActionMessage(message)) {
    if (!deps.actions) return refused(`${message.type}: channel actions are not available here`);
    return deps.actions.receive(message);
  }
  if (message.type.startsWith('problem:')) return problemCommand(message, deps, refused);
  if (message.type === 'site:watch' || message.type === 'site:unwatch') {
    try {
      if (message.type === 'site:watch') await deps.sites.watch(message.origin, message.tabId);
      else await deps.sites.unwatch(message.origin);
      return { ok: true };
    } catch (error) {
      return refused(`${message.type} ${message.origin}: ${(error as Error).message}`);
    }
  }
  return refresh(deps);
}

async function receiveReading(
  reading: Reading,
  sender: Sender,
  deps: ReceiveDeps,
  refused: (e: string) => Refusal,
): Promise<Reply<ReadingReply>> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !sender.tab?.url) return refused('a page reading must come from a tab');
  if (sender.frameId !== undefined && sender.frameId !== 0) return refused('readings come from the top frame only');
  if (reading.via !== 'page') return refused(`a tab cannot send a reading "via ${reading.via}"`);
  if (!sameDocument(reading.url, sender.tab.url))
    return refused(`reading URL ${reading.url} is not the sender tab's URL`);
  // The claimed adapter must read this URL (several may: generic store adapters overlap by design).
  const adapter = adapterById(reading.adapterId);
  if (!adapter || !adapterMatches(adapter, new URL(reading.url)) || adapter.role !== reading.role) {
    return refused(`adapter "${reading.adapterId}" does not read ${reading.url}`);
  }
  const productKeys = reading.page.ok ? reading.page.products.map((p) => p.key) : [reading.page.productKey ?? ''];
  // A content script may only speak for its own site's keys, so one site cannot overwrite another's stock.
  const prefix = `${adapter.keyPrefix ?? adapter.id}:`;
  if (productKeys.some((k) => k && !k.startsWith(prefix))) return refused(`product keys must start with "${prefix}"`);
  if (reading.page.ok && reading.page.products.some((p) => p.variants.some((v) => !v.key.startsWith(`${p.key}:`)))) {
    return refused('variant keys must start with their product key');
  }
  if (!deps.rateLimiter.allow(tabId, deps.now())) return refused(`tab ${tabId} is sending readings too fast`);

  const result = await ingestReading(deps.db, reading, await deps.settings(), deps.now());
  await deps.afterChange(result, reading);
  const variants = reading.page.ok ? reading.page.products.reduce((n, p) => n + p.variants.length, 0) : 0;
  return { ok: true, variants, linkedVariants: result.linkedVariants };
}

const ACTION_TYPES = new Set<string>([
  'listing:pause',
  'listing:resume',
  'listings:pause-critical',
  'connection:save',
  'connection:delete',
  'connection:test',
]);
const isActionMessage = (message: Message): message is ActionMessage => ACTION_TYPES.has(message.type);

/** Same page, ignoring the fragment (SPAs and anchors change it without changing the document). */
export function sameDocument(a: string, b: string): boolean {
  try {
    const ua = new URL(a);
    const ub = new URL(b);
    ua.hash = '';
    ub.hash = '';
    return ua.href === ub.href;
  } catch {
    return false;
  }
}

type LinkToSave = Omit<Extract<Message, { type: 'link:save' }>, 'type'>;

/** Why a link cannot be saved, or null. */
function linkProblem(link: LinkToSave): string | null {
  if (link.suppliers.some((s) => s.offerKey === link.listingKey)) return 'a listing cannot be its own supplier';
  const priorities = link.suppliers.map((s) => s.priority);
  if (new Set(priorities).size !== priorities.length) return 'two suppliers share a priority';
  const offers = link.suppliers.map((s) => s.offerKey);
  if (new Set(offers).size !== offers.length) return 'the same supplier variant is listed twice';
  return null;
}

async function recheckCommand(message: Message, deps: ReceiveDeps, refused: (e: string) => Refusal): Promise<Reply> {
  if (!deps.recheck) return refused(`${message.type}: re-checks are not available here`);
  if (message.type === 'recheck:now') await deps.recheck.now();
  else if (message.type === 'recheck:resume-host') await deps.recheck.resumeHost(message.host);
  else if (message.type === 'recheck:visit') return { ok: true, ...(await deps.recheck.visit()) };
  return { ok: true };
}

/** Snooze, acknowledge or show again one problem; the badge follows (set-aside problems do not count on it). */
async function problemCommand(message: Message, deps: ReceiveDeps, refused: (e: string) => Refusal): Promise<Reply> {
  const now = deps.now();
  if (message.type === 'problem:unsnooze') {
    await deps.db.snoozes.delete(message.listingKey);
  } else if (message.type === 'problem:snooze' || message.type === 'problem:acknowledge') {
    const request: SetAside =
      message.type === 'problem:snooze'
        ? { kind: 'snooze', listingKey: message.listingKey, until: message.until }
        : { kind: 'acknowledge', listingKey: message.listingKey };
    const result = await setAside(deps.db, request, now);
    if (!result.ok) return refused(`${message.type}: ${result.error}`);
  }
  await deps.afterChange(null);
  return { ok: true };
}

/** Saves links (all or none: one bad link refuses the batch, naming it) and assesses them in one transaction. */
async function saveLinks(links: readonly LinkToSave[], deps: ReceiveDeps): Promise<Reply<{ saved: number }>> {
  for (const link of links) {
    const problem = linkProblem(link);
    if (problem) return { ok: false, error: links.length > 1 ? `${link.listingKey}: ${problem}` : problem };
  }
  const { db } = deps;
  const now = deps.now();
  const settings = await deps.settings();
  const keys = links.map((l) => l.listingKey);
  const changed = await db.transaction('rw', [db.links, db.latest, db.assessments], async () => {
    const existing = await db.links.bulkGet(keys);
    await db.links.bulkPut(
      links.map((link, i) =>
        toLinkRow({
          listingKey: link.listingKey,
          suppliers: [...link.suppliers].sort((a, b) => a.priority - b.priority),
          bufferUnits: link.bufferUnits,
          minMargin: existing[i]?.minMargin,
          createdAt: existing[i]?.createdAt ?? now,
          updatedAt: now,
        }),
      ),
    );
    return reassess(db, keys, settings, now);
  });
  await deps.afterChange({ touchedKeys: 0, linkedVariants: 0, assessed: keys.length, changed });
  return { ok: true, saved: links.length };
}

async function refresh(deps: ReceiveDeps): Promise<Reply> {
  const changed = await reassessAll(deps.db, await deps.settings(), deps.now());
  await deps.afterChange({ touchedKeys: 0, linkedVariants: 0, assessed: changed.length, changed });
  return { ok: true };
}

async function deleteLink(listingKey: string, deps: ReceiveDeps): Promise<Reply> {
  const { db } = deps;
  const settings = await deps.settings();
  const changed = await db.transaction('rw', [db.links, db.latest, db.assessments], async () => {
    await db.links.delete(listingKey);
    return reassess(db, [listingKey], settings, deps.now());
  });
  await deps.afterChange({ touchedKeys: 0, linkedVariants: 0, assessed: 1, changed });
  return { ok: true };
}

/**
 * Links from a CSV file: each checked again (the page parsed it, but a page is not trusted blindly); the good
 * ones saved together, the bad ones named. Supplier notes survive a re-import of a file that has no notes.
 */
async function importLinks(links: readonly LinkToSave[], deps: ReceiveDeps): Promise<Reply<ImportLinksReply>> {
  const refused: ImportLinksReply['refused'] = [];
  const seen = new Set<string>();
  const good = links.filter((link) => {
    const error = seen.has(link.listingKey) ? 'the listing appears twice in the file' : linkProblem(link);
    seen.add(link.listingKey);
    if (error) refused.push({ listingKey: link.listingKey, error });
    return !error;
  });
  if (good.length === 0) return { ok: true, imported: 0, refused };
  const existing = await deps.db.links.bulkGet(good.map((l) => l.listingKey));
  const withNotes = good.map((link, i) => {
    const notes = new Map(existing[i]?.suppliers.map((s) => [s.offerKey, s.note]));
    return { ...link, suppliers: link.suppliers.map((s) => ({ ...s, note: s.note ?? notes.get(s.offerKey) })) };
  });
  const saved = await saveLinks(withNotes, deps);
  return saved.ok ? { ok: true, imported: good.length, refused } : saved;
}

async function historyCleared(deps: ReceiveDeps): Promise<Reply<{ cleared: number }>> {
  return { ok: true, cleared: await clearHistory(deps.db) };
}

/** Checks the whole file first (a newer version is refused in words), then replaces the data in one transaction. */
async function restore(raw: unknown, deps: ReceiveDeps): Promise<Reply<{ counts: BackupCounts }>> {
  const check = checkBackup(raw);
  if (!check.ok) return { ok: false, error: `backup refused (${check.problem}): ${check.detail}` };
  if (!deps.saveSettings) return { ok: false, error: 'backup:restore: settings cannot be saved here' };
  const { changed, counts } = await restoreBackup(deps.db, check.backup, deps.now());
  // Settings after the data: a failed restore leaves the old settings with the old data.
  await deps.saveSettings(check.backup.settings);
  await deps.afterChange({ touchedKeys: counts.latest, linkedVariants: 0, assessed: counts.links, changed });
  return { ok: true, counts };
}

/**
 * At most `limit` readings per tab per `windowMs`. In memory on purpose: losing it when the worker
 * dies only resets a politeness counter, nothing a seller relies on.
 */
export class TabRateLimiter {
  private readonly sent = new Map<number, number[]>();
  constructor(
    private readonly limit = 60,
    private readonly windowMs = 60_000,
  ) {}

  allow(tabId: number, now: number): boolean {
    const recent = (this.sent.get(tabId) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.sent.set(tabId, recent);
      return false;
    }
    recent.push(now);
    this.sent.set(tabId, recent);
    return true;
  }

  forget(tabId: number): void {
    this.sent.delete(tabId);
  }
}
