// The one protocol between content scripts, popup/options and the background. Every message is
// declared here and validated with zod where it is received; senders use the typed `send*` helpers.
import { z } from 'zod';
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

export const MessageSchema = z.discriminatedUnion('type', [
  ReadingMessageSchema,
  SaveLinkMessageSchema,
  SaveLinksMessageSchema,
  DeleteLinkMessageSchema,
  RefreshMessageSchema,
  WatchSiteMessageSchema,
  UnwatchSiteMessageSchema,
  OpenPopupMessageSchema,
]);
export type Message = z.infer<typeof MessageSchema>;
export type ReadingMessage = z.infer<typeof ReadingMessageSchema>;
export type SaveLinkMessage = z.infer<typeof SaveLinkMessageSchema>;
export type SaveLinksMessage = z.infer<typeof SaveLinksMessageSchema>;
export type RefreshMessage = z.infer<typeof RefreshMessageSchema>;
export type WatchSiteMessage = z.infer<typeof WatchSiteMessageSchema>;
export type UnwatchSiteMessage = z.infer<typeof UnwatchSiteMessageSchema>;

/** Every reply: `ok` with data, or a refusal in words. Never thrown across the boundary. */
export type Refusal = { ok: false; error: string };
export type Reply<T extends object = object> = ({ ok: true } & T) | Refusal;

/** What the background tells a content script after ingesting its reading (for the on-page chip). */
export interface ReadingReply {
  variants: number;
  linkedVariants: number;
}
