// Link CSV problems in the seller's language: what is wrong on the line, and what the file should hold.
import { t } from '@/lib/i18n';
import { LINK_CSV_COLUMNS, type LinkCsvError } from '@/lib/link-csv';

export function csvProblemText(e: LinkCsvError): string {
  const value = e.value ?? '';
  switch (e.problem) {
    case 'empty':
      return t('csvEmpty');
    case 'header':
      return t('csvHeader', [LINK_CSV_COLUMNS.join(','), value]);
    case 'unterminated-quote':
      return t('csvUnterminatedQuote');
    case 'field-count':
      return t('csvFieldCount', [value]);
    case 'listing-key':
      return t('csvListingKey', [value]);
    case 'supplier-key':
      return t('csvSupplierKey', [value]);
    case 'priority':
      return t('csvPriority', [value]);
    case 'units-per-sale':
      return t('csvUnitsPerSale', [value]);
    case 'buffer-units':
      return t('csvBufferUnits', [value]);
    case 'own-supplier':
      return t('csvOwnSupplier');
    case 'duplicate-supplier':
      return t('csvDuplicateSupplier', [value]);
    case 'duplicate-priority':
      return t('csvDuplicatePriority', [value]);
    case 'buffer-conflict':
      return t('csvBufferConflict', [value]);
    case 'too-many-suppliers':
      return t('csvTooManySuppliers', [value]);
  }
}
