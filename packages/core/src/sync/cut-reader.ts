import { text } from '../i18n/localized-text.js';
import { foldCase } from '../fold/fold-case.js';
import { isErasedPayload, type JournalEvent } from '../journal/journal-event.js';
import { upcastEnvelope } from '../journal/legacy-envelope.js';
import { HISTORY_EVENT_CATALOG, type CaseHistory } from '../privacy/view/case-history.js';
import { journalRefusal } from '../journal/journal-verifier.js';
import { isHiddenLink, verifyCutJournal, type HiddenLink } from '../journal/verify-cut-journal.js';
import type { VerifyOptions } from '../journal/verify-journal.js';
import type { CaseState } from '../model/case-state.js';
import { sameActor, type Actor } from '../ports/actor.js';
import type { CaseView } from '../privacy/view/view-case.js';
import { visibleState } from '../privacy/view/visible-state.js';
import { ok, refused, type Refusal, type Result } from '../result/refusal.js';
import { caseIndexEntry } from '../service/case-index.js';
import type { CaseIndexEntry } from '../store/case-store.js';
import { SYNC_PURPOSE } from './journal-cut.js';
import { syncCaseViewSchema } from './protocol.js';
import { checkSignedHead, type HeadVerifier } from './signed-head.js';

/*
 * The reader of a journal cut (issue 15): what a device does with the `cut` the server sends. The
 * policy (docs/architecture.md, "Sync"): the cut is verified (chain, and the server's seal where the
 * device can check it) before anything of it is kept; only whole events are folded, a hidden link never
 * gets content; and since a cut usually hides the case's frame (`CaseOpened` carries the persons, whose
 * parts another agency may not all see), the device shows the core's decided view the server sends with
 * the cut, bound to the cut's case, head and actor; its history is described from the cut's whole events. Writes to such a case are never decided on the device:
 * they are queued and the server decides them.
 */

/** The typed refusals of {@link acceptCut}. */
export const CUT_REFUSAL_CODES = [
  'SYNC_CUT_REFUSED',
  'SYNC_CUT_SCOPE_MISMATCH',
  'SYNC_CUT_VIEW_MISSING',
  'SYNC_CUT_VIEW_MISMATCH',
  'SYNC_CUT_PURPOSE',
] as const;

/** One of {@link CUT_REFUSAL_CODES}. */
export type CutRefusalCode = (typeof CUT_REFUSAL_CODES)[number];

const CUT_MESSAGES: Record<CutRefusalCode, readonly [string, string]> = {
  SYNC_CUT_REFUSED: [
    'Der empfangene Aktenauszug ist nicht der versiegelte Verlauf des Servers; es wurde nichts übernommen.',
    "The received journal cut is not the server's sealed journal; nothing was taken over.",
  ],
  SYNC_CUT_SCOPE_MISMATCH: [
    'Der empfangene Aktenauszug passt nicht zu seiner Angabe (vollständig oder gekürzt).',
    'The received journal does not match its scope (full or cut).',
  ],
  SYNC_CUT_VIEW_MISSING: [
    'Zum gekürzten Aktenauszug fehlt die vom Server entschiedene Sicht.',
    "The journal cut comes without the server's decided view.",
  ],
  SYNC_CUT_VIEW_MISMATCH: [
    'Die mitgesandte Sicht gehört nicht zu diesem Aktenauszug (Akte, Stand oder Person).',
    'The view sent along does not belong to this cut (case, head or person).',
  ],
  SYNC_CUT_PURPOSE: [
    'Diese Akte liegt auf dem Gerät nur für die Fallarbeit vor.',
    'This case is held on the device for case work only.',
  ],
};

/** The refusal of a code of {@link CUT_REFUSAL_CODES}, rule `SYNC` (`DP-24` for the purpose). */
export function cutRefusal(code: CutRefusalCode, detail?: string): Refusal {
  const [de, en] = CUT_MESSAGES[code];
  return {
    code,
    rule: code === 'SYNC_CUT_PURPOSE' ? 'DP-24' : 'SYNC',
    message: detail === undefined ? text(de, en) : text(`${de} (${detail})`, `${en} (${detail})`),
  };
}

/** A journal change as {@link acceptCut} reads it (the protocol's `JournalChange`, or its parts). */
export interface CutChange {
  readonly caseId: string;
  readonly scope: 'full' | 'cut';
  readonly events: readonly unknown[];
  readonly view?: unknown;
  /** The server's signature of the head (`SignedHead`), checked when {@link AcceptCutOptions.keys} is given. */
  readonly signedHead?: unknown;
}

/** Options of {@link acceptCut}. */
export interface AcceptCutOptions {
  /** The actor the device works for: the view must be decided for it. */
  readonly actor: Actor;
  /** The server's seal and the port that checks it, when the reader holds it (a server, a test, a host with its key). */
  readonly seal?: VerifyOptions['seal'];
  /**
   * The server's public head keys (`createHeadVerifier` over `GET /fallkit/v1/keys`): then the journal must end
   * at a head the server signed (`SYNC_HEAD_*`, DP-44), which is how a device, holding no server key, knows
   * that what remains of a cut is the server's journal.
   */
  readonly keys?: HeadVerifier;
}

/** A verified journal change, as the device may keep it. */
export interface AcceptedCut {
  readonly caseId: string;
  readonly scope: 'full' | 'cut';
  /** The events as received: whole ones and hidden links. */
  readonly events: readonly (JournalEvent | HiddenLink)[];
  /** The whole events alone, in order. */
  readonly whole: readonly JournalEvent[];
  /** The journal's head (hidden or whole). */
  readonly lastSeq: number;
  /**
   * Whether the case's frame (`CaseOpened`, seq 1) is whole: then `state` is the fold of the whole events
   * (nothing of a hidden link in it); when it is hidden the whole events cannot make a case and `state` is
   * `undefined`.
   */
  readonly frame: 'whole' | 'hidden';
  readonly state: CaseState | undefined;
  /** For a `cut`: the server's decided view, which the device shows (it never folds a case from a cut). */
  readonly view?: CaseView;
}

/**
 * Accepts a journal change received from the server (issue 15, DP-24, DP-38, DP-44), or refuses it with
 * a typed code and nothing to keep:
 * - `SYNC_CUT_REFUSED` (with the `JOURNAL_*` problem after it): the chain does not verify (a forged,
 *   reordered, dropped or changed event or link), the events belong to another case, or the head does
 *   not match the seal;
 * - `SYNC_HEAD_UNSIGNED`, `SYNC_HEAD_KEY_UNKNOWN`, `SYNC_HEAD_SIGNATURE_INVALID`, `SYNC_HEAD_MISMATCH` (with
 *   `keys`): no signature, a key id the server's set does not hold, a signature the key did not make, or a
 *   journal that does not end at the signed head;
 * - `SYNC_CUT_SCOPE_MISMATCH`: a `full` change with hidden links, or a `cut` without any;
 * - `SYNC_CUT_VIEW_MISSING` / `SYNC_CUT_VIEW_MISMATCH`: a `cut` without the decided view, or with one
 *   for another case, another head, another actor or another purpose than `SYNC_PURPOSE`.
 * Never throws.
 */
export async function acceptCut(change: CutChange, options: AcceptCutOptions): Promise<Result<AcceptedCut>> {
  const { caseId, scope, events } = change;
  const first = events[0] as { caseId?: unknown } | undefined;
  if (first === undefined || first.caseId !== caseId)
    return refused(cutRefusal('SYNC_CUT_REFUSED', first === undefined ? 'empty' : 'another case'));
  const verdict = await verifyCutJournal(events, options.seal === undefined ? {} : { seal: options.seal });
  if (!verdict.ok) return refused(cutRefusal('SYNC_CUT_REFUSED'), journalRefusal(caseId, verdict.problem));
  const items = events as readonly (JournalEvent | HiddenLink)[];
  if (options.keys !== undefined) {
    const unsigned = await checkSignedHead(caseId, items, change.signedHead, options.keys);
    if (unsigned !== undefined) return refused(unsigned);
  }
  const whole = items.filter((item): item is JournalEvent => !isHiddenLink(item));
  const hidden = items.length - whole.length;
  if ((scope === 'full') !== (hidden === 0)) return refused(cutRefusal('SYNC_CUT_SCOPE_MISMATCH'));
  const lastSeq = items.at(-1)!.seq;
  const framed = whole[0]?.seq === 1 && whole[0].type === 'CaseOpened';
  let state: CaseState | undefined;
  if (framed) {
    try {
      state = foldCase(whole);
    } catch {
      // Whole events that do not fold without the hidden ones between them: no state, the view decides.
      state = undefined;
    }
  }
  const base = { caseId, scope, events: items, whole, lastSeq, frame: framed ? 'whole' : 'hidden', state } as const;
  if (scope === 'full') return ok(base);
  if (change.view === undefined) return refused(cutRefusal('SYNC_CUT_VIEW_MISSING'));
  const parsed = syncCaseViewSchema.safeParse(change.view);
  if (!parsed.success) return refused(cutRefusal('SYNC_CUT_VIEW_MISMATCH', 'malformed'));
  const view = parsed.data;
  const { actor } = options;
  const forActor = sameActor({ userId: view.actor.id, agencyId: view.actor.agencyId }, actor);
  if (view.caseId !== caseId || view.case['lastSeq'] !== lastSeq || !forActor || view.actor.role !== actor.role)
    return refused(cutRefusal('SYNC_CUT_VIEW_MISMATCH'));
  if (view.purpose !== SYNC_PURPOSE) return refused(cutRefusal('SYNC_CUT_VIEW_MISMATCH', view.purpose));
  return ok({ ...base, view: change.view as CaseView });
}

/** The case-list row of a case the device holds as a cut: the decided view's visible state (DP-24), at `today`. */
export function cutIndexEntry(view: CaseView, today: string): CaseIndexEntry {
  return caseIndexEntry(visibleState(view), today);
}

/**
 * The case as a decided view shows it, as a `CaseState` (withheld items left out, see `visibleState`): the
 * state a write queued for the server answers with, since the device does not decide it.
 */
export function cutCaseState(view: CaseView): CaseState {
  return visibleState(view);
}

/**
 * The history of a case held as a cut (DP-23, DP-24): the cut keeps whole exactly the events the server's
 * decision shows this actor (`decideShownEvents`, the same decision as the online history), so the device
 * describes those and nothing of the hidden links; numbered 1, 2, 3 … like the online history.
 */
export function cutHistory(view: CaseView, cut: readonly unknown[]): CaseHistory {
  const whole = cut.filter((event): event is JournalEvent => !isHiddenLink(event));
  const entries = whole.map((event, index) => {
    const { note } = upcastEnvelope(event);
    return {
      seq: index + 1,
      at: event.at,
      type: event.type,
      title: HISTORY_EVENT_CATALOG[event.type]?.title ?? text(event.type, event.type),
      actorId: event.actor.id,
      actorName: note?.actorName,
      agencyId: event.actor.agencyId,
      reason: note?.reason,
      erased: isErasedPayload(event.payload),
    };
  });
  return {
    caseId: view.caseId,
    entries: view.restriction?.code === 'ERASED' ? [] : entries,
    ...(view.restriction === undefined ? {} : { restriction: view.restriction }),
  };
}
