// Option names ("Size", "Color") for the values in variant titles ("S / Black"). The admin's options card shows
// each option's name just before its values; no attribute marks either, and the card's class names are hashed.
// So the card is found by the values themselves: the name is the nearest other text before the first of an
// option's values (outside the variant rows), when the two share a container smaller than the form. No class
// name and no UI wording is needed, so the English and the Chinese admin read alike.
import { cleanText } from '../../extract/text';

// Subtrees that hold no option card: variant rows, the status select, scripts and icons.
const SKIPPED_TAGS = new Set(['TR', 'SELECT', 'SCRIPT', 'STYLE', 'TEMPLATE', 'SVG', 'svg']);

interface Leaf {
  el: Element;
  text: string;
}

/** Elements with their own text (not their children's), in document order, outside rows and selects. */
function ownTexts(root: Element, leaves: Leaf[] = []): Leaf[] {
  for (const el of root.children) {
    if (SKIPPED_TAGS.has(el.tagName) || el.getAttribute('role') === 'row') continue;
    let own = '';
    for (const node of el.childNodes) if (node.nodeType === 3) own += node.textContent ?? '';
    const text = cleanText(own);
    if (text) leaves.push({ el, text });
    ownTexts(el, leaves);
  }
  return leaves;
}

/** The deepest element containing every element of `els`. */
function commonAncestor(els: Element[]): Element | null {
  for (let anc: Element | null = els[0]; anc; anc = anc.parentElement) {
    if (els.every((el) => anc.contains(el))) return anc;
  }
  return null;
}

function nameFor(leaves: Leaf[], values: Set<string>, scope: Element): string | null {
  const firsts = [...values].map((v) => leaves.findIndex((leaf) => leaf.text === v));
  if (firsts.some((i) => i < 0)) return null;
  for (let i = Math.min(...firsts) - 1; i >= 0; i--) {
    if (values.has(leaves[i].text)) continue;
    // The name and the values share a small container: not the whole form, not the variants table.
    const card = commonAncestor([leaves[i].el, ...firsts.map((j) => leaves[j].el)]);
    if (!card || card === scope || card.querySelector('tr, [role="row"]')) return null;
    return leaves[i].text;
  }
  return null;
}

/** One name per title position; `Option N` where the page does not show one (or shows the same name twice). */
export function optionNames(scope: Element, titles: string[][]): string[] {
  const count = Math.max(0, ...titles.map((t) => t.length));
  if (count === 0) return [];
  const leaves = ownTexts(scope);
  const names = Array.from({ length: count }, (_, i) => {
    const values = new Set(titles.map((t) => t[i]).filter((v): v is string => Boolean(v)));
    return nameFor(leaves, values, scope);
  });
  const named = names.map((name, i) => name ?? `Option ${i + 1}`);
  return new Set(named).size === count ? named : named.map((_, i) => `Option ${i + 1}`);
}
