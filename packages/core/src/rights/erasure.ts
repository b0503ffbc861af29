import type { Clock } from '../ports/clock.js';
import type { CaseStore, CaseIndexEntry } from '../store/case-store.js';
import { isErasedPayload } from '../journal/journal-event.js';
import { foldCase } from '../fold/fold-case.js';
import { caseIndexEntry } from '../service/case-index.js';
import type { CaseService } from '../service/case-service.js';
import { ok, refused, type Result } from '../result/refusal.js';
import type { JournalSeal } from '../journal/journal-seal.js';
import { verifyJournal } from '../journal/verify-journal.js';
import { journalRefusal } from '../journal/journal-verifier.js';
import { foldRights } from './rights-state.js';
import { projectRightsIndex } from './rights-index.js';
import type { RightsEventPayload } from './rights-events.js';

/**
 * Carries out the erasures a case journal has decided (`DataErased`, DP-32): the store replaces those
 * payloads with the erasure marker, envelopes and payload hashes stay, so `verifyJournal` still
 * passes and the fold reads the events as erased. Then the index row is rewritten. Idempotent:
 * payloads already erased are skipped, so it also repairs an erasure interrupted after the decision
 * was recorded. Returns the seqs erased now. A journal that does not verify (DP-44, with `seal` or the
 * store's own) is refused untouched: a forged decision must never erase genuine data.
 */
export async function completeErasures(
  store: CaseStore,
  caseId: string,
  clock: Clock,
  options: { readonly seal?: JournalSeal } = {},
): Promise<Result<number[]>> {
  const journal = await store.readJournal(caseId);
  const seal = options.seal ?? store.journalSeal;
  const record = seal === undefined ? undefined : await store.readSeal?.(caseId);
  const verdict = await verifyJournal(journal, seal === undefined ? {} : { seal: { port: seal, record } });
  if (!verdict.ok) return refused(journalRefusal(caseId, verdict.problem));
  const rights = foldRights(journal);
  const pending = journal
    .filter((event) => rights.erasedSeqs.has(event.seq) && !isErasedPayload(event.payload))
    .map((event) => event.seq);
  if (pending.length > 0) {
    const erased = await store.erasePayloads(caseId, pending, clock.now(), 'DP-32');
    if (!erased.ok) return erased;
  }
  const after = await store.readJournal(caseId);
  const state = foldCase(after);
  if (state !== undefined) {
    const entry: CaseIndexEntry = projectRightsIndex(caseIndexEntry(state), after);
    await store.putIndex(entry);
  }
  return ok(pending);
}

/** The answer to an erasure request (DP-31): erased, or restricted with the rules that block erasure. */
export interface ErasureAnswer {
  readonly outcome: 'granted' | 'restricted';
  /** `RESTRICTED_RETENTION_DUTY` … for each blocking rule; empty when granted. */
  readonly blocking: RightsEventPayload<'ErasureDecided'>['blocking'];
  /** The seqs whose payloads were erased. */
  readonly erasedSeqs: readonly number[];
}

/**
 * Runs the `requestErasure` command through the service and, when erasure is granted, carries it out
 * in the store ({@link completeErasures}). The answer names the blocking rule when the data had to be
 * restricted instead.
 */
export async function requestErasure(
  service: CaseService,
  store: CaseStore,
  clock: Clock,
  caseId: string,
  input: {
    subjectId: string;
    scope: 'case' | 'subject';
    pendingClaim?: { reference: string };
    protectedInterest?: { reason: string };
  },
): Promise<Result<ErasureAnswer>> {
  const outcome = await service.execute({ type: 'requestErasure', caseId, input });
  if (!outcome.ok) return outcome;
  const decided = outcome.value.events.find((event) => event.type === 'ErasureDecided')?.payload as
    RightsEventPayload<'ErasureDecided'> | undefined;
  if (decided === undefined || decided.outcome === 'restricted') {
    return ok({ outcome: 'restricted', blocking: decided?.blocking ?? [], erasedSeqs: [] });
  }
  const erased = await completeErasures(store, caseId, clock);
  if (!erased.ok) return erased;
  return ok({ outcome: 'granted', blocking: [], erasedSeqs: erased.value });
}
