import { describe, expect, it } from 'vitest';
import { cpuMs } from '../../tests/cpu-time';
import { parseHtml } from '../../tests/parse-html';
import {
  endOfJsonValue,
  findAssignedLiteral,
  getPath,
  inlineScripts,
  parseJsLiteral,
  readJsonScript,
} from './embedded-json';

const value = (src: string) => parseJsLiteral(src, 0)?.value;

describe('parseJsLiteral', () => {
  it.each([
    ['strict JSON', '{"a":1,"b":[true,false,null],"c":"x"}', { a: 1, b: [true, false, null], c: 'x' }],
    ['unquoted keys', '{data: {skuModule: {a: 1}}}', { data: { skuModule: { a: 1 } } }],
    ['$ and _ in keys', '{$a: 1, _b_: 2, a1: 3}', { $a: 1, _b_: 2, a1: 3 }],
    ['numeric keys', '{1: "a", 2.5: "b"}', { 1: 'a', '2.5': 'b' }],
    ['single quotes', "{'a': 'it\\'s'}", { a: "it's" }],
    ['double quote inside single', `{a: 'say "hi"'}`, { a: 'say "hi"' }],
    ['\\u escapes', '"\\u00e9t\\u00E9"', 'été'],
    ['\\u{} escapes', '"\\u{1F600}"', '😀'],
    ['\\x escapes', "'\\x41\\x42'", 'AB'],
    ['\\/ and simple escapes', '"a\\/b\\n\\t\\\\"', 'a/b\n\t\\'],
    ['unknown escapes stand for themselves', "'\\q'", 'q'],
    ['line continuation', '"a\\\nb"', 'ab'],
    ['trailing commas', '{a: [1, 2, ], b: 3, }', { a: [1, 2], b: 3 }],
    ['negative and exponent numbers', '[-1, -0.5, 1e3, 2.5E-2, +4, .5, 5.]', [-1, -0.5, 1000, 0.025, 4, 0.5, 5]],
    ['hex numbers', '[0x1F, -0xff]', [31, -255]],
    ['undefined -> null', '{a: undefined}', { a: null }],
    ['void 0 -> null', '{a: void 0}', { a: null }],
    ['minified booleans', '[!0, !1]', [true, false]],
    ['line comments', '{a: 1, // note\n b: 2}', { a: 1, b: 2 }],
    ['block comments', '{/* c */a: /* d */ 1}', { a: 1 }],
    ['leading whitespace', '   \n  [1]', [1]],
    ['template literal without interpolation', '`a\nb`', 'a\nb'],
    ['empty containers', '{a: {}, b: []}', { a: {}, b: [] }],
    ['big ids as JSON.parse reads them', '{skuId: 12000036653480017}', JSON.parse('{"skuId": 12000036653480017}')],
  ])('%s', (_name, src, expected) => {
    expect(value(src)).toEqual(expected);
  });

  it('reports where the literal ends', () => {
    const src = 'window.x = {a: [1, 2]}; var y = 2;';
    const r = parseJsLiteral(src, src.indexOf('{'));
    expect(r).toEqual({ value: { a: [1, 2] }, end: src.indexOf(';') });
  });

  it('keeps a __proto__ key as data', () => {
    const v = value('{"__proto__": {"polluted": 1}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(v, '__proto__')).toBe(true);
  });

  it.each([
    ['a function call', '{a: foo(1)}'],
    ['a variable', '{a: someVar}'],
    ['a regex', '{a: /ab+c/}'],
    ['a function', '{a: function () {}}'],
    ['new', '{a: new Date()}'],
    ['an interpolated template', '`a$' + '{b}`'],
    ['a member expression value', '{a: window.b}'],
    ['an unterminated string', '{a: "abc'],
    ['a newline in a quoted string', '"a\nb"'],
    ['an unterminated object', '{a: 1, b: {c: 2}'],
    ['an unterminated comment', '{a: 1 /* c'],
    ['a missing colon', '{a 1}'],
    ['a missing comma', '[1 2]'],
    ['a bad \\u escape', '"\\u12"'],
    ['a bad \\x escape', '"\\xZZ"'],
    ['a number glued to letters', '[12px]'],
    ['a lone bang', '[!2]'],
    ['nothing', ''],
    ['a start past the end', 'x'],
  ])('is null on %s', (_name, src) => {
    expect(parseJsLiteral(src, src === 'x' ? 5 : 0)).toBeNull();
  });

  it('accepts JavaScript nesting up to 200 and rejects deeper', () => {
    expect(value(`${'[!0,'.repeat(200)}${']'.repeat(200)}`)).toBeDefined();
    expect(parseJsLiteral(`${'[!0,'.repeat(201)}${']'.repeat(201)}`, 0)).toBeNull();
  });

  it('accepts JSON nesting up to 200 and rejects deeper, without JSON.parse building it', () => {
    expect(value(`${'['.repeat(200)}${']'.repeat(200)}`)).toBeDefined();
    expect(parseJsLiteral(`${'['.repeat(201)}${']'.repeat(201)}`, 0)).toBeNull();
    expect(parseJsLiteral(`${'{"a": '.repeat(201)}1${'}'.repeat(201)}`, 0)).toBeNull();
    expect(cpuMs(() => parseJsLiteral('['.repeat(4_000_000), 0))).toBeLessThan(100);
  });

  it('returns null fast on hostile input, never throws', () => {
    const junk = [
      '['.repeat(5_000_000),
      '{a:'.repeat(1_500_000),
      `"${'x'.repeat(5_000_000)}`,
      `{a: '${'\\u00e9'.repeat(800_000)}`,
      `[${'1,'.repeat(2_500_000)}`,
      `{${'/*'.repeat(10)}`,
    ];
    for (const src of junk) {
      expect(cpuMs(() => expect(parseJsLiteral(src, 0)).toBeNull())).toBeLessThan(1500);
    }
  });

  it('refuses literals longer than 4 M characters', () => {
    expect(parseJsLiteral(`"${'x'.repeat(4_100_000)}"`, 0)).toBeNull();
  });
});

describe('parseJsLiteral: JSON fast path and its fallback agree', () => {
  it.each([
    [
      'strict JSON followed by more script',
      '{"a":[1,{"b":"}{]["}],"c":"it\'s"}; foo()',
      { a: [1, { b: '}{][' }], c: "it's" },
    ],
    ['JSON with escaped quotes', '{"q":"say \\"hi\\" }"}', { q: 'say "hi" }' }],
    ['a JavaScript literal: bare keys, single quotes', "{a: 'x}', b: [1,2,], c: !0}", { a: 'x}', b: [1, 2], c: true }],
    ['a comment that holds a closing brace', '{"a": 1 /* } */, "b": 2}', { a: 1, b: 2 }],
    ['a string with a newline escape', '["line\\nbreak"]', ['line\nbreak']],
  ])('%s', (_name, src, expected) => {
    expect(parseJsLiteral(src, 0)?.value).toEqual(expected);
  });

  it('ends a JSON literal where the full parser would', () => {
    const src = 'x = {"a": {"b": [1, 2]}};\nnext';
    expect(parseJsLiteral(src, 4)).toEqual({ value: { a: { b: [1, 2] } }, end: src.indexOf(';') });
  });

  it.each([
    ['V8', 'Unexpected non-whitespace character after JSON at position 8 (line 1 column 9)', '{"a": 1} x', 8],
    [
      'SpiderMonkey',
      'JSON.parse: unexpected non-whitespace character after JSON data at line 3 column 2 of the JSON data',
      '{\n"a": 1\n};',
      10,
    ],
    ['another error', "Expected property name or '}' in JSON at position 2", '{ a: 1}', undefined],
    ['a line past the end', 'unexpected non-whitespace character after JSON data at line 9 column 1', '{}', undefined],
  ])('finds where the JSON value ends from a %s message', (_engine, message, text, end) => {
    expect(endOfJsonValue(message, text)).toBe(end);
  });

  it('reads the engine it runs on', () => {
    const text = '{"a": [1, 2]}\n};\nwindow.x = 1;';
    let message = '';
    try {
      JSON.parse(text);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(endOfJsonValue(message, text)).toBe(14);
  });

  it('rejects an unterminated JSON-looking literal', () => {
    expect(parseJsLiteral('{"a": [1, 2, {"b": "c"}', 0)).toBeNull();
  });

  it.each([
    // AliExpress 2023: `window.runParams = { data: {…strict JSON…} }`.
    [
      'strict JSON inside a bare key',
      '{data: {"a": [1, {"b": "}"}], "c": null}, is23: !0}',
      { data: { a: [1, { b: '}' }], c: null }, is23: true },
    ],
    [
      'a JSON-looking object that is not JSON deep down',
      '{x: {"a": {"b": !0}, "c": [1, 2,]}}',
      { x: { a: { b: true }, c: [1, 2] } },
    ],
    ['a JSON array inside a JavaScript one', "['a', [1, 2, 3], {k: 'v'}]", ['a', [1, 2, 3], { k: 'v' }]],
    ['an empty object and array', '{a: {}, b: []}', { a: {}, b: [] }],
  ])('reads %s', (_name, src, expected) => {
    expect(parseJsLiteral(src, 0)?.value).toEqual(expected);
  });

  it('stays linear when every level looks like JSON and is not', () => {
    // Each level starts like JSON (a quoted key) and fails only at its innermost `!0`.
    const depth = 150;
    const src = `${'{"k": '.repeat(depth)}!0${'}'.repeat(depth)}`;
    const padded = `[${Array.from({ length: 2000 }, () => src).join(',')}]`;
    expect(parseJsLiteral(padded, 0)?.value).toHaveLength(2000);
    const t = cpuMs(() => parseJsLiteral(padded, 0));
    // A quadratic fallback (re-scanning each level) would take ~75x one scan; linear stays well under a second.
    expect(t).toBeLessThan(1000);
  });
});

describe('findAssignedLiteral', () => {
  it.each([
    ['window.x = {…}', 'window.runParams = {data: {a: 1}};', 'runParams', { data: { a: 1 } }],
    ['bare assignment', 'var runParams={data:1}', 'runParams', { data: 1 }],
    ['object key', 'init({runParams: [1, 2]})', 'runParams', [1, 2]],
    ['quoted key', '{"runParams": {"a": "b"}}', 'runParams', { a: 'b' }],
    ['single-quoted key', "{'runParams': {a: 1}}", 'runParams', { a: 1 }],
    ['a dotted name', 'window.runParams = {a: 1}', 'window.runParams', { a: 1 }],
    ['a RegExp name', 'window.__INIT_DATA__ = {a: 1}', /__INIT(?:IAL)?_DATA__/, { a: 1 }],
    ['a primitive', 'var csrfToken = "abc";', 'csrfToken', 'abc'],
  ])('finds %s', (_name, script, name, expected) => {
    expect(findAssignedLiteral(script, name)).toEqual(expected);
  });

  it('skips the empty placeholder sites assign first', () => {
    const script = 'window.runParams = {};\nwindow.runParams = {data: {ok: true}};';
    expect(findAssignedLiteral(script, 'runParams')).toEqual({ data: { ok: true } });
  });

  it('falls back to the placeholder when nothing else is there', () => {
    expect(findAssignedLiteral('window.runParams = {};', 'runParams')).toEqual({});
  });

  it('skips assignments it cannot parse and finds a later literal', () => {
    const script = 'runParams = buildParams(); if (runParams == null) {} runParams = {a: 1};';
    expect(findAssignedLiteral(script, 'runParams')).toEqual({ a: 1 });
  });

  it('does not take comparisons, arrows or longer names', () => {
    expect(findAssignedLiteral('if (runParams === {}) {}', 'runParams')).toBeUndefined();
    expect(findAssignedLiteral('const f = runParams => ({a: 1})', 'runParams')).toBeUndefined();
    expect(findAssignedLiteral('window.myrunParams = {a: 1}', 'runParams')).toBeUndefined();
    expect(findAssignedLiteral('window.runParamsX = {a: 1}', 'runParams')).toBeUndefined();
  });

  it('is undefined when absent', () => {
    expect(findAssignedLiteral('var a = 1;', 'runParams')).toBeUndefined();
  });

  it('stays linear on hostile input', () => {
    const hostile = [
      `${'runParams = ['.repeat(400_000)}`,
      `${'a:"'.repeat(1_500_000)}`,
      'runParams: ['.repeat(300_000),
    ];
    for (const src of hostile) {
      expect(cpuMs(() => findAssignedLiteral(src, src.startsWith('a:') ? 'a' : 'runParams'))).toBeLessThan(1500);
    }
  });
});

describe('inlineScripts and readJsonScript', () => {
  const doc = parseHtml(`<!doctype html><html><head>
    <script src="https://assets.example.com/app.js"></script>
    <script type="application/ld+json">{"@type":"Product"}</script>
    <script>window.a = {x: 1};</script>
    <script type="application/json" id="state">{"b": [1, 2]}</script>
    <script type="application/json" id="bad">{"b": [1, 2</script>
    <script></script>
  </head><body><script>var c = 3;</script></body></html>`);

  it('lists inline scripts without src, minus JSON-LD and empty ones', () => {
    expect(inlineScripts(doc)).toEqual(['window.a = {x: 1};', '{"b": [1, 2]}', '{"b": [1, 2', 'var c = 3;']);
  });

  it('skips scripts over 3 MB', () => {
    const big = parseHtml(
      `<html><body><script>var x = "${'a'.repeat(3_200_000)}";</script><script>var y=1</script></body></html>`,
    );
    expect(inlineScripts(big)).toEqual(['var y=1']);
  });

  it('parses a JSON script by selector', () => {
    expect(readJsonScript(doc, 'script#state')).toEqual({ b: [1, 2] });
  });

  it.each([
    ['bad JSON', 'script#bad'],
    ['a missing element', 'script#nope'],
    ['an invalid selector', 'script[[['],
  ])('is undefined on %s', (_name, selector) => {
    expect(readJsonScript(doc, selector)).toBeUndefined();
  });
});

describe('getPath', () => {
  const data = { a: { b: [{ c: 1 }, { c: [5, 6] }] }, 'x-y': 2, n: null };
  it.each([
    ['a.b[0].c', 1],
    ['a.b[1].c[1]', 6],
    ['x-y', 2],
    ['n', null],
    ['a.b[2].c', undefined],
    ['a.z.c', undefined],
    ['n.c', undefined],
    ['a.b.c', undefined],
    ['a[0]', undefined],
    ['a.constructor', undefined],
    ['a.__proto__', undefined],
    ['', data],
  ])('%s', (path, expected) => {
    expect(getPath(data, path)).toEqual(expected);
  });

  it('is undefined on non-objects', () => {
    expect(getPath(null, 'a')).toBeUndefined();
    expect(getPath('str', 'length')).toBeUndefined();
  });
});
