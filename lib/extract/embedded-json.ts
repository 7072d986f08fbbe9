// Data that sites inline in <script> elements: `window.runParams = {…}` object literals and
// `<script type="application/json">` blobs. Parsed without eval or Function (content scripts run on
// hostile pages, and CSP forbids eval anyway), tolerant of what minifiers write, and bounded so a
// 5 MB page of junk costs one linear scan and never a throw.

/** Deepest nesting accepted; real pages stay under 30. */
const MAX_DEPTH = 200;
/** Longest literal accepted (characters); AliExpress runParams are ~0.5-1.5 MB. */
const MAX_LITERAL_CHARS = 4_000_000;
/** Candidate assignments `findAssignedLiteral` tries per call; real pages have a handful. */
const MAX_ATTEMPTS = 100;
/** Inline scripts larger than this are skipped by `inlineScripts` (tracking blobs, inlined bundles). */
const MAX_SCRIPT_CHARS = 3 * 1024 * 1024;

/** Thrown inside the parser only; `parseAt` turns it into a failure position. */
class Stop {
  constructor(readonly at: number) {}
}

const isIdStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c > 127;
const isIdPart = (c: number) => isIdStart(c) || (c >= 48 && c <= 57);
const isDigit = (c: number) => c >= 48 && c <= 57;

/** Identifiers that stand for a value; anything else (a variable, `new`, `function`) fails the parse. */
const WORDS: Record<string, unknown> = {
  true: true,
  false: false,
  null: null,
  undefined: null,
  NaN: null,
  Infinity: null,
};

/** Runs of characters a string can hold without special handling, per quote character (sticky). */
const PLAIN_RUN: Record<number, RegExp> = { 34: /[^"\\\n\r]*/y, 39: /[^'\\\n\r]*/y, 96: /[^`\\$]*/y };

/** A JavaScript number literal, sticky: decimal, exponent, hex, octal, binary, with an optional sign. */
const NUMBER = /[+-]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/y;

/** Hex digit value by char code, -1 elsewhere. */
const HEX_DIGIT: number[] = Array.from({ length: 128 }, (_, c) =>
  c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1,
);

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };

function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  // A `__proto__` key must stay data, as JSON.parse keeps it, never rewire the prototype.
  if (key === '__proto__')
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** One parse of one literal; a class so a call allocates no closures (pages may hold many candidates). */
class LiteralParser {
  pos: number;
  readonly limit: number;
  /**
   * Characters that failed JSON attempts may still scan. Nested objects and arrays are first tried as strict
   * JSON (AliExpress writes `{ data: {…90 KB of JSON…} }`, and JSON.parse reads that ~10x faster than this
   * parser); a failed attempt wastes its scan, so the waste is capped at twice the input: linear whatever
   * the page holds.
   */
  jsonBudget: number;

  constructor(
    readonly src: string,
    start: number,
  ) {
    this.pos = start;
    this.limit = Math.min(src.length, start + MAX_LITERAL_CHARS);
    this.jsonBudget = 2 * (this.limit - start);
  }

  /** The nested literal at `pos` read as strict JSON, or undefined (then the parser reads it itself). */
  tryJson(depth: number): unknown {
    if (this.jsonBudget <= 0) return undefined;
    const r = parseJsonAt(this.src, this.pos, this.limit, MAX_DEPTH - depth);
    if ('scanned' in r) {
      this.jsonBudget -= r.scanned;
      return undefined;
    }
    this.pos = r.end;
    return r.value;
  }

  fail(): never {
    throw new Stop(this.pos);
  }

  skipSpace(): void {
    while (this.pos < this.limit) {
      const c = this.src.charCodeAt(this.pos);
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029) {
        this.pos++;
      } else if (c === 47 && this.src.charCodeAt(this.pos + 1) === 47) {
        const nl = this.src.indexOf('\n', this.pos + 2);
        this.pos = nl === -1 || nl > this.limit ? this.limit : nl + 1;
      } else if (c === 47 && this.src.charCodeAt(this.pos + 1) === 42) {
        const close = this.src.indexOf('*/', this.pos + 2);
        if (close === -1 || close + 2 > this.limit) this.fail();
        this.pos = close + 2;
      } else {
        return;
      }
    }
  }

  readHex(len: number): number {
    let n = 0;
    for (let i = 0; i < len; i++) {
      const d = HEX_DIGIT[this.src.charCodeAt(this.pos + i)] ?? -1;
      if (d < 0) this.fail();
      n = n * 16 + d;
    }
    if (len === 0) this.fail();
    this.pos += len;
    return n;
  }

  readString(quote: number): string {
    this.pos++; // opening quote
    const plain = PLAIN_RUN[quote];
    let out = '';
    while (true) {
      plain.lastIndex = this.pos;
      plain.test(this.src);
      if (plain.lastIndex > this.pos) {
        out += this.src.slice(this.pos, plain.lastIndex);
        this.pos = plain.lastIndex;
      }
      if (this.pos >= this.limit) this.fail();
      const c = this.src.charCodeAt(this.pos);
      if (c === quote) {
        this.pos++;
        return out;
      }
      if (c !== 92) {
        // Only template literals get here without a backslash: a raw newline is fine, `${…}` is code.
        if (quote !== 96 || this.src.charCodeAt(this.pos + 1) === 123) this.fail();
        out += this.src[this.pos++];
        continue;
      }
      this.pos++;
      if (this.pos >= this.limit) this.fail();
      const e = this.src[this.pos];
      if (e === 'u') {
        this.pos++;
        if (this.src[this.pos] === '{') {
          this.pos++;
          const close = this.src.indexOf('}', this.pos);
          if (close === -1 || close - this.pos > 6) this.fail();
          const cp = this.readHex(close - this.pos);
          if (cp > 0x10ffff) this.fail();
          out += String.fromCodePoint(cp);
          this.pos++;
        } else {
          out += String.fromCharCode(this.readHex(4));
        }
      } else if (e === 'x') {
        this.pos++;
        out += String.fromCharCode(this.readHex(2));
      } else if (e === '\r') {
        this.pos += this.src[this.pos + 1] === '\n' ? 2 : 1; // line continuation
      } else if (e === '\n' || e === '\u2028' || e === '\u2029') {
        this.pos++;
      } else {
        out += SIMPLE_ESCAPES[e] ?? e; // \/ \" \' \\ and any other character stand for themselves
        this.pos++;
      }
    }
  }

  readNumber(): number {
    // Fast path for plain integers (ids, counts), the bulk of what pages inline.
    let p = this.pos;
    let c = this.src.charCodeAt(p);
    if (c === 45 || c === 43) c = this.src.charCodeAt(++p);
    const digitsFrom = p;
    while (isDigit(c)) c = this.src.charCodeAt(++p);
    if (p > digitsFrom && p <= this.limit && !isIdPart(c) && c !== 46) {
      const n = Number(this.src.slice(this.pos, p));
      this.pos = p;
      return n;
    }
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.src);
    if (!m || NUMBER.lastIndex > this.limit) this.fail();
    const text = m![0];
    this.pos += text.length;
    if (this.pos < this.limit && isIdPart(this.src.charCodeAt(this.pos))) this.fail(); // `12px`, `0x1g`
    const sign = text[0] === '-' ? -1 : 1;
    const body = text[0] === '-' || text[0] === '+' ? text.slice(1) : text;
    return sign * (/^0[xXoObB]/.test(body) ? Number(body) : Number.parseFloat(body));
  }

  readIdentifier(): string {
    const from = this.pos;
    while (this.pos < this.limit && isIdPart(this.src.charCodeAt(this.pos))) this.pos++;
    return this.src.slice(from, this.pos);
  }

  readValue(depth: number): unknown {
    this.skipSpace();
    if (this.pos >= this.limit) this.fail();
    const c = this.src.charCodeAt(this.pos);
    if (c === 123 || c === 91) {
      const json = depth > 0 ? this.tryJson(depth) : undefined; // depth 0 was tried by `parseAt`
      if (json !== undefined) return json;
      return c === 123 ? this.readObject(depth + 1) : this.readArray(depth + 1);
    }
    if (c === 34 || c === 39 || c === 96) return this.readString(c);
    if (isDigit(c) || c === 45 || c === 43 || c === 46) return this.readNumber();
    if (c === 33) {
      // Minifiers write `!0` for true and `!1` for false.
      const d = this.src.charCodeAt(this.pos + 1);
      if ((d === 48 || d === 49) && !isIdPart(this.src.charCodeAt(this.pos + 2))) {
        this.pos += 2;
        return d === 48;
      }
      this.fail();
    }
    if (isIdStart(c)) {
      const word = this.readIdentifier();
      if (word === 'void') {
        // `void 0` is minified `undefined`.
        this.skipSpace();
        if (this.src.charCodeAt(this.pos) === 48 && !isIdPart(this.src.charCodeAt(this.pos + 1))) {
          this.pos++;
          return null;
        }
        this.fail();
      }
      if (Object.hasOwn(WORDS, word)) return WORDS[word];
    }
    return this.fail(); // a variable, a call, a regex, a function
  }

  readObject(depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) this.fail();
    this.pos++; // {
    const obj: Record<string, unknown> = {};
    while (true) {
      this.skipSpace();
      if (this.pos >= this.limit) this.fail();
      const c = this.src.charCodeAt(this.pos);
      if (c === 125) {
        this.pos++;
        return obj;
      }
      let key: string;
      if (c === 34 || c === 39) key = this.readString(c);
      else if (isIdStart(c)) key = this.readIdentifier();
      else if (isDigit(c)) key = String(this.readNumber());
      else return this.fail();
      this.skipSpace();
      if (this.src.charCodeAt(this.pos) !== 58) this.fail(); // :
      this.pos++;
      setKey(obj, key, this.readValue(depth));
      this.skipSpace();
      const next = this.src.charCodeAt(this.pos);
      if (next === 44) this.pos++;
      else if (next !== 125) this.fail();
    }
  }

  readArray(depth: number): unknown[] {
    if (depth > MAX_DEPTH) this.fail();
    this.pos++; // [
    const arr: unknown[] = [];
    while (true) {
      this.skipSpace();
      if (this.pos >= this.limit) this.fail();
      if (this.src.charCodeAt(this.pos) === 93) {
        this.pos++;
        return arr;
      }
      arr.push(this.readValue(depth));
      this.skipSpace();
      const next = this.src.charCodeAt(this.pos);
      if (next === 44) this.pos++;
      else if (next !== 93) this.fail();
    }
  }
}

// Fast path: most pages inline strict JSON (AliExpress's runParams data, __NEXT_DATA__-style blobs). JSON.parse
// reads from the literal's start to the end of the text: a JSON value followed by more script makes it throw
// "…after JSON at position N", and N is where the value ends, so a second JSON.parse of exactly that slice reads
// it. No JavaScript loop walks the text: in a content script's first (cold) run that is what costs, ~10x more
// than the two native parses. Anything else (bare keys, single quotes, `!0`) throws elsewhere and the full
// parser below decides.

/** What a JSON object can start with after its `{`: a quoted key or the closing brace. */
const JSON_OBJECT_START = /\{\s*["}]/y;
/**
 * More than `maxDepth` opening brackets before any closing one: nesting no page has, which JSON.parse would
 * build level by level (4 M of `[` cost it 1.2 s) before failing. Left to the full parser, which stops at
 * MAX_DEPTH. The lookahead and backreference take each run between brackets whole, never backtracking into it.
 * One regex per limit (nested tries have less depth left), compiled on first use.
 */
const tooDeepByLimit = new Map<number, RegExp>();
function tooDeep(src: string, from: number, maxDepth: number): boolean {
  let re = tooDeepByLimit.get(maxDepth);
  if (!re) {
    re = new RegExp(`(?:(?=([^\\]}[{]*))\\1[[{]){${maxDepth + 1}}`, 'y');
    tooDeepByLimit.set(maxDepth, re);
  }
  re.lastIndex = from;
  return re.test(src);
}
/** V8: "Unexpected non-whitespace character after JSON at position 17 (line 1 column 18)". */
const V8_AFTER_JSON = /after JSON at position (\d+)/;
/** SpiderMonkey: "JSON.parse: unexpected non-whitespace character after JSON data at line 1 column 18 of …". */
const SPIDERMONKEY_AFTER_JSON = /after JSON data at line (\d+) column (\d+)/;
/** Where an error says JSON.parse stopped reading ("at position N", "at line L column C"). */
const V8_AT = /at position (\d+)/;

/**
 * Where the complete JSON value at the start of `text` ends, from the error JSON.parse gave for the whole
 * text; undefined when the error is anything else (the text is not JSON) or the engine words it otherwise.
 */
export function endOfJsonValue(message: string, text: string): number | undefined {
  const v8 = V8_AFTER_JSON.exec(message);
  if (v8) return Number(v8[1]);
  const sm = SPIDERMONKEY_AFTER_JSON.exec(message);
  if (!sm) return undefined;
  let lineStart = 0;
  for (let line = 1; line < Number(sm[1]); line++) {
    lineStart = text.indexOf('\n', lineStart) + 1;
    if (lineStart === 0) return undefined;
  }
  return lineStart + Number(sm[2]) - 1;
}

const isJsonSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * The JSON object or array at `start`, or how many characters JSON.parse read before it proved not JSON
 * (a bare first key costs nothing: `{data: …}` is never handed to it).
 */
function parseJsonAt(
  src: string,
  start: number,
  limit = Math.min(src.length, start + MAX_LITERAL_CHARS),
  maxDepth = MAX_DEPTH,
): { value: unknown; end: number } | { scanned: number } {
  let from = start;
  while (from < limit && (isJsonSpace(src.charCodeAt(from)) || src.charCodeAt(from) === 0xa0)) from++;
  const first = src.charCodeAt(from);
  if (first === 123) {
    JSON_OBJECT_START.lastIndex = from;
    if (!JSON_OBJECT_START.test(src)) return { scanned: 0 };
  } else if (first !== 91) {
    return { scanned: 0 };
  }
  if (tooDeep(src, from, maxDepth)) return { scanned: 0 };
  const text = src.slice(from, limit);
  let end = text.length;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const after = endOfJsonValue(message, text);
    if (after === undefined) return { scanned: Number(V8_AT.exec(message)?.[1] ?? text.length) };
    end = after;
    try {
      value = JSON.parse(text.slice(0, end));
    } catch {
      return { scanned: text.length }; // an engine that words its errors otherwise: the full parser decides
    }
  }
  while (end > 0 && isJsonSpace(text.charCodeAt(end - 1))) end--;
  return { value, end: from + end };
}

function parseAt(src: string, start: number): { value: unknown; end: number } | { failedAt: number } {
  const json = parseJsonAt(src, start);
  if ('value' in json) return json;
  const parser = new LiteralParser(src, start);
  try {
    const value = parser.readValue(0);
    return { value, end: parser.pos };
  } catch (e) {
    if (e instanceof Stop) return { failedAt: Math.max(e.at, start + 1) };
    if (e instanceof RangeError) return { failedAt: parser.limit }; // call stack, in engines with a small one
    throw e;
  }
}

/**
 * Parses the JavaScript literal (object, array, string, number, boolean, null) that starts at `start`
 * (leading whitespace and comments skipped). `end` is the index just after it. Null when the source
 * there is anything else (a call, a regex, a variable), unterminated, nested deeper than 200 or
 * longer than 4 M characters. (Strict JSON goes to JSON.parse, which does not recurse: there the depth is
 * checked on the run of brackets it opens with, the costly case.)
 */
export function parseJsLiteral(src: string, start: number): { value: unknown; end: number } | null {
  if (start < 0 || start >= src.length) return null;
  const r = parseAt(src, start);
  return 'failedAt' in r ? null : r;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const isNonEmpty = (v: unknown) =>
  Array.isArray(v) ? v.length > 0 : typeof v === 'object' && v !== null && Object.keys(v).length > 0;

/**
 * The literal assigned to `name` in a script: `name = {…}`, `window.name = {…}`, `name: {…}` or
 * `"name": {…}`. A RegExp `name` matches the name itself (no anchors, no backreferences).
 * Sites often write a placeholder first (`window.runParams = {};`) and the data later, so the first
 * non-empty object or array wins; otherwise the first literal found; undefined when there is none.
 * At most 100 candidates are tried, and text a failed candidate walked is not rescanned.
 */
export function findAssignedLiteral(text: string, name: string | RegExp): unknown {
  // DOM text arrives as an external (Blink-owned) string; regexes run on it many times slower than on a
  // V8-owned one, so take one flat copy first.
  const scriptText = text.length > 4096 ? ` ${text}`.slice(1) : text;
  const inner = typeof name === 'string' ? escapeRegExp(name) : name.source;
  const flags = typeof name === 'string' ? 'g' : `${name.flags.replace(/[gy]/g, '')}g`;
  const re = new RegExp(`(?<![\\w$])(?<q>["']?)(?:${inner})\\k<q>\\s*(?:=(?![=>])|:)\\s*`, flags);
  let fallback: unknown;
  let found = false;
  let attempts = 0;
  for (let m = re.exec(scriptText); m && attempts < MAX_ATTEMPTS; m = re.exec(scriptText), attempts++) {
    const at = m.index + m[0].length;
    const r = parseAt(scriptText, at);
    if ('failedAt' in r) {
      // Never rescan what a failed attempt already walked: keeps hostile input linear.
      re.lastIndex = Math.max(re.lastIndex, r.failedAt);
      continue;
    }
    if (isNonEmpty(r.value)) return r.value;
    if (!found) {
      found = true;
      fallback = r.value;
    }
    re.lastIndex = Math.max(re.lastIndex, r.end);
  }
  return found ? fallback : undefined;
}

/** Text of every inline `<script>` (no `src`), in document order, minus JSON-LD and scripts over 3 MB. */
export function inlineScripts(doc: Document): string[] {
  const out: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('script:not([src])'))) {
    if ((el.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json') continue;
    const text = el.textContent ?? '';
    if (text.length === 0 || text.length > MAX_SCRIPT_CHARS) continue;
    out.push(text);
  }
  return out;
}

/** JSON.parse of the script element `selector` finds (`script#__NEXT_DATA__`); undefined if absent or bad JSON. */
export function readJsonScript(doc: Document, selector: string): unknown {
  let el: Element | null;
  try {
    el = doc.querySelector(selector);
  } catch {
    return undefined; // an invalid selector is a caller bug, but never a page crash
  }
  const text = el?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Safe access by path: `getPath(data, 'skuModule.skuPriceList[0].skuVal')`. Own properties only
 * (`constructor`, `__proto__` of plain objects are not followed); undefined when any step is missing.
 */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  const steps = path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  for (const step of steps) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (step.startsWith('[')) {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[Number(step.slice(1, -1))];
    } else {
      if (!Object.hasOwn(cur, step)) return undefined;
      cur = (cur as Record<string, unknown>)[step];
    }
  }
  return cur;
}
