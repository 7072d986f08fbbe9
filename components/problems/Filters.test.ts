import { describe, expect, it } from 'vitest';
import { StatusSchema } from '@/lib/model';
import { PROBLEM_STATUSES } from './Filters';

describe('the status filter', () => {
  it('offers every status a problem can have, and only those', () => {
    expect([...PROBLEM_STATUSES].sort()).toEqual(
      StatusSchema.options.filter((s) => s !== 'ok' && s !== 'unlinked').sort(),
    );
  });
});
