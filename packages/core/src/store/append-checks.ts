import { GENESIS_HASH, type JournalEvent } from '../journal/journal-event.js';
import type { AppendRequest } from './case-store.js';

/**
 * Checks that an append continues a stream whose last event is `last`: numbering without gaps,
 * each `prevHash` linking to its predecessor, all events in the same stream. Returns a short
 * description of the first problem, or `undefined` when the append fits. Hashes themselves are
 * verified by `verifyJournal`; this guards against a caller that mixes up streams or positions.
 */
export function describeAppendMismatch(
  request: AppendRequest,
  last: Pick<JournalEvent, 'seq' | 'hash'> | undefined,
): string | undefined {
  if (request.events.length === 0) return 'no events';
  if (request.index !== undefined && request.index.caseId !== request.caseId) return 'index row of another case';
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  for (const event of request.events) {
    if (event.caseId !== request.caseId) return `event ${event.seq} belongs to ${event.caseId}`;
    if (event.seq !== seq + 1) return `event ${event.seq} follows ${seq}`;
    if (event.prevHash !== prevHash) return `event ${event.seq} does not link to its predecessor`;
    seq = event.seq;
    prevHash = event.hash;
  }
  return undefined;
}
