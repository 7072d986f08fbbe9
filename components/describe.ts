// Plain words for what was seen: stock, money, time ago, host. Used by the popup and the options page.

import { t, uiLocale } from '@/lib/i18n';
import type { Money, Stock } from '@/lib/model';

export function describeStock(stock: Stock): string {
  switch (stock.kind) {
    case 'exact':
      return t('stockExact', [stock.qty]);
    case 'atLeast':
      return t('stockAtLeast', [stock.qty]);
    case 'inStock':
      return t('stockInStock');
    case 'outOfStock':
      return t('stockOut');
    case 'unknown':
      return t('stockUnknown', [stock.reason]);
  }
}

export function formatMoney(money: Money | undefined, locale?: string): string {
  if (!money) return '';
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency: money.currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(
    money.amount / 10 ** digits,
  );
}

export function timeAgo(at: number, now: number): string {
  const minutes = Math.max(0, Math.round((now - at) / 60_000));
  if (minutes < 1) return t('timeJustNow');
  if (minutes < 60) return t('timeMinutesAgo', [minutes]);
  const hours = Math.round(minutes / 60);
  if (hours < 48) return t('timeHoursAgo', [hours]);
  return t('timeDaysAgo', [Math.round(hours / 24)]);
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** When a snooze ends: the time today, or the day and time later ("15:30", "Fri 09:00"), in the UI's language. */
export function formatUntil(at: number, now: number): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit' }
    : { weekday: 'short', hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(uiLocale(), options).format(at);
}
