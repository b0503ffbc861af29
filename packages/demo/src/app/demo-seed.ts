/**
 * The demo's data: the core's fictional Musterstadt example cases, plus two consents so that switching the
 * actor shows what data protection does (the Jobcenter sees the Rahimi case without the health domain; the
 * debt counselling service sees the debts of Kevin Schulte and nothing else), and one case per legal profile
 * (SGB II Kooperationsplan, SGB VIII Hilfeplan, SGB IX Gesamtplan) with its statutory deadline running.
 */
import {
  EXAMPLE_AGENCIES,
  EXAMPLE_CASES,
  PROFILE_EXAMPLE_CASES,
  familyDuldungToSgbII,
  runExampleCases,
  step,
  youngAdultDebtsAddiction,
  type ExampleCase,
  type ExampleStep,
} from '@fallkit/core/examples';
import { sha256Hex, type CaseCommandType, type CaseStore, type LocalizedText } from '@fallkit/core';

/** The information text a person is shown before consenting (its hash is stored with the consent, DP-09). */
export const DEMO_INFORMATION_TEXT =
  'Informationsblatt „Datenschutz im Kommunalen Integrationsmanagement Musterstadt“, Fassung 2026-01 (Demo).';

/** An example case with a step inserted before the first step of `beforeType`. */
function withStepBefore(example: ExampleCase, beforeType: string, extra: ExampleStep): ExampleCase {
  const index = example.steps.findIndex((candidate) => candidate.type === beforeType);
  const steps = [...example.steps];
  steps.splice(index < 0 ? steps.length : index, 0, extra);
  return { ...example, steps };
}

/**
 * The example cases as the demo seeds them. Consents are data-protection commands, not part of the core's
 * example scripts; they are inserted where they happen in the story.
 */
export async function demoCases(): Promise<ExampleCase[]> {
  const informationTextHash = await sha256Hex(DEMO_INFORMATION_TEXT);
  // Rahimi: at the handover conference Mr Rahimi consents to the Jobcenter receiving what it needs for
  // SGB II case management, not his health (DP-10: whatever is not listed is not covered).
  const rahimi = withStepBefore(
    familyDuldungToSgbII,
    'changeLeadAgency',
    step(
      '2026-05-27T11:00:00.000Z',
      'recordConsent' as never,
      {
        categories: [
          'identity',
          'contact',
          'household',
          'benefits',
          'income',
          'housing',
          'education',
          'employment',
          'residenceStatus',
          'goals',
          'helpPlan',
          'measures',
        ],
        recipients: [{ agencyId: EXAMPLE_AGENCIES.jobcenter.agencyId, name: EXAMPLE_AGENCIES.jobcenter.name }],
        purposes: ['caseManagement'],
        validFrom: '2026-05-27',
        form: { kind: 'written', scanReference: 'Scan KIM-2026-0001/Einwilligung-01' },
        informationTextHash,
        givenBy: { personId: 'rahimi-person-1', role: 'self' },
      } as never,
    ),
  );
  // Schulte: before the referral Kevin Schulte consents to the debt counselling service seeing his debts.
  const schulte = withStepBefore(
    youngAdultDebtsAddiction,
    'referToProvider',
    step(
      '2026-02-25T10:00:00.000Z',
      'recordConsent' as never,
      {
        categories: ['identity', 'contact', 'debts', 'income'],
        recipients: [
          { agencyId: EXAMPLE_AGENCIES.schuldnerberatung.agencyId, name: EXAMPLE_AGENCIES.schuldnerberatung.name },
        ],
        purposes: ['caseManagement'],
        validFrom: '2026-02-25',
        form: { kind: 'written', scanReference: 'Scan JC-2026-0417/Einwilligung-01' },
        informationTextHash,
        givenBy: { personId: 'schulte-person-1', role: 'self' },
      } as never,
    ),
  );
  return [
    ...EXAMPLE_CASES.map((example) =>
      example.key === rahimi.key ? rahimi : example.key === schulte.key ? schulte : example,
    ),
    ...PROFILE_EXAMPLE_CASES.map(seededProfileCase),
  ];
}

/**
 * Where the demo stops each profile example: at the step whose statutory deadline is running. A closed case
 * has no deadline left, so no profile case is seeded closed: the SGB II and SGB VIII cases stop before the
 * closure (the plan is in force, its review deadline of § 15 Abs. 3 SGB II / § 36 Abs. 2 SGB VIII is on the
 * worklist, the plan prints); the SGB IX case stops before its Gesamtplan, because its plan's review (two
 * years, § 121 Abs. 2 SGB IX) lies beyond the worklist's horizon while the decision after the planning
 * conference (§ 15 Abs. 4 SGB IX) is running. The rest of each example is the visitor's to do (the core's
 * tests run every example to the end).
 */
export const DEMO_PROFILE_STOPS: Readonly<Record<string, CaseCommandType>> = {
  nowak: 'closeCase',
  berisha: 'closeCase',
  hartmann: 'recordPlan',
};

/** The steps of a profile example the demo seeds, and the ones it leaves to the visitor. */
export function profileSteps(example: ExampleCase): {
  readonly seeded: readonly ExampleStep[];
  readonly remaining: readonly ExampleStep[];
} {
  const stop = example.steps.findIndex((candidate) => candidate.type === DEMO_PROFILE_STOPS[example.key]);
  const cut = stop < 0 ? example.steps.length : stop;
  return { seeded: example.steps.slice(0, cut), remaining: example.steps.slice(cut) };
}

/** A profile example as the demo seeds it: up to the step where its deadline runs ({@link DEMO_PROFILE_STOPS}). */
export function seededProfileCase(example: ExampleCase): ExampleCase {
  return { ...example, steps: profileSteps(example).seeded };
}

/** What seeding did: which examples are in the store and which could not be written (with why). */
export interface SeedReport {
  readonly seeded: readonly string[];
  readonly failed: readonly { readonly key: string; readonly title: LocalizedText; readonly error: string }[];
}

/**
 * Writes the example cases into an empty store, one by one: an example the current core refuses is
 * reported and the others are still written, so the page shows what works.
 */
export async function seedDemo(store: CaseStore): Promise<SeedReport> {
  const seeded: string[] = [];
  const failed: { key: string; title: LocalizedText; error: string }[] = [];
  for (const example of await demoCases()) {
    try {
      await runExampleCases({ store, cases: [example] });
      seeded.push(example.key);
    } catch (error) {
      failed.push({
        key: example.key,
        title: example.title,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return { seeded, failed };
}
