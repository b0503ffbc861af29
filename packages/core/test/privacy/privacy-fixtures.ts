import {
  createCaseService,
  createCaseViews,
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  type Actor,
  type AnyCommand,
  type CaseService,
  type CaseState,
  type CaseViews,
  type CommandOutcome,
  type Result,
  domainInvariantGuard,
  privacyGuard,
} from '@fallkit/core';
import { foldCase, foldPrivacy, type PrivacyState } from '@fallkit/core/internal';
import { restrictionGuard } from '@fallkit/core/rights';
import { expect } from 'chai';

/** Fictional users of Musterstadt for the data-protection tests. */
export const U = {
  kim: { id: 'u-kim-krueger', role: 'caseManager', agencyId: 'kim-musterstadt', name: 'Sabine Krüger' },
  kimOther: { id: 'u-kim-berg', role: 'caseManager', agencyId: 'kim-musterstadt', name: 'Tim Berg' },
  kimLead: { id: 'u-kim-lead', role: 'teamLead', agencyId: 'kim-musterstadt', name: 'Dr. Ines Voss' },
  kimHr: { id: 'u-kim-hr', role: 'hr', agencyId: 'kim-musterstadt' },
  kimDpo: { id: 'u-kim-dsb', role: 'dataProtectionOfficer', agencyId: 'kim-musterstadt' },
  kimSystem: { id: 'system', role: 'system', agencyId: 'kim-musterstadt' },
  stats: { id: 'u-stat', role: 'statistics', agencyId: 'kim-musterstadt' },
  jobcenter: { id: 'u-jc-demir', role: 'caseManager', agencyId: 'jobcenter-musterstadt', name: 'Murat Demir' },
  ngo: { id: 'u-caritas-sb', role: 'partnerAgency', agencyId: 'caritas-schuldnerberatung' },
  youthOffice: { id: 'u-ja-koch', role: 'caseManager', agencyId: 'jugendamt-musterstadt', name: 'Lea Koch' },
  youthOffice2: { id: 'u-ja-wolf', role: 'caseManager', agencyId: 'jugendamt-musterstadt', name: 'Jan Wolf' },
  conference: { id: 'u-conf', role: 'caseConference', agencyId: 'vhs-musterstadt' },
} as const satisfies Record<string, Actor>;

/** Named recipient agencies. */
export const R = {
  jobcenter: { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt', kind: 'statutoryAgency' },
  ngo: { agencyId: 'caritas-schuldnerberatung', name: 'Schuldnerberatung der Caritas', kind: 'ngo' },
  housingNgo: { agencyId: 'wohnungslotsen-musterstadt', name: 'Wohnungslotsen Musterstadt e. V.', kind: 'ngo' },
  familyCourt: {
    agencyId: 'ag-musterstadt-familiengericht',
    name: 'Amtsgericht Musterstadt, Familiengericht',
    kind: 'familyCourt',
  },
  youthOffice: { agencyId: 'jugendamt-musterstadt', name: 'Jugendamt Musterstadt', kind: 'youthOffice' },
  immigration: {
    agencyId: 'auslaenderbehoerde-musterstadt',
    name: 'Ausländerbehörde Musterstadt',
    kind: 'immigrationAuthority',
  },
  conference: { agencyId: 'vhs-musterstadt', name: 'Volkshochschule Musterstadt', kind: 'caseConference' },
} as const;

/** A valid information-text hash (SHA-256 hex). */
export const INFO_HASH = 'ab'.repeat(32);

/** A written, documented form. */
export const WRITTEN = { kind: 'written', scanReference: 'scan://einwilligung-2026-001.pdf' } as const;

/**
 * The guards of these tests: domain invariants, restriction and data protection. The process rules of
 * the cycle are left out so a test can record an assessment without walking every stage first; they
 * have their own tests, and the default pipeline runs all of them.
 */
export const PRIVACY_TEST_GUARDS = [domainInvariantGuard, restrictionGuard, privacyGuard];

/** A test world: one store, a movable clock, a service acting as whoever `as` names. */
export interface PrivacyWorld {
  readonly store: MemoryCaseStore;
  readonly clock: FixedClock;
  readonly ids: SequentialIds;
  /** Switches the acting user. */
  as(actor: Actor): void;
  readonly service: CaseService;
  readonly views: CaseViews;
  /** Executes a command and fails the test if it is refused. */
  run(type: string, input: unknown, caseId?: string): Promise<CommandOutcome>;
  /** Executes a command as another actor (a DPO deciding a rights request, DP-41), then switches back. */
  runAs(actor: Actor, type: string, input: unknown, caseId?: string): Promise<CommandOutcome>;
  /** Executes a command and returns the result (refusals included). */
  try(type: string, input: unknown, caseId?: string): Promise<Result<CommandOutcome>>;
  /** The case and its privacy state as folded from the journal. */
  load(caseId?: string): Promise<{ state: CaseState; privacy: PrivacyState }>;
}

/** The id of the case {@link openBasicCase} opens. */
export const CASE_ID = 'kim-2026-0100';

/** Creates a world at a given instant (default 1 March 2026). */
export function privacyWorld(start = '2026-03-01T09:00:00.000Z'): PrivacyWorld {
  const store = new MemoryCaseStore();
  const clock = new FixedClock(start);
  const ids = new SequentialIds();
  let current: Actor = U.kim;
  const service = createCaseService({
    store,
    clock,
    ids,
    actor: { current: () => current },
    guards: PRIVACY_TEST_GUARDS,
  });
  const views = createCaseViews({ service, store, clock, ids });
  const execute = (type: string, input: unknown, caseId?: string) =>
    service.execute({ type, input, ...(caseId === undefined ? {} : { caseId }) } as AnyCommand);
  return {
    store,
    clock,
    ids,
    service,
    views,
    as(actor) {
      current = actor;
    },
    async run(type, input, caseId = CASE_ID) {
      const result = await execute(type, input, type === 'openCase' ? undefined : caseId);
      if (!result.ok)
        expect.fail(`${type} refused: ${result.errors.map((e) => `${e.code} ${e.message.en}`).join('; ')}`);
      return result.value;
    },
    async runAs(actor, type, input, caseId = CASE_ID) {
      const before = current;
      current = actor;
      try {
        return await this.run(type, input, caseId);
      } finally {
        current = before;
      }
    },
    try: (type, input, caseId = CASE_ID) => execute(type, input, type === 'openCase' ? undefined : caseId),
    async load(caseId = CASE_ID) {
      const journal = await store.readJournal(caseId);
      return { state: foldCase(journal)!, privacy: foldPrivacy(journal) };
    },
  };
}

/**
 * Opens a case at the municipal integration management (KIM) with Frau Nour Haddad as addressee,
 * born 1988, case manager Sabine Krüger.
 */
export async function openBasicCase(world: PrivacyWorld, addressee: Record<string, unknown> = {}): Promise<CaseState> {
  world.as(U.kim);
  const outcome = await world.run('openCase', {
    caseId: CASE_ID,
    label: 'KIM-2026-0100',
    addressee: { roles: ['addressee'], givenName: 'Nour', familyName: 'Haddad', birthDate: '1988-04-12', ...addressee },
    leadAgency: { agencyId: 'kim-musterstadt', name: 'Kommunales Integrationsmanagement Musterstadt' },
    legalDomains: [{ domain: 'AsylbLG' }],
  });
  return outcome.state;
}

/** Records an assessment with a health, a debts and an employment domain; returns the assessment id. */
export async function recordAssessment(
  world: PrivacyWorld,
  extraDomains: Record<string, unknown>[] = [],
): Promise<string> {
  const outcome = await world.run('recordAssessment', {
    domains: [
      {
        domainId: 'health',
        resources: 'Hausärztin in der Nähe.',
        problems: 'Rückenschmerzen, kann nicht lange stehen.',
        personView: 'Ich möchte arbeiten, aber nicht im Stehen.',
        caseManagerView: 'Belastbarkeit klären.',
      },
      {
        domainId: 'debts',
        resources: '',
        problems: 'Mietschulden 1.200 €.',
        personView: '',
        caseManagerView: 'Schuldnerberatung.',
        categories: ['debts'],
      },
      {
        domainId: 'workTraining',
        resources: 'Ausbildung als Schneiderin in Syrien.',
        problems: 'Abschluss nicht anerkannt.',
        personView: 'Gern in einer Änderungsschneiderei.',
        caseManagerView: 'Anerkennungsberatung.',
      },
      ...extraDomains,
    ],
    wishesAndDreams: 'Eine eigene kleine Schneiderei.',
  });
  return outcome.state.assessments.at(-1)!.id;
}

/** A consent input with sensible defaults. */
export function consentInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    categories: ['employment'],
    recipients: [{ agencyId: R.jobcenter.agencyId, name: R.jobcenter.name }],
    purposes: ['caseManagement'],
    form: WRITTEN,
    informationTextHash: INFO_HASH,
    givenBy: { personId: 'person-1', role: 'self' },
    ...overrides,
  };
}
