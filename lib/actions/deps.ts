// What channel actions need from the extension, as plain functions: the worker passes the real ones
// (lib/actions.ts), unit tests pass fakes and a fake channel server.
import type { ChannelSnapshot } from '../channels';
import type { Channel, ChannelId } from '../channels/types';
import type { ActionWords, OversellDb } from '../db';
import type { Assessment, Settings } from '../model';

export interface ActionDeps {
  db: OversellDb;
  channel: (id: ChannelId) => Promise<Channel<ChannelSnapshot>>;
  /** The saved credentials of a channel, or undefined when it is not connected (lib/connections.ts). */
  credentials: (id: ChannelId) => Promise<unknown>;
  /** Whether the browser lets the worker reach this connection's API origin (host permission). */
  canReach: (id: ChannelId, credentials: unknown) => Promise<boolean>;
  settings: () => Promise<Settings>;
  now: () => number;
  /** After an action changed assessments: the badge. */
  onChanged: (changed: Assessment[]) => Promise<void>;
}

/** Why an action was not started (no row written): words for the seller and a reason the caller acts on. */
export interface Refusal {
  reason: 'no-api' | 'not-connected' | 'no-permission' | 'busy' | 'already-paused' | 'not-paused';
  words: ActionWords;
}

/**
 * Every message key lib/actions stores on a row or sends in a reply (channel errors and notes are
 * lib/channels CHANNEL_MESSAGE_KEYS); each exists in public/_locales/{en,zh_CN} (actions.test.ts checks).
 */
export const ACTION_MESSAGE_KEYS = [
  'actionAlreadyPaused',
  'actionNotPaused',
  'actionNoApi',
  'actionNotConnected',
  'actionNoPermission',
  'actionBusy',
  'actionInterrupted',
  'actionInterruptedUnchecked',
  'actionRuleCapped',
] as const;

/** The channel's name for the seller's words, before any client is at hand (a refusal). */
export { channelName } from '../channels/key-prefixes';

/** A per-channel setting (auto-pause, auto-resume, pause strategy) for any channel, absent = not set. */
export function perChannel<T>(setting: object, id: ChannelId): T | undefined {
  return (setting as Partial<Record<string, T>>)[id];
}
