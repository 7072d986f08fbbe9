// Channel actions in the extension: the worker's handlers for the popup's and options' action and connection
// messages, the pending rows a killed worker left, and the optional rules. The logic lives in lib/actions/ and
// takes the extension as plain functions (ActionDeps), so it runs in unit tests against the fake stores.
import { browser } from 'wxt/browser';
import { pauseAllCritical } from './actions/bulk';
import { type ActionDeps, channelName } from './actions/deps';
import { resolvePending } from './actions/pending';
import { runRules } from './actions/rules';
import { pauseListing, resumeListing, type Started } from './actions/run';
import { testBaseUrls } from './actions/test-base-url';
import { type ChannelSnapshot, createChannels } from './channels';
import type { Channel, ChannelId } from './channels/types';
import {
  apiOriginPatterns,
  credentialsFor,
  deleteConnection,
  loadConnections,
  recordTest,
  renewCredentials,
  saveConnection,
} from './connections';
import type { OversellDb } from './db';
import type {
  ActionMessage,
  ActionReply,
  ConnectionInput,
  PauseCriticalReply,
  Reply,
  TestConnectionReply,
} from './messages';
import type { Assessment, Settings } from './model';

export interface Actions {
  receive: (message: ActionMessage) => Promise<Reply>;
  /** Worker start: finish the rows a killed worker left pending. */
  start: () => Promise<void>;
  /** After readings or link changes: the optional rules on the assessments whose status changed. */
  afterChange: (changed: readonly Assessment[]) => Promise<void>;
}

interface ExtensionDeps {
  db: OversellDb;
  settings: () => Promise<Settings>;
  onChanged: (changed: Assessment[]) => Promise<void>;
}

export function createActions({ db, settings, onChanged }: ExtensionDeps): Actions {
  const startedAt = Date.now();
  const clients = new Map<string, Channel<ChannelSnapshot>>();
  const deps: ActionDeps = {
    db,
    settings,
    onChanged,
    now: Date.now,
    channel: async (id) => channelFor(clients, id),
    credentials: credentialsFor,
    canReach: async (id, credentials) =>
      // Loopback fakes stand in for the store in e2e builds; the store's origins are what the seller granted.
      browser.permissions.contains({ origins: apiOriginPatterns({ channel: id, credentials } as ConnectionInput) }),
  };
  const keepAlive = async () => void (await browser.runtime.getPlatformInfo());
  return {
    receive: (message) => receive(deps, message, keepAlive),
    start: async () => void (await resolvePending(deps, startedAt)),
    afterChange: (changed) => runRules(deps, changed),
  };
}

/** One client per channel and base URL, kept for the worker's life (access tokens are cached in it). */
async function channelFor(clients: Map<string, Channel<ChannelSnapshot>>, id: ChannelId) {
  const testBaseUrl = (await testBaseUrls())[id];
  const cacheKey = `${id} ${testBaseUrl ?? ''}`;
  let client = clients.get(cacheKey);
  if (!client) {
    client = createClient(id, testBaseUrl);
    clients.set(cacheKey, client);
  }
  return client;
}

/** A channel client whose renewed credentials (Etsy's rotated refresh token) are stored with its connection. */
export function createClient(id: ChannelId, testBaseUrl?: string): Channel<ChannelSnapshot> {
  return createChannels({ ...(testBaseUrl ? { testBaseUrl } : {}), saveCredentials: renewCredentials })[id];
}

async function receive(deps: ActionDeps, message: ActionMessage, keepAlive: () => Promise<void>): Promise<Reply> {
  switch (message.type) {
    case 'listing:pause':
      return replyOf(await pauseListing(deps, message.listingKey, 'seller', message.strategy));
    case 'listing:resume':
      return replyOf(await resumeListing(deps, message.listingKey, 'seller'));
    case 'listings:pause-critical':
      return { ok: true, ...(await pauseAllCritical(deps, keepAlive)) } satisfies Reply<PauseCriticalReply>;
    case 'connection:save':
      await saveConnection(message.connection, deps.now());
      return { ok: true };
    case 'connection:delete':
      await deleteConnection(message.channel);
      return { ok: true };
    case 'connection:test':
      return testConnection(deps, message.channel, message.connection);
  }
}

function replyOf(started: Started): Reply<ActionReply> {
  if (!started.ok) return { ok: true, refused: started.refusal };
  const { id, result, failure } = started.row;
  return { ok: true, action: { id, result: result === 'done' ? 'done' : 'failed', ...(failure ? { failure } : {}) } };
}

async function testConnection(
  deps: ActionDeps,
  channel: ChannelId,
  typed: ConnectionInput | undefined,
): Promise<Reply<TestConnectionReply>> {
  if (typed && typed.channel !== channel)
    return { ok: false, error: `connection:test: ${typed.channel} is not ${channel}` };
  const input = typed ?? (await loadConnections())[channel]?.input;
  if (!input)
    return {
      ok: true,
      failure: { code: 'not-connected', words: { key: 'actionNotConnected', subs: [channelName(channel)] } },
    };
  const at = deps.now();
  if (!(await deps.canReach(channel, input.credentials))) {
    const failure = { code: 'no-permission', words: { key: 'actionNoPermission', subs: [channelName(channel)] } };
    await recordTest(input, { at, failure });
    return { ok: true, failure };
  }
  const result = await (await deps.channel(channel)).testConnection(input.credentials);
  const outcome = result.ok
    ? { at, storeName: result.value.storeName }
    : { at, failure: { code: result.error.code, words: result.error.words } };
  await recordTest(input, outcome);
  return { ok: true, ...(result.ok ? { storeName: result.value.storeName } : { failure: outcome.failure }) };
}
