// Unwrapping a channel client's result in contract tests: the value, or a failure that says what came back.
import type { ChannelFailure, ChannelResult } from '../lib/channels/error';

export function value<T>(result: ChannelResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

export function failure<T>(result: ChannelResult<T>): ChannelFailure {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}
