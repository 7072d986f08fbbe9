import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, backoffMs, dayOf, jitteredSpacingMs, parseRetryAfter, startOfNextDay } from './politeness';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

describe('parseRetryAfter', () => {
  it.each<[string | null, number | null]>([
    ['120', 120_000],
    [' 5 ', 5_000],
    ['Thu, 26 Nov 2026 12:02:00 GMT', 120_000],
    ['Thu, 26 Nov 2026 11:00:00 GMT', 0],
    ['999999999', 24 * 3600_000],
    ['soon', null],
    ['', null],
    [null, null],
  ])('%s -> %s ms', (header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });
});

describe('backoffMs', () => {
  it('doubles from one minute with each refusal in a row, up to six hours', () => {
    expect([1, 2, 3, 4].map((level) => backoffMs(level, null))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(backoffMs(30, null)).toBe(BACKOFF_MAX_MS);
  });

  it('honours a longer Retry-After, never a shorter one', () => {
    expect(backoffMs(1, 600_000)).toBe(600_000);
    expect(backoffMs(3, 2_000)).toBe(240_000);
  });
});

describe('spacing and days', () => {
  it('never spaces requests closer than the setting, and at most half as much again', () => {
    expect(jitteredSpacingMs(10_000, () => 0)).toBe(10_000);
    expect(jitteredSpacingMs(10_000, () => 0.999)).toBeLessThanOrEqual(15_000);
  });

  it('counts requests per UTC day', () => {
    expect(dayOf(startOfNextDay(NOW))).toBe(dayOf(NOW) + 1);
    expect(dayOf(startOfNextDay(NOW) - 1)).toBe(dayOf(NOW));
  });
});
