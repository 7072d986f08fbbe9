// The one protocol between content scripts, popup/options and the background. Every message is
// declared here and validated with zod where it is received; senders use the typed `send*` helpers.
import { z } from 'zod';
import { AmazonCredentialsSchema } from './channels/amazon-schemas';
import { EbayCredentialsSchema } from './channels/ebay-schemas';
import { EtsyCredentialsSchema } from './channels/etsy-schemas';
import { ShopifyCredentialsSchema } from './channels/shopify-schemas';
import { ChannelIdSchema, PauseStrategySchema } from './channels/types';
import { WooCredentialsSchema } from './channels/woocommerce-schemas';
import { LinkSupplierSchema, MAX_QTY, ReadingSchema } from './model';

/** A reading carries at most this much JSON; a larger message is refused before parsing. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

export const ReadingMessageSchema = z.object({ type: z.literal('reading'), reading: ReadingSchema });

export const SaveLinkMessageSchema = z.object({
  type: z.literal('link:save'),
  listingKey: z.string().min(1).max(300),
  suppliers: z.array(LinkSupplierSchema).min(1).max(10),
  bufferUnits: z.number().int().min(0).max(MAX_QTY).optional(),
});

/** Several links at once (a product's variant mapping, accepted re-mappings): saved and assessed together. */
export const SaveLinksMessageSchema = z.object({
  type: z.literal('links:save'),
  links: z
    .array(SaveLinkMessageSchema.omit({ type: true }))
    .min(1)
    .max(5000),
});

export const DeleteLinkMessageSchema = z.object({ type: z.literal('link:delete'), listingKey: z.string().max(300) });

/** Links from a CSV file the options page parsed (lib/link-csv.ts): checked again, good ones saved, the rest named. */
export const ImportLinksMessageSchema = z.object({
  type: z.literal('links:import'),
  links: z
    .array(SaveLinkMessageSchema.omit({ type: true }))
    .min(1)
    .max(5000),
});

/** A whole backup file from Options; `checkBackup` (lib/backup.ts) validates all of it before anything is replaced. */
export const RestoreBackupMessageSchema = z.object({ type: z.literal('backup:restore'), backup: z.unknown() });
/** A backup may be far larger than a reading; only the extension's own pages may send one that large. */
export const MAX_BACKUP_BYTES = 48 * 1024 * 1024;

/** Options > Data: delete every history row (the newest reading of each variant stays). */
export const ClearHistoryMessageSchema = z.object({ type: z.literal('history:clear') });

/** The popup asks for fresh assessments when it opens (staleness depends on the clock, not only on readings). */
export const RefreshMessageSchema = z.object({ type: z.literal('refresh') });

/** "Watch this site" from the popup, after the seller granted the origin; `tabId` is read at once. */
export const WatchSiteMessageSchema = z.object({
  type: z.literal('site:watch'),
  origin: z.string().max(300),
  tabId: z.number().int().nonnegative().optional(),
});
export const UnwatchSiteMessageSchema = z.object({ type: z.literal('site:unwatch'), origin: z.string().max(300) });

/** The on-page chip's "Link…": open the popup as a page for the sender's tab. */
export const OpenPopupMessageSchema = z.object({ type: z.literal('popup:open') });

/** Background re-checks, from the popup: check every linked supplier product now. */
export const RecheckNowMessageSchema = z.object({ type: z.literal('recheck:now') });
/** Open the pages that need a real visit in background tabs, read them, close them (at most N an hour). */
export const RecheckVisitMessageSchema = z.object({ type: z.literal('recheck:visit') });
/** Resume re-checks on a host that showed a captcha, after the seller passed it. */
export const RecheckResumeHostMessageSchema = z.object({
  type: z.literal('recheck:resume-host'),
  host: z.string().min(1).max(300),
});

/** Channel actions, from the popup: pause one listing through its channel's API (strategy: the Options default). */
export const PauseListingMessageSchema = z.object({
  type: z.literal('listing:pause'),
  listingKey: z.string().min(1).max(300),
  strategy: PauseStrategySchema.optional(),
});
/** Restore the listing to the snapshot its last pause took. */
export const ResumeListingMessageSchema = z.object({
  type: z.literal('listing:resume'),
  listingKey: z.string().min(1).max(300),
});
/** "Pause all critical": every critical listing on a connected channel, one at a time per channel. */
export const PauseCriticalMessageSchema = z.object({ type: z.literal('listings:pause-critical') });

/** One channel's credentials as Options sends them; each field checked by the channel's own schema. */
export const ConnectionInputSchema = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('shopify'), credentials: ShopifyCredentialsSchema }),
  z.object({ channel: z.literal('woocommerce'), credentials: WooCredentialsSchema }),
  z.object({ channel: z.literal('ebay'), credentials: EbayCredentialsSchema }),
  z.object({ channel: z.literal('etsy'), credentials: EtsyCredentialsSchema }),
  z.object({ channel: z.literal('amazon'), credentials: AmazonCredentialsSchema }),
]);
export type ConnectionInput = z.infer<typeof ConnectionInputSchema>;

export const SaveConnectionMessageSchema = z.object({
  type: z.literal('connection:save'),
  connection: ConnectionInputSchema,
});
export const DeleteConnectionMessageSchema = z.object({
  type: z.literal('connection:delete'),
  channel: ChannelIdSchema,
});
/** A read-only test: of the credentials typed (not saved yet) when given, else of the saved connection. */
export const TestConnectionMessageSchema = z.object({
  type: z.literal('connection:test'),
  channel: ChannelIdSchema,
  connection: ConnectionInputSchema.optional(),
});

/** The popup sets a problem aside: hidden until `until` (ms), or until its status changes ('change', the default). */
export const SnoozeProblemMessageSchema = z.object({
  type: z.literal('problem:snooze'),
  listingKey: z.string().min(1).max(300),
  until: z.union([z.number().int().positive(), z.literal('change')]).optional(),
});
/** Seen and accepted: hidden until the problem's status changes. */
export const AcknowledgeProblemMessageSchema = z.object({
  type: z.literal('problem:acknowledge'),
  listingKey: z.string().min(1).max(300),
});
/** Shows a snoozed or acknowledged problem again. */
export const UnsnoozeProblemMessageSchema = z.object({
  type: z.literal('problem:unsnooze'),
  listingKey: z.string().min(1).max(300),
});

/**
 * Worker -> offscreen document (Chrome): read fetched HTML with an adapter. Not in MessageSchema: the
 * background never receives it; the offscreen document validates it with this schema.
 */
export const OffscreenReadMessageSchema = z.object({
  type: z.literal('offscreen:read'),
  html: z.string().max(16 * 1024 * 1024),
  url: z.string().url().max(2000),
  finalUrl: z.string().url().max(4000),
  adapterId: z.string().max(40),
});
export type OffscreenReadMessage = z.infer<typeof OffscreenReadMessageSchema>;

export const MessageSchema = z.discriminatedUnion('type', [
  ReadingMessageSchema,
  SaveLinkMessageSchema,
  SaveLinksMessageSchema,
  DeleteLinkMessageSchema,
  ImportLinksMessageSchema,
  RestoreBackupMessageSchema,
  ClearHistoryMessageSchema,
  RefreshMessageSchema,
  WatchSiteMessageSchema,
  UnwatchSiteMessageSchema,
  OpenPopupMessageSchema,
  RecheckNowMessageSchema,
  RecheckVisitMessageSchema,
  RecheckResumeHostMessageSchema,
  SnoozeProblemMessageSchema,
  AcknowledgeProblemMessageSchema,
  UnsnoozeProblemMessageSchema,
  PauseListingMessageSchema,
  ResumeListingMessageSchema,
  PauseCriticalMessageSchema,
  SaveConnectionMessageSchema,
  DeleteConnectionMessageSchema,
  TestConnectionMessageSchema,
]);
export type Message = z.infer<typeof MessageSchema>;
/** The messages lib/actions.ts answers. */
export type ActionMessage = Extract<
  Message,
  {
    type:
      | 'listing:pause'
      | 'listing:resume'
      | 'listings:pause-critical'
      | 'connection:save'
      | 'connection:delete'
      | 'connection:test';
  }
>;
export type PauseListingMessage = z.infer<typeof PauseListingMessageSchema>;
export type ResumeListingMessage = z.infer<typeof ResumeListingMessageSchema>;
export type PauseCriticalMessage = z.infer<typeof PauseCriticalMessageSchema>;
export type SaveConnectionMessage = z.infer<typeof SaveConnectionMessageSchema>;
export type DeleteConnectionMessage = z.infer<typeof DeleteConnectionMessageSchema>;
export type TestConnectionMessage = z.infer<typeof TestConnectionMessageSchema>;
export type ReadingMessage = z.infer<typeof ReadingMessageSchema>;
export type SaveLinkMessage = z.infer<typeof SaveLinkMessageSchema>;
export type SaveLinksMessage = z.infer<typeof SaveLinksMessageSchema>;
export type RefreshMessage = z.infer<typeof RefreshMessageSchema>;
export type ImportLinksMessage = z.infer<typeof ImportLinksMessageSchema>;
export type RestoreBackupMessage = z.infer<typeof RestoreBackupMessageSchema>;
export type ClearHistoryMessage = z.infer<typeof ClearHistoryMessageSchema>;
export type WatchSiteMessage = z.infer<typeof WatchSiteMessageSchema>;
export type UnwatchSiteMessage = z.infer<typeof UnwatchSiteMessageSchema>;
export type RecheckNowMessage = z.infer<typeof RecheckNowMessageSchema>;
export type RecheckVisitMessage = z.infer<typeof RecheckVisitMessageSchema>;
export type RecheckResumeHostMessage = z.infer<typeof RecheckResumeHostMessageSchema>;
export type SnoozeProblemMessage = z.infer<typeof SnoozeProblemMessageSchema>;
export type AcknowledgeProblemMessage = z.infer<typeof AcknowledgeProblemMessageSchema>;
export type UnsnoozeProblemMessage = z.infer<typeof UnsnoozeProblemMessageSchema>;

/** Every reply: `ok` with data, or a refusal in words. Never thrown across the boundary. */
export type Refusal = { ok: false; error: string };
export type Reply<T extends object = object> = ({ ok: true } & T) | Refusal;

/** What the background tells a content script after ingesting its reading (for the on-page chip). */
export interface ReadingReply {
  variants: number;
  linkedVariants: number;
}

/** The reply to `links:import`: how many links were saved, and each refused one with why. */
export interface ImportLinksReply {
  imported: number;
  refused: { listingKey: string; error: string }[];
}

/** Words for the seller across the boundary: a message key and its substitutions (rendered with t()). */
export interface Words {
  key: string;
  subs: string[];
}

/**
 * The reply to `listing:pause` / `listing:resume`: the action as recorded (its words are on its row), or why
 * none was started (not connected, already paused, busy…), in words.
 */
export type ActionReply =
  | { action: { id: number; result: 'done' | 'failed'; failure?: { code: string; words: Words } } }
  | { refused: { reason: string; words: Words } };

/** The reply to `listings:pause-critical`. */
export interface PauseCriticalReply {
  /** Listings paused now. */
  paused: number;
  /** Listings whose pause failed (each row says why). */
  failed: number;
  /** Critical listings not tried: no API for their channel, not connected, already paused or busy. */
  skipped: number;
}

/** The reply to `connection:test`: the store's name, or why it failed in words. */
export interface TestConnectionReply {
  storeName?: string;
  failure?: { code: string; words: Words };
}
