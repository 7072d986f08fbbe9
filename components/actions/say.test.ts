// What an action changed, read from its two snapshots, for every channel's snapshot shape.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { type Catalogue, formatMessage } from '@/lib/i18n';
import { describeChange } from './say';

const en = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8'),
) as Catalogue;

beforeEach(() => {
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string[]) =>
    en[key] ? formatMessage(en[key], subs) : '') as typeof browser.i18n.getMessage);
});

describe('describeChange', () => {
  it('eBay: the quantity and each eBay site cap that moved', () => {
    const offer = (availableQuantity: number | null) => [
      { offerId: '5005001', marketplaceId: 'EBAY_US', availableQuantity },
      { offerId: '5005002', marketplaceId: 'EBAY_GB', availableQuantity: null },
    ];
    const row = {
      before: { channel: 'ebay', shipToHome: 9, offers: offer(5) },
      after: { channel: 'ebay', shipToHome: 0, offers: offer(0) },
    };
    const text = describeChange(row);
    expect(text).toContain('stock 9 → 0');
    expect(text).toContain('EBAY_US 5 → 0');
    expect(text).not.toContain('EBAY_GB');
  });

  it('Etsy: the listing state', () => {
    const text = describeChange({
      before: { channel: 'etsy', state: 'active' },
      after: { channel: 'etsy', state: 'inactive' },
    });
    expect(text).toBe('status active → inactive');
  });

  it('Amazon: the seller-fulfilled quantity only', () => {
    const snap = (own: number) => ({
      channel: 'amazon',
      fulfillment: [{ channelCode: 'DEFAULT', quantity: own }],
    });
    expect(describeChange({ before: snap(12), after: snap(0) })).toBe('stock 12 → 0');
    expect(describeChange({ before: snap(12), after: snap(12) })).toBe('');
  });

  it('says nothing across channels or without both snapshots', () => {
    expect(describeChange({ before: { channel: 'etsy', state: 'active' }, after: undefined })).toBe('');
    expect(describeChange({ before: { channel: 'etsy', state: 'a' }, after: { channel: 'ebay', shipToHome: 1 } })).toBe(
      '',
    );
  });
});
