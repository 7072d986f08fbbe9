// One message to the background from an options page; a missing or dead worker becomes a refusal in words.
import { browser } from 'wxt/browser';
import type { Message, Reply } from '@/lib/messages';

export async function ask<T extends object = object>(message: Message): Promise<Reply<T>> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as Reply<T> | undefined;
    return reply ?? { ok: false, error: 'no reply from the background' };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
