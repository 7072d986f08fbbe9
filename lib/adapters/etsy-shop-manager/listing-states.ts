// Etsy's listing states (the v3 API's `state`: active, inactive, sold_out, draft, expired) and how the Shop
// Manager shows them: the grid's state filter by value (the same in every UI language), the editor's status
// badge by its localized label.
import { cleanText } from '../../extract/text';
import type { ListingStatus } from '../../model';

export interface StateReading {
  status: ListingStatus;
  evidence: string;
}

// Sold out is Etsy's own out-of-stock state; an expired listing no longer sells until renewed (paid), so it
// counts as inactive, and its evidence keeps the word `expired`.
const STATUS_OF_STATE: Record<string, ListingStatus> = {
  active: 'active',
  inactive: 'inactive',
  draft: 'draft',
  sold_out: 'out_of_stock',
  expired: 'inactive',
};

export const statusOfState = (state: string): ListingStatus | undefined =>
  Object.hasOwn(STATUS_OF_STATE, state) ? STATUS_OF_STATE[state] : undefined;

// Badge labels in the Shop Manager's English, German and French UI, lowercased.
const STATE_OF_LABEL: Record<string, string> = {
  active: 'active',
  aktiv: 'active',
  actif: 'active',
  inactive: 'inactive',
  inaktiv: 'inactive',
  deactivated: 'inactive',
  deaktiviert: 'inactive',
  inactif: 'inactive',
  désactivée: 'inactive',
  draft: 'draft',
  entwurf: 'draft',
  brouillon: 'draft',
  'sold out': 'sold_out',
  ausverkauft: 'sold_out',
  épuisé: 'sold_out',
  épuisée: 'sold_out',
  expired: 'expired',
  abgelaufen: 'expired',
  expiré: 'expired',
  expirée: 'expired',
};

/** The state a badge's text names, or null for any other text. */
export function stateOfLabel(text: string | null | undefined): string | null {
  const label = cleanText(text).toLowerCase();
  return Object.hasOwn(STATE_OF_LABEL, label) ? STATE_OF_LABEL[label] : null;
}
