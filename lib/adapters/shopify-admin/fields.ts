// Polaris form controls, read the same way from the live admin and from a saved snapshot: React keeps the live
// state in DOM properties (input.value, input.checked, select.value) while a snapshot or a DOMParser document
// only has attributes, so both are read. Only names, ids and ARIA are used; the admin's class names are hashed.
import { parseMoney } from '../../extract/money';
import { cleanText } from '../../extract/text';
import type { ListingStatus, Money } from '../../model';

// Selectors live here, each list most specific first; the matching selector becomes the evidence. Names and ids
// are the ones public admin automation scripts drive (name="title", "price", "status", "inventoryLevels[0]…",
// #InventoryCardSku, #InventoryCardAllowOutOfStockPurchases, pre-2023 #AdjustQuantityPopoverTextFieldActivator).
export const TITLE = ['input[name="title"]'];
export const STATUS = ['select[name="status"]'];
export const PRICE = ['input[name="price"]', 'input[name$=".price"]', 'input[name$="[price]"]'];
export const SKU = ['input[name="sku"]', 'input[name$=".sku"]', 'input[name$="[sku]"]', '#InventoryCardSku'];
export const AVAILABLE = [
  'input[name="available"]',
  'input[name$=".available"]',
  'input[name$="[available]"]',
  '#AdjustQuantityPopoverTextFieldActivator',
  // One quantity field per location (inventoryLevels[0], [1], …).
  'input[name^="inventoryLevels["]',
];
export const TRACKED = ['input[type="checkbox"][name="tracked"]', '#InventoryTrackingTracked'];
export const CONTINUE_SELLING = [
  '#InventoryCardAllowOutOfStockPurchases',
  'input[type="checkbox"][name="inventoryPolicy"]',
  '#InventoryTrackingAllowOutOfStockPurchases',
];
/** Where a single-variant product names its default variant. */
export const DEFAULT_VARIANT = ['input[name="variantId"]', 'input[value^="gid://shopify/ProductVariant/"]'];

export interface Found {
  el: Element;
  /** The selector that found it, for evidence: `dom:<selector>`. */
  selector: string;
}

export function firstOf(root: ParentNode, selectors: readonly string[]): Found | null {
  for (const selector of selectors) {
    const el = root.querySelector(selector);
    if (el) return { el, selector };
  }
  return null;
}

/** Every element the first matching selector finds (several locations each have an "available" field). */
export function allOf(root: ParentNode, selectors: readonly string[]): { els: Element[]; selector: string } | null {
  for (const selector of selectors) {
    const els = [...root.querySelectorAll(selector)];
    if (els.length) return { els, selector };
  }
  return null;
}

export function inputValue(el: Element): string {
  const live = (el as HTMLInputElement).value;
  return cleanText(typeof live === 'string' ? live : el.getAttribute('value'));
}

export function isChecked(el: Element): boolean {
  const live = (el as HTMLInputElement).checked;
  return typeof live === 'boolean' ? live : el.hasAttribute('checked');
}

/** A whole number as the admin writes it ("12", "1,200", "1.200", "−3"); null when the text is no number. */
export function wholeNumber(text: string): number | null {
  const digits = text.replace(/[\s,.'’]/g, '').replace('−', '-');
  return /^-?\d{1,9}$/.test(digits) ? Number(digits) : null;
}

/** A whole quantity in a field; null when the field holds no number. */
export const quantityOf = (el: Element): number | null => wholeNumber(inputValue(el));

/**
 * The value of a Polaris Select. Polaris renders the chosen label in an aria-hidden div right after the native
 * select (what the seller sees); a controlled React select has no `selected` attribute, so in a snapshot that
 * label is the only record of the choice. In the live page it agrees with `select.value`.
 */
export function selectedValue(select: Element): string | null {
  const options = [...select.querySelectorAll('option')];
  const shown = select.nextElementSibling;
  if (shown?.getAttribute('aria-hidden') === 'true') {
    const label = cleanText(shown.textContent);
    const match = options.find((o) => {
      const text = cleanText(o.textContent);
      return text !== '' && (label === text || label.endsWith(` ${text}`));
    });
    if (match) return match.getAttribute('value') ?? cleanText(match.textContent);
  }
  const live = (select as HTMLSelectElement).value;
  if (typeof live === 'string' && live) return live;
  return select.querySelector('option[selected]')?.getAttribute('value') ?? null;
}

/**
 * A Polaris money field: the number is in the input, the currency symbol in the TextField's prefix or suffix
 * element (`<input id>Prefix`, `<input id>Suffix`): "$" + "24.99", "19,90" + "€".
 */
export function moneyOf(doc: Document, input: Element, fallbackCurrency?: string): Money | null {
  const value = inputValue(input);
  if (!value) return null;
  const id = input.getAttribute('id');
  const affix = (part: string) =>
    id ? cleanText((doc.getElementById(`${id}${part}`) ?? doc.getElementById(`${id}-${part}`))?.textContent) : '';
  return parseMoney(`${affix('Prefix')} ${value} ${affix('Suffix')}`, fallbackCurrency);
}

/** The currency of the first money field that shows one: the fallback for fields that show none. */
export function pageCurrency(doc: Document): string | undefined {
  for (const input of doc.querySelectorAll(PRICE.join(', '))) {
    const money = moneyOf(doc, input);
    if (money) return money.currency;
  }
  return undefined;
}

// Shopify's ProductStatus enum. UNLISTED is active but left out of search and collections: it still sells
// through a direct link (ads, social posts), so for oversell purposes it is active.
const STATUSES: Record<string, ListingStatus> = {
  ACTIVE: 'active',
  UNLISTED: 'active',
  DRAFT: 'draft',
  ARCHIVED: 'archived',
};

/** The product's status, from the status select; null when the page shows none. */
export function readStatus(doc: Document): { status: ListingStatus; evidence: string } | null {
  const named = firstOf(doc, STATUS);
  // Without its name, the select is still the one offering Shopify's status values.
  const select =
    named?.el ??
    [...doc.querySelectorAll('select')].find(
      (s) => s.querySelector('option[value="ACTIVE"]') && s.querySelector('option[value="DRAFT"]'),
    );
  const status = select ? STATUSES[selectedValue(select)?.toUpperCase() ?? ''] : undefined;
  if (!status) return null;
  return { status, evidence: named ? `dom:${named.selector}` : 'dom:select>option[value="ACTIVE"]' };
}

/** Cuts page text to the model's limits (Shopify allows 255 characters where the model keeps 200). */
export const clip = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text);
