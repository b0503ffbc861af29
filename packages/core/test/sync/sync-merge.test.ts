import { expect } from 'chai';
import fc from 'fast-check';
import { ACTOR_ROLES, type JournalEvent } from '@fallkit/core';
import { COMMAND_ACCESS } from '@fallkit/core/internal';
import {
  decideMerge,
  eventTargets,
  mergeClassOf,
  SYNC_MERGE,
  syncCommandSchema,
  syncMergePolicy,
  targetsOverlap,
  WHOLE_CASE,
  type SyncCommand,
} from '@fallkit/core/sync';

const ALL_TYPES = Object.keys(COMMAND_ACCESS);
const REBASE_TYPES = ALL_TYPES.filter((t) => SYNC_MERGE[t]?.merge === 'rebase');
const CONFLICT_TYPES = ALL_TYPES.filter((t) => SYNC_MERGE[t]?.merge === 'conflict');

const me = { id: 'u-me', agencyId: 'kim-musterstadt' };
const other = { id: 'u-other', agencyId: 'jobcenter-musterstadt' };

/** A stored event of a given type by an actor at a seq (only what the merge decision reads). */
function event(seq: number, type: string, payload: unknown, by = other): JournalEvent {
  return {
    id: `e-${seq}`,
    type,
    schemaVersion: 1,
    caseId: 'c-1',
    seq,
    at: '2026-03-01T10:00:00.000Z',
    actor: { ...by, role: 'caseManager' },
    payload,
    payloadHash: '0'.repeat(64),
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
  };
}

const EVENT_TYPES = [
  'GoalAgreed',
  'GoalRevised',
  'GoalStatusSet',
  'MeasureUpdated',
  'NoteRecorded',
  'ContactRecorded',
  'PlanRecorded',
  'CaseClosed',
  'ConsentRecorded',
  'LeadAgencyChanged',
  'DataErased',
  'SomethingNew',
];
const ids = fc.constantFrom('g-1', 'g-2', 'm-1', 'p-1', 'x');
const eventArb = fc.record({
  type: fc.constantFrom(...EVENT_TYPES),
  id: ids,
  mine: fc.boolean(),
});
const inputArb = fc.record({ goalId: ids, measureId: ids, personId: ids, crisisId: ids, consentId: ids });

describe('SYNC_MERGE: the merge class of every command type (issue 15)', () => {
  it('DP-40 (issue 15): every catalogued command type (every COMMAND_ACCESS declaration) has a merge policy, and nothing else has one', () => {
    const missing = ALL_TYPES.filter((t) => !Object.hasOwn(SYNC_MERGE, t));
    const extra = Object.keys(SYNC_MERGE).filter((t) => !Object.hasOwn(COMMAND_ACCESS, t));
    expect(missing, 'command types without a SYNC_MERGE entry').to.deep.equal([]);
    expect(extra, 'SYNC_MERGE entries of no command type').to.deep.equal([]);
    expect(REBASE_TYPES.length + CONFLICT_TYPES.length).to.equal(ALL_TYPES.length);
  });

  it("issue 15: the brief's adds are rebase, its changes conflict", () => {
    for (const t of ['recordContact', 'recordNote', 'scheduleFollowUp', 'judgeProgress'])
      expect(SYNC_MERGE[t]?.merge, t).to.equal('rebase');
    for (const t of [
      'reviseGoal',
      'recordPlan',
      'closeCase',
      'changeLeadAgency',
      'recordConsent',
      'withdrawConsent',
      'requestErasure',
    ])
      expect(SYNC_MERGE[t]?.merge, t).to.equal('conflict');
    expect(syncMergePolicy('noSuchCommand').merge, 'an unknown type is the safe side').to.equal('conflict');
  });

  it('issue 15 (property): a rebase-class command on a stale base is always re-decided, whatever came since, by whoever', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REBASE_TYPES),
        inputArb,
        fc.array(eventArb, { minLength: 1, maxLength: 8 }),
        (type, input, since) => {
          const journal = [
            event(1, 'CaseOpened', {}),
            ...since.map((e, i) => event(i + 2, e.type, { id: e.id, goalId: e.id }, e.mine ? me : other)),
          ];
          const decision = decideMerge({ type, caseId: 'c-1', input }, 1, journal, me);
          expect(decision).to.deep.equal({ action: 'redecide', merge: 'rebase' });
        },
      ),
    );
  });

  it('issue 15 (property): any command on a current base executes, whatever its class', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_TYPES), inputArb, fc.integer({ min: 1, max: 20 }), (type, input, head) => {
        const journal = Array.from({ length: head }, (_, i) => event(i + 1, 'NoteRecorded', { id: `n-${i}` }));
        expect(decideMerge({ type, caseId: 'c-1', input }, head, journal, me)).to.deep.equal({ action: 'execute' });
      }),
    );
  });

  it("issue 15 (property): a conflict-class command conflicts exactly when another writer's event since its base touches one of its targets; its own events never conflict", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CONFLICT_TYPES),
        inputArb,
        fc.array(eventArb, { minLength: 1, maxLength: 8 }),
        (type, input, since) => {
          const journal = [
            event(1, 'CaseOpened', {}),
            ...since.map((e, i) =>
              event(i + 2, e.type, { id: e.id, goalId: e.id, measureId: e.id }, e.mine ? me : other),
            ),
          ];
          const command: SyncCommand = { type, caseId: 'c-1', input };
          const targets = SYNC_MERGE[type]!.targets!(input);
          const touching = journal
            .slice(1)
            .filter(
              (e) => e.actor.id === other.id && eventTargets(e).some((t) => targets.some((m) => targetsOverlap(t, m))),
            );
          const decision = decideMerge(command, 1, journal, me);
          if (touching.length === 0) expect(decision).to.deep.equal({ action: 'redecide', merge: 'conflict' });
          else {
            expect(decision.action).to.equal('conflict');
            if (decision.action !== 'conflict') return;
            expect(decision.theirs.every((e) => e.seq > 1 && e.actor.id === other.id)).to.equal(true);
            expect(decision.targets.length).to.be.greaterThan(0);
          }
        },
      ),
    );
  });

  it('issue 15: two writers revising the same goal conflict; revising different goals does not; a closure since conflicts with every change', () => {
    const base = [
      event(1, 'CaseOpened', {}),
      event(2, 'GoalAgreed', { id: 'g-1' }, me),
      event(3, 'GoalAgreed', { id: 'g-2' }, me),
    ];
    const revise = (goalId: string): SyncCommand => ({ type: 'reviseGoal', caseId: 'c-1', input: { goalId } });
    const theirs = [...base, event(4, 'GoalRevised', { goalId: 'g-1' })];
    const same = decideMerge(revise('g-1'), 3, theirs, me);
    expect(same.action).to.equal('conflict');
    if (same.action === 'conflict') {
      expect(same.targets).to.deep.equal(['goals/g-1']);
      expect(same.theirs.map((e) => e.seq)).to.deep.equal([4]);
    }
    expect(decideMerge(revise('g-2'), 3, theirs, me)).to.deep.equal({ action: 'redecide', merge: 'conflict' });
    const closed = [...base, event(4, 'CaseClosed', {})];
    expect(decideMerge(revise('g-2'), 3, closed, me).action).to.equal('conflict');
    expect(decideMerge({ type: 'recordPlan', caseId: 'c-1', input: {} }, 3, closed, me).action).to.equal('conflict');
  });

  it('issue 15: a batch is rebase only when every command in it is; its conflict targets are its changes', () => {
    const adds: SyncCommand = {
      caseId: 'c-1',
      commands: [
        { type: 'recordNote', input: {} },
        { type: 'recordContact', input: {} },
      ],
    };
    const mixed: SyncCommand = {
      caseId: 'c-1',
      commands: [
        { type: 'recordNote', input: {} },
        { type: 'reviseGoal', input: { goalId: 'g-1' } },
      ],
    };
    expect(mergeClassOf(adds)).to.equal('rebase');
    expect(mergeClassOf(mixed)).to.equal('conflict');
    expect(syncCommandSchema.safeParse(mixed).success).to.equal(true);
    const journal = [event(1, 'CaseOpened', {}), event(2, 'GoalRevised', { goalId: 'g-1' })];
    expect(decideMerge(mixed, 1, journal, me).action).to.equal('conflict');
  });

  it('issue 15: target overlap is by whole path segments, and the whole case overlaps everything', () => {
    expect(targetsOverlap('goals/g-1', 'goals')).to.equal(true);
    expect(targetsOverlap('goals/g-1', 'goals/g-10')).to.equal(false);
    expect(targetsOverlap('goals', 'goalsx')).to.equal(false);
    expect(targetsOverlap(WHOLE_CASE, 'consents')).to.equal(true);
    expect(eventTargets({ type: 'NotAKnownEvent', payload: null })).to.deep.equal([WHOLE_CASE]);
  });

  it('DP-40 (property): every actor role decides the same way: the merge never depends on who is asking, only on who wrote since', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACTOR_ROLES), fc.constantFrom(...ALL_TYPES), inputArb, (role, type, input) => {
        const journal = [event(1, 'CaseOpened', {}), event(2, 'CaseClosed', {})];
        const a = decideMerge({ type, caseId: 'c-1', input }, 1, journal, me);
        const b = decideMerge({ type, caseId: 'c-1', input }, 1, journal, {
          id: `u-${role}`,
          agencyId: 'kim-musterstadt',
        });
        expect(a).to.deep.equal(b);
      }),
    );
  });
});
