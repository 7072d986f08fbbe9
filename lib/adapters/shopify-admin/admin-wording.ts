// What the admin's list pages say in words, where no attribute carries the fact: status badges, inventory
// summaries, column headings, empty states, the location picker. English, German and Simplified Chinese (the
// admin languages the fixtures and tests cover); German and Chinese follow Shopify's help centre and Polaris' own
// translations where those show the wording (IndexTable "Keine Produkte gefunden", "找不到 产品").
import type { ListingStatus } from '../../model';
import { wholeNumber } from './fields';

/** Status badges, lower-cased. UNLISTED still sells through a direct link, so it is active (as in fields.ts). */
const STATUS_WORDS: Record<string, ListingStatus> = {
  active: 'active',
  aktiv: 'active',
  有效: 'active',
  活跃: 'active',
  unlisted: 'active',
  'nicht gelistet': 'active',
  未列出: 'active',
  draft: 'draft',
  entwurf: 'draft',
  草稿: 'draft',
  archived: 'archived',
  archiviert: 'archived',
  已归档: 'archived',
};
const STATUS_ENTRIES = Object.entries(STATUS_WORDS);

/**
 * The status a badge cell shows. Polaris puts a visually hidden tone label before the badge text
 * ("Success Active", "Erfolg Aktiv"), so the status is the word the cell ends with.
 */
export function statusOfBadge(cellText: string): { status: ListingStatus; word: string } | null {
  if (cellText.length > 40) return null;
  const text = cellText.toLowerCase();
  for (const [word, status] of STATUS_ENTRIES) {
    if (!text.endsWith(word)) continue;
    const before = text.charAt(text.length - word.length - 1);
    // Latin words end a word of their own ("Inactive" is no "active"); CJK words follow anything.
    if (before === '' || before === ' ' || word.charCodeAt(0) > 0x2e80) return { status, word };
  }
  return null;
}

// "12 in stock", "0 in stock for 3 variants", "-2 in stock"; "12 auf Lager für 3 Varianten"; "12 件库存".
const IN_STOCK = /^([-−]?\d[\d.,' ]*?)\s*(?:in stock|auf lager|件库存)/i;
const VARIANT_COUNT = /(\d+)\s*(?:variants?|varianten?|个多属性|个变体)/i;

/** Shown instead of a quantity when tracking is off: Shopify keeps selling whatever the count. */
export const NOT_TRACKED = /(?:inventory\s+)?not\s+tracked|nicht\s+(?:nach)?verfolgt|未跟踪库存|不跟踪库存|未跟踪/i;

export type InventorySummary =
  | { kind: 'count'; qty: number; variants: number; phrase: string }
  | { kind: 'untracked'; phrase: string };

/** The products list's inventory column, or null when the text is not one. */
export function readInventorySummary(cellText: string): InventorySummary | null {
  if (cellText.length > 80) return null;
  const count = IN_STOCK.exec(cellText);
  const qty = count ? wholeNumber(count[1]) : null;
  if (count && qty !== null) {
    const variants = Number(VARIANT_COUNT.exec(cellText.slice(count[0].length))?.[1] ?? 1);
    return { kind: 'count', qty, variants, phrase: cellText };
  }
  const untracked = NOT_TRACKED.exec(cellText);
  return untracked ? { kind: 'untracked', phrase: untracked[0] } : null;
}

/** Column headings of the inventory page ("Unavailable" and "Nicht verfügbar" must not match). */
export const AVAILABLE_HEADING = /^(?:available|verfügbar|可售|可用)(?![a-z])/i;
export const SKU_HEADING = /^(?:sku|artikelnummer)(?![a-z])/i;

/** The location picker's text when the inventory page adds up every location. */
export const ALL_LOCATIONS = /^(?:all locations|alle standorte|所有地点|所有位置)$/i;

/** An empty list: the store has no products yet, or the view's filters hide them all. */
export const EMPTY_LIST =
  /no (?:products|variants|inventory items?) found|add your products|keine (?:produkte|varianten) gefunden|füge deine produkte hinzu|找不到\s*(?:产品|多属性)|添加(?:您的)?产品/i;
