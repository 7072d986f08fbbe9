// eBay's bulkUpdatePriceQuantity for one SKU: absolute quantities for the inventory item and its offers, answered
// per item (200 when all worked, 207 multi-status when some did not). eBay answers per offer, not for the SKU's
// own quantity beside them, so what a failed call changed is read back, never assumed: the seller is told
// whether nothing or only part of the change was made.

import { EBAY, type EbayApi, ENTITY_NOT_FOUND, INVENTORY } from './ebay-api';
import { BulkResponseSchema, type EbayCredentials } from './ebay-schemas';
import { ChannelError } from './error';

export interface BulkRequest {
  sku: string;
  shipToLocationAvailability: { quantity: number };
  offers: { offerId: string; availableQuantity: number }[];
}

/** The items eBay did not update, named for the seller; `error` turns them into words once the state is read back. */
export interface BulkFailure {
  error(changed: string | null): ChannelError;
}

export async function bulkUpdate(
  api: EbayApi,
  creds: EbayCredentials,
  request: BulkRequest,
): Promise<BulkFailure | null> {
  const { responses } = await api.request(creds, {
    method: 'POST',
    path: `${INVENTORY}/bulk_update_price_quantity`,
    body: { requests: [request] },
    data: BulkResponseSchema,
    accept: [207],
  });
  const failed = responses.filter((r) => r.statusCode !== 200 || (r.errors?.length ?? 0) > 0);
  if (failed.length === 0) return null;
  const named = failed
    .map((r) => {
      const what = r.offerId ? `offer ${r.offerId}` : `SKU ${r.sku ?? request.sku}`;
      return `${what}: ${r.errors?.[0]?.message ?? `status ${r.statusCode}`}`;
    })
    .join('; ')
    .slice(0, 400);
  const detail = failed
    .map((r) => `${r.offerId ?? r.sku}: ${r.statusCode} ${r.errors?.map((e) => e.errorId).join(',') ?? ''}`)
    .join('; ');
  const notFound = failed.some((r) => r.errors?.some((e) => e.errorId === ENTITY_NOT_FOUND));
  return {
    error: (changed) => {
      if (changed)
        return new ChannelError('refused', 'channelErrorPartial', [EBAY, named], {
          detail: `${detail}; changed ${changed}`,
        });
      if (notFound) return notInventoryApi(request.sku);
      return new ChannelError('refused', 'channelErrorRefusedByChannel', [EBAY, named], { detail });
    },
  };
}

/** Only listings made through the Inventory API have inventory items; one made in Seller Hub has none. */
export function notInventoryApi(sku: string): ChannelError {
  return new ChannelError('refused', 'channelErrorEbayNotInventoryApi', [EBAY, sku], { detail: `SKU ${sku}` });
}
