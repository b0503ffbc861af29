import {
  createCaseService,
  createCaseViews,
  FixedClock,
  MemoryCaseStore,
  type Actor,
  type AnyCommand,
  type CaseService,
  type CaseViews,
  type CommandOutcome,
} from '@fallkit/core';
import {
  EXAMPLE_ACTORS,
  EXAMPLE_AGENCIES,
  EXAMPLE_CASES,
  runExampleCases,
  ScopedSequentialIds,
} from '@fallkit/core/examples';
import { expect } from 'chai';
import {
  buildHandoverPackage,
  generateAgencyEncryptionKey,
  type BuiltHandoverPackage,
  generateAgencySigningKey,
  memoryReceivedRegister,
  senderKeyDirectory,
  type AgencyEncryptionKey,
  type AgencySigningKey,
  type ReceivedPackageRegister,
  type SenderKeyDirectory,
} from '@fallkit/handover';

/** One agency with a store of its own: its service and views act as `actor`. */
export interface Agency {
  readonly agencyId: string;
  readonly name: string;
  readonly store: MemoryCaseStore;
  readonly service: CaseService;
  readonly views: CaseViews;
  readonly signing: AgencySigningKey;
  readonly encryption: AgencyEncryptionKey;
  readonly register: ReceivedPackageRegister;
  /** Public signing keys of the other agencies. */
  keys: SenderKeyDirectory;
  as(actor: Actor): void;
  run(type: string, input: unknown, caseId?: string): Promise<CommandOutcome>;
}

/** The two agencies share one clock (the test moves it), nothing else. */
export interface HandoverWorld {
  readonly clock: FixedClock;
  readonly kim: Agency;
  readonly jobcenter: Agency;
  /** The case at the municipality (KIM): the Rahimi family before the Rechtskreiswechsel. */
  readonly caseId: string;
  readonly consentId: string;
}

async function agency(
  clock: FixedClock,
  ref: { agencyId: string; name: string },
  actor: Actor,
  scope: string,
): Promise<Agency> {
  const store = new MemoryCaseStore();
  let current = actor;
  const ids = new ScopedSequentialIds(scope);
  const service = createCaseService({ store, clock, ids, actor: { current: () => current } });
  const views = createCaseViews({ service, store, clock, ids });
  return {
    ...ref,
    store,
    service,
    views,
    signing: await generateAgencySigningKey(ref.agencyId, `${ref.agencyId}-sig-2026`),
    encryption: await generateAgencyEncryptionKey(ref.agencyId, `${ref.agencyId}-enc-2026`),
    register: memoryReceivedRegister(),
    keys: await senderKeyDirectory([]),
    as(next) {
      current = next;
    },
    async run(type, input, caseId) {
      const result = await service.execute({ type, input, ...(caseId === undefined ? {} : { caseId }) } as AnyCommand);
      if (!result.ok)
        expect.fail(`${type} refused: ${result.errors.map((e) => `${e.code} ${e.message.en}`).join('; ')}`);
      return result.value;
    },
  };
}

/** The categories Herr Rahimi consents to pass to the Jobcenter (not health; DP-07, DP-10). */
export const CONSENTED = [
  'identity',
  'household',
  'residenceStatus',
  'education',
  'employment',
  'goals',
  'helpPlan',
  'measures',
] as const;

/**
 * The Haddad-like case on the municipality's store: the Rahimi family (residence permit under § 25b
 * AufenthG just granted, the father's back pain in the health domain, the son's school problems as
 * third-party data, the daughter a household member), stopped before the in-journal warm handover;
 * then Herr Rahimi consents to pass everything but health to the Jobcenter.
 */
export async function handoverWorld(): Promise<HandoverWorld> {
  const example = EXAMPLE_CASES.find((c) => c.key === 'rahimi')!;
  const until = example.steps.findIndex((step) => step.type === 'changeLeadAgency');
  const clock = new FixedClock(example.steps[until - 1]!.at);
  const kim = await agency(clock, EXAMPLE_AGENCIES.kim, EXAMPLE_ACTORS.kimCaseManager, 'kim');
  const jobcenter = await agency(clock, EXAMPLE_AGENCIES.jobcenter, EXAMPLE_ACTORS.jobcenterCaseManager, 'jc');
  await runExampleCases({ store: kim.store, cases: [{ ...example, steps: example.steps.slice(0, until) }] });
  kim.keys = await senderKeyDirectory([{ agencyId: jobcenter.agencyId, jwk: jobcenter.signing.publicJwk }]);
  jobcenter.keys = await senderKeyDirectory([{ agencyId: kim.agencyId, jwk: kim.signing.publicJwk }]);
  clock.set('2026-05-27T11:00:00.000Z');
  const consent = await kim.run(
    'recordConsent',
    {
      categories: [...CONSENTED],
      recipients: [{ agencyId: jobcenter.agencyId, name: jobcenter.name }],
      purposes: ['caseManagement'],
      form: { kind: 'written', scanReference: 'scan://einwilligung-rahimi-jobcenter.pdf' },
      informationTextHash: 'ab'.repeat(32),
      givenBy: { personId: 'rahimi-person-1', role: 'self' },
      validFrom: '2026-05-27',
    },
    example.caseId,
  );
  const consentId = (consent.events.find((e) => e.type === 'ConsentRecorded')!.payload as { id: string }).id;
  return { clock, kim, jobcenter, caseId: example.caseId, consentId };
}

/** The Jobcenter as a recipient of a transfer. */
export const JOBCENTER_RECIPIENT = {
  agencyId: EXAMPLE_AGENCIES.jobcenter.agencyId,
  name: EXAMPLE_AGENCIES.jobcenter.name,
  kind: 'statutoryAgency',
} as const;

/** Builds the package of the world's case for the Jobcenter, as the KIM case manager (fails the test if refused). */
export async function builtPackage(world: HandoverWorld): Promise<BuiltHandoverPackage> {
  world.kim.as(EXAMPLE_ACTORS.kimCaseManager);
  const result = await buildHandoverPackage({
    service: world.kim.service,
    views: world.kim.views,
    clock: world.clock,
    caseId: world.caseId,
    sender: { agencyId: world.kim.agencyId, name: world.kim.name },
    recipient: JOBCENTER_RECIPIENT,
    legalBasis: `consent:${world.consentId}`,
    // The worker asks for health and housing too: the decision withholds them (no consent).
    categories: [...CONSENTED, 'health', 'housing'],
  });
  if (!result.ok) expect.fail(result.errors.map((e) => `${e.code} ${e.message.en}`).join('; '));
  return result.value;
}
