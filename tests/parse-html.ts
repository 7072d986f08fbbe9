// Node has no DOMParser: linkedom gives adapters the same Document API they get in the browser.
import { DOMParser } from 'linkedom';

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
