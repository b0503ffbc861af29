import * as z from 'zod/mini';
import { idSchema, shortTextSchema } from '../model/primitives.js';
import { caseFileInputs } from './case-file/inputs.js';
import { accessAndScreeningInputs } from './access-and-screening/inputs.js';
import { counsellingInputs } from './counselling/inputs.js';
import { assessmentInputs } from './assessment/inputs.js';
import { goalsInputs } from './goals/inputs.js';
import { helpPlanInputs } from './help-plan/inputs.js';
import { linkingInputs } from './linking/inputs.js';
import { monitoringInputs } from './monitoring/inputs.js';
import { handoverInputs } from './handover/inputs.js';
import { legalDomainsInputs } from './legal-domains/inputs.js';
import { recordsInputs } from './records/inputs.js';
import { planDocumentInputs } from './plan-document/inputs.js';
import { closureInputs } from './closure/inputs.js';

/**
 * Every case command with its input schema, assembled from the slices (one folder per stage of the
 * cycle, e.g. `goals/`), in the cycle's order: this order is the order of `CASE_COMMAND_TYPES` and so of
 * the stepper's next steps. Command names are imperative (`agreeGoal`); the events they produce are
 * past-tense facts (`GoalAgreed`).
 */
export const CASE_COMMAND_INPUTS = {
  ...caseFileInputs,
  ...accessAndScreeningInputs,
  ...counsellingInputs,
  ...assessmentInputs,
  ...goalsInputs,
  ...helpPlanInputs,
  ...linkingInputs,
  ...monitoringInputs,
  ...handoverInputs,
  ...legalDomainsInputs,
  ...recordsInputs,
  ...planDocumentInputs,
  ...closureInputs,
} as const;

/** The name of a case command. */
export type CaseCommandType = keyof typeof CASE_COMMAND_INPUTS;

/** Every case command name. */
export const CASE_COMMAND_TYPES = Object.keys(CASE_COMMAND_INPUTS) as CaseCommandType[];

/** The (parsed) input of a case command. */
export type CaseCommandInput<T extends CaseCommandType> = z.infer<(typeof CASE_COMMAND_INPUTS)[T]>;

/** The input of a case command as a caller may write it (before defaults). */
export type CaseCommandInputIn<T extends CaseCommandType> = z.input<(typeof CASE_COMMAND_INPUTS)[T]>;

/**
 * A command to the case service. `caseId` is required except for `openCase`. `expectedSeq` is the
 * journal position the caller's view is based on; when given and stale, the command is refused with
 * `STORE_CONFLICT` (optimistic concurrency across users and tabs). `commandId` makes a retry safe:
 * the same id again returns the original outcome and writes nothing. `reason` goes into the event
 * envelope where the domain asks for one.
 */
export type CaseCommand = {
  readonly [T in CaseCommandType]: {
    readonly type: T;
    readonly caseId?: string;
    readonly expectedSeq?: number;
    readonly commandId?: string;
    readonly reason?: string;
    readonly input: CaseCommandInputIn<T>;
  };
}[CaseCommandType];

/** A case command of one type. */
export type CaseCommandOf<T extends CaseCommandType> = Extract<CaseCommand, { type: T }>;

/**
 * Any command the service accepts: the case commands, or a command another module registered
 * (consent, erasure …), checked at run time against the registered schemas.
 */
export interface AnyCommand {
  readonly type: string;
  readonly caseId?: string;
  readonly expectedSeq?: number;
  readonly commandId?: string;
  readonly reason?: string;
  readonly input: unknown;
}

/** A command name: letters, digits, `_` and `$`, as a JavaScript identifier (the lookup is own-keys only, IN-07). */
const commandTypeSchema = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z_$][\w$]*$/));

/**
 * The envelope of a command (everything but `input`), validated before the input. Strict (IN-01):
 * a misspelled member (`expectedSequence`) is refused, not ignored. `commandId` is the caller's
 * idempotency key for issue 14's batch and retry handling.
 */
export const commandEnvelopeSchema = z.strictObject({
  type: commandTypeSchema,
  caseId: z.optional(idSchema),
  commandId: z.optional(idSchema),
  expectedSeq: z.optional(z.int().check(z.nonnegative())),
  reason: z.optional(shortTextSchema),
  input: z.unknown(),
});
