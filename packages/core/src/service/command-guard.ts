import type { Actor } from '../ports/actor.js';
import type { JournalEvent } from '../journal/journal-event.js';
import type { CaseState } from '../model/case-state.js';
import type { Notice, Refusal } from '../result/refusal.js';
import type { CaseServiceStandard } from '../commands/handler-context.js';
import type { CommandDefinition } from './command-definition.js';
import type { PrivacyState } from '../privacy/privacy-state.js';
import type { RightsState } from '../rights/rights-state.js';

/** A command after validation: the input is the schema's parsed output, the case id is known. */
export interface ValidatedCommand {
  readonly type: string;
  readonly caseId: string;
  readonly expectedSeq?: number;
  readonly reason?: string;
  /** The id of the command or batch (idempotency), recorded in every event it appends. */
  readonly commandId?: string;
  readonly input: unknown;
}

/** What a guard sees. `state` is `undefined` only for a command that opens a case. */
export interface GuardContext {
  readonly command: ValidatedCommand;
  readonly definition: CommandDefinition;
  readonly state: CaseState | undefined;
  /** The case journal before the command (empty for a new case): consents, transfers and other module events the case fold does not keep. */
  readonly journal: readonly JournalEvent[];
  /**
   * `foldPrivacy(journal)` and `foldRights(journal)`, kept up to date by the service so a guard need
   * not refold the journal for every command. Absent when a caller runs guards on its own.
   */
  readonly privacy?: PrivacyState;
  readonly rights?: RightsState;
  readonly actor: Actor;
  /** The clock's instant for this command. */
  readonly now: string;
  /** `now` as a local date in the service's time zone (`YYYY-MM-DD`): "today" for dates and deadlines. */
  readonly today: string;
  readonly standard: CaseServiceStandard | undefined;
  /** Lets a guard warn without refusing (e.g. DP-03: a note seems to contain health data). */
  readonly addNotice: (notice: Notice) => void;
}

/**
 * A step of the command pipeline between validation and the handler: returns the refusals that stop
 * the command (an empty array lets it pass). Guards run in order; the first guard that refuses ends
 * the pipeline, so later guards may rely on earlier ones (the data-protection guard can rely on
 * referenced ids existing). Guards are synchronous and pure.
 */
export type CommandGuard = (context: GuardContext) => readonly Refusal[];
