import * as z from 'zod/mini';
import { stateOf, type HandlerContext } from '../../commands/handler-context.js';
import { dataCategorySchema } from '../../model/record-meta.js';
import { CODES_MAX, ENTRIES_MAX, ID_MAX } from '../../model/limits.js';
import {
  boundedArray,
  freeTextSchema,
  idSchema,
  isoDateSchema,
  lineSchema,
  nameSchema,
  textSchema,
} from '../../model/primitives.js';
import type { CommandDefinition } from '../../service/command-definition.js';
import { createStandardRegistry } from '../../process/standard/registry.js';

import {
  addMonths,
  CAPACITY_VALUES,
  CONSENT_GIVER_ROLES,
  DEFAULT_CONSENT_MONTHS,
  type ConsentForm,
} from '../consent/consent-record.js';
import { validateConsent, type ConsentDraft } from '../consent/consent-validation.js';
import { privacyEvent } from '../events.js';
import { foldPrivacy } from '../privacy-state.js';
import { privacyRefusal } from '../reason-codes.js';

/*
 * Input schemas are deliberately loose where a rule speaks: a consent for "*" or without a form must
 * be refused with the rule's own code (DP-07, DP-08), not with a generic schema error.
 */
const looseForm = z.strictObject({
  kind: z.optional(lineSchema),
  scanReference: z.optional(lineSchema),
  language: z.optional(lineSchema),
  interpreter: z.optional(
    z.strictObject({ used: z.boolean(), language: z.optional(lineSchema), name: z.optional(lineSchema) }),
  ),
  exceptionReason: z.optional(textSchema({ max: 2_000, multiline: true })),
  minutedBy: z.optional(idSchema),
});

/** A code as a rule reads it: bounded, checked by the rule (a category, a purpose, or `*`). */
const looseCode = textSchema({ max: ID_MAX });

/** A list the rule checks (DP-07 refuses `*`, `all` or an empty list), bounded and of codes only. */
const looseCodes = z.union([looseCode, boundedArray(looseCode, CODES_MAX)]);

/** A recipient as given: `*` passes the schema so DP-07 refuses it with its own code. */
const looseRecipient = z.strictObject({
  agencyId: z.union([z.literal('*'), idSchema]),
  name: z.optional(nameSchema),
});

const consentShape = {
  /** The person the data are about; the addressee if absent. */
  subjectId: z.optional(idSchema),
  categories: z.optional(looseCodes),
  recipients: z.optional(z.union([looseCode, boundedArray(looseRecipient, ENTRIES_MAX)])),
  purposes: z.optional(looseCodes),
  validFrom: z.optional(isoDateSchema),
  /** Defaults to `validFrom` + the configured months (12 unless the process standard says otherwise). */
  validUntil: z.optional(isoDateSchema),
  form: z.optional(looseForm),
  informationTextHash: z.optional(looseCode),
  givenBy: z.optional(
    z.strictObject({ personId: z.optional(idSchema), role: z.optional(z.enum(CONSENT_GIVER_ROLES)) }),
  ),
};

/** Input of `recordConsent` (DP-07..DP-13). */
export const recordConsentInput = z.strictObject({
  ...consentShape,
  includesProfessionalSecret: z.optional(z.boolean()),
  childView: z.optional(freeTextSchema),
  capacityToConsent: z.optional(z.enum(CAPACITY_VALUES)),
});

/** Input of `withdrawConsent` (DP-14): whole, or only some categories or recipients. */
export const withdrawConsentInput = z.strictObject({
  consentId: idSchema,
  categories: z.optional(boundedArray(dataCategorySchema, CODES_MAX, 1)),
  recipientAgencyIds: z.optional(boundedArray(idSchema, ENTRIES_MAX, 1)),
  note: z.optional(freeTextSchema),
});

/** Input of `recordConfidentialityRelease` (DP-15). */
export const recordConfidentialityReleaseInput = z.strictObject({
  ...consentShape,
  professionals: boundedArray(
    z.strictObject({
      name: nameSchema,
      profession: z.optional(lineSchema),
      agencyId: z.optional(idSchema),
    }),
    ENTRIES_MAX,
  ),
});

/** The standards every deployment knows: the default and the shipped legal profiles. */
const SHIPPED_STANDARDS = createStandardRegistry();

/**
 * Months a consent runs by default and at most (DP-11): the setting of the case's **own** process
 * standard (PR-00: a case is judged by the standard it was opened under, not the service's current one).
 * The service's standard counts only when the case records that very `{id, version}`; a shipped
 * standard (the default, the legal profiles) when the case is under it; otherwise DP-11's default,
 * {@link DEFAULT_CONSENT_MONTHS}, the same the process guard falls back to for an unknown standard.
 */
export function consentMonths(context: Pick<HandlerContext, 'standard' | 'state'>): number {
  const ref = context.state?.processStandard;
  const own = context.standard;
  const months = (standard: unknown): unknown =>
    (standard as { consent?: { defaultDurationMonths?: unknown } } | undefined)?.consent?.defaultDurationMonths;
  const configured =
    ref === undefined
      ? months(own)
      : own !== undefined && own.id === ref.id && own.version === ref.version
        ? months(own)
        : months(SHIPPED_STANDARDS.get(ref));
  return typeof configured === 'number' && configured > 0 ? configured : DEFAULT_CONSENT_MONTHS;
}

function draftOf(
  context: HandlerContext,
  input: z.infer<typeof recordConsentInput>,
): ConsentDraft & { validFrom: string; validUntil: string } {
  const validFrom = input.validFrom ?? context.today;
  return {
    ...(input as ConsentDraft),
    subjectId: input.subjectId ?? stateOf(context).addresseeId,
    validFrom,
    validUntil: input.validUntil ?? addMonths(validFrom, consentMonths(context)),
  };
}

function consentInvariants(context: HandlerContext, input: z.infer<typeof recordConsentInput>) {
  const draft = draftOf(context, input);
  return validateConsent(stateOf(context), draft, {
    today: context.today,
    maxUntil: addMonths(draft.validFrom, consentMonths(context)),
  });
}

function recipientsOf(input: { recipients?: unknown }): { agencyId: string; name?: string }[] {
  return (input.recipients as { agencyId: string; name?: string }[]).map((r) =>
    r.name === undefined ? { agencyId: r.agencyId } : { agencyId: r.agencyId, name: r.name },
  );
}

function formOf(form: z.infer<typeof looseForm>): ConsentForm {
  switch (form.kind) {
    case 'written':
      return { kind: 'written', scanReference: form.scanReference ?? '' };
    case 'electronic':
      return form.interpreter === undefined
        ? { kind: 'electronic', language: form.language ?? '' }
        : { kind: 'electronic', language: form.language ?? '', interpreter: form.interpreter };
    default:
      return form.minutedBy === undefined
        ? { kind: 'oralMinuted', exceptionReason: form.exceptionReason ?? '' }
        : { kind: 'oralMinuted', exceptionReason: form.exceptionReason ?? '', minutedBy: form.minutedBy };
  }
}

/** `recordConsent`: records a consent after DP-07..DP-13 are met; emits `ConsentRecorded`. */
export const recordConsentCommand: CommandDefinition<typeof recordConsentInput> = {
  type: 'recordConsent',
  input: recordConsentInput,
  invariants: consentInvariants,
  handle: (context, input) => {
    const draft = draftOf(context, input);
    return [
      privacyEvent('ConsentRecorded', {
        id: context.ids.next('consent'),
        subjectId: draft.subjectId!,
        categories: input.categories as never,
        ...(input.includesProfessionalSecret === undefined
          ? {}
          : { includesProfessionalSecret: input.includesProfessionalSecret }),
        recipients: recipientsOf(input),
        purposes: input.purposes as string[],
        validFrom: draft.validFrom,
        validUntil: draft.validUntil,
        form: formOf(input.form!),
        informationTextHash: input.informationTextHash!,
        givenBy: { personId: input.givenBy!.personId!, role: input.givenBy!.role! },
        ...(input.childView === undefined ? {} : { childView: input.childView }),
        ...(input.capacityToConsent === undefined ? {} : { capacityToConsent: input.capacityToConsent }),
        recordedBy: context.actor.id,
        recordedAt: context.now,
      }),
    ];
  },
};

/**
 * `withdrawConsent`: withdrawal for the future (DP-14). Earlier transfers under the consent stay and
 * are marked; every recipient in scope gets a `RecipientNotified`.
 */
export const withdrawConsentCommand: CommandDefinition<typeof withdrawConsentInput> = {
  type: 'withdrawConsent',
  input: withdrawConsentInput,
  invariants: (context, input) => {
    const consent = foldPrivacy(context.journal ?? []).consents.find((c) => c.record.id === input.consentId);
    return consent === undefined ? [privacyRefusal('DENY_CONSENT_UNKNOWN', { path: ['input', 'consentId'] })] : [];
  },
  handle: (context, input) => {
    const privacy = foldPrivacy(context.journal ?? []);
    const consent = privacy.consents.find((c) => c.record.id === input.consentId)!;
    const inScope = (agencyId: string) =>
      input.recipientAgencyIds === undefined || input.recipientAgencyIds.includes(agencyId);
    const affected = privacy.transfers.filter(
      (t) =>
        t.record.legalBasis.kind === 'consent' &&
        t.record.legalBasis.consentId === input.consentId &&
        t.record.at <= context.now &&
        inScope(t.record.recipient.agencyId) &&
        (input.categories === undefined || t.record.categories.some((c) => input.categories!.includes(c))),
    );
    const recipients = new Set<string>([
      ...consent.record.recipients.map((r) => r.agencyId).filter(inScope),
      ...affected.map((t) => t.record.recipient.agencyId),
    ]);
    return [
      privacyEvent('ConsentWithdrawn', {
        consentId: input.consentId,
        withdrawnAt: context.now,
        ...(input.categories === undefined ? {} : { categories: input.categories }),
        ...(input.recipientAgencyIds === undefined ? {} : { recipientAgencyIds: input.recipientAgencyIds }),
        affectedTransferIds: affected.map((t) => t.record.id),
        ...(input.note === undefined ? {} : { note: input.note }),
        recordedBy: context.actor.id,
      }),
      ...[...recipients].map((recipientAgencyId) =>
        privacyEvent('RecipientNotified', {
          recipientAgencyId,
          about: 'consentWithdrawal',
          consentId: input.consentId,
          transferIds: affected
            .filter((t) => t.record.recipient.agencyId === recipientAgencyId)
            .map((t) => t.record.id),
          notifiedAt: context.now,
        }),
      ),
    ];
  },
};

/** `recordConfidentialityRelease`: a Schweigepflichtentbindung naming professionals (DP-15). */
export const recordConfidentialityReleaseCommand: CommandDefinition<typeof recordConfidentialityReleaseInput> = {
  type: 'recordConfidentialityRelease',
  input: recordConfidentialityReleaseInput,
  invariants: (context, input) => {
    const refusals = consentInvariants(context, input);
    if (input.professionals.length === 0) {
      refusals.push(privacyRefusal('DENY_CONSENT_NOT_SPECIFIC', { rule: 'DP-15', path: ['input', 'professionals'] }));
    }
    return refusals;
  },
  handle: (context, input) => {
    const draft = draftOf(context, input);
    return [
      privacyEvent('ConfidentialityReleaseRecorded', {
        id: context.ids.next('release'),
        subjectId: draft.subjectId!,
        professionals: input.professionals,
        recipients: recipientsOf(input),
        categories: input.categories as never,
        includesProfessionalSecret: true,
        validFrom: draft.validFrom,
        validUntil: draft.validUntil,
        form: formOf(input.form!),
        informationTextHash: input.informationTextHash!,
        givenBy: { personId: input.givenBy!.personId!, role: input.givenBy!.role! },
        recordedBy: context.actor.id,
        recordedAt: context.now,
      }),
    ];
  },
};
