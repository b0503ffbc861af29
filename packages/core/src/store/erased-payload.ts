import type { ErasedPayload } from '../journal/journal-event.js';

/** The marker a store writes in place of an erased payload (DP-32). */
export function erasedPayload(erasedAt: string, rule: string): ErasedPayload {
  return { erased: true, erasedAt, rule };
}
