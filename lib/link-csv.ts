// Links as CSV, one row per supplier of a link: listing_key, supplier_key, priority, units_per_sale, buffer_units.
// Rows with the same listing_key are one link. Pure: text in, links and per-row errors (with line numbers) out.
// A bad row drops its whole link, so an import never saves a link with a supplier silently missing.
import { parseCsv, toCsv } from './csv';
import { type Link, type LinkSupplier, MAX_QTY } from './model';

export const LINK_CSV_COLUMNS = ['listing_key', 'supplier_key', 'priority', 'units_per_sale', 'buffer_units'] as const;
type Column = (typeof LINK_CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['listing_key', 'supplier_key'];
const MAX_SUPPLIERS = 10;
/** `<adapter>:<ids…>`: catches titles, URLs or swapped columns pasted where a key belongs. */
const isKey = (text: string) => text.length <= 300 && /^[a-z0-9-]{2,40}:(?!\/\/)\S/.test(text);

export type LinkCsvProblem =
  | 'empty'
  | 'header'
  | 'unterminated-quote'
  | 'field-count'
  | 'listing-key'
  | 'supplier-key'
  | 'priority'
  | 'units-per-sale'
  | 'buffer-units'
  | 'own-supplier'
  | 'duplicate-supplier'
  | 'duplicate-priority'
  | 'buffer-conflict'
  | 'too-many-suppliers';

export interface LinkCsvError {
  line: number;
  problem: LinkCsvProblem;
  /** The offending value (or, for `header`, the columns found), for the message. */
  value?: string;
  /** The link the row belonged to: it is not imported. */
  listingKey?: string;
}

export interface ImportedLink {
  listingKey: string;
  suppliers: LinkSupplier[];
  bufferUnits?: number;
}

export interface LinkCsvResult {
  links: ImportedLink[];
  errors: LinkCsvError[];
  /** Data rows read (blank lines not counted). */
  rows: number;
}

export function parseLinkCsv(text: string): LinkCsvResult {
  const { records, unterminatedAt } = parseCsv(text);
  const header = records[0];
  if (!header) return { links: [], errors: [{ line: 1, problem: 'empty' }], rows: 0 };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const index = new Map(names.map((n, i) => [n, i]));
  const wrong = names.some((n) => !(LINK_CSV_COLUMNS as readonly string[]).includes(n)) || index.size < names.length;
  if (wrong || REQUIRED.some((c) => !index.has(c))) {
    return { links: [], errors: [{ line: header.line, problem: 'header', value: header.fields.join(',') }], rows: 0 };
  }

  const errors: LinkCsvError[] = [];
  const groups = new Map<string, { suppliers: LinkSupplier[]; buffer?: number; bad: boolean }>();
  const order: string[] = [];
  const rows = records.slice(1);
  for (const { line, fields } of rows) {
    const cell = (c: Column) => (index.has(c) ? (fields[index.get(c)!] ?? '').trim() : '');
    const listingKey = cell('listing_key');
    let group = groups.get(listingKey);
    if (!group) {
      group = { suppliers: [], bad: false };
      groups.set(listingKey, group);
      order.push(listingKey);
    }
    const problem = rowProblem(fields.length, names.length, cell, group);
    if (problem) {
      errors.push({ line, listingKey: listingKey || undefined, ...problem });
      group.bad = true;
      continue;
    }
    const buffer = cell('buffer_units');
    if (buffer) group.buffer = Number(buffer);
    group.suppliers.push({
      offerKey: cell('supplier_key'),
      priority: cell('priority') ? Number(cell('priority')) : group.suppliers.length,
      unitsPerSale: cell('units_per_sale') ? Number(cell('units_per_sale')) : 1,
    });
  }
  if (unterminatedAt !== undefined) errors.push({ line: unterminatedAt, problem: 'unterminated-quote' });

  const links = order
    .filter((k) => k && !groups.get(k)!.bad)
    .map((listingKey) => {
      const { suppliers, buffer } = groups.get(listingKey)!;
      const sorted = [...suppliers].sort((a, b) => a.priority - b.priority);
      return buffer === undefined
        ? { listingKey, suppliers: sorted }
        : { listingKey, suppliers: sorted, bufferUnits: buffer };
    });
  return { links, errors: errors.sort((a, b) => a.line - b.line), rows: rows.length };
}

type Problem = Pick<LinkCsvError, 'problem' | 'value'>;

function rowProblem(
  count: number,
  expected: number,
  cell: (c: Column) => string,
  group: { suppliers: LinkSupplier[]; buffer?: number },
): Problem | null {
  if (count !== expected) return { problem: 'field-count', value: String(count) };
  const listingKey = cell('listing_key');
  const supplierKey = cell('supplier_key');
  if (!isKey(listingKey)) return { problem: 'listing-key', value: listingKey };
  if (!isKey(supplierKey)) return { problem: 'supplier-key', value: supplierKey };
  if (supplierKey === listingKey) return { problem: 'own-supplier', value: supplierKey };
  const priority = cell('priority');
  if (priority && !isInt(priority, 0, 99)) return { problem: 'priority', value: priority };
  const units = cell('units_per_sale');
  if (units && !isInt(units, 1, 1000)) return { problem: 'units-per-sale', value: units };
  const buffer = cell('buffer_units');
  if (buffer && !isInt(buffer, 0, MAX_QTY)) return { problem: 'buffer-units', value: buffer };
  if (buffer && group.buffer !== undefined && Number(buffer) !== group.buffer)
    return { problem: 'buffer-conflict', value: buffer };
  if (group.suppliers.some((s) => s.offerKey === supplierKey))
    return { problem: 'duplicate-supplier', value: supplierKey };
  const p = priority ? Number(priority) : group.suppliers.length;
  if (group.suppliers.some((s) => s.priority === p)) return { problem: 'duplicate-priority', value: String(p) };
  if (group.suppliers.length >= MAX_SUPPLIERS) return { problem: 'too-many-suppliers', value: String(MAX_SUPPLIERS) };
  return null;
}

const isInt = (text: string, min: number, max: number) => {
  const n = Number(text);
  return /^\d+$/.test(text) && n >= min && n <= max;
};

/** Every link as rows, suppliers in priority order; the buffer is repeated on each row of its link. */
export function linksToCsv(links: readonly Pick<Link, 'listingKey' | 'suppliers' | 'bufferUnits'>[]): string {
  const rows = links.flatMap((link) =>
    [...link.suppliers]
      .sort((a, b) => a.priority - b.priority)
      .map((s) => [
        link.listingKey,
        s.offerKey,
        String(s.priority),
        String(s.unitsPerSale),
        link.bufferUnits === undefined ? '' : String(link.bufferUnits),
      ]),
  );
  return toCsv([[...LINK_CSV_COLUMNS], ...rows]);
}
