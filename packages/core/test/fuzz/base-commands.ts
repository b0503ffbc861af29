import { type AnyCommand } from '@fallkit/core';
import { CASE_COMMANDS, PRIVACY_COMMANDS, type CommandCatalog } from '@fallkit/core/internal';
import { EXAMPLE_AGENCIES, EXAMPLE_CASES, PROFILE_EXAMPLE_CASES } from '@fallkit/core/examples';
import { RIGHTS_COMMANDS } from '@fallkit/core/rights';

/**
 * Schema-valid commands of every command type, the starting points the fuzz suite breaks. Case
 * commands come from the example scripts of the seven cases and the process profiles (every distinct
 * input, up to a few per type); the types the examples never use, and the privacy and rights
 * commands, have hand-written inputs. A test checks that each one passes its input schema, so every
 * refusal of a mutation is the mutation's doing.
 */

/** The case every non-opening base command goes to: Gebremedhin, seeded by the examples, the acting case manager's. */
export const FUZZ_CASE_ID = 'kim-2026-0019';

/** Every command definition the default service registers. */
export const ALL_COMMANDS: CommandCatalog = { ...CASE_COMMANDS, ...PRIVACY_COMMANDS, ...RIGHTS_COMMANDS };

const HASH = 'a'.repeat(64);

const consent = {
  subjectId: 'rahimi-person-1',
  categories: ['health', 'benefits'],
  recipients: [{ agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' }],
  purposes: ['caseManagement'],
  validFrom: '2026-06-01',
  form: { kind: 'written', scanReference: 'scan-2026-17' },
  informationTextHash: HASH,
  givenBy: { personId: 'rahimi-person-1', role: 'self' },
};

/** Inputs for the command types no example script uses. */
const HAND_WRITTEN: Readonly<Record<string, readonly unknown[]>> = {
  reorderMeasures: [{ measureIds: ['rahimi-measure-2', 'rahimi-measure-1'] }],
  endCaseManagerAssignment: [{ userId: 'u-kim-cm', to: '2026-06-30' }],
  addLegalDomain: [{ domain: 'SGB_XI', from: '2026-06-01', reason: 'Pflegegrad 2 festgestellt' }],
  endLegalDomain: [{ domain: 'AufenthG', to: '2026-06-01', reason: 'Aufenthaltserlaubnis erteilt' }],
  recordConsent: [consent, { ...consent, childView: 'Ali ist einverstanden.', capacityToConsent: 'assessed' }],
  withdrawConsent: [{ consentId: 'consent-1', categories: ['health'], note: 'Widerruf am Telefon' }],
  recordConfidentialityRelease: [
    { ...consent, professionals: [{ name: 'Dr. Anna Berg', profession: 'Hausärztin', agencyId: 'praxis-berg' }] },
  ],
  transferData: [
    {
      recipient: { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt', kind: 'statutoryAgency' },
      legalBasis: { kind: 'sgb10_69', taskReference: '§ 16a SGB II' },
      purpose: 'Hilfeplanung',
      items: [{ section: 'goals', id: 'rahimi-goal-1' }],
      categories: ['goals'],
    },
    {
      recipient: {
        agencyId: 'jugendamt',
        name: 'Jugendamt Musterstadt',
        kind: 'youthOffice',
        contactPerson: 'Frau Ost',
      },
      legalBasis: 'sgb10_69',
      purpose: 'Fallkonferenz',
      wholeCase: true,
    },
  ],
  openBreakGlass: [{ reason: 'Akute Gefährdung, Zugriff auf die Akte nötig.', hours: 4 }],
  recordSupervisionReason: [{ reason: 'Fallsupervision im Team am Donnerstag.', days: 7 }],
  flagStaffCase: [{ agencyId: 'kim-musterstadt' }, {}],
  recordTransferObjection: [{ subjectId: 'rahimi-person-1', note: 'Widerspricht der Weitergabe an die Krankenkasse.' }],
  recordAccessRequest: [{ subjectId: 'rahimi-person-1', receivedOn: '2026-06-01', channel: 'Brief' }],
  answerAccessRequest: [{ requestId: 'access-request-1', answeredOn: '2026-06-20', exportHash: HASH }],
  rectifyData: [
    {
      subjectId: 'rahimi-person-1',
      target: { collection: 'persons', id: 'rahimi-person-1' },
      field: 'familyName',
      newValue: 'Rahimi-Karimi',
      rectifiedOn: '2026-06-01',
    },
    {
      subjectId: 'rahimi-person-1',
      target: { collection: 'assessments', id: 'rahimi-assessment-1' },
      field: 'domains.2.problems',
      disputed: true,
      note: 'Die Person bestreitet die Einschätzung.',
    },
  ],
  resolveDispute: [{ rectificationId: 'rectification-1', note: 'Im Gespräch geklärt.' }],
  requestErasure: [
    {
      subjectId: 'rahimi-person-1',
      scope: 'case',
      requestedOn: '2026-06-01',
      pendingClaim: { reference: 'Az 4 K 12/26' },
    },
  ],
  restrictProcessing: [
    {
      subjectId: 'rahimi-person-1',
      scope: 'subject',
      code: 'RESTRICTED_ON_REQUEST',
      reason: 'Antrag der Person',
      until: '2027-01-01',
    },
  ],
  liftRestriction: [{ restrictionId: 'restriction-1', reason: 'Anlass entfallen' }],
  recordObjection: [{ subjectId: 'rahimi-person-1', grounds: 'Besondere Situation', receivedOn: '2026-06-01' }],
  decideObjection: [{ objectionId: 'objection-1', outcome: 'rejected', reasons: 'Zwingende Gründe überwiegen.' }],
};

/** Example inputs taken per type, at most. */
const PER_TYPE = 3;

/** One base command of a type, as the fuzz suite sends it. */
export interface BaseCommand {
  readonly type: string;
  readonly command: AnyCommand;
}

function envelope(type: string, input: unknown): AnyCommand {
  // openCase without a chosen case id (the service makes a fresh one) and led by the acting case
  // manager's agency with them as first case manager, so the command reaches every guard.
  if (ALL_COMMANDS[type]?.opensCase) {
    const { caseId: _chosen, caseManager: _manager, leadAgency, ...rest } = input as Record<string, unknown>;
    const legalDomain = (leadAgency as { legalDomain?: string } | undefined)?.legalDomain;
    return {
      type,
      input: {
        ...rest,
        leadAgency: { ...EXAMPLE_AGENCIES.kim, ...(legalDomain === undefined ? {} : { legalDomain }) },
      },
    };
  }
  return { type, caseId: FUZZ_CASE_ID, input };
}

function fromExamples(): Map<string, unknown[]> {
  const byType = new Map<string, unknown[]>();
  for (const example of [...EXAMPLE_CASES, ...PROFILE_EXAMPLE_CASES]) {
    for (const step of example.steps) {
      const inputs = byType.get(step.type) ?? [];
      if (inputs.length < PER_TYPE) inputs.push(step.input);
      byType.set(step.type, inputs);
    }
  }
  return byType;
}

/** The base commands of every registered command type, grouped by type. */
export function baseCommands(): Map<string, BaseCommand[]> {
  const examples = fromExamples();
  const out = new Map<string, BaseCommand[]>();
  for (const type of Object.keys(ALL_COMMANDS)) {
    const inputs = [...(examples.get(type) ?? []), ...(HAND_WRITTEN[type] ?? [])];
    out.set(
      type,
      inputs.map((input) => ({ type, command: envelope(type, structuredClone(input)) })),
    );
  }
  return out;
}
