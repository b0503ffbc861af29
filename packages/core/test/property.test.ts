import { expect } from 'chai';
import fc from 'fast-check';
import {
  createCaseService,
  DEFAULT_GUARDS,
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  verifyJournal,
  type CaseState,
} from '@fallkit/core';
import { canonicalJson, caseStateSchema, checkCaseEventPayload, foldCase, processGuard } from '@fallkit/core/internal';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';

const TODAY = '2026-06-01';
const word = fc.stringMatching(/^[A-Za-zÄÖÜäöüßğış][A-Za-zÄÖÜäöüßğış .,'„“-]{0,24}$/);
const pastDate = fc
  .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 4, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));
const datePair = fc.tuple(pastDate, pastDate).map(([a, b]): readonly [string, string] => (a <= b ? [a, b] : [b, a]));

/** Picks one id of a list by a random index; `undefined` when the list is empty. */
const pick = (ids: readonly string[], n: number): string | undefined =>
  ids.length === 0 ? undefined : ids[n % ids.length];

/**
 * An action turns random choices and the current state into a command that is valid for that state
 * (or `undefined` when it does not apply, then a note is recorded instead).
 */
type Action = (state: CaseState) => { type: string; input: unknown } | undefined;

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ given: word, family: word, child: fc.boolean() }).map(({ given, family, child }) => () => ({
    type: 'addPerson',
    input: { roles: [child ? 'child' : 'relative'], givenName: given, familyName: family, inHousehold: child },
  })),
  fc.record({ text: word, n: fc.nat() }).map(({ text, n }) => (state: CaseState) => ({
    type: 'recordNote',
    input: {
      text,
      subjectIds: [
        pick(
          state.persons.map((p) => p.id),
          n,
        ),
      ],
    },
  })),
  fc
    .record({
      on: pastDate,
      mode: fc.constantFrom('inPerson', 'phone', 'video', 'homeVisit'),
      interp: fc.boolean(),
      note: word,
    })
    .map(({ on, mode, interp, note }) => () => ({
      type: 'recordContact',
      input: { on, mode, withInterpreter: interp, note },
    })),
  fc
    .record({ due: pastDate, subject: word })
    .map(({ due, subject }) => () => ({ type: 'scheduleFollowUp', input: { dueOn: due, subject } })),
  fc.nat().map((n) => (state: CaseState) => {
    const id = pick(
      state.followUps.filter((f) => !f.done).map((f) => f.id),
      n,
    );
    return id === undefined ? undefined : { type: 'completeFollowUp', input: { followUpId: id } };
  }),
  fc
    .record({
      text: word,
      domains: fc.uniqueArray(fc.constantFrom('housing', 'health', 'language', 'workTraining'), { minLength: 1 }),
    })
    .map(({ text, domains }) => () => ({
      type: 'recordAssessment',
      input: {
        domains: domains.map((domainId) => ({
          domainId,
          resources: text,
          problems: '',
          personView: '',
          caseManagerView: '',
        })),
        wishesAndDreams: text,
      },
    })),
  fc.constant((state: CaseState) => {
    const last = state.assessments.at(-1);
    return last === undefined || last.status === 'confirmed'
      ? undefined
      : {
          type: 'confirmAssessment',
          input: {
            assessmentId: last.id,
            confirmation: { confirmedOn: TODAY, confirmedByIds: [state.addresseeId], form: 'oral' },
          },
        };
  }),
  fc
    .record({ title: word, range: datePair, way: fc.constantFrom('conform', 'discrepant', 'contrary'), n: fc.nat() })
    .map(({ title, range, way, n }) => (state: CaseState) => ({
      type: 'agreeGoal',
      input: {
        level: 'case',
        title,
        indicators: [{ description: title }],
        timeFrame: { from: range[0], until: range[1] },
        domainIds: ['housing'],
        wayOfLife: way,
        parentGoalId: pick(
          state.goals.map((g) => g.id),
          n,
        ),
        agreement: { agreedByPerson: true, agreedOn: TODAY, form: 'written' },
      },
    })),
  fc.record({ title: word, n: fc.nat() }).map(({ title, n }) => (state: CaseState) => {
    const id = pick(
      state.goals.filter((g) => g.status === 'open').map((g) => g.id),
      n,
    );
    return id === undefined
      ? undefined
      : { type: 'reviseGoal', input: { goalId: id, reason: title, changes: { title } } };
  }),
  fc
    .record({ title: word, range: datePair, n: fc.nat(), after: fc.boolean() })
    .map(({ title, range, n, after }) => (state: CaseState) => {
      const goal = pick(
        state.goals.map((g) => g.id),
        n,
      );
      const dependency = pick(
        state.measures.map((m) => m.id),
        n,
      );
      return {
        type: 'addMeasure',
        input: {
          title,
          goalIds: goal === undefined ? [] : [goal],
          by: { kind: 'formalProvider', name: title },
          startOn: range[0],
          endOn: range[1],
          dependsOn: dependency === undefined ? [] : [{ measureId: dependency, kind: after ? 'after' : 'parallel' }],
        },
      };
    }),
  fc
    .record({ n: fc.nat(), status: fc.constantFrom('running', 'completed', 'interrupted') })
    .map(({ n, status }) => (state: CaseState) => {
      const id = pick(
        state.measures.map((m) => m.id),
        n,
      );
      return id === undefined ? undefined : { type: 'updateMeasure', input: { measureId: id, changes: { status } } };
    }),
  fc.record({ purpose: word, n: fc.nat() }).map(({ purpose, n }) => (state: CaseState) => ({
    type: 'referToProvider',
    input: {
      measureId: pick(
        state.measures.map((m) => m.id),
        n,
      ),
      provider: { name: purpose },
      purpose,
      feedback: { agreed: true },
    },
  })),
  fc
    .record({ n: fc.nat(), status: fc.constantFrom('accepted', 'waiting', 'started', 'completed', 'declined') })
    .map(({ n, status }) => (state: CaseState) => {
      const id = pick(
        state.providerReferrals.filter((r) => r.status !== 'completed' && r.status !== 'declined').map((r) => r.id),
        n,
      );
      return id === undefined
        ? undefined
        : { type: 'updateReferralStatus', input: { providerReferralId: id, status, on: TODAY } };
    }),
  fc
    .record({ n: fc.nat(), judgement: fc.constantFrom('onTrack', 'partly', 'stalled', 'worse', 'achieved') })
    .map(({ n, judgement }) => (state: CaseState) => {
      const id = pick(
        state.goals.map((g) => g.id),
        n,
      );
      return id === undefined
        ? undefined
        : { type: 'judgeProgress', input: { target: { kind: 'goal', id }, judgement, note: '' } };
    }),
  fc.record({ text: word, trigger: fc.boolean() }).map(({ text, trigger }) => () => ({
    type: 'recordDeviation',
    input: { kind: 'situationChanged', description: text, triggersReassessment: trigger },
  })),
  fc.record({ text: word }).map(
    ({ text }) =>
      (state: CaseState) =>
        state.assessments.length === 0 ? undefined : { type: 'startReassessment', input: { reason: text } },
  ),
  fc
    .constantFrom('SGB_II', 'SGB_III', 'SGB_VIII', 'SGB_XII', 'AsylbLG')
    .map(
      (domain) => (state: CaseState) =>
        state.legalDomains.some((d) => d.domain === domain && d.to === undefined)
          ? { type: 'endLegalDomain', input: { domain } }
          : { type: 'addLegalDomain', input: { domain } },
    ),
  fc
    .constantFrom('jobcenter-musterstadt', 'kim-musterstadt', 'sozialamt-musterstadt')
    .map((agencyId) => (state: CaseState) => {
      const lead = state.leadAgencies.at(-1);
      if (lead?.agencyId === agencyId) return undefined;
      return {
        type: 'changeLeadAgency',
        input: {
          variant: agencyId === 'jobcenter-musterstadt' ? 'warmHandover' : 'municipalityCoversFurtherNeeds',
          to: { agencyId, name: agencyId },
          legalDomain: agencyId === 'jobcenter-musterstadt' ? 'SGB_II' : 'SGB_XII',
          effectiveFrom: TODAY,
          reason: 'Rechtskreiswechsel',
        },
      };
    }),
  fc.constantFrom('goalsReached', 'contactLost', 'movedAway').map(
    (reason) => (state: CaseState) =>
      state.status === 'closed'
        ? undefined
        : {
            type: 'closeCase',
            input: {
              reason,
              goalAttainment: state.goals
                .filter((g) => g.status === 'open')
                .map((g) => ({ goalId: g.id, attainment: 'partlyAchieved' })),
            },
          },
  ),
  fc.integer({ min: 1, max: 5 }).map(
    (rating) => (state: CaseState) =>
      state.closure === null || state.evaluation !== null
        ? undefined
        : {
            type: 'recordEvaluation',
            input: {
              planVersusGoals: '',
              methods: '',
              cooperation: '',
              effort: { contacts: rating },
              satisfaction: { rating },
            },
          },
  ),
  fc.record({ crisis: word }).map(({ crisis }) => () => ({ type: 'flagCrisis', input: { description: crisis } })),
);

describe('property: random valid command sequences', () => {
  it('always give a journal that verifies and a state that passes its schema', async function () {
    this.timeout(20_000);
    await fc.assert(
      fc.asyncProperty(fc.array(actionArb, { minLength: 1, maxLength: 14 }), word, async (actions, name) => {
        const store = new MemoryCaseStore();
        const service = createCaseService({
          store,
          clock: new FixedClock(`${TODAY}T12:00:00.000Z`),
          ids: new SequentialIds(),
          actor: EXAMPLE_ACTORS.kimCaseManager,
          // Random sequences ignore the order of the cycle; the process rules have their own tests.
          guards: DEFAULT_GUARDS.filter((guard) => guard !== processGuard),
        });
        const opened = await service.execute({
          type: 'openCase',
          input: {
            addressee: { roles: ['addressee'], givenName: name, familyName: name },
            leadAgency: { agencyId: 'kim-musterstadt', name: 'KIM' },
          },
        });
        if (!opened.ok) throw new Error(opened.errors[0]?.message.en);
        let state = opened.value.state;
        for (const action of actions) {
          const command = action(state) ?? { type: 'recordNote', input: { text: 'Vermerk' } };
          const result = await service.execute({ ...command, caseId: state.caseId, expectedSeq: state.lastSeq });
          if (!result.ok)
            throw new Error(
              `${command.type} refused: ${result.errors.map((e) => `${e.code} ${e.message.en}`).join('; ')}`,
            );
          state = result.value.state;
        }
        const journal = await store.readJournal(state.caseId);
        expect(journal).to.have.length(actions.length + 1);
        const verdict = await verifyJournal(journal, { checkPayload: checkCaseEventPayload });
        expect(verdict.ok).to.equal(true);
        const parsed = caseStateSchema.safeParse(state);
        expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 2))).to.equal(true);
        expect(canonicalJson(foldCase(journal))).to.equal(canonicalJson(state));
      }),
      { numRuns: 40 },
    );
  });
});
