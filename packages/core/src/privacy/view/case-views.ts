import * as z from 'zod/mini';
import { decideHandoverStatus, type CaseHandoverStatus } from './handover-status.js';
import { text } from '../../i18n/localized-text.js';
import { accessNotices } from '../../process/handover-continuity.js';
import type { HistoryEntry } from '../../events/history.js';
import { foldCase } from '../../fold/fold-case.js';
import { verifyJournal } from '../../journal/verify-journal.js';
import type { JournalEvent } from '../../journal/journal-event.js';
import type { CaseState } from '../../model/case-state.js';
import type { DataCategory } from '../../model/record-meta.js';
import type { Actor } from '../../ports/actor.js';
import type { Clock } from '../../ports/clock.js';
import type { IdGenerator } from '../../ports/id-generator.js';
import { worklistConsents, type WorklistConsent } from '../../process/worklist.js';
import { statisticalRecord, type ReportingConfig, type StatisticalRecord } from '../../reporting/statistical-record.js';
import { ok, refused, type Refusal, type Result } from '../../result/refusal.js';
import { reportSourceOf } from '../../rights/report-source.js';
import { foldRights, type RightsState } from '../../rights/rights-state.js';
import { projectRightsIndex } from '../../rights/rights-index.js';
import { exportSubjectData, type SubjectExport } from '../../rights/subject-export.js';
import type { CaseService } from '../../service/case-service.js';
import { boundaryRefusals } from '../../access/boundary.js';
import { authoriseCommand } from '../../access/authorise.js';
import { COMMAND_ACCESS } from '../../access/command-access.js';
import { caseIndexEntry, indexRowStale } from '../../service/case-index.js';
import { DEFAULT_TIME_ZONE, localDate } from '../../service/local-date.js';
import { compareCaseIndexEntries, matchesCaseQuery } from '../../store/case-query.js';
import type {
  CaseIndexEntry,
  CaseQuery,
  CaseStore,
  Observer,
  Subscribable,
  Unsubscribable,
} from '../../store/case-store.js';
import {
  accessLogEntries,
  accessLogStreamId,
  appendAccessLog,
  rememberAccessLogHead,
  type AccessLogEntry,
  type ReadChannel,
} from '../access-log/access-log.js';
import type { CaseSection } from '../categories.js';
import type { ConfidentialityRelease } from '../consent/consent-record.js';
import { foldPrivacy, type ConsentState, type PrivacyState } from '../privacy-state.js';
import { parsePurpose } from '../purposes.js';
import { privacyRefusal } from '../reason-codes.js';
import { previewTransfer, type TransferPreview, type TransferRequest } from '../transfer/preview-transfer.js';
import {
  isPersonRecipient,
  prepareRecipientJudge,
  recipientViewRequestSchema,
  type RecipientViewRequest,
} from '../transfer/recipient-view.js';
import { personUnits } from './case-units.js';
import { decideHistory, type CaseHistory } from './case-history.js';
import { consentUnit, releaseUnit } from './record-units.js';
import { prepareViewJudge, viewCase, type CaseView, type ViewJudge } from './view-case.js';
import { withoutErasedPayloads } from './view-restrictions.js';
import { visibleState } from './visible-state.js';
import {
  caseSearchQuerySchema,
  duplicateCandidateSchema,
  findDuplicates,
  matchesSearch,
  parseSearch,
  searchHit,
  sortHits,
  visibleAddressee,
  type CaseSearchHit,
  type DuplicateHit,
} from './case-search.js';
import { deadlineSkeleton, teamOverview, type TeamOverview } from './team-overview.js';

/** What the case views are made of: the case service (for the current actor) and its ports. */
export interface CaseViewsOptions {
  /** The service: the current actor, and the verified read of a journal (DP-44). */
  readonly service: Pick<CaseService, 'currentActor' | 'readVerifiedJournal'>;
  readonly store: CaseStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** The organisation's time zone, for "today" of the decisions (default `Europe/Berlin`, like the service). */
  readonly timeZone?: string;
  /**
   * Which cases the report input of the statistics role covers, as the operator configures it:
   * `ownAgency` (default) the cases the actor's agency led, its own data as controller; `store` every
   * case of this store, for a store the agencies of a network share and report on together (the
   * operator's agreement, not the actor's choice). Skeletons only either way (DP-33).
   */
  readonly reportPopulation?: 'ownAgency' | 'store';
}

/** Options of one view request. */
export interface CaseViewRequestOptions {
  /** Only these sections (a tab of the case file). */
  readonly sections?: readonly CaseSection[];
  /** A case conference's agenda. */
  readonly agenda?: readonly DataCategory[];
}

/** Options of the channels over many cases (case list, worklist input). */
export interface CaseListOptions {
  /** The purpose the actor reads for; `caseManagement` if absent. */
  readonly purpose?: string;
  /** A filter, applied to the rows as the actor may see them (a hidden legal domain matches nothing). */
  readonly query?: CaseQuery;
}

/** Consents and confidentiality releases of a case as one actor may see them (DP-01, DP-07, DP-15). */
export interface CaseConsents {
  readonly caseId: string;
  readonly consents: readonly ConsentState[];
  readonly releases: readonly ConfidentialityRelease[];
}

/** What `buildWorklist` needs, as the actor may see it. */
export interface WorklistInput {
  /** The cases as their views show them, withheld items left out (see {@link visibleState}). */
  readonly cases: readonly CaseState[];
  /** The consents of each case (by case id) the actor may see, for the consent-expiry items. */
  readonly consents: Readonly<Record<string, readonly WorklistConsent[]>>;
}

/**
 * Data-protected reading (DP-23..DP-28, DP-40): every read channel of a case file, each decided for
 * the current actor through the same decisions as the case view and each written to the agency's
 * access log. Hosts and components read case content through these, never through the service's
 * unchecked `loadCase`. Which actor may use which channel is listed in `docs/data-protection.md`
 * ("Read channels").
 */
export interface CaseViews {
  /** Loads, decides, logs and returns the case as the current actor may see it. */
  viewCase(caseId: string, purpose: string, options?: CaseViewRequestOptions): Promise<Result<CaseView>>;
  /** The live view: emits on subscribe and after every change of the case; each emitted view is logged. */
  observeCaseView(
    caseId: string,
    purpose: string,
    options?: CaseViewRequestOptions,
  ): Subscribable<Result<CaseView> | undefined>;
  /**
   * The case list (DP-23): only rows of cases the actor may see, each computed from the actor's view
   * (a legal domain the view withholds is not in the row). Nothing for the statistics role, the
   * data-protection officer or admin. Each row shown is logged (`CaseListed`).
   */
  caseList(options?: CaseListOptions): Promise<Result<CaseIndexEntry[]>>;
  /** The live case list: emits on subscribe and whenever a case changes. */
  observeCaseList(options?: CaseListOptions): Subscribable<Result<CaseIndexEntry[]>>;
  /** The history (envelopes only), filtered by the decisions on the items each event carried. */
  history(caseId: string, purpose: string): Promise<Result<CaseHistory>>;
  /**
   * A transfer preview (DP-16..DP-22): only for an actor who may transfer from this case, and only
   * over the units its own view shows.
   */
  previewTransfer(caseId: string, request: TransferRequest): Promise<Result<TransferPreview>>;
  /**
   * What one recipient may receive of the case (issue 22: a letter is filled from it), as a view: the
   * actor's own view narrowed by the recipient's decision. A person of the case receives their own data
   * and not another person's (DP-29, DP-06; child-protection and entrusted items left out, DP-24); an
   * agency what `transferData` would pass on under the basis given (DP-16..DP-22; only who may issue
   * `transferData` asks for that). A person the actor's view does not name is refused like an unknown
   * one (`DENY_RECIPIENT_UNKNOWN`); a malformed request with `INVALID_INPUT`. Logged (`recipientView`).
   */
  recipientView(caseId: string, request: RecipientViewRequest): Promise<Result<CaseView>>;
  /** Consents and releases the actor's view allows, decided through the field map (DP-01). */
  consents(caseId: string, purpose: string): Promise<Result<CaseConsents>>;
  /** Worklist input: the cases of the list, as their views show them. */
  worklistInput(options?: CaseListOptions): Promise<Result<WorklistInput>>;
  /**
   * Report input (DP-33, DP-05): the statistical skeleton of every case the statistics role's agency
   * led, never a case file; cases excluded by an objection or restriction are left out (DP-31).
   */
  reportInput(options?: { readonly config?: ReportingConfig }): Promise<Result<StatisticalRecord[]>>;
  /** The person's export (DP-29), for the holding agency's case worker or data-protection officer. */
  exportSubject(caseId: string, subjectId: string): Promise<Result<SubjectExport>>;
  /**
   * The access log of the current actor's agency (DP-28): readable by that agency's data-protection
   * officer; verified as a hash chain first (DP-38). The read is logged too.
   */
  readAccessLog(filter?: { readonly caseId?: string }): Promise<Result<AccessLogEntry[]>>;
  /**
   * The case search (issue 22): the decided list's cases matching the query, each with the addressee's
   * name and birth date where the actor's view shows them (DP-23, DP-24: a withheld name is neither shown
   * nor matched). A malformed query is refused with `SEARCH_QUERY_INVALID`. Each hit is logged (`search`).
   */
  searchCases(request: CaseSearchRequest): Promise<Result<CaseSearchHit[]>>;
  /**
   * The duplicate check before a case is opened or a person added: the cases the actor may see whose
   * addressee has the same name (and birth date where both are known) or whose case number is the same.
   * Never a hint about cases the actor may not see (DP-23). Each hit is logged (`duplicateCheck`).
   */
  checkDuplicates(request: DuplicateCheckRequest): Promise<Result<DuplicateHit[]>>;
  /**
   * The team lead's overview of the agency (issue 22): figures per worker from the team lead's own
   * decided list, metadata only (DP-23). Other roles are refused with `DENY_TEAM_OVERVIEW`. Logged
   * (`teamOverview`) once per case counted.
   */
  teamOverview(request?: CaseListOptions): Promise<Result<TeamOverview>>;
  /**
   * The handover packages of a case (issue 16): the package it was opened from and the status loop of each
   * package it sent or received, from the events the actor's history shows; a step's note only where the
   * view allows notes. Logged (`handoverStatus`).
   */
  handoverStatus(caseId: string, purpose: string): Promise<Result<CaseHandoverStatus>>;
}

/** A case search: the purpose the actor reads for and the query (see {@link caseSearchQuerySchema}). */
export interface CaseSearchRequest {
  readonly purpose?: string;
  readonly query: unknown;
}

/** A duplicate check: the purpose and the person to look for (see {@link duplicateCandidateSchema}). */
export interface DuplicateCheckRequest {
  readonly purpose?: string;
  readonly candidate: unknown;
}

/** A case as read for a decision: the readable journal (decided erasures applied) and its folds. */
interface ReadCase {
  readonly journal: readonly JournalEvent[];
  readonly state: CaseState;
  readonly privacy: PrivacyState;
  readonly rights: RightsState;
}

function caseNotFound(caseId: string): Result<never> {
  return refused({
    code: 'CASE_NOT_FOUND',
    rule: 'SERVICE',
    message: text(`Die Akte „${caseId}“ gibt es nicht.`, `There is no case "${caseId}".`),
  });
}

function readCase(raw: readonly JournalEvent[]): ReadCase | undefined {
  // DP-31/DP-32: restrictions and erasures decide what a channel may show; a decided erasure hides
  // its payloads even before the store has removed them.
  const rights = foldRights(raw);
  const journal = withoutErasedPayloads(raw, rights.erasedSeqs);
  const state = foldCase(journal);
  return state === undefined ? undefined : { journal, state, privacy: foldPrivacy(journal), rights };
}

function logEntry(
  actor: Actor,
  caseId: string,
  purpose: string,
  channel: ReadChannel,
  at: string,
  shown: { categories?: readonly DataCategory[]; outcome?: AccessLogEntry['outcome']; redacted?: number },
  breakGlass = false,
): AccessLogEntry {
  return {
    caseId,
    actorId: actor.id,
    role: actor.role,
    agencyId: actor.agencyId,
    purpose,
    categories: [...new Set(shown.categories ?? [])].sort(),
    outcome: shown.outcome ?? 'allow',
    redacted: shown.redacted ?? 0,
    breakGlass,
    channel,
    at,
  };
}

function refusalEntry(
  actor: Actor,
  caseId: string,
  purpose: string,
  channel: ReadChannel,
  at: string,
  errors: readonly Refusal[],
): AccessLogEntry {
  return {
    ...logEntry(actor, caseId, purpose, channel, at, { outcome: 'deny' }),
    refusedWith: errors[0]?.code ?? 'DENY',
  };
}

function viewEntry(view: Result<CaseView>, caseId: string, purpose: string, actor: Actor, at: string): AccessLogEntry {
  if (!view.ok) return refusalEntry(actor, caseId, purpose, 'view', at, view.errors);
  const v = view.value;
  return logEntry(
    actor,
    caseId,
    purpose,
    'view',
    at,
    { categories: v.categories, outcome: v.decision.outcome, redacted: v.redacted },
    v.breakGlass,
  );
}

/** A row of a decided list, with the view it was computed from and the case it was read from. */
interface DecidedRow {
  readonly row: CaseIndexEntry;
  readonly view: CaseView;
  readonly read: ReadCase;
}

/** Categories of a list row as shown: legal domains are `benefits` data (DP-01 field map). */
function rowCategories(row: CaseIndexEntry): DataCategory[] {
  return row.legalDomains.length > 0 ? ['benefits'] : [];
}

/** Creates the data-protected case views over the service's store. */
export function createCaseViews(options: CaseViewsOptions): CaseViews {
  const { service, store, clock, ids } = options;
  const ports = { store, clock, ids };
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  /** The decisions' day: periods in force on the organisation's local date (DP-40). */
  const today = (): string => localDate(clock.now(), timeZone);

  /**
   * DP-40 at the read boundary: a malformed actor or a reserved stream id (an access log, a system
   * stream) is refused before anything is read, and not logged: a malformed actor must never reach
   * the access log.
   */
  function boundary(actor: Actor, caseId: string | undefined): Result<never> | undefined {
    const refusals = boundaryRefusals(actor, caseId);
    return refusals.length === 0 ? undefined : refused(refusals[0]!, ...refusals.slice(1));
  }

  /** The who-may-issue-what declaration of a command (DP-40), for the channels that preview or answer one. */
  function mayIssue(read: ReadCase, actor: Actor, type: string, at: string): Refusal[] {
    return authoriseCommand({
      type,
      input: {},
      actor,
      state: read.state,
      privacy: read.privacy,
      now: at,
      today: today(),
    });
  }

  /** The view with the commands the actor may issue on the case today (see {@link CaseView.mayIssue}). */
  function withActions(view: Result<CaseView>, read: ReadCase, actor: Actor): Result<CaseView> {
    if (!view.ok) return view;
    const at = clock.now();
    const mayIssueNow = Object.keys(COMMAND_ACCESS).filter((type) => mayIssue(read, actor, type, at).length === 0);
    // HO-4: the notices about the actor's own access (a transition after a handover ending soon).
    const notices = accessNotices(read.state, actor, today());
    return {
      ...view,
      value: { ...view.value, mayIssue: mayIssueNow, ...(notices.length === 0 ? {} : { accessNotices: notices }) },
    };
  }

  function judgeFor(read: ReadCase, actor: Actor, purpose: string): Result<ViewJudge> {
    return prepareViewJudge(read.state, actor, purpose, {
      now: clock.now(),
      privacy: read.privacy,
      rights: read.rights,
    });
  }

  function decideView(read: ReadCase, actor: Actor, purpose: string, request: CaseViewRequestOptions) {
    return viewCase(read.state, actor, purpose, {
      now: clock.now(),
      today: today(),
      privacy: read.privacy,
      rights: read.rights,
      ...(request.sections === undefined ? {} : { sections: request.sections }),
      ...(request.agenda === undefined ? {} : { agenda: request.agenda }),
    });
  }

  /** Writes the entries; a read that cannot be logged is not shown (DP-28: accountability first). */
  async function logged<T>(actor: Actor, entries: readonly AccessLogEntry[], value: Result<T>): Promise<Result<T>> {
    const appended = await appendAccessLog(ports, actor, entries);
    return appended.ok ? value : appended;
  }

  async function logView(view: Result<CaseView>, caseId: string, purpose: string): Promise<Result<CaseView>> {
    const actor = service.currentActor();
    return logged(actor, [viewEntry(view, caseId, purpose, actor, clock.now())], view);
  }

  /** The rows of the list as the actor may see them, with the views they came from. */
  async function decidedRows(actor: Actor, purpose: string, query: CaseQuery | undefined): Promise<DecidedRow[]> {
    // The statistics role reads aggregates only (DP-05): no rows, not even a decision per case.
    if (actor.role === 'statistics' || parsePurpose(purpose)?.kind === 'statistics') return [];
    // The stored index narrows the candidates; every field of a decided row is a part of the stored
    // one, so the stored query never drops a row the decided one would match. Except a row gone stale
    // (a period started or ended since it was written, DP-40): that one is decided afresh whatever it says.
    const day = today();
    const candidates =
      query === undefined
        ? await store.listCases()
        : (await store.listCases()).filter((row) => indexRowStale(row, day) || matchesCaseQuery(row, query));
    const out: DecidedRow[] = [];
    for (const candidate of candidates) {
      // A journal that fails verification is never shown (DP-44): it is left out of the list.
      const verified = await service.readVerifiedJournal(candidate.caseId);
      if (!verified.ok) continue;
      const read = readCase(verified.value);
      if (read === undefined) continue;
      const view = decideView(read, actor, purpose, {});
      if (!view.ok || view.value.restriction?.code === 'ERASED') continue;
      // The row of the day the list is read for: periods (lead agency, assignments) in force today.
      const row = projectRightsIndex(caseIndexEntry(visibleState(view.value), today()), read.journal);
      if (query !== undefined && !matchesCaseQuery(row, query)) continue;
      out.push({ row, view: view.value, read });
    }
    return out.sort((a, b) => compareCaseIndexEntries(a.row, b.row));
  }

  async function caseList(request: CaseListOptions = {}): Promise<Result<CaseIndexEntry[]>> {
    const actor = service.currentActor();
    const invalid = boundary(actor, undefined);
    if (invalid) return invalid;
    const purpose = request.purpose ?? 'caseManagement';
    const rows = (await decidedRows(actor, purpose, request.query)).map((r) => r.row);
    const at = clock.now();
    return logged(
      actor,
      rows.map((row) => logEntry(actor, row.caseId, purpose, 'caseList', at, { categories: rowCategories(row) })),
      ok(rows),
    );
  }

  return {
    async viewCase(caseId, purpose, request = {}) {
      const invalid = boundary(service.currentActor(), caseId);
      if (invalid) return invalid;
      // A tampered journal is never shown (DP-44): the refusal names the first bad event, and is logged.
      const verified = await service.readVerifiedJournal(caseId);
      if (!verified.ok) return logView(verified, caseId, purpose);
      const read = readCase(verified.value);
      if (read === undefined) return caseNotFound(caseId);
      const actor = service.currentActor();
      return logView(withActions(decideView(read, actor, purpose, request), read, actor), caseId, purpose);
    },

    observeCaseView(caseId, purpose, request = {}) {
      return {
        subscribe(
          observer: Observer<Result<CaseView> | undefined> | ((value: Result<CaseView> | undefined) => void),
        ): Unsubscribable {
          const target = typeof observer === 'function' ? { next: observer } : observer;
          const invalid = boundary(service.currentActor(), caseId);
          if (invalid) {
            // Refused once, and nothing is read or watched.
            target.next(invalid);
            return { unsubscribe: () => undefined };
          }
          let chain = Promise.resolve();
          let lastHash: string | undefined | null = null;
          return store.observeJournal(caseId).subscribe({
            next: (journal) => {
              // Stores may re-emit without a change (another stream was written, e.g. this very access log):
              // a view is produced and logged only for a journal it has not shown yet.
              const hash = journal.at(-1)?.hash;
              if (hash === lastHash) return;
              lastHash = hash;
              // Views are verified (DP-44) and logged in order; the value is emitted once its log entry is written.
              // A store that fails meanwhile (locked, closed) reports to the observer, never as a stray rejection.
              chain = chain
                .then(async () => {
                  const verified = await service.readVerifiedJournal(caseId);
                  if (!verified.ok) return target.next(await logView(verified, caseId, purpose));
                  const read = readCase(verified.value);
                  if (read === undefined) return target.next(undefined);
                  const actor = service.currentActor();
                  const view = withActions(decideView(read, actor, purpose, request), read, actor);
                  target.next(await logView(view, caseId, purpose));
                })
                .catch((error: unknown) => target.error?.(error));
            },
            error: (error) => target.error?.(error),
          });
        },
      };
    },

    caseList,

    observeCaseList(request = {}) {
      return {
        subscribe(
          observer: Observer<Result<CaseIndexEntry[]>> | ((value: Result<CaseIndexEntry[]>) => void),
        ): Unsubscribable {
          const target = typeof observer === 'function' ? { next: observer } : observer;
          let chain = Promise.resolve();
          let lastKey: string | null = null;
          return store.observeCases(request.query).subscribe({
            next: (rows) => {
              // Only a changed index is decided and logged again (stores may re-emit unchanged rows).
              const key = rows.map((row) => `${row.caseId}@${row.lastSeq}`).join(',');
              if (key === lastKey) return;
              lastKey = key;
              chain = chain
                .then(async () => target.next(await caseList(request)))
                .catch((error: unknown) => target.error?.(error));
            },
            error: (error) => target.error?.(error),
          });
        },
      };
    },

    async history(caseId, purpose) {
      const actor = service.currentActor();
      const invalid = boundary(actor, caseId);
      if (invalid) return invalid;
      const at = clock.now();
      const verified = await service.readVerifiedJournal(caseId);
      if (!verified.ok) return verified;
      const read = readCase(verified.value);
      if (read === undefined) return caseNotFound(caseId);
      const judged = judgeFor(read, actor, purpose);
      if (!judged.ok)
        return logged(actor, [refusalEntry(actor, caseId, purpose, 'history', at, judged.errors)], judged);
      const { restriction } = judged.value;
      // An erased case keeps only that it was erased (DP-32): no envelope of what it held.
      const entries: HistoryEntry[] = restriction.erased
        ? []
        : decideHistory(read.journal, read.state, read.privacy, judged.value);
      const history: CaseHistory = {
        caseId,
        entries,
        ...(restriction.marker === undefined ? {} : { restriction: restriction.marker }),
      };
      const breakGlass = judged.value.decider.relation === 'breakGlass';
      return logged(actor, [logEntry(actor, caseId, purpose, 'history', at, {}, breakGlass)], ok(history));
    },

    async previewTransfer(caseId, request) {
      const actor = service.currentActor();
      const invalid = boundary(actor, caseId);
      if (invalid) return invalid;
      const at = clock.now();
      const verified = await service.readVerifiedJournal(caseId);
      if (!verified.ok) return verified;
      const read = readCase(verified.value);
      if (read === undefined) return caseNotFound(caseId);
      const purpose = request.purpose;
      // Only who may issue `transferData` on this case sees what would go (DP-40: the one declaration of
      // who may issue what); decided before anything about the selection, so the refusal names no item.
      const sender = mayIssue(read, actor, 'transferData', at);
      const judged = judgeFor(read, actor, purpose);
      if (!judged.ok || sender.length > 0) {
        const errors = judged.ok ? sender : judged.errors;
        return logged(
          actor,
          [refusalEntry(actor, caseId, purpose, 'transferPreview', at, errors)],
          refused(errors[0]!, ...errors.slice(1)),
        );
      }
      let preview: TransferPreview;
      try {
        preview = previewTransfer(read.state, actor, request, {
          now: at,
          privacy: read.privacy,
          readable: (unit) => judged.value.judge(unit).effect === 'allow',
        });
      } catch {
        return refused({
          code: 'INVALID_INPUT',
          rule: 'DP-16',
          message: text('Die Anfrage ist unvollständig.', 'The request is incomplete.'),
        });
      }
      const shown = preview.units.flatMap((unit) => unit.categories);
      return logged(
        actor,
        [
          logEntry(
            actor,
            caseId,
            purpose,
            'transferPreview',
            at,
            { categories: shown },
            judged.value.decider.relation === 'breakGlass',
          ),
        ],
        ok(preview),
      );
    },

    async recipientView(caseId, raw) {
      const actor = service.currentActor();
      const invalid = boundary(actor, caseId);
      if (invalid) return invalid;
      const parsed = z.safeParse(recipientViewRequestSchema, raw);
      if (!parsed.success) {
        return refused({
          code: 'INVALID_INPUT',
          rule: 'DP-29',
          message: text('Die Angaben zum Empfänger sind nicht gültig.', 'The recipient request is not valid.'),
        });
      }
      const request = parsed.data as RecipientViewRequest;
      const { purpose, recipient } = request;
      const at = clock.now();
      const verified = await service.readVerifiedJournal(caseId);
      if (!verified.ok) return verified;
      const read = readCase(verified.value);
      if (read === undefined) return caseNotFound(caseId);
      const refuse = (errors: readonly Refusal[]): Promise<Result<CaseView>> =>
        logged<CaseView>(
          actor,
          [refusalEntry(actor, caseId, purpose, 'recipientView', at, errors)],
          refused(errors[0]!, ...errors.slice(1)),
        );
      const judged = judgeFor(read, actor, purpose);
      if (!judged.ok) return refuse(judged.errors);
      if (isPersonRecipient(recipient)) {
        // Only a person the actor's own view names: an unknown id and a withheld one answer alike.
        const person = read.state.persons.find((p) => p.id === recipient.personId);
        const named =
          person !== undefined &&
          judged.value.judge(personUnits(read.state, person).basics, person.id).effect === 'allow';
        if (!named) return refuse([privacyRefusal('DENY_RECIPIENT_UNKNOWN')]);
      } else {
        const sender = mayIssue(read, actor, 'transferData', at);
        if (sender.length > 0) return refuse(sender);
      }
      const narrow = prepareRecipientJudge(request, {
        state: read.state,
        privacy: read.privacy,
        actor,
        now: at,
        today: today(),
      });
      const view = viewCase(read.state, actor, purpose, {
        now: at,
        today: today(),
        privacy: read.privacy,
        rights: read.rights,
        narrow,
      });
      if (!view.ok) return refuse(view.errors);
      const v = view.value;
      const entry = logEntry(
        actor,
        caseId,
        purpose,
        'recipientView',
        at,
        { categories: v.categories, outcome: v.decision.outcome, redacted: v.redacted },
        v.breakGlass,
      );
      return logged(actor, [entry], ok(v));
    },

    async consents(caseId, purpose) {
      const actor = service.currentActor();
      const invalid = boundary(actor, caseId);
      if (invalid) return invalid;
      const at = clock.now();
      const verified = await service.readVerifiedJournal(caseId);
      if (!verified.ok) return verified;
      const read = readCase(verified.value);
      if (read === undefined) return caseNotFound(caseId);
      const judged = judgeFor(read, actor, purpose);
      if (!judged.ok)
        return logged(actor, [refusalEntry(actor, caseId, purpose, 'consents', at, judged.errors)], judged);
      const allowed = (unit: ReturnType<typeof consentUnit>) => judged.value.judge(unit).effect === 'allow';
      // Withheld records are left out, not marked: a marker would count them.
      const consents = read.privacy.consents.filter((c) => allowed(consentUnit(c.record)));
      const releases = read.privacy.releases.filter((r) => allowed(releaseUnit(r)));
      const categories = [
        ...consents.flatMap((c) => consentUnit(c.record).categories),
        ...releases.flatMap((r) => releaseUnit(r).categories),
      ];
      return logged(
        actor,
        [
          logEntry(
            actor,
            caseId,
            purpose,
            'consents',
            at,
            { categories },
            judged.value.decider.relation === 'breakGlass',
          ),
        ],
        ok({ caseId, consents, releases }),
      );
    },

    async handoverStatus(caseId, purpose) {
      const actor = service.currentActor();
      const invalid = boundary(actor, caseId);
      if (invalid) return invalid;
      const at = clock.now();
      const verified = await service.readVerifiedJournal(caseId);
      if (!verified.ok) return verified;
      const read = readCase(verified.value);
      if (read === undefined) return caseNotFound(caseId);
      const judged = judgeFor(read, actor, purpose);
      if (!judged.ok)
        return logged(actor, [refusalEntry(actor, caseId, purpose, 'handoverStatus', at, judged.errors)], judged);
      const decided = decideHandoverStatus(caseId, read, judged.value);
      const breakGlass = judged.value.decider.relation === 'breakGlass';
      const entry = logEntry(
        actor,
        caseId,
        purpose,
        'handoverStatus',
        at,
        { categories: decided.categories, redacted: decided.redacted },
        breakGlass,
      );
      return logged(actor, [entry], ok(decided.status));
    },

    async searchCases(request) {
      const actor = service.currentActor();
      const invalid = boundary(actor, undefined);
      if (invalid) return invalid;
      const query = parseSearch(caseSearchQuerySchema, request.query);
      if (!query.ok) return query;
      const purpose = request.purpose ?? 'caseManagement';
      const day = today();
      const hits = (await decidedRows(actor, purpose, undefined))
        .map(({ row, view }) => ({ hit: searchHit(row, view, day), view }))
        .filter(({ hit }) => matchesSearch(hit, query.value, day));
      const sorted = sortHits(
        hits.map(({ hit }) => hit),
        query.value.sort,
      ).slice(0, query.value.limit ?? 100);
      const viewOf = new Map(hits.map(({ hit, view }) => [hit.row.caseId, view]));
      const at = clock.now();
      return logged(
        actor,
        sorted.map((hit) => {
          const view = viewOf.get(hit.row.caseId)!;
          const shown: DataCategory[] = [
            ...rowCategories(hit.row),
            ...(hit.name === undefined ? [] : (['identity'] as const)),
          ];
          return logEntry(
            actor,
            hit.row.caseId,
            purpose,
            'search',
            at,
            { categories: shown, outcome: view.decision.outcome },
            view.breakGlass,
          );
        }),
        ok(sorted),
      );
    },

    async checkDuplicates(request) {
      const actor = service.currentActor();
      const invalid = boundary(actor, undefined);
      if (invalid) return invalid;
      const candidate = parseSearch(duplicateCandidateSchema, request.candidate);
      if (!candidate.ok) return candidate;
      const purpose = request.purpose ?? 'caseManagement';
      const day = today();
      const hits = (await decidedRows(actor, purpose, undefined)).map(({ row, view }) => {
        const visible = visibleState(view);
        const person = visibleAddressee(visible);
        return {
          ...searchHit(row, view, day, visible),
          ...(person.given === undefined ? {} : { given: person.given }),
          ...(person.family === undefined ? {} : { family: person.family }),
        };
      });
      const found = findDuplicates(candidate.value, hits);
      const at = clock.now();
      return logged(
        actor,
        found.map((hit) =>
          logEntry(actor, hit.row.caseId, purpose, 'duplicateCheck', at, { categories: ['identity'] }),
        ),
        ok(found),
      );
    },

    async teamOverview(request = {}) {
      const actor = service.currentActor();
      const invalid = boundary(actor, undefined);
      if (invalid) return invalid;
      if (actor.role !== 'teamLead') return refused(privacyRefusal('DENY_TEAM_OVERVIEW'));
      const purpose = request.purpose ?? 'caseManagement';
      const rows = await decidedRows(actor, purpose, request.query);
      // Deadline figures (dates and counts only) from each case's deadline skeleton: the core's decision
      // of what of a deadline the team lead sees (DP-23, DP-24; see team-overview.ts), none for a restricted case.
      const overview = teamOverview(
        rows.map(({ row, view, read }) => ({
          row,
          visible: visibleState(view),
          ...(view.restriction === undefined ? { deadlines: deadlineSkeleton(read.state) } : {}),
        })),
        today(),
      );
      const at = clock.now();
      return logged(
        actor,
        rows.map(({ row }) => logEntry(actor, row.caseId, purpose, 'teamOverview', at, { categories: [] })),
        ok(overview),
      );
    },

    async worklistInput(request = {}) {
      const actor = service.currentActor();
      const invalid = boundary(actor, undefined);
      if (invalid) return invalid;
      const purpose = request.purpose ?? 'caseManagement';
      const at = clock.now();
      const rows = await decidedRows(actor, purpose, request.query);
      const cases: CaseState[] = [];
      const consents: Record<string, readonly WorklistConsent[]> = {};
      const entries: AccessLogEntry[] = [];
      for (const { row, view, read } of rows) {
        cases.push(visibleState(view));
        const judged = judgeFor(read, actor, purpose);
        if (judged.ok) {
          const shown = read.privacy.consents.filter(
            (c) => judged.value.judge(consentUnit(c.record)).effect === 'allow',
          );
          consents[row.caseId] = worklistConsents({ consents: shown });
        }
        entries.push(
          logEntry(
            actor,
            row.caseId,
            purpose,
            'worklist',
            at,
            { categories: view.categories, outcome: view.decision.outcome, redacted: view.redacted },
            view.breakGlass,
          ),
        );
      }
      return logged(actor, entries, ok({ cases, consents }));
    },

    async reportInput(request = {}) {
      const actor = service.currentActor();
      const invalid = boundary(actor, undefined);
      if (invalid) return invalid;
      const at = clock.now();
      if (actor.role !== 'statistics') {
        const refusal = privacyRefusal('DENY_PURPOSE_MISMATCH', {
          rule: 'DP-33',
          detail: text(
            'Berichtsdaten nur für die Statistik (Rolle „statistics“).',
            'Report input is for the statistics role only.',
          ),
        });
        return logged(
          actor,
          [refusalEntry(actor, accessLogStreamId(actor.agencyId), 'statistics', 'report', at, [refusal])],
          refused(refusal),
        );
      }
      const records: StatisticalRecord[] = [];
      const entries: AccessLogEntry[] = [];
      for (const row of await store.listCases()) {
        // Only verified journals are counted (DP-44); a tampered one is left out.
        const verified = await service.readVerifiedJournal(row.caseId);
        if (!verified.ok) continue;
        const source = reportSourceOf(verified.value);
        // The agency reports on the cases it led (its own data as controller) unless the operator
        // configured a shared store's population; objections and restrictions leave a case out (DP-31).
        if (source === undefined || source.excludeFromStatistics === true) continue;
        const own = source.state.leadAgencies.some((lead) => lead.agencyId === actor.agencyId);
        if (options.reportPopulation !== 'store' && !own) continue;
        const record = statisticalRecord(source.state, request.config ?? {});
        records.push(record);
        const categories: DataCategory[] = ['benefits'];
        if (record.goalAttainments.length > 0) categories.push('goals');
        if (record.serviceGaps.length > 0) categories.push('measures');
        entries.push(logEntry(actor, row.caseId, 'statistics', 'report', at, { categories }));
      }
      return logged(actor, entries, ok(records));
    },

    async exportSubject(caseId, subjectId) {
      const actor = service.currentActor();
      const invalid = boundary(actor, caseId);
      if (invalid) return invalid;
      const at = clock.now();
      const purpose = 'dataSubjectRequest';
      const verified = await service.readVerifiedJournal(caseId);
      if (!verified.ok) return verified;
      const read = readCase(verified.value);
      if (read === undefined) return caseNotFound(caseId);
      // DP-29, DP-41: whoever may record the person's access request (the holding agency's assigned
      // worker, deputy or data-protection officer) produces the export. Decided before the person id is
      // looked at, so the refusal is the same for any id (no oracle).
      const refusals = mayIssue(read, actor, 'recordAccessRequest', at);
      if (refusals.length > 0) {
        const refusal = { ...refusals[0]!, rule: 'DP-29' };
        return logged(actor, [refusalEntry(actor, caseId, purpose, 'export', at, [refusal])], refused(refusal));
      }
      const exported = exportSubjectData({ state: read.state, events: read.journal }, subjectId, { generatedAt: at });
      const categories = exported.cases.flatMap((c) => c.items.flatMap((item) => item.categories)) as DataCategory[];
      return logged(actor, [logEntry(actor, caseId, purpose, 'export', at, { categories })], ok(exported));
    },

    async readAccessLog(filter = {}) {
      const actor = service.currentActor();
      const invalid = boundary(actor, undefined);
      if (invalid) return invalid;
      const at = clock.now();
      const stream = accessLogStreamId(actor.agencyId);
      if (actor.role !== 'dataProtectionOfficer') {
        const refusal = privacyRefusal('DENY_NOT_ASSIGNED', { rule: 'DP-28' });
        return logged(
          actor,
          [refusalEntry(actor, stream, 'supervision', 'accessLog', at, [refusal])],
          refused(refusal),
        );
      }
      const journal = await store.readJournal(stream);
      rememberAccessLogHead(store, journal, actor.agencyId);
      const verdict = await verifyJournal(journal);
      if (!verdict.ok) return refused({ code: verdict.problem.code, rule: 'DP-38', message: verdict.problem.message });
      const all = accessLogEntries(journal);
      const entries = filter.caseId === undefined ? all : all.filter((e) => e.caseId === filter.caseId);
      return logged(actor, [logEntry(actor, filter.caseId ?? stream, 'supervision', 'accessLog', at, {})], ok(entries));
    },
  };
}
