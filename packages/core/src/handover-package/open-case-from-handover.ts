import * as z from 'zod/mini';
import { text } from '../i18n/localized-text.js';
import { caseEvent } from '../commands/pending-event.js';
import type { HandlerContext } from '../commands/handler-context.js';
import type { PendingEvent } from '../journal/journal-event.js';
import { assessmentSchema } from '../model/assessment.js';
import { leadAgencyInputSchema, residenceStatusSchema } from '../model/case-header.js';
import { goalSchema } from '../model/goal.js';
import { measureSchema } from '../model/help-plan.js';
import { CODES_MAX, ENTRIES_MAX, LABEL_MAX } from '../model/limits.js';
import { personSchema } from '../model/person.js';
import { boundedArray, idSchema, isoDateTimeSchema, lineSchema, textSchema } from '../model/primitives.js';
import { dataCategorySchema } from '../model/record-meta.js';
import type { Refusal } from '../result/refusal.js';
import type { CommandDefinition } from '../service/command-definition.js';
import {
  handoverAgencySchema,
  handoverPackageEvent,
  packageHashSchema,
  type ReceivedItem,
} from './handover-package-events.js';

/** What a verified package says about itself, as the receiving command records it. */
export const receivedPackageSchema = z.strictObject({
  packageId: idSchema,
  packageHash: packageHashSchema,
  sender: handoverAgencySchema,
  transferId: idSchema,
  senderKeyId: lineSchema,
  sourceCaseId: idSchema,
  sourceHeadHash: packageHashSchema,
  legalBasis: lineSchema,
  purpose: lineSchema,
  issuedAt: isoDateTimeSchema,
  withheldCategories: boundedArray(dataCategorySchema, CODES_MAX),
});

/**
 * The content of a handover package as the case file holds items: every item whole, with the
 * sender's classification (subjects, categories, flags). Only what the sender's decision let pass
 * is in it; the sender's ids are kept so goals, measures and assessments still refer to each other.
 */
export const receivedContentSchema = z.strictObject({
  addressee: personSchema,
  persons: boundedArray(personSchema, ENTRIES_MAX),
  residenceStatuses: boundedArray(residenceStatusSchema, ENTRIES_MAX),
  assessments: boundedArray(assessmentSchema, ENTRIES_MAX),
  goals: boundedArray(goalSchema, ENTRIES_MAX),
  measures: boundedArray(measureSchema, ENTRIES_MAX),
});

/** The content of a received package. */
export type ReceivedContent = z.infer<typeof receivedContentSchema>;

/** Input of `openCaseFromHandover`. */
export const openCaseFromHandoverInput = z.strictObject({
  /** The new case's id; `handover-<packageId>` if absent, so the same package can open only one case. */
  caseId: z.optional(idSchema),
  label: z.optional(textSchema({ max: LABEL_MAX })),
  /** The receiving agency: it leads the new case (DP-40: only for the actor's own agency). */
  leadAgency: leadAgencyInputSchema,
  caseManager: z.optional(z.strictObject({ userId: idSchema, name: z.optional(lineSchema), agencyId: idSchema })),
  package: receivedPackageSchema,
  content: receivedContentSchema,
});

/** The input of `openCaseFromHandover`. */
export type OpenCaseFromHandoverInput = z.infer<typeof openCaseFromHandoverInput>;

/** The case id a package opens when the caller names none. */
export function handoverCaseId(packageId: string): string {
  return `handover-${packageId}`;
}

type Meta = {
  origin: `agency:${string}`;
  legalBasis: string;
  recordedBy: string;
  recordedAt: string;
};

/** Every received item is marked received: from the sender agency, on its basis, recorded now (DP-04, DP-16). */
function received<T extends object>(item: T, meta: Meta): T {
  return { ...item, ...meta };
}

function refusal(code: string, de: string, en: string, path: (string | number)[]): Refusal {
  return { code, rule: 'DP-04, DP-16', message: text(de, en), path };
}

/**
 * `openCaseFromHandover`: the receiving agency opens its own case from a verified handover package
 * (`@fallkit/handover` verifies signature, recipient, expiry and replay before it sends this). The
 * items come in as the sender decided them, each marked received (origin `agency:<sender>`, the
 * package's basis, the receiving time), and a `HandoverPackageReceived` records the package hash and
 * sender. Nothing of the sender's journal is copied: no envelope, no withheld item.
 */
export const openCaseFromHandoverCommand: CommandDefinition<typeof openCaseFromHandoverInput> = {
  type: 'openCaseFromHandover',
  input: openCaseFromHandoverInput,
  opensCase: true,
  invariants: (_context, input) => {
    const refusals: Refusal[] = [];
    const { content } = input;
    if (!content.addressee.roles.includes('addressee'))
      refusals.push(
        refusal(
          'HANDOVER_CONTENT_INVALID',
          'Die angesprochene Person des Pakets hat nicht die Rolle „addressee“.',
          'The package\u2019s addressee does not have the role "addressee".',
          ['input', 'content', 'addressee', 'roles'],
        ),
      );
    const ids = new Set([content.addressee.id, ...content.persons.map((p) => p.id)]);
    if (ids.size !== content.persons.length + 1)
      refusals.push(
        refusal(
          'HANDOVER_CONTENT_INVALID',
          'Eine Person kommt im Paket doppelt vor.',
          'A person appears twice in the package.',
          ['input', 'content', 'persons'],
        ),
      );
    return refusals;
  },
  handle: (context: HandlerContext, input): PendingEvent[] => {
    const { content } = input;
    const pkg = input.package;
    const meta: Meta = {
      origin: `agency:${pkg.sender.agencyId}`,
      legalBasis: pkg.legalBasis,
      recordedBy: context.actor.id,
      recordedAt: context.now,
    };
    const openedOn = context.today;
    const caseManager = input.caseManager ?? {
      userId: context.actor.id,
      agencyId: context.actor.agencyId,
      ...(context.actor.name === undefined ? {} : { name: context.actor.name }),
    };
    const items: ReceivedItem[] = [];
    const note = (section: string, id: string, categories: readonly string[]) =>
      items.push({ section, id, categories: [...categories] as ReceivedItem['categories'] });
    const events: PendingEvent[] = [
      caseEvent('CaseOpened', {
        caseId: context.caseId,
        label: input.label ?? context.caseId,
        openedOn,
        processStandard: context.standard
          ? { id: context.standard.id, version: context.standard.version }
          : { id: 'default', version: '1' },
        addressee: received(content.addressee, meta),
        leadAgency: {
          agencyId: input.leadAgency.agencyId,
          name: input.leadAgency.name,
          ...(input.leadAgency.legalDomain === undefined ? {} : { legalDomain: input.leadAgency.legalDomain }),
          from: openedOn,
        },
        caseManager: { ...caseManager, role: 'primary', from: openedOn },
        legalDomains: [],
      }),
    ];
    note('persons', content.addressee.id, content.addressee.categories);
    for (const person of content.persons) {
      events.push(caseEvent('PersonAdded', { person: received(person, meta) }));
      note('persons', person.id, person.categories);
    }
    for (const status of content.residenceStatuses) {
      events.push(caseEvent('ResidenceStatusRecorded', received(status, meta)));
      note('residenceStatuses', status.id, status.categories);
    }
    for (const assessment of content.assessments) {
      events.push(caseEvent('AssessmentRecorded', received(assessment, meta)));
      for (const domain of assessment.domains)
        items.push({
          section: 'assessments',
          id: assessment.id,
          part: domain.domainId,
          categories: [...(domain.categories ?? [])],
        });
    }
    for (const goal of content.goals) {
      events.push(caseEvent('GoalAgreed', received(goal, meta)));
      note('goals', goal.id, goal.categories);
    }
    for (const measure of content.measures) {
      events.push(caseEvent('MeasureAdded', received(measure, meta)));
      note('measures', measure.id, measure.categories);
    }
    events.push(
      handoverPackageEvent('HandoverPackageReceived', {
        ...pkg,
        receivedAt: context.now,
        items,
      }),
      handoverPackageEvent('HandoverStatusRecorded', {
        packageId: pkg.packageId,
        status: 'received',
        side: 'received',
        counterpart: pkg.sender,
        at: context.now,
        recordedBy: context.actor.id,
      }),
    );
    return events;
  },
};
