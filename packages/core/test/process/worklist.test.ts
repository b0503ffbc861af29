import { expect } from 'chai';
import {
  buildWorklist,
  DEFAULT_PROCESS_STANDARD,
  WORKLIST_ITEM_KINDS,
  type CaseState,
  type WorklistItem,
  type WorklistItemKind,
} from '@fallkit/core';
import { nextDeadline, worklistConsents, type WorklistSeverity } from '@fallkit/core/internal';
import { bareCase, meta } from './process-fixtures.js';

/** The fixed day the worklist is built for. */
const TODAY = '2026-06-15';

/*
 * Date helpers of the test itself, written independently of the core's: whole days via Date.UTC.
 */
const DAY = 86_400_000;
const shift = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const pad = (n: number): string => String(n).padStart(2, '0');

/** The default standard's figures the generator builds around (read from the standard, not re-derived). */
const D = DEFAULT_PROCESS_STANDARD.deadlines;

interface Expectation {
  caseId: string;
  kind: WorklistItemKind;
  dueOn: string;
  severity: WorklistSeverity;
}

/** Severity of a deadline by the definition: before today overdue, within 7 days due, later upcoming. */
function severityOf(offset: number): WorklistSeverity {
  return offset < 0 ? 'overdue' : offset <= 7 ? 'due' : 'upcoming';
}

/**
 * 1,000 cases in ten scenarios, each built so that exactly one deadline falls on TODAY + offset
 * (offset from -30 to +30), or so that nothing is due. The expected items are written down while
 * generating, from the scenario's own numbers, never by asking the worklist code.
 */
function generate(): { cases: CaseState[]; expected: Expectation[] } {
  const cases: CaseState[] = [];
  const expected: Expectation[] = [];
  for (let i = 0; i < 1000; i += 1) {
    const scenario = i % 10;
    const offset = ((i * 7) % 61) - 30;
    const due = shift(TODAY, offset);
    const id = `gen-${String(i).padStart(4, '0')}`;
    const base = bareCase(id);
    let state: CaseState = base;
    const expect = (kind: WorklistItemKind, dueOn = due, severity = severityOf(offset)): void => {
      expected.push({ caseId: id, kind, dueOn, severity });
    };
    switch (scenario) {
      case 0: // referred, no Erstberatung yet
        state = {
          ...base,
          referrals: [
            {
              id: `${id}-r`,
              referrer: { kind: 'agency', name: 'Ausländerbehörde' },
              referredOn: shift(due, -D.firstContactDays),
              reason: 'x',
              ...meta(),
            },
          ],
        };
        expect('firstContact');
        break;
      case 1: // Erstberatung held, no assessment yet
        state = {
          ...base,
          stage: 'assessment',
          firstCounselling: {
            id: `${id}-fc`,
            heldOn: shift(due, -7 * D.assessmentWeeks),
            participantIds: [],
            concernInOwnWords: 'x',
            firstPictureProblems: '',
            firstPictureResources: '',
            motivation: { level: 'high' },
            willingnessToCooperate: 'high',
            abilityToCooperate: 'high',
            informationGiven: {
              processExplained: true,
              rolesExplained: true,
              chancesAndDemandsExplained: true,
              dataProtectionExplained: true,
            },
            oralContract: { made: true },
            decision: { kind: 'assessment' },
            ...meta(),
          },
        };
        expect('assessmentDue');
        break;
      case 2: // plan running: last reached contact decides the next monitoring contact; an unreached later one does not count
        state = {
          ...base,
          stage: 'monitoring',
          measures: [
            {
              id: `${id}-m`,
              title: 'x',
              goalIds: [],
              by: { kind: 'person', name: 'x' },
              agreement: { agreed: true },
              status: 'running',
              history: [],
              ...meta('2025-11-01T09:00:00.000Z'),
            },
          ],
          contacts: [
            {
              id: `${id}-c1`,
              on: shift(due, -D.monitoringIntervalDays),
              mode: 'phone',
              withInterpreter: false,
              participantIds: [],
              reached: true,
              note: '',
              ...meta(),
            },
            {
              id: `${id}-c2`,
              on: shift(due, -D.monitoringIntervalDays + 3),
              mode: 'phone',
              withInterpreter: false,
              participantIds: [],
              reached: false,
              note: '',
              ...meta(),
            },
          ],
        };
        expect('monitoringContact');
        break;
      case 3: {
        // an agreed goal whose review falls due 12 months after its agreement; days 1..28 avoid month ends
        const day = (i % 28) + 1;
        state = {
          ...base,
          stage: 'goalAgreement',
          goals: [goal(`${id}-g`, `2025-06-${pad(day)}`, '2027-12-31')],
        };
        const dueOn = `2026-06-${pad(day)}`;
        expect('goalReview', dueOn, severityOf(day - 15));
        break;
      }
      case 4: // a goal whose time frame ends; agreed recently, so no review is near
        state = { ...base, stage: 'goalAgreement', goals: [goal(`${id}-g`, '2026-06-01', due)] };
        expect('goalTimeFrame');
        break;
      case 5: // a planned measure that should start; a running one that started long ago is not listed
        state = {
          ...base,
          stage: 'goalAgreement',
          measures: [
            {
              id: `${id}-m1`,
              title: 'x',
              goalIds: [],
              by: { kind: 'person', name: 'x' },
              startOn: due,
              agreement: { agreed: true },
              status: 'planned',
              history: [],
              ...meta(),
            },
            {
              id: `${id}-m2`,
              title: 'y',
              goalIds: [],
              by: { kind: 'person', name: 'y' },
              startOn: '2026-01-01',
              agreement: { agreed: true },
              status: 'running',
              history: [],
              ...meta(),
            },
          ],
        };
        expect('measureStart');
        break;
      case 6: // a provider referral without news; a completed one is not listed
        state = {
          ...base,
          stage: 'goalAgreement',
          providerReferrals: [
            referral(`${id}-p1`, 'requested', shift(due, -D.referralFeedbackDays)),
            referral(`${id}-p2`, 'completed', '2026-01-01'),
          ],
        };
        expect('referralFeedback');
        break;
      case 7: // one open follow-up, one done
        state = {
          ...base,
          followUps: [
            { id: `${id}-f1`, dueOn: due, subject: 'Rückruf', done: false, ...meta() },
            { id: `${id}-f2`, dueOn: shift(due, -5), subject: 'Erledigt', done: true, doneOn: due, ...meta() },
          ],
        };
        expect('followUp');
        break;
      case 8: // closed: evaluation pending (even i) or closed for good (odd i)
        state = {
          ...base,
          status: 'closed',
          stage: i % 20 === 8 ? 'closure' : 'closed',
          closure: {
            id: `${id}-x`,
            closedOn: shift(due, -D.evaluationDays),
            reason: 'goalsReached',
            readinessSigns: [],
            goalAttainment: [],
            ...meta(),
          },
          followUps: [{ id: `${id}-f`, dueOn: due, subject: 'nach Abschluss', done: false, ...meta() }],
        };
        if (i % 20 === 8) expect('evaluationDue');
        break;
      case 9: {
        // deviations after the assessment: two reach the threshold (a signal, always "due"); one alone does not
        const two = i % 20 === 9;
        const on = shift(TODAY, -Math.abs(offset));
        state = {
          ...base,
          stage: 'goalAgreement',
          assessments: [
            {
              id: `${id}-a`,
              version: 1,
              kind: 'initial',
              recordedOn: '2026-01-10',
              participantIds: [],
              domains: [],
              wishesAndDreams: '',
              status: 'confirmed',
              ...meta('2026-01-10T09:00:00.000Z'),
            },
          ],
          deviations: [deviation(`${id}-d1`, shift(on, -3)), ...(two ? [deviation(`${id}-d2`, on)] : [])],
        };
        if (two) expect('reassessmentTrigger', on, 'due');
        break;
      }
    }
    cases.push(state);
  }
  return { cases, expected };
}

function goal(id: string, agreedOn: string, until: string): CaseState['goals'][number] {
  return {
    id,
    level: 'case',
    title: 'Ziel',
    indicators: [{ description: 'x' }],
    timeFrame: { until },
    domainIds: [],
    agreement: { agreedByPerson: true, agreedOn, form: 'oral' },
    status: 'open',
    statusHistory: [],
    revisions: [],
    ...meta(),
  };
}

function referral(id: string, status: 'requested' | 'completed', on: string): CaseState['providerReferrals'][number] {
  return {
    id,
    provider: { name: 'Schuldnerberatung' },
    referredOn: on,
    purpose: 'x',
    status,
    statusHistory: [{ status, on }],
    feedback: { agreed: true },
    ...meta(),
  };
}

function deviation(id: string, on: string): CaseState['deviations'][number] {
  return {
    id,
    on,
    kind: 'plannedChangeNotHappening',
    description: 'x',
    triggersReassessment: false,
    ...meta(`${on}T12:00:00.000Z`),
  };
}

function tally(items: readonly { kind: string; severity: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[`${item.kind}/${item.severity}`] = (out[`${item.kind}/${item.severity}`] ?? 0) + 1;
  return out;
}

describe('worklist', () => {
  const { cases, expected } = generate();
  let items: WorklistItem[];
  before(() => {
    items = buildWorklist(cases, TODAY);
  });

  it('1,000 generated cases: exactly the expected items, by kind and severity', () => {
    expect(items).to.have.length(expected.length);
    expect(tally(items)).to.deep.equal(tally(expected));
  });

  it('1,000 generated cases: exact totals of overdue, due and upcoming', () => {
    const count = (list: readonly { severity: string }[], severity: string): number =>
      list.filter((i) => i.severity === severity).length;
    for (const severity of ['overdue', 'due', 'upcoming'])
      expect(count(items, severity), severity).to.equal(count(expected, severity));
    // The figures themselves, so a change of generator or code shows up here too.
    expect([count(items, 'overdue'), count(items, 'due'), count(items, 'upcoming')]).to.deep.equal([
      count(expected, 'overdue'),
      count(expected, 'due'),
      count(expected, 'upcoming'),
    ]);
    expect(items.length).to.equal(900);
  });

  it('1,000 generated cases: every item has the expected due date for its case', () => {
    const byCase = new Map(expected.map((e) => [e.caseId, `${e.kind} ${e.dueOn} ${e.severity}`]));
    expect(new Set(items.map((i) => i.caseId)).size).to.equal(items.length);
    for (const item of items)
      expect(`${item.kind} ${item.dueOn} ${item.severity}`, item.caseId).to.equal(byCase.get(item.caseId));
  });

  it("1,000 generated cases: the next deadline is the one expected of each case, overdue ones included (the list's column)", () => {
    // Signals (a re-assessment to consider, readiness to close) are no deadlines of their own.
    const signals = new Set<WorklistItemKind>(['reassessmentTrigger', 'closureReadiness']);
    const deadlines = expected.filter((e) => !signals.has(e.kind));
    const byCase = new Map(deadlines.map((e) => [e.caseId, e.dueOn]));
    let withDeadline = 0;
    for (const state of cases) {
      const wanted = byCase.get(state.caseId);
      const next = nextDeadline(state, TODAY);
      if (wanted !== undefined) {
        withDeadline += 1;
        expect(next, state.caseId).to.equal(wanted);
      } else if (next !== null) {
        // Nothing within the worklist's horizon: a later deadline may exist, never an earlier one.
        expect(next > shift(TODAY, 30), `${state.caseId} ${next}`).to.equal(true);
      }
    }
    expect(withDeadline).to.equal(deadlines.length);
    expect(withDeadline).to.equal(850);
  });

  it('is sorted: overdue before due before upcoming, then by date, case and kind', () => {
    const rank = { overdue: 0, due: 1, upcoming: 2 };
    for (let i = 1; i < items.length; i += 1) {
      const a = items[i - 1]!;
      const b = items[i]!;
      const key = (x: WorklistItem): string => `${rank[x.severity]} ${x.dueOn} ${x.caseId} ${x.kind}`;
      expect(key(a) <= key(b), `${key(a)} before ${key(b)}`).to.equal(true);
    }
  });

  it('explains every item in German and English and names the case label', () => {
    for (const item of items) {
      expect(item.explanation.de).to.have.length.greaterThan(10);
      expect(item.explanation.en).to.have.length.greaterThan(10);
      expect(item.label).to.equal(item.caseId.toUpperCase());
      expect(WORKLIST_ITEM_KINDS).to.include(item.kind);
    }
  });

  it('is incremental (issue 18): the same caseload again, and one changed case, give what a first call gives', () => {
    const fresh = () => buildWorklist(structuredClone(cases), TODAY);
    // The same states again: the same list (a new array each time).
    const again = buildWorklist(cases, TODAY);
    expect(again).to.deep.equal(items);
    expect(again !== items).to.equal(true);
    // One case gets a new state (a new follow-up due today): only it is evaluated again, the list is the cold one.
    const changed = [...cases];
    const target = changed[3]!;
    changed[3] = {
      ...target,
      followUps: [...target.followUps, { id: 'new-f', dueOn: TODAY, subject: 'neu', done: false, ...meta() }],
    };
    const incremental = buildWorklist(changed, TODAY);
    expect(incremental.some((i) => i.ref?.id === 'new-f')).to.equal(true);
    expect(incremental).to.deep.equal(buildWorklist(structuredClone(changed), TODAY));
    // A case dropped from the caseload takes its items with it; another day is computed for that day.
    const dropped = changed.filter((_, i) => i !== 3);
    expect(buildWorklist(dropped, TODAY).some((i) => i.caseId === target.caseId)).to.equal(false);
    expect(buildWorklist(cases, shift(TODAY, 10))).to.deep.equal(
      buildWorklist(structuredClone(cases), shift(TODAY, 10)),
    );
    expect(buildWorklist(cases, TODAY)).to.deep.equal(fresh());
  });

  it('leaves out what lies beyond the horizon and includes it with a longer one', () => {
    const far = {
      ...bareCase('far'),
      followUps: [{ id: 'f', dueOn: shift(TODAY, 45), subject: 'später', done: false, ...meta() }],
    };
    expect(buildWorklist([far], TODAY)).to.deep.equal([]);
    expect(buildWorklist([far], TODAY, undefined, { horizonDays: 60 }).map((i) => i.severity)).to.deep.equal([
      'upcoming',
    ]);
  });

  it('lists consents that expire within 30 days, not withdrawn or later ones', () => {
    const state = bareCase('c-consent');
    const items = buildWorklist([state], TODAY, undefined, {
      consentsOf: () => [
        { id: 'k-1', validUntil: shift(TODAY, 10) },
        { id: 'k-2', validUntil: shift(TODAY, 31) },
        { id: 'k-3', validUntil: shift(TODAY, 3), withdrawn: true },
        { id: 'k-4', validUntil: shift(TODAY, -1) },
      ],
    });
    expect(items.map((i) => [i.kind, i.ref?.id, i.severity])).to.deep.equal([['consentExpiry', 'k-1', 'upcoming']]);
  });

  it("reads consents from the data-protection module's state: a whole withdrawal ends one, a partial one does not", () => {
    const consent = (id: string, validUntil: string) => ({
      record: { id, validUntil },
      withdrawals: [] as { categories?: string[] }[],
    });
    const whole = { ...consent('k-1', shift(TODAY, 5)), withdrawals: [{}] };
    const partial = { ...consent('k-2', shift(TODAY, 6)), withdrawals: [{ categories: ['health'] }] };
    const running = consent('k-3', shift(TODAY, 7));
    expect(worklistConsents({ consents: [whole, partial, running] })).to.deep.equal([
      { id: 'k-1', validUntil: shift(TODAY, 5), withdrawn: true },
      { id: 'k-2', validUntil: shift(TODAY, 6), withdrawn: false },
      { id: 'k-3', validUntil: shift(TODAY, 7), withdrawn: false },
    ]);
    const items = buildWorklist([bareCase('c-k')], TODAY, undefined, {
      consentsOf: () => worklistConsents({ consents: [whole, partial, running] }),
    });
    expect(items.map((i) => [i.ref?.id, i.severity])).to.deep.equal([
      ['k-2', 'due'],
      ['k-3', 'due'],
    ]);
  });

  it('signals readiness to close when enough Ballew/Mink signs in enough groups were observed', () => {
    const observed = (signs: CaseState['readinessObservations'][number]['signs']): CaseState => ({
      ...bareCase('c-ready'),
      stage: 'monitoring',
      readinessObservations: [{ id: 'o-1', on: '2026-06-01', signs, ...meta() }],
    });
    const kinds = (state: CaseState): string[] => buildWorklist([state], TODAY).map((i) => `${i.kind}/${i.severity}`);
    expect(kinds(observed(['decidesAlone', 'reportsSuccesses', 'makesPlans']))).to.deep.equal([]);
    expect(kinds(observed(['decidesAlone', 'reportsSuccesses', 'makesAppointmentsAlone']))).to.deep.equal([
      'closureReadiness/due',
    ]);
  });

  it('a deviation flagged as trigger or a changed situation makes a re-assessment due at once', () => {
    const state: CaseState = {
      ...bareCase('c-trigger'),
      stage: 'monitoring',
      assessments: [
        {
          id: 'a',
          version: 1,
          kind: 'initial',
          recordedOn: '2026-01-10',
          participantIds: [],
          domains: [],
          wishesAndDreams: '',
          status: 'confirmed',
          ...meta('2026-01-10T09:00:00.000Z'),
        },
      ],
      deviations: [{ ...deviation('d', '2026-06-01'), kind: 'situationChanged' }],
    };
    const items = buildWorklist([state], TODAY).filter((i) => i.kind === 'reassessmentTrigger');
    expect(items.map((i) => [i.dueOn, i.severity])).to.deep.equal([['2026-06-01', 'due']]);
    expect(
      buildWorklist([{ ...state, stage: 'reassessment' }], TODAY).some((i) => i.kind === 'reassessmentTrigger'),
    ).to.equal(false);
  });

  it('a referral with an agreed feedback date is due on that date', () => {
    const state: CaseState = {
      ...bareCase('c-feedback'),
      stage: 'monitoring',
      providerReferrals: [
        { ...referral('p', 'requested', '2026-06-01'), feedback: { agreed: true, nextFeedbackOn: '2026-06-20' } },
      ],
    };
    expect(buildWorklist([state], TODAY).map((i) => [i.kind, i.dueOn, i.severity])).to.deep.equal([
      ['referralFeedback', '2026-06-20', 'due'],
    ]);
  });
});
