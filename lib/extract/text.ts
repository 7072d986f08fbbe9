// Visible-text helpers shared by the readers. textContent, not innerText: tests and the offscreen
// re-check parse with DOM implementations that do no layout.

// `\s` already covers NBSP, narrow NBSP and the other Unicode spaces; zero-width spaces are added.
const WHITESPACE_RUN = /[\s\u200b]+/g;

/** Collapses every whitespace run to one space and trims: " 37\u00a0pieces\n" -> "37 pieces". */
export function cleanText(s: string | null | undefined): string {
  return s ? s.replace(WHITESPACE_RUN, ' ').trim() : '';
}

/** Cleaned text of the first element matching `selector` under `root`; null when none, empty or the selector is invalid. */
export function textOf(root: ParentNode, selector: string): string | null {
  try {
    const text = cleanText(root.querySelector(selector)?.textContent);
    return text || null;
  } catch {
    return null;
  }
}
