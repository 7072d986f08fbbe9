// RFC 4180 CSV, as spreadsheets write it: quoted fields may hold commas, quotes ("") and line breaks;
// records end in CRLF, LF or CR; a leading byte-order mark (Excel's "CSV UTF-8") is ignored.

export interface CsvRecord {
  /** The 1-based line the record starts on, as an editor shows it (a quoted line break moves the next one down). */
  line: number;
  fields: string[];
}

export interface CsvParse {
  records: CsvRecord[];
  /** A quote opened and never closed: everything from that record on is unreadable. */
  unterminatedAt?: number;
}

/** Splits text into records; blank lines are skipped (their numbers still count). */
export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let endOfRecord = false;
    while (i < src.length && !endOfRecord) {
      const c = src[i];
      if (quoted) {
        if (c === '"' && src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        if (c === '"') quoted = false;
        else field += c;
        if (c === '\n' || (c === '\r' && src[i + 1] !== '\n')) line++;
        i++;
        continue;
      }
      if (c === '"' && field === '') quoted = true;
      else if (c === ',') {
        fields.push(field);
        field = '';
      } else if (c === '\r' || c === '\n') {
        i += c === '\r' && src[i + 1] === '\n' ? 1 : 0;
        line++;
        endOfRecord = true;
      } else field += c; // a stray quote inside an unquoted field is kept as text, as spreadsheets do
      i++;
    }
    if (quoted) return { records, unterminatedAt: start };
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push({ line: start, fields });
  }
  return { records };
}

/** One field, quoted only when it must be (or when spaces at its ends would otherwise be trimmed by readers). */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Records to CSV text with CRLF line ends (RFC 4180), ending in a line break. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
