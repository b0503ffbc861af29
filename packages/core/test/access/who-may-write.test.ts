import { expect } from 'chai';
import fc from 'fast-check';
import { localDate, type AnyCommand, type CaseState } from '@fallkit/core';
import { COMMAND_ACCESS } from '@fallkit/core/internal';
import { ScopedSequentialIds } from '@fallkit/core/examples';
import { ALL_COMMAND_TYPES, bytesOf, EXTRA, FAMILY, prefixJournal, runAs, stateIn, storeWith } from './access-world.js';
import { EXAMPLE_CASES, PROFILE_EXAMPLE_CASES, type ExampleCase } from '@fallkit/core/examples';

/*
 * DP-40..DP-42 as a property suite: for every command type and 27 kinds of actor, each write is accepted
 * or refused exactly as the table below says, and a refusal leaves the journal and the index row
 * byte-identical. The table is written from PRIVACY.md (each row names its rule), not from
 * `COMMAND_ACCESS`: the groups of commands are listed here by hand, and a test fails when a command type
 * is in no group.
 */

// ------------------------------------------------------------------------------------------------
// The command groups, from PRIVACY.md
// ------------------------------------------------------------------------------------------------

/** DP-23: the work on a case (the assigned worker or deputy; DP-25 break-glass; the intake pool early on). */
const CASE_WORK = [
  'addPerson',
  'updatePerson',
  'recordResidenceStatus',
  'recordReferral',
  'checkCasefindingCriteria',
  'decideAdmission',
  'flagCrisis',
  'resolveCrisis',
  'recordFirstCounselling',
  'recordAssessment',
  'confirmAssessment',
  'startReassessment',
  'agreeGoal',
  'reviseGoal',
  'setGoalStatus',
  'addMeasure',
  'updateMeasure',
  'reorderMeasures',
  'referToProvider',
  'holdCaseConference',
  'recordContact',
  'scheduleFollowUp',
  'completeFollowUp',
  'judgeProgress',
  'recordDeviation',
  'recordReadinessSigns',
  'changeLeadAgency',
  'addLegalDomain',
  'endLegalDomain',
  'recordNote',
  'attachDocument',
  'removeDocument',
  'recordPlan',
  'closeCase',
  'recordEvaluation',
  // DP-07..DP-22: consents, releases and transfers are recorded by whoever works on the case.
  'recordConsent',
  'withdrawConsent',
  'recordConfidentialityRelease',
  'transferData',
  'flagStaffCase',
  'recordTransferObjection',
  // DP-14, DP-16: the status loop of a handover package is recorded by whoever works on the case.
  'recordHandoverStatus',
];
/** DP-40: assignments are made by the assigned worker (handover) or the lead agency's team lead. */
const ASSIGNMENT = ['assignCaseManager', 'endCaseManagerAssignment'];
/** DP-40: a case is opened for the opener's own agency. */
const OPEN = ['openCase', 'openCaseFromHandover'];
/** DP-23: a partner agency or provider reports on its own measure; the case worker records it too. */
const REFERRAL_FEEDBACK = ['updateReferralStatus'];
/** DP-42: break-glass, staff of an agency that takes part in (holds) the case. */
const BREAK_GLASS = ['openBreakGlass'];
/** DP-23: the team lead records a supervision reason. */
const SUPERVISION = ['recordSupervisionReason'];
/** DP-41: requests are recorded by the holding agency's assigned worker, deputy or DPO. */
const RIGHTS_REQUESTS = ['recordAccessRequest', 'recordObjection'];
/** DP-41: decided by the holding agency's DPO. */
const RIGHTS_DECISIONS = [
  'answerAccessRequest',
  'rectifyData',
  'resolveDispute',
  'requestErasure',
  'restrictProcessing',
  'liftRestriction',
  'decideObjection',
];
/** DP-40: a system actor may import and remind, nothing else. */
const SYSTEM_JOBS = [
  'openCase',
  'addPerson',
  'recordReferral',
  'recordResidenceStatus',
  'addLegalDomain',
  'scheduleFollowUp',
];
/** DP-27 (and DP-31: objections and rights decisions by a person): decisions only a human takes. */
function humanDecision(type: string, input: unknown): boolean {
  if (type === 'decideAdmission' || type === 'closeCase' || RIGHTS_DECISIONS.includes(type)) return true;
  return (
    type === 'recordFirstCounselling' &&
    (input as { decision?: { kind?: string } }).decision?.kind === 'noFurtherMeasures'
  );
}

const GROUPS = [
  CASE_WORK,
  ASSIGNMENT,
  OPEN,
  REFERRAL_FEEDBACK,
  BREAK_GLASS,
  SUPERVISION,
  RIGHTS_REQUESTS,
  RIGHTS_DECISIONS,
];

// ------------------------------------------------------------------------------------------------
// The kinds of actor and what each may do
// ------------------------------------------------------------------------------------------------

/** What an expectation looks at besides the command type. */
interface Situation {
  readonly type: string;
  readonly input: unknown;
  /** The command opens a case (no case yet). */
  readonly opening: boolean;
  /** The case has not passed first counselling (it is in the lead agency's intake pool). */
  readonly early: boolean;
}

/** Accepted, or the refusal code. */
type Outcome = 'ok' | string;

const NOT_ASSIGNED = 'DENY_NOT_ASSIGNED';
const INVALID = 'DENY_INVALID_ACTOR';
const inGroups = (type: string, ...groups: (readonly string[])[]): boolean => groups.some((g) => g.includes(type));

/** Case work of someone who holds the case today (DP-23, DP-40, DP-41 requests, DP-42). */
const holder = ({ type, opening }: Situation): Outcome =>
  opening
    ? 'ok'
    : inGroups(type, CASE_WORK, ASSIGNMENT, REFERRAL_FEEDBACK, BREAK_GLASS, RIGHTS_REQUESTS)
      ? 'ok'
      : NOT_ASSIGNED;

/** A colleague at the lead agency without an assignment: the intake pool early on (DP-23), break-glass (DP-42). */
const colleague = ({ type, opening, early }: Situation): Outcome =>
  opening || inGroups(type, BREAK_GLASS) || (early && inGroups(type, CASE_WORK, REFERRAL_FEEDBACK))
    ? 'ok'
    : NOT_ASSIGNED;

/** Somebody the case is closed to for writing, whatever the command. */
const nobody = (): Outcome => NOT_ASSIGNED;

/** One row of the table: how to make the actor for a case, what the rule says, why. */
interface Kind {
  readonly name: string;
  readonly rule: string;
  readonly actor: (ctx: KindContext) => unknown;
  readonly expect: (situation: Situation) => Outcome;
}

/** What the actors are made from: the lead agency and the assigned case manager in force that day. */
interface KindContext {
  readonly lead: string;
  readonly assigned: { readonly userId: string; readonly agencyId: string };
  readonly addresseeId: string;
  /** The agency of the deputy the world assigned at opening (the lead agency of that day). */
  readonly deputyAgency: string;
  /** The provider agency of the referral the command is about (updateReferralStatus), if any. */
  readonly referredProvider: string | undefined;
}

const OTHER_AGENCY = 'sozialamt-nachbarstadt';

const KINDS: readonly Kind[] = [
  {
    name: 'assigned case manager',
    rule: 'DP-23, DP-40, DP-41, DP-42',
    actor: ({ assigned }) => ({ id: assigned.userId, role: 'caseManager', agencyId: assigned.agencyId }),
    expect: holder,
  },
  {
    name: 'deputy in force',
    rule: 'DP-23, DP-40',
    actor: ({ deputyAgency }) => ({ id: EXTRA.deputy, role: 'deputy', agencyId: deputyAgency }),
    expect: holder,
  },
  {
    name: 'future assignment (starts tomorrow)',
    rule: 'DP-40: a future assignment gives no access before its date',
    actor: () => ({ id: EXTRA.future.id, role: 'caseManager', agencyId: EXTRA.future.agencyId }),
    expect: nobody,
  },
  {
    name: 'ended assignment (to = today, exclusive)',
    rule: 'DP-40: periods in force from `from` to `to`',
    actor: () => ({ id: EXTRA.ended.id, role: 'caseManager', agencyId: EXTRA.ended.agencyId }),
    expect: nobody,
  },
  {
    name: 'same user id at another agency',
    rule: 'DP-40: a person is identified by agency and user id together',
    actor: ({ assigned }) => ({ id: assigned.userId, role: 'caseManager', agencyId: OTHER_AGENCY }),
    expect: nobody,
  },
  {
    name: 'case manager of another agency',
    rule: 'DP-23, DP-42: another agency gets data only by transfer',
    actor: () => ({ id: 'u-other-cm', role: 'caseManager', agencyId: OTHER_AGENCY }),
    expect: nobody,
  },
  {
    name: 'colleague at the lead agency, not assigned',
    rule: 'DP-23 (intake pool before first counselling), DP-42',
    actor: ({ lead }) => ({ id: 'u-colleague', role: 'caseManager', agencyId: lead }),
    expect: colleague,
  },
  {
    name: 'intake worker of the lead agency',
    rule: 'DP-23 (intake pool), DP-42',
    actor: ({ lead }) => ({ id: 'u-intake', role: 'intake', agencyId: lead }),
    expect: colleague,
  },
  {
    name: 'break-glass holder',
    rule: 'DP-25: emergency access after a reason; DP-42',
    actor: ({ lead }) => ({ id: EXTRA.emergency, role: 'caseManager', agencyId: lead }),
    expect: ({ type, opening }) =>
      opening || inGroups(type, CASE_WORK, REFERRAL_FEEDBACK, BREAK_GLASS) ? 'ok' : NOT_ASSIGNED,
  },
  {
    name: 'team lead of the lead agency',
    rule: 'DP-23 (metadata, supervision reason), DP-40 (assignments), DP-42',
    actor: ({ lead }) => ({ id: 'u-teamlead', role: 'teamLead', agencyId: lead }),
    expect: ({ type, opening }) =>
      opening || inGroups(type, ASSIGNMENT, SUPERVISION, BREAK_GLASS) ? 'ok' : NOT_ASSIGNED,
  },
  {
    name: 'team lead of another agency',
    rule: 'DP-23, DP-42',
    actor: () => ({ id: 'u-other-lead', role: 'teamLead', agencyId: OTHER_AGENCY }),
    expect: nobody,
  },
  {
    name: 'partner agency without consent',
    rule: 'DP-23: partner agency sees what was transferred for its measure; writes nothing else',
    actor: () => ({ id: 'u-partner', role: 'partnerAgency', agencyId: 'bildungswerk-musterstadt' }),
    expect: nobody,
  },
  {
    name: 'provider of the referral',
    rule: 'DP-23: reports on its own measure only',
    actor: ({ referredProvider }) => ({
      id: 'u-provider',
      role: 'provider',
      agencyId: referredProvider ?? 'traeger-ohne-ueberleitung',
    }),
    expect: ({ type }) => (inGroups(type, REFERRAL_FEEDBACK) ? 'ok' : NOT_ASSIGNED),
  },
  {
    name: 'statistics user of the lead agency',
    rule: 'DP-23 (aggregates only), DP-41 (never decides rights)',
    actor: ({ lead }) => ({ id: 'u-stats', role: 'statistics', agencyId: lead }),
    expect: nobody,
  },
  {
    name: 'admin of the lead agency',
    rule: 'DP-23: logs, not content',
    actor: ({ lead }) => ({ id: 'u-admin', role: 'admin', agencyId: lead }),
    expect: nobody,
  },
  {
    name: 'hr of the lead agency',
    rule: 'DP-26, DP-23',
    actor: ({ lead }) => ({ id: 'u-hr', role: 'hr', agencyId: lead }),
    expect: nobody,
  },
  {
    name: 'case conference',
    rule: 'DP-23: its agenda set, read only',
    actor: ({ lead }) => ({ id: 'u-conference', role: 'caseConference', agencyId: lead }),
    expect: nobody,
  },
  {
    name: 'data subject',
    rule: 'DP-28/DP-29 read their own data; DP-41 requests are recorded by staff',
    actor: ({ lead, addresseeId }) => ({ id: addresseeId, role: 'dataSubject', agencyId: lead }),
    expect: nobody,
  },
  {
    name: 'DPO of the holding agency',
    rule: 'DP-41: records and decides rights requests; DP-23: no content work',
    actor: ({ lead }) => ({ id: 'u-dpo', role: 'dataProtectionOfficer', agencyId: lead }),
    expect: ({ type, opening }) =>
      !opening && inGroups(type, RIGHTS_REQUESTS, RIGHTS_DECISIONS) ? 'ok' : NOT_ASSIGNED,
  },
  {
    name: 'DPO of another agency',
    rule: 'DP-41: never other agencies',
    actor: () => ({ id: 'u-other-dpo', role: 'dataProtectionOfficer', agencyId: OTHER_AGENCY }),
    expect: nobody,
  },
  {
    name: 'system of the lead agency',
    rule: 'DP-40 (imports, reminders), DP-27 (never a decision)',
    actor: ({ lead }) => ({ id: 'import-job', role: 'system', agencyId: lead }),
    expect: ({ type, input }) =>
      humanDecision(type, input)
        ? 'DENY_AUTOMATED_DECISION'
        : SYSTEM_JOBS.includes(type)
          ? 'ok'
          : 'DENY_SYSTEM_NOT_ALLOWED',
  },
  {
    name: 'system of another agency',
    rule: 'DP-40, DP-27',
    actor: () => ({ id: 'import-job', role: 'system', agencyId: OTHER_AGENCY }),
    expect: ({ type, input }) =>
      humanDecision(type, input)
        ? 'DENY_AUTOMATED_DECISION'
        : SYSTEM_JOBS.includes(type)
          ? NOT_ASSIGNED
          : 'DENY_SYSTEM_NOT_ALLOWED',
  },
  {
    name: 'forged role',
    rule: 'DP-40: closed set of roles',
    actor: ({ lead }) => ({ id: 'u-root', role: 'superuser', agencyId: lead }),
    expect: () => INVALID,
  },
  {
    name: 'missing agency',
    rule: 'DP-40: agency required',
    actor: ({ assigned }) => ({ id: assigned.userId, role: 'caseManager' }),
    expect: () => INVALID,
  },
  {
    name: 'object as name',
    rule: 'DP-40: bounded strings',
    actor: ({ assigned }) => ({
      ...{ id: assigned.userId, role: 'caseManager', agencyId: assigned.agencyId },
      name: { toString: 'x' },
    }),
    expect: () => INVALID,
  },
  {
    name: 'prototype name as agency',
    rule: 'DP-40: ids are plain tokens',
    actor: ({ assigned }) => ({ id: assigned.userId, role: 'caseManager', agencyId: '__proto__' }),
    expect: () => INVALID,
  },
  {
    name: 'stream id forged into the agency',
    rule: 'DP-40, DP-28: no id may forge an access-log stream',
    actor: ({ assigned }) => ({ id: assigned.userId, role: 'caseManager', agencyId: 'kim:musterstadt' }),
    expect: () => INVALID,
  },
];

// ------------------------------------------------------------------------------------------------
// One scenario per command type: where in which example, with which input
// ------------------------------------------------------------------------------------------------

interface Scenario {
  readonly type: string;
  readonly example: ExampleCase;
  /** Steps replayed before the command. */
  readonly upTo: number;
  readonly at: string;
  /** The command's input, from the state after the setup. */
  readonly input: (state: CaseState | undefined, made: Record<string, string>) => unknown;
  /** Commands recorded by proper actors before (the DPO, the assigned worker); their results by name. */
  readonly setup?: readonly {
    readonly as: 'assigned' | 'dpo';
    readonly name?: string;
    readonly command: (state: CaseState, made: Record<string, string>) => { type: string; input: unknown };
    readonly pick?: (events: readonly { type: string; payload: unknown }[]) => string;
  }[];
}

/** The first step of a type in any example (after the opening), as a scenario; `recordPlan` from a legal profile's. */
function fromExamples(type: string): Scenario | undefined {
  for (const example of [...EXAMPLE_CASES, ...PROFILE_EXAMPLE_CASES]) {
    const index = example.steps.findIndex((step, i) => step.type === type && (i > 0 || type === 'openCase'));
    if (index >= 0) {
      const step = example.steps[index]!;
      return { type, example, upTo: index, at: step.at, input: () => step.input };
    }
  }
  return undefined;
}

/** The family case before its first goal: assessed, KIM leads, the KIM case manager is assigned. */
const HOST_INDEX = FAMILY.steps.findIndex((step) => step.type === 'agreeGoal');
const HOST_AT = FAMILY.steps[HOST_INDEX]!.at;
/** The family case before its first measure update: measures exist. */
const MEASURES_INDEX = FAMILY.steps.findIndex((step) => step.type === 'updateMeasure');

const host = (type: string, input: Scenario['input'], setup?: Scenario['setup']): Scenario => ({
  type,
  example: FAMILY,
  upTo: HOST_INDEX,
  at: HOST_AT,
  input,
  ...(setup ? { setup } : {}),
});

const INFO_HASH = 'a'.repeat(64);
const consent = (state: CaseState | undefined, categories: string[]) => ({
  categories,
  recipients: [{ agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' }],
  purposes: ['caseManagement'],
  form: { kind: 'written', scanReference: 'scan://einwilligung-prop.pdf' },
  informationTextHash: INFO_HASH,
  givenBy: { personId: state!.addresseeId, role: 'self' },
});
const eventPayload = (type: string, key: string) => (events: readonly { type: string; payload: unknown }[]) =>
  String((events.find((e) => e.type === type)!.payload as Record<string, unknown>)[key]);

/** A received handover package opening a case at the family case's lead agency (DP-16, DP-40). */
function fromHandover(): Scenario {
  const opening = FAMILY.steps[0]!.input as {
    leadAgency: { agencyId: string; name: string };
    caseManager?: { userId: string; agencyId: string };
  };
  const at = FAMILY.steps[0]!.at;
  const meta = {
    subjectIds: ['sender-person-1'],
    categories: ['identity'],
    origin: 'client',
    recordedBy: 'u-sender',
    recordedAt: at,
  };
  return {
    type: 'openCaseFromHandover',
    example: FAMILY,
    upTo: 0,
    at,
    input: () => ({
      caseId: FAMILY.caseId,
      leadAgency: opening.leadAgency,
      ...(opening.caseManager === undefined ? {} : { caseManager: opening.caseManager }),
      package: {
        packageId: 'pkg-prop-1',
        packageHash: 'c'.repeat(64),
        sender: { agencyId: 'sender-agency', name: 'Absendende Stelle' },
        transferId: 'transfer-prop-1',
        senderKeyId: 'sender-key-1',
        sourceCaseId: 'sender-case-1',
        sourceHeadHash: 'd'.repeat(64),
        legalBasis: 'consent:consent-1',
        purpose: 'caseManagement',
        issuedAt: at,
        withheldCategories: ['health'],
      },
      content: {
        addressee: { id: 'sender-person-1', roles: ['addressee'], givenName: 'Nour', familyName: 'Haddad', ...meta },
        persons: [],
        residenceStatuses: [],
        assessments: [],
        goals: [],
        measures: [],
      },
    }),
  };
}

const CONSTRUCTED: readonly Scenario[] = [
  fromHandover(),
  host(
    'recordHandoverStatus',
    (_, made) => ({
      packageId: 'pkg-prop-1',
      transferId: made['transfer'],
      status: 'accepted',
      side: 'sent',
      counterpart: { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' },
    }),
    [
      {
        as: 'assigned',
        name: 'transfer',
        command: () => ({
          type: 'transferData',
          input: {
            recipient: { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt', kind: 'statutoryAgency' },
            legalBasis: { kind: 'sgb10_69', taskReference: 'Eingliederung in Arbeit (§ 16 SGB II)' },
            purpose: 'caseManagement',
            categories: ['identity'],
          },
        }),
        pick: eventPayload('DataTransferred', 'id'),
      },
    ],
  ),
  host('addLegalDomain', () => ({ domain: 'SGB_XII', reason: 'Grundsicherung geprüft' })),
  host('endLegalDomain', (state) => ({ domain: state!.legalDomains.find((d) => d.to === undefined)!.domain })),
  host('endCaseManagerAssignment', () => ({ userId: EXTRA.deputy })),
  {
    type: 'reorderMeasures',
    example: FAMILY,
    upTo: MEASURES_INDEX,
    at: FAMILY.steps[MEASURES_INDEX]!.at,
    input: (state) => ({ measureIds: state!.measures.map((m) => m.id).reverse() }),
  },
  host('recordConsent', (state) => consent(state, ['employment'])),
  host('withdrawConsent', (_, made) => ({ consentId: made['consent'] }), [
    {
      as: 'assigned',
      name: 'consent',
      command: (state) => ({ type: 'recordConsent', input: consent(state, ['employment']) }),
      pick: eventPayload('ConsentRecorded', 'id'),
    },
  ]),
  host('recordConfidentialityRelease', (state) => ({
    ...consent(state, ['health']),
    professionals: [{ name: 'Dr. Hanna Lenz', profession: 'Fachärztin für Psychiatrie' }],
  })),
  host('transferData', () => ({
    recipient: { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt', kind: 'statutoryAgency' },
    legalBasis: { kind: 'sgb10_69', taskReference: 'Eingliederung in Arbeit (§ 16 SGB II)' },
    purpose: 'caseManagement',
    categories: ['identity'],
  })),
  host('openBreakGlass', () => ({ reason: 'Akute Krise: Klientin nicht erreichbar, Gefahr im Verzug.' })),
  host('recordSupervisionReason', () => ({ reason: 'Beschwerde der Klientin über die Hilfeplanung prüfen.' })),
  host('flagStaffCase', () => ({})),
  host('recordTransferObjection', (state) => ({ subjectId: state!.addresseeId })),
  host('recordAccessRequest', (state) => ({ subjectId: state!.addresseeId })),
  host('recordObjection', (state) => ({ subjectId: state!.addresseeId, grounds: 'Keine Statistik über mich.' })),
  host('answerAccessRequest', (_, made) => ({ requestId: made['request'], exportHash: 'b'.repeat(64) }), [
    {
      as: 'assigned',
      name: 'request',
      command: (state) => ({ type: 'recordAccessRequest', input: { subjectId: state.addresseeId } }),
      pick: eventPayload('AccessRequestRecorded', 'requestId'),
    },
  ]),
  host('rectifyData', (state) => ({
    subjectId: state!.addresseeId,
    target: { collection: 'persons', id: state!.addresseeId },
    field: 'givenName',
    newValue: 'Farida',
  })),
  host('resolveDispute', (_, made) => ({ rectificationId: made['dispute'], note: 'Geklärt mit Meldebescheinigung.' }), [
    {
      as: 'dpo',
      name: 'dispute',
      command: (state) => ({
        type: 'rectifyData',
        input: {
          subjectId: state.addresseeId,
          target: { collection: 'persons', id: state.addresseeId },
          field: 'birthDate',
          disputed: true,
          note: 'Geburtsdatum bestritten.',
        },
      }),
      pick: eventPayload('DataRectified', 'rectificationId'),
    },
  ]),
  host('requestErasure', (state) => ({ subjectId: state!.addresseeId, scope: 'case' })),
  host('restrictProcessing', (state) => ({
    subjectId: state!.addresseeId,
    scope: 'case',
    code: 'RESTRICTED_PENDING_CLAIM',
    reason: 'Klage vor dem Sozialgericht.',
  })),
  host('liftRestriction', (_, made) => ({ restrictionId: made['restriction'], reason: 'Klage zurückgenommen.' }), [
    {
      as: 'dpo',
      name: 'restriction',
      command: (state) => ({
        type: 'restrictProcessing',
        input: { subjectId: state.addresseeId, scope: 'case', code: 'RESTRICTED_PENDING_CLAIM', reason: 'Klage.' },
      }),
      pick: eventPayload('ProcessingRestricted', 'restrictionId'),
    },
  ]),
  host(
    'decideObjection',
    (_, made) => ({ objectionId: made['objection'], outcome: 'rejected', reasons: 'Gesetzliche Pflicht.' }),
    [
      {
        as: 'assigned',
        name: 'objection',
        command: (state) => ({
          type: 'recordObjection',
          input: { subjectId: state.addresseeId, grounds: 'Keine Statistik.' },
        }),
        pick: eventPayload('ObjectionRecorded', 'objectionId'),
      },
    ],
  ),
];

/** The scenario of each command type; a type without one fails its test below. */
const SCENARIOS = new Map<string, Scenario | undefined>(
  ALL_COMMAND_TYPES.map((type) => [type, CONSTRUCTED.find((s) => s.type === type) ?? fromExamples(type)]),
);

const INTAKE = new Set(['referral', 'screening', 'firstCounselling', 'noFurtherMeasures']);

function inForce(period: { from: string; to?: string | undefined }, day: string): boolean {
  return period.from <= day && (period.to === undefined || day < period.to);
}

/** A prepared scenario: the journal before the command and everything needed to run it. */
interface Prepared {
  readonly scenario: Scenario;
  readonly caseId: string;
  readonly day: string;
  readonly journal: readonly import('@fallkit/core').JournalEvent[];
  readonly command: AnyCommand;
  readonly context: KindContext;
  readonly situation: Omit<Situation, 'type' | 'input'>;
}

async function prepare(scenario: Scenario): Promise<Prepared> {
  const caseId = scenario.example.caseId;
  const day = localDate(scenario.at);
  const base = await prefixJournal(scenario.example, scenario.upTo, day);
  const store = await storeWith(caseId, base, day);
  const made: Record<string, string> = {};
  let state = await stateIn(store, caseId);
  const ids = new ScopedSequentialIds('prop-setup');
  if (state !== undefined) {
    const lead = state.leadAgencies.filter((p) => inForce(p, day)).at(-1)!.agencyId;
    const assignedPeriod = state.caseManagers.find((p) => p.role === 'primary' && inForce(p, day))!;
    const assigned = { id: assignedPeriod.userId, role: 'caseManager', agencyId: assignedPeriod.agencyId };
    // The break-glass holder opens their grant first (a restricted case would refuse it afterwards).
    const grant = await runAs(
      store,
      { id: EXTRA.emergency, role: 'caseManager', agencyId: lead },
      scenario.at,
      {
        type: 'openBreakGlass',
        caseId,
        input: { reason: 'Notfall: Klientin in akuter Krise, Akte wird sofort gebraucht.' },
      },
      ids,
    );
    if (!grant.ok) throw new Error(`break-glass setup refused: ${grant.errors[0]?.code}`);
    for (const step of scenario.setup ?? []) {
      const actor = step.as === 'dpo' ? { id: 'u-dpo', role: 'dataProtectionOfficer', agencyId: lead } : assigned;
      const { type, input } = step.command(state!, made);
      const result = await runAs(store, actor, scenario.at, { type, caseId, input }, ids);
      if (!result.ok) throw new Error(`setup ${type} refused: ${result.errors.map((e) => e.code).join()}`);
      if (step.name !== undefined) made[step.name] = step.pick!(result.value.events);
    }
    state = await stateIn(store, caseId);
  }
  const input = scenario.input(state, made);
  const opening = state === undefined;
  const openingInput = input as {
    leadAgency?: { agencyId: string };
    caseManager?: { userId: string; agencyId: string };
  };
  const lead = opening
    ? openingInput.leadAgency!.agencyId
    : state!.leadAgencies.filter((p) => inForce(p, day)).at(-1)!.agencyId;
  const primary = opening
    ? (openingInput.caseManager ?? { userId: 'u-opener', agencyId: lead })
    : state!.caseManagers.find((p) => p.role === 'primary' && inForce(p, day))!;
  const referralId = (input as { providerReferralId?: string }).providerReferralId;
  return {
    scenario,
    caseId,
    day,
    journal: await store.readJournal(caseId),
    command: { type: scenario.type, ...(opening ? {} : { caseId }), input },
    context: {
      lead,
      assigned: { userId: primary.userId, agencyId: primary.agencyId },
      addresseeId: state?.addresseeId ?? 'person-1',
      deputyAgency: state?.caseManagers.find((p) => p.userId === EXTRA.deputy)?.agencyId ?? lead,
      referredProvider: state?.providerReferrals.find((r) => r.id === referralId)?.provider.agencyId,
    },
    situation: { opening, early: state !== undefined && INTAKE.has(state.stage) },
  };
}

async function outcomeOf(
  prepared: Prepared,
  actor: unknown,
): Promise<{ outcome: Outcome; unchanged: boolean; detail: string }> {
  const store = await storeWith(prepared.caseId, prepared.journal, prepared.day);
  const before = await bytesOf(store, prepared.caseId);
  const result = await runAs(store, actor, prepared.scenario.at, prepared.command);
  const after = await bytesOf(store, prepared.caseId);
  return {
    outcome: result.ok ? 'ok' : result.errors[0]!.code,
    unchanged: before === after,
    detail: result.ok ? '' : result.errors.map((e) => `${e.code} ${e.message.en}`).join('; '),
  };
}

describe('access: who may write what (DP-40..DP-42, property suite)', function () {
  this.timeout(120_000);

  it('DP-40: every command type of every catalog has a declaration and a group in this table', () => {
    for (const type of ALL_COMMAND_TYPES) {
      expect(COMMAND_ACCESS, `declaration of ${type}`).to.have.property(type);
      expect(
        GROUPS.some((group) => group.includes(type)),
        `${type} belongs to a group of the expectation table`,
      ).to.equal(true);
    }
    expect(Object.keys(COMMAND_ACCESS).sort()).to.deep.equal([...ALL_COMMAND_TYPES].sort());
    expect(KINDS.length).to.be.greaterThanOrEqual(18);
  });

  it('DP-40, DP-27: the system allow list holds only imports and reminders, never a human decision', () => {
    const systemTypes = Object.entries(COMMAND_ACCESS)
      .filter(([, access]) => access.system !== undefined)
      .map(([type]) => type)
      .sort();
    expect(systemTypes).to.deep.equal([...SYSTEM_JOBS].sort());
    for (const type of systemTypes) expect(COMMAND_ACCESS[type]!.humanDecision, type).to.equal(undefined);
  });

  for (const type of ALL_COMMAND_TYPES) {
    it(`DP-40: ${type} is accepted or refused for each of ${KINDS.length} kinds of actor exactly as PRIVACY.md says, and a refusal writes nothing`, async () => {
      const scenario = SCENARIOS.get(type);
      expect(scenario, `scenario for ${type}`).to.not.equal(undefined);
      const prepared = await prepare(scenario!);
      const mismatches: string[] = [];
      let accepted = 0;
      for (const kind of KINDS) {
        const expected = kind.expect({ ...prepared.situation, type, input: prepared.command.input });
        const { outcome, unchanged, detail } = await outcomeOf(prepared, kind.actor(prepared.context));
        if (outcome !== expected)
          mismatches.push(`${kind.name} (${kind.rule}): expected ${expected}, got ${outcome} ${detail}`);
        if (outcome !== 'ok' && !unchanged) mismatches.push(`${kind.name}: refused but the journal changed`);
        if (outcome === 'ok') accepted += 1;
      }
      expect(mismatches, mismatches.join('\n')).to.deep.equal([]);
      // Acceptance is really exercised: somebody may issue every command, and it is carried out.
      expect(accepted, `${type}: accepted for at least one kind`).to.be.greaterThan(0);
    });
  }

  it('DP-40 (property): random strangers of other agencies, whatever their role and id, never write', async () => {
    const prepared = await Promise.all(
      ['recordNote', 'recordConsent', 'requestErasure', 'openBreakGlass', 'assignCaseManager', 'decideAdmission'].map(
        (type) => prepare(SCENARIOS.get(type)!),
      ),
    );
    const roles = [
      'caseManager',
      'deputy',
      'intake',
      'teamLead',
      'partnerAgency',
      'provider',
      'caseConference',
      'statistics',
      'admin',
      'dataProtectionOfficer',
      'hr',
      'dataSubject',
    ];
    const token = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: prepared.length - 1 }),
        fc.constantFrom(...roles),
        token,
        token,
        fc.boolean(),
        async (which, role, agency, user, sameUser) => {
          const target = prepared[which]!;
          const agencyId = `x-${agency}`;
          fc.pre(agencyId !== target.context.lead);
          const id = sameUser ? target.context.assigned.userId : user;
          const { outcome, unchanged } = await outcomeOf(target, { id, role, agencyId });
          expect(outcome).to.equal(NOT_ASSIGNED);
          expect(unchanged).to.equal(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('DP-40 (property): malformed actors are refused with DENY_INVALID_ACTOR and nothing is written', async () => {
    const prepared = await prepare(SCENARIOS.get('recordNote')!);
    const good = {
      id: prepared.context.assigned.userId,
      role: 'caseManager',
      agencyId: prepared.context.assigned.agencyId,
    };
    const bad = fc.oneof(
      fc
        .string()
        .filter(
          (role) =>
            ![
              'caseManager',
              'deputy',
              'intake',
              'teamLead',
              'partnerAgency',
              'provider',
              'caseConference',
              'statistics',
              'admin',
              'dataProtectionOfficer',
              'hr',
              'dataSubject',
              'system',
            ].includes(role),
        )
        .map((role) => ({ ...good, role })),
      fc.constant({ id: good.id, role: good.role }),
      fc
        .constantFrom('', '__proto__', 'constructor', 'a:b', 'access-log:kim', ' x', 'x\u0000y', 'x'.repeat(129))
        .map((agencyId) => ({ ...good, agencyId })),
      fc.constantFrom('', '__proto__', 'constructor', 'u\nx', 'x'.repeat(129)).map((id) => ({ ...good, id })),
      fc
        .oneof(fc.integer(), fc.constant(null), fc.object(), fc.constant('x'.repeat(201)), fc.constant('a\u0007b'))
        .map((name) => ({ ...good, name })),
      fc
        .dictionary(fc.constantFrom('superuser', 'extra', 'roles'), fc.string())
        .filter((extra) => Object.keys(extra).length > 0)
        .map((extra) => ({ ...good, ...extra })),
      fc.constantFrom(null, undefined, 'u-kim-krueger', 42, []),
    );
    await fc.assert(
      fc.asyncProperty(bad, async (actor) => {
        const { outcome, unchanged } = await outcomeOf(prepared, actor);
        expect(outcome).to.equal(INVALID);
        expect(unchanged).to.equal(true);
      }),
      { numRuns: 80 },
    );
  });
});
