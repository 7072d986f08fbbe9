// Which connectable channel a listing key belongs to, for the popup's Pause buttons: the one prefix map in
// lib/channels/key-prefixes.ts, which carries no zod (the popup's first paint loads none).
import { channelName, channelOfKey } from '@/lib/channels/key-prefixes';

export const channelOfListing = (listingKey: string): string | null => channelOfKey(listingKey);

export const channelLabel = (channel: string): string => channelName(channel);
