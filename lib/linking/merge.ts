// What a chosen supplier variant does to a listing variant's existing link: it takes the place of the
// same supplier product's variant (a correction), or joins as the next fallback (another supplier).
import type { LinkSupplier } from '../model';

export function withSupplier(
  existing: readonly LinkSupplier[] | undefined,
  offerKey: string,
  supplierProductKey: string,
  unitsPerSale: number,
): LinkSupplier[] {
  const current = [...(existing ?? [])].sort((a, b) => a.priority - b.priority);
  const same = current.findIndex((s) => s.offerKey === offerKey || s.offerKey.startsWith(`${supplierProductKey}:`));
  if (same >= 0) {
    current[same] = { ...current[same], offerKey, unitsPerSale };
    return current;
  }
  return [...current, { offerKey, priority: (current.at(-1)?.priority ?? -1) + 1, unitsPerSale }];
}
