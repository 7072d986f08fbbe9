// Every message exists in every language, with the same substitutions, and every key the code uses exists.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ListingStatusSchema, SeveritySchema, StatusSchema } from '../lib/model';

const root = join(import.meta.dirname, '..');
const localesDir = join(root, 'public/_locales');
type Messages = Record<string, { message: string }>;
const locales = Object.fromEntries(
  readdirSync(localesDir).map((l) => [
    l,
    JSON.parse(readFileSync(join(localesDir, l, 'messages.json'), 'utf8')) as Messages,
  ]),
);
const en = locales.en;

/** Keys the code names literally: t('key') and t(`prefix_${…}`) built from the model's enums. */
function keysUsedInCode(): string[] {
  const files = ['components', 'entrypoints', 'lib'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes('.test.'))
      .map((f) => readFileSync(join(root, dir, f), 'utf8')),
  );
  const literal = files.flatMap((src) => [...src.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)].map((m) => m[1]));
  const built = [
    ...StatusSchema.options.map((s) => `status_${s.replaceAll('-', '_')}`),
    ...SeveritySchema.options.filter((s) => s !== 'none').map((s) => `group_${s}`),
    ...ListingStatusSchema.options.map((s) => `listingStatus_${s}`),
    'presence_missing',
    'presence_removed',
  ];
  return [...new Set([...literal, ...built])];
}

describe('locales', () => {
  it('ships English and Simplified Chinese', () => {
    expect(Object.keys(locales).sort()).toEqual(['en', 'zh_CN']);
  });

  it.each(Object.keys(locales).filter((l) => l !== 'en'))('%s has exactly the English keys and placeholders', (l) => {
    const other = locales[l];
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(en)) {
      const holes = (m: string) => [...m.matchAll(/\$\d/g)].map((x) => x[0]).sort();
      expect(holes(other[key].message), key).toEqual(holes(message));
      expect(other[key].message.trim(), key).not.toBe('');
    }
  });

  it('has every key the code uses', () => {
    const missing = keysUsedInCode().filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });
});
