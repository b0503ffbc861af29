import type { SealedBox } from '../schema/rows.js';
import { openBytes, sealBytes } from './aes-gcm.js';

const KEY_CHECK_TEXT = 'fallkit-key-check-v1';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Seals a known constant under the master key, so a wrong key can be told apart from damaged data. */
export function makeKeyCheck(key: CryptoKey): Promise<SealedBox> {
  return sealBytes(key, encoder.encode(KEY_CHECK_TEXT));
}

/** Whether `key` opens the key check: AES-GCM authentication fails for any other key. */
export async function keyMatches(key: CryptoKey, check: SealedBox): Promise<boolean> {
  try {
    return decoder.decode(await openBytes(key, check)) === KEY_CHECK_TEXT;
  } catch {
    return false;
  }
}
