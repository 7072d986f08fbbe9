import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';
import { type ImportedLink, linksToCsv, parseLinkCsv } from './link-csv';

const HEADER = 'listing_key,supplier_key,priority,units_per_sale,buffer_units';

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted commas, doubled quotes, line breaks in quotes, CRLF and a BOM, with the line each record starts on', () => {
    const text = '\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"two\r\nlines",z\r\n\r\nlast,row';
    expect(parseCsv(text)).toEqual({
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['x, y', 'say "hi"'] },
        { line: 3, fields: ['two\r\nlines', 'z'] },
        { line: 6, fields: ['last', 'row'] },
      ],
    });
  });

  it('reads LF-only and CR-only files the same', () => {
    const lf = parseCsv('a,b\n1,2\n').records;
    expect(parseCsv('a,b\r1,2\r').records).toEqual(lf);
    expect(lf).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('says where a quote is left open', () => {
    expect(parseCsv('a,b\n1,2\n"3,4\n5,6\n')).toEqual({
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', '2'] },
      ],
      unterminatedAt: 3,
    });
  });

  it('writes what it reads back', () => {
    const rows = [['plain', 'with,comma', 'with "quote"', 'two\nlines', ' padded ', '']];
    expect(toCsv(rows)).toBe('plain,"with,comma","with ""quote""","two\nlines"," padded ",\r\n');
    expect(parseCsv(toCsv(rows)).records[0].fields).toEqual(rows[0]);
  });
});

/** 500 links: every 7th with a fallback supplier, every 5th with a buffer, some keys that need quoting. */
function fiveHundredLinks(): ImportedLink[] {
  return Array.from({ length: 500 }, (_, i) => {
    const listingKey = `shopify:acme-goods:${8000 + i}:${41000 + i}`;
    const primary =
      i % 11 === 0 ? `etsy:${i}:Size "L", Blue` : `aliexpress:1005006512345678:14:${i}#Blue;5:100014064#M`;
    const suppliers = [{ offerKey: primary, priority: 0, unitsPerSale: (i % 3) + 1 }];
    if (i % 7 === 0) suppliers.push({ offerKey: `cjdropshipping:${i}:77:US`, priority: 1, unitsPerSale: 1 });
    return i % 5 === 0 ? { listingKey, suppliers, bufferUnits: i % 4 } : { listingKey, suppliers };
  });
}

describe('parseLinkCsv', () => {
  it('imports 500 links with 5 bad rows: exactly those 5 are reported with their lines, the other 495 links import', () => {
    const links = fiveHundredLinks();
    const lines = linksToCsv(links).split('\r\n');
    // Five bad rows in five different links; link 7 has a fallback row (its second row is spoiled).
    const spoil: [number, (row: string) => string, string][] = [
      [3, (r) => r.replace(/,\d+,(\d+),/, ',first,$1,'), 'priority'],
      [40, (r) => r.replace(/,(\d+),(\d*)$/, ',0,$2'), 'units-per-sale'],
      [7, (r) => r.replace(/^([^,]+),/, '$1,,'), 'field-count'],
      [200, (r) => r.replace(/^shopify:[^,]+/, 'Trail Backpack'), 'listing-key'],
      [301, (r) => r.replace(/,(\d*)$/, ',-2'), 'buffer-units'],
    ];
    const lineOf = (n: number) => n + 1; // line 1 is the header; rows keep their order
    const rowIndex = new Map<number, number>();
    let row = 1;
    links.forEach((link, i) => {
      rowIndex.set(i, row);
      row += link.suppliers.length;
    });
    const spoiledLines: number[] = [];
    for (const [linkIndex, change] of spoil) {
      const at = rowIndex.get(linkIndex)! + (linkIndex === 7 ? 1 : 0);
      lines[at] = change(lines[at]);
      spoiledLines.push(lineOf(at));
    }
    const text = `\uFEFF${lines.join('\r\n')}`;

    const result = parseLinkCsv(text);
    expect(result.errors.map((e) => [e.line, e.problem])).toEqual(
      spoiledLines.map((line, i) => [line, spoil[i][2]]).sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    expect(result.links).toHaveLength(495);
    const dropped = new Set([3, 40, 7, 200, 301].map((i) => links[i].listingKey));
    expect(result.links).toEqual(links.filter((l) => !dropped.has(l.listingKey)));
    expect(result.rows).toBe(links.reduce((n, l) => n + l.suppliers.length, 0));
  });

  it('reads back exactly what it writes', () => {
    const links = fiveHundredLinks();
    expect(parseLinkCsv(linksToCsv(links))).toEqual({
      links,
      errors: [],
      rows: links.reduce((n, l) => n + l.suppliers.length, 0),
    });
  });

  it('groups the rows of one listing wherever they are, and orders its suppliers by priority', () => {
    const text = [
      HEADER,
      'shopify:s:1:1,aliexpress:9:2,1,2,',
      'shopify:s:2:1,aliexpress:9:3,0,1,',
      'shopify:s:1:1,temu:5:6,0,1,4',
    ].join('\n');
    expect(parseLinkCsv(text).links).toEqual([
      {
        listingKey: 'shopify:s:1:1',
        suppliers: [
          { offerKey: 'temu:5:6', priority: 0, unitsPerSale: 1 },
          { offerKey: 'aliexpress:9:2', priority: 1, unitsPerSale: 2 },
        ],
        bufferUnits: 4,
      },
      { listingKey: 'shopify:s:2:1', suppliers: [{ offerKey: 'aliexpress:9:3', priority: 0, unitsPerSale: 1 }] },
    ]);
  });

  it('takes the columns in any order, with only the two keys required', () => {
    const text = 'Supplier_Key , listing_key\naliexpress:9:2,shopify:s:1:1\ntemu:5:6,shopify:s:1:1\n';
    expect(parseLinkCsv(text).links).toEqual([
      {
        listingKey: 'shopify:s:1:1',
        suppliers: [
          { offerKey: 'aliexpress:9:2', priority: 0, unitsPerSale: 1 },
          { offerKey: 'temu:5:6', priority: 1, unitsPerSale: 1 },
        ],
      },
    ]);
  });

  it.each([
    ['a missing key column', 'listing_key,priority\nshopify:s:1:1,0'],
    ['an unknown column', `${HEADER},note\nshopify:s:1:1,aliexpress:9:2,0,1,,hi`],
    ['a repeated column', 'listing_key,supplier_key,listing_key\na:1,b:2,a:1'],
    ['semicolons (a spreadsheet in a comma-decimal locale)', 'listing_key;supplier_key\nshopify:s:1:1;temu:5:6'],
  ])('refuses the whole file on %s, naming the header it found', (_, text) => {
    const result = parseLinkCsv(text);
    expect(result.links).toEqual([]);
    expect(result.errors).toEqual([{ line: 1, problem: 'header', value: text.split('\n')[0] }]);
  });

  it('refuses an empty file', () => {
    expect(parseLinkCsv('\uFEFF\r\n').errors).toEqual([{ line: 1, problem: 'empty' }]);
  });

  it.each([
    ['shopify:s:1:1,shopify:s:1:1,0,1,', 'own-supplier'],
    ['shopify:s:1:1,https://www.aliexpress.com/item/1.html,0,1,', 'supplier-key'],
    ['shopify:s:1:1,temu:5:6,100,1,', 'priority'],
    ['shopify:s:1:1,temu:5:6,1.5,1,', 'priority'],
    ['shopify:s:1:1,temu:5:6,0,1001,', 'units-per-sale'],
    ['shopify:s:1:1,temu:5:6,0,1,lots', 'buffer-units'],
  ])('refuses the row %s (%s)', (row, problem) => {
    expect(parseLinkCsv(`${HEADER}\n${row}`).errors).toMatchObject([{ line: 2, problem }]);
  });

  it('refuses the later row of a link that contradicts an earlier one, and drops that link whole', () => {
    const text = [
      HEADER,
      'shopify:s:1:1,temu:5:6,0,1,4',
      'shopify:s:1:1,temu:5:7,0,1,', // same priority
      'shopify:s:2:1,temu:5:6,0,1,4',
      'shopify:s:2:1,temu:5:7,1,1,5', // another buffer
      'shopify:s:3:1,temu:5:6,0,1,',
      'shopify:s:3:1,temu:5:6,1,1,', // same supplier twice
      'shopify:s:4:1,temu:5:6,0,1,',
    ].join('\r\n');
    const result = parseLinkCsv(text);
    expect(result.errors).toEqual([
      { line: 3, problem: 'duplicate-priority', value: '0', listingKey: 'shopify:s:1:1' },
      { line: 5, problem: 'buffer-conflict', value: '5', listingKey: 'shopify:s:2:1' },
      { line: 7, problem: 'duplicate-supplier', value: 'temu:5:6', listingKey: 'shopify:s:3:1' },
    ]);
    expect(result.links.map((l) => l.listingKey)).toEqual(['shopify:s:4:1']);
  });

  it('allows ten suppliers to a link, not eleven', () => {
    const rows = Array.from({ length: 11 }, (_, i) => `shopify:s:1:1,temu:5:${i},${i},1,`);
    expect(parseLinkCsv([HEADER, ...rows.slice(0, 10)].join('\n')).links[0].suppliers).toHaveLength(10);
    expect(parseLinkCsv([HEADER, ...rows].join('\n')).errors).toMatchObject([
      { line: 12, problem: 'too-many-suppliers' },
    ]);
  });

  it('keeps the rows before a quote left open and reports the line it opened on', () => {
    const result = parseLinkCsv(`${HEADER}\nshopify:s:1:1,temu:5:6,0,1,\n"shopify:s:2:1,temu:5:6,0,1,\n`);
    expect(result.links.map((l) => l.listingKey)).toEqual(['shopify:s:1:1']);
    expect(result.errors).toEqual([{ line: 3, problem: 'unterminated-quote' }]);
  });
});
