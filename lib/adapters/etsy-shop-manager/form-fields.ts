// The editor's form controls, read alike in the live page (React keeps the state in DOM properties) and in a
// saved snapshot or a DOMParser document (attributes and text only).
import { parseMoney } from '../../extract/money';
import { cleanText } from '../../extract/text';
import type { Money } from '../../model';

export function fieldValue(el: Element): string {
  const live = (el as HTMLInputElement).value;
  if (typeof live === 'string') return cleanText(live);
  return cleanText(el.getAttribute('value') ?? (el.tagName === 'TEXTAREA' ? el.textContent : ''));
}

export function isChecked(el: Element): boolean {
  const live = (el as HTMLInputElement).checked;
  return typeof live === 'boolean' ? live : el.hasAttribute('checked');
}

// A whole count as the Shop Manager writes it ("14", "1,250", "1.250", "1 250"), never the start of "3.5".
const COUNT = /(?<![\d.,])(\d{1,3}(?:[.,\s]\d{3})+|\d+)(?![.,]?\d)/;

/** The first whole count in a text ("12 in stock", "12 vorrätig"), or null. */
export function countIn(text: string): number | null {
  const digits = COUNT.exec(text)?.[1];
  return digits ? Number(digits.replace(/[.,\s]/g, '')) : null;
}

/**
 * A price input with the currency its field shows around the number: Etsy's inputs carry the symbol in a
 * prepended or appended span inside the input's wrapper ("$" + "28.00", "19,90" + "€"). No symbol, no price.
 */
export function moneyOfField(input: Element): Money | null {
  const value = fieldValue(input);
  if (!value) return null;
  const wrapper = input.parentElement;
  const affixes = wrapper ? cleanText(wrapper.textContent) : '';
  return parseMoney(`${affixes} ${value}`);
}

/** The first element any selector finds under `root`, with the selector for evidence. */
export function firstOf(root: ParentNode, selectors: readonly string[]): { el: Element; selector: string } | null {
  for (const selector of selectors) {
    const el = root.querySelector(selector);
    if (el) return { el, selector };
  }
  return null;
}
