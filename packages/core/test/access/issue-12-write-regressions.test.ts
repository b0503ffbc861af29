import { expect } from 'chai';
import {
  DEFAULT_PROCESS_STANDARD,
  createCaseService,
  createCaseViews,
  FixedClock,
  MemoryCaseStore,
  verifyJournal,
  type Actor,
  type AnyCommand,
  type CaseStore,
} from '@fallkit/core';
import {
  accessLogStreamId,
  authoriseCommand,
  EMPTY_PRIVACY_STATE,
  isHumanDecision,
  stateRefusal,
  foldCase,
  HUMAN_DECISION_COMMANDS,
  isReservedStreamId,
  refreshStaleIndexRows,
} from '@fallkit/core/internal';
import { EXAMPLE_ACTORS, runExampleCases, ScopedSequentialIds } from '@fallkit/core/examples';
import { bytesOf, FAMILY, runAs, storeWith } from './access-world.js';

/*
 * The write-side reproductions of issue 12, each as a regression test naming its rule. They ran
 * against main before this branch and were accepted; each must now be refused (or, for the index,
 * show the periods in force) and leave the journal unchanged.
 */

const KIM_CM = EXAMPLE_ACTORS.kimCaseManager;
const JC_CM = EXAMPLE_ACTORS.jobcenterCaseManager;
const AT = '2026-05-28T10:00:00.000Z';

/** The family case up to (not including) its handover to the Jobcenter: KIM leads, Krüger is assigned. */
async function beforeHandover() {
  const upTo = FAMILY.steps.findIndex((step) => step.type === 'changeLeadAgency');
  const { store } = await runExampleCases({
    store: new MemoryCaseStore(),
    cases: [{ ...FAMILY, steps: FAMILY.steps.slice(0, upTo) }],
  });
  return { store, caseId: FAMILY.caseId, handover: FAMILY.steps[upTo]! };
}

async function expectRefused(
  store: CaseStore,
  caseId: string,
  actor: unknown,
  command: AnyCommand,
  code: string,
  at = AT,
): Promise<void> {
  const before = await bytesOf(store, caseId);
  const result = await runAs(store, actor, at, command);
  expect(result.ok, `${command.type} must be refused`).to.equal(false);
  if (!result.ok) {
    expect(result.errors[0]!.code).to.equal(code);
    expect(result.errors[0]!.message.de.length).to.be.greaterThan(0);
    expect(result.errors[0]!.message.en.length).to.be.greaterThan(0);
  }
  expect(await bytesOf(store, caseId), 'journal and index row unchanged').to.equal(before);
}

describe('access: issue 12 write-side reproductions (regressions)', function () {
  this.timeout(60_000);

  it('DP-41: requestErasure by a statistics user of another agency is refused and the case is unchanged', async () => {
    const { store, caseId } = await beforeHandover();
    const stats: Actor = { id: 'u-stat', role: 'statistics', agencyId: 'sozialamt-nachbarstadt' };
    await expectRefused(
      store,
      caseId,
      stats,
      { type: 'requestErasure', caseId, input: { subjectId: 'rahimi-person-1', scope: 'case' } },
      'DENY_NOT_ASSIGNED',
    );
  });

  it("DP-41: an outsider's restrictProcessing is refused, so it cannot block the owner", async () => {
    const { store, caseId } = await beforeHandover();
    const outsider: Actor = { id: 'u-x', role: 'caseManager', agencyId: 'jugendamt-nachbarstadt' };
    await expectRefused(
      store,
      caseId,
      outsider,
      {
        type: 'restrictProcessing',
        caseId,
        input: { subjectId: 'rahimi-person-1', scope: 'case', code: 'RESTRICTED_PENDING_CLAIM', reason: 'x' },
      },
      'DENY_NOT_ASSIGNED',
    );
    const note = await runAs(store, KIM_CM, AT, { type: 'recordNote', caseId, input: { text: 'Weiter wie geplant.' } });
    expect(note.ok, 'the owner still works on the case').to.equal(true);
  });

  it('DP-41: every rights command by any role of another agency, and by a partner or provider, is refused', async () => {
    const { store, caseId } = await beforeHandover();
    const inputs: Record<string, unknown> = {
      recordAccessRequest: { subjectId: 'rahimi-person-1' },
      answerAccessRequest: { requestId: 'r-1', exportHash: 'a'.repeat(64) },
      rectifyData: {
        subjectId: 'rahimi-person-1',
        target: { collection: 'persons', id: 'rahimi-person-1' },
        field: 'givenName',
        newValue: 'X',
      },
      resolveDispute: { rectificationId: 'x', note: 'x' },
      requestErasure: { subjectId: 'rahimi-person-1', scope: 'case' },
      restrictProcessing: {
        subjectId: 'rahimi-person-1',
        scope: 'case',
        code: 'RESTRICTED_PENDING_CLAIM',
        reason: 'x',
      },
      liftRestriction: { restrictionId: 'x', reason: 'x' },
      recordObjection: { subjectId: 'rahimi-person-1', grounds: 'x' },
      decideObjection: { objectionId: 'x', outcome: 'upheld', reasons: 'x' },
    };
    const actors: Actor[] = [
      { id: 'u-1', role: 'dataProtectionOfficer', agencyId: 'jobcenter-nachbarstadt' },
      { id: 'u-2', role: 'caseManager', agencyId: 'jobcenter-nachbarstadt' },
      { id: 'u-3', role: 'partnerAgency', agencyId: 'caritas-schuldnerberatung' },
      { id: 'u-4', role: 'provider', agencyId: 'vhs-musterstadt' },
      { id: 'u-5', role: 'statistics', agencyId: 'kim-musterstadt' },
    ];
    for (const actor of actors)
      for (const [type, input] of Object.entries(inputs))
        await expectRefused(store, caseId, actor, { type, caseId, input }, 'DENY_NOT_ASSIGNED');
  });

  it('DP-41: rectifyData never rewrites id, roles or lowers the classification; it refuses with the path', async () => {
    const { store, caseId } = await beforeHandover();
    const dpo = EXAMPLE_ACTORS.kimDataProtectionOfficer;
    const target = { collection: 'persons', id: 'rahimi-person-1' };
    const attempts: { field: string; newValue: unknown; path: string[] }[] = [
      { field: 'id', newValue: 'someone-else', path: ['input', 'field'] },
      { field: 'roles', newValue: ['child'], path: ['input', 'field'] },
      { field: 'categories', newValue: [], path: ['input', 'newValue'] },
      { field: 'recordedBy', newValue: 'u-x', path: ['input', 'field'] },
    ];
    for (const { field, newValue, path } of attempts) {
      const before = await bytesOf(store, caseId);
      const result = await runAs(store, dpo, AT, {
        type: 'rectifyData',
        caseId,
        input: { subjectId: 'rahimi-person-1', target, field, newValue },
      });
      expect(result.ok, field).to.equal(false);
      if (!result.ok)
        expect(result.errors[0]).to.deep.include({ code: 'DENY_RECTIFY_PROTECTED_FIELD', rule: 'DP-41', path });
      expect(await bytesOf(store, caseId)).to.equal(before);
    }
    // A prototype name as field never gets that far: the input schema refuses it (IN rules), or this limit does.
    const polluted = await runAs(store, dpo, AT, {
      type: 'rectifyData',
      caseId,
      input: { subjectId: 'rahimi-person-1', target, field: '__proto__', newValue: { polluted: true } },
    });
    expect(!polluted.ok && polluted.errors[0]!.code).to.be.oneOf(['INVALID_INPUT', 'DENY_RECTIFY_PROTECTED_FIELD']);
    // A content field is corrected, by the holding agency's DPO.
    const fixed = await runAs(store, dpo, AT, {
      type: 'rectifyData',
      caseId,
      input: { subjectId: 'rahimi-person-1', target, field: 'givenName', newValue: 'Farida' },
    });
    expect(fixed.ok).to.equal(true);
  });

  it('DP-40: a system actor of another agency writes nothing; of its own agency only imports and reminders', async () => {
    const { store, caseId } = await beforeHandover();
    const foreign: Actor = { id: 'sync', role: 'system', agencyId: 'jobcenter-nachbarstadt' };
    await expectRefused(
      store,
      caseId,
      foreign,
      { type: 'recordNote', caseId, input: { text: 'x' } },
      'DENY_SYSTEM_NOT_ALLOWED',
    );
    await expectRefused(
      store,
      caseId,
      foreign,
      { type: 'addPerson', caseId, input: { roles: ['relative'], givenName: 'A', familyName: 'B' } },
      'DENY_NOT_ASSIGNED',
    );
    const own: Actor = { id: 'sync', role: 'system', agencyId: 'kim-musterstadt' };
    await expectRefused(
      store,
      caseId,
      own,
      {
        type: 'recordConsent',
        caseId,
        input: { categories: ['employment'], recipients: [{ agencyId: 'jobcenter-musterstadt' }] },
      },
      'DENY_SYSTEM_NOT_ALLOWED',
    );
    await expectRefused(
      store,
      caseId,
      own,
      { type: 'assignCaseManager', caseId, input: { userId: 'sync', agencyId: 'kim-musterstadt', role: 'primary' } },
      'DENY_SYSTEM_NOT_ALLOWED',
    );
    const reminder = await runAs(store, own, AT, {
      type: 'scheduleFollowUp',
      caseId,
      input: { dueOn: '2026-06-15', subject: 'Einwilligung läuft ab' },
    });
    expect(reminder.ok, 'reminders are on the system allow list').to.equal(true);
  });

  it('DP-27: every human decision by any system actor is DENY_AUTOMATED_DECISION, from the one list', async () => {
    const { store, caseId } = await beforeHandover();
    const state = foldCase(await store.readJournal(caseId))!;
    expect(HUMAN_DECISION_COMMANDS).to.include.members(['decideAdmission', 'closeCase', 'recordFirstCounselling']);
    for (const agencyId of ['kim-musterstadt', 'jobcenter-nachbarstadt'])
      for (const type of HUMAN_DECISION_COMMANDS) {
        const input = type === 'recordFirstCounselling' ? { decision: { kind: 'noFurtherMeasures' } } : {};
        const refusals = authoriseCommand({
          type,
          input,
          actor: { id: 'bot', role: 'system', agencyId },
          state,
          privacy: EMPTY_PRIVACY_STATE,
          now: AT,
          today: '2026-05-28',
        });
        expect(
          refusals.map((r) => r.code),
          type,
        ).to.deep.equal(['DENY_AUTOMATED_DECISION']);
      }
    // The cycle's PR-07 reads the same list: a first counselling that continues the case is no decision.
    expect(isHumanDecision('recordFirstCounselling', { decision: { kind: 'assessment' } })).to.equal(false);
    expect(
      stateRefusal('closeCase', state, DEFAULT_PROCESS_STANDARD, {
        id: 'bot',
        role: 'system',
        agencyId: 'kim-musterstadt',
      }),
    ).to.deep.include({ code: 'DENY_AUTOMATED_DECISION', rule: 'PR-07' });
  });

  it('DP-42: break-glass by a case manager, intake worker or team lead of an uninvolved agency is refused', async () => {
    const { store, caseId } = await beforeHandover();
    for (const role of ['caseManager', 'intake', 'teamLead', 'deputy'] as const)
      await expectRefused(
        store,
        caseId,
        { id: `u-${role}`, role, agencyId: 'jugendamt-nachbarstadt' },
        { type: 'openBreakGlass', caseId, input: { reason: 'Notfall, Akte sofort gebraucht.' } },
        'DENY_NOT_ASSIGNED',
      );
    const colleague: Actor = { id: 'u-kim-berg', role: 'caseManager', agencyId: 'kim-musterstadt' };
    const own = await runAs(store, colleague, AT, {
      type: 'openBreakGlass',
      caseId,
      input: { reason: 'Notfall, Akte sofort gebraucht.' },
    });
    expect(own.ok, 'a colleague of the holding agency may').to.equal(true);
  });

  it('DP-40: the same user id at another agency is not the assigned case manager, for every command type', async () => {
    const { store, caseId } = await beforeHandover();
    const state = foldCase(await store.readJournal(caseId))!;
    const twin: Actor = { ...KIM_CM, agencyId: 'kim-nachbarstadt' };
    const { ALL_COMMAND_TYPES } = await import('./access-world.js');
    const decide = (actor: Actor, type: string) =>
      authoriseCommand({ type, input: {}, actor, state, privacy: EMPTY_PRIVACY_STATE, now: AT, today: '2026-05-28' });
    for (const type of ALL_COMMAND_TYPES.filter((t) => t !== 'openCase'))
      expect(
        decide(twin, type).map((r) => r.code),
        type,
      ).to.deep.equal(['DENY_NOT_ASSIGNED']);
    // The real one works on the case (the property suite carries each command out end to end).
    expect(decide(KIM_CM, 'recordNote')).to.deep.equal([]);
    await expectRefused(store, caseId, twin, { type: 'recordNote', caseId, input: { text: 'x' } }, 'DENY_NOT_ASSIGNED');
  });

  it('DP-40: ending an assignment names agency and user id; the same id at another agency stays assigned', async () => {
    const { store, caseId } = await beforeHandover();
    const assign = (agencyId: string) =>
      runAs(store, KIM_CM, AT, {
        type: 'assignCaseManager',
        caseId,
        input: { userId: 'u-shared-id', agencyId, role: 'deputy', from: '2026-05-01' },
      });
    expect((await assign('kim-musterstadt')).ok).to.equal(true);
    expect((await assign('jobcenter-musterstadt')).ok, 'same id, other agency: another person').to.equal(true);
    await expectRefused(
      store,
      caseId,
      KIM_CM,
      { type: 'endCaseManagerAssignment', caseId, input: { userId: 'u-shared-id' } },
      'AMBIGUOUS_CASE_MANAGER',
    );
    const ended = await runAs(store, KIM_CM, AT, {
      type: 'endCaseManagerAssignment',
      caseId,
      input: { userId: 'u-shared-id', agencyId: 'jobcenter-musterstadt' },
    });
    expect(ended.ok).to.equal(true);
    const periods = foldCase(await store.readJournal(caseId))!.caseManagers.filter((p) => p.userId === 'u-shared-id');
    expect(periods.map((p) => [p.agencyId, p.to])).to.deep.equal([
      ['kim-musterstadt', undefined],
      ['jobcenter-musterstadt', '2026-05-28'],
    ]);
  });

  it('DP-40: a case manager assigned from 1 June may not write on 28 May, and may on 1 June', async () => {
    const { store, caseId } = await beforeHandover();
    const assigned = await runAs(store, KIM_CM, AT, {
      type: 'assignCaseManager',
      caseId,
      input: { userId: JC_CM.id, name: JC_CM.name, agencyId: JC_CM.agencyId, role: 'deputy', from: '2026-06-01' },
    });
    expect(assigned.ok).to.equal(true);
    await expectRefused(
      store,
      caseId,
      JC_CM,
      { type: 'recordNote', caseId, input: { text: 'Zu früh.' } },
      'DENY_NOT_ASSIGNED',
    );
    const onTheDay = await runAs(
      store,
      JC_CM,
      '2026-06-01T07:00:00.000Z',
      { type: 'recordNote', caseId, input: { text: 'Übernommen.' } },
      new ScopedSequentialIds('jc'),
    );
    expect(onTheDay.ok).to.equal(true);
  });

  it('DP-40: before the handover date the case list shows the old lead agency and its legal domain; on the date a refresh shows the new ones', async () => {
    const { store, caseId, handover } = await beforeHandover();
    const changed = await runAs(store, KIM_CM, AT, { type: 'changeLeadAgency', caseId, input: handover.input });
    expect(changed.ok, changed.ok ? '' : changed.errors.map((e) => e.code).join()).to.equal(true);
    const row = (await store.getCase(caseId))!;
    expect(row.leadAgencyId).to.equal('kim-musterstadt');
    expect(row.legalDomains).to.include('AsylbLG');
    expect(row.legalDomains).to.not.include('SGB_II');
    expect(row.validUntil).to.equal('2026-06-01');
    expect(await refreshStaleIndexRows(store, '2026-05-31')).to.deep.equal([]);
    expect(await refreshStaleIndexRows(store, '2026-06-01')).to.deep.equal([caseId]);
    const fresh = (await store.getCase(caseId))!;
    expect(fresh.leadAgencyId).to.equal('jobcenter-musterstadt');
    expect(fresh.legalDomains).to.include('SGB_II');
    expect(fresh.legalDomains).to.not.include('AsylbLG');
    expect(fresh.lastSeq).to.equal(row.lastSeq);
  });

  it('DP-40: a malformed actor (no agency, role superuser, an object as name) is refused and the journal still verifies', async () => {
    const { store, caseId } = await beforeHandover();
    const malformed: unknown[] = [
      { id: 'u-x', role: 'caseManager' },
      { id: 'u-x', role: 'superuser', agencyId: 'kim-musterstadt' },
      { ...KIM_CM, name: { first: 'Sabine' } },
    ];
    for (const actor of malformed)
      await expectRefused(
        store,
        caseId,
        actor,
        { type: 'recordNote', caseId, input: { text: 'x' } },
        'DENY_INVALID_ACTOR',
      );
    expect((await verifyJournal(await store.readJournal(caseId))).ok).to.equal(true);
  });

  it("DP-28, DP-40: openCase with the id of an agency's access log, or __proto__ / constructor, is refused", async () => {
    const store = new MemoryCaseStore();
    const clock = new FixedClock(AT);
    const service = createCaseService({ store, clock, ids: new ScopedSequentialIds('t'), actor: KIM_CM });
    const views = createCaseViews({ service, store, clock, ids: new ScopedSequentialIds('v') });
    const open = (caseId: string) =>
      service.execute({
        type: 'openCase',
        input: {
          caseId,
          addressee: { roles: ['addressee'], givenName: 'A', familyName: 'B' },
          leadAgency: { agencyId: 'kim-musterstadt', name: 'KIM' },
        },
      });
    // The agency's access log exists already (a view was logged), and later views append to it.
    const seeded = await open('kim-2026-0900');
    expect(seeded.ok).to.equal(true);
    await views.viewCase('kim-2026-0900', 'caseManagement');
    const logBefore = JSON.stringify(await store.readJournal(accessLogStreamId('kim-musterstadt')));
    for (const caseId of [
      accessLogStreamId('kim-musterstadt'),
      accessLogStreamId('jobcenter-x'),
      '__proto__',
      'constructor',
      'retention-log',
    ]) {
      expect(isReservedStreamId(caseId), caseId).to.equal(true);
      const result = await open(caseId);
      expect(result.ok, caseId).to.equal(false);
      if (!result.ok) expect(result.errors[0]!.code, caseId).to.be.oneOf(['DENY_RESERVED_STREAM', 'INVALID_INPUT']);
      const note = await service.execute({ type: 'recordNote', caseId, input: { text: 'x' } });
      expect(note.ok).to.equal(false);
    }
    expect(JSON.stringify(await store.readJournal(accessLogStreamId('kim-musterstadt')))).to.equal(logBefore);
    expect(foldCase(await store.readJournal('__proto__'))).to.equal(undefined);
  });

  it('DP-40, DP-23: no oracle: an unassigned actor gets DENY_NOT_ASSIGNED whether or not the person id exists', async () => {
    const { store, caseId } = await beforeHandover();
    const stranger: Actor = { id: 'u-x', role: 'caseManager', agencyId: 'jobcenter-nachbarstadt' };
    const dpoElsewhere: Actor = { id: 'u-d', role: 'dataProtectionOfficer', agencyId: 'jobcenter-nachbarstadt' };
    for (const actor of [stranger, dpoElsewhere]) {
      const codes: string[] = [];
      for (const subjectId of ['rahimi-person-1', 'nobody-404']) {
        const inputs: Record<string, unknown> = {
          recordAccessRequest: { subjectId },
          requestErasure: { subjectId, scope: 'case' },
          recordObjection: { subjectId, grounds: 'Keine Statistik.' },
        };
        for (const [type, input] of Object.entries(inputs)) {
          const result = await runAs(store, actor, AT, { type, caseId, input });
          codes.push(result.ok ? 'ok' : result.errors[0]!.code);
        }
        const person = await runAs(store, actor, AT, {
          type: 'updatePerson',
          caseId,
          input: { personId: subjectId, changes: { givenName: 'X' } },
        });
        codes.push(person.ok ? 'ok' : person.errors[0]!.code);
      }
      expect(new Set(codes)).to.deep.equal(new Set(['DENY_NOT_ASSIGNED']));
    }
    // Someone who may act learns that the id is unknown.
    const known = await runAs(store, EXAMPLE_ACTORS.kimDataProtectionOfficer, AT, {
      type: 'requestErasure',
      caseId,
      input: { subjectId: 'nobody-404', scope: 'case' },
    });
    expect(!known.ok && known.errors[0]!.code).to.equal('UNKNOWN_PERSON');
  });

  it("DP-11, PR-00: a consent's default duration comes from the case's own standard, not the service's current one", async () => {
    const store = new MemoryCaseStore();
    const at = '2026-03-02T09:00:00.000Z';
    const serviceUnder = (version: string, months: number) =>
      createCaseService({
        store,
        clock: new FixedClock(at),
        ids: new ScopedSequentialIds(`v${version}`),
        actor: KIM_CM,
        standard: { id: 'kim-nrw', version, consent: { defaultDurationMonths: months } },
      });
    const persons: Record<string, string> = {};
    const consent = (service: ReturnType<typeof serviceUnder>, caseId: string) =>
      service.execute({
        type: 'recordConsent',
        caseId,
        input: {
          subjectId: persons[caseId]!,
          categories: ['employment'],
          recipients: [{ agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' }],
          purposes: ['caseManagement'],
          form: { kind: 'written', scanReference: 'scan://1' },
          informationTextHash: 'c'.repeat(64),
          givenBy: { personId: persons[caseId]!, role: 'self' },
        },
      });
    const open = async (service: ReturnType<typeof serviceUnder>, caseId: string) => {
      const opened = await service.execute({
        type: 'openCase',
        input: {
          caseId,
          addressee: { roles: ['addressee'], givenName: 'A', familyName: 'B', birthDate: '1990-01-01' },
          leadAgency: { agencyId: 'kim-musterstadt', name: 'KIM' },
        },
      });
      if (opened.ok) persons[caseId] = opened.value.state.addresseeId;
      return opened;
    };
    const old = serviceUnder('2026-1', 6);
    expect((await open(old, 'old')).ok).to.equal(true);
    const first = await consent(old, 'old');
    expect(first.ok && (first.value.events[0]!.payload as { validUntil: string }).validUntil).to.equal('2026-09-02');
    // The organisation moves to a new version with 36 months; the old case keeps its own rules.
    const current = serviceUnder('2027-1', 36);
    const later = await consent(current, 'old');
    const until = later.ok ? (later.value.events[0]!.payload as { validUntil: string }).validUntil : '';
    expect(until, 'not the service’s 36 months').to.not.equal('2029-03-02');
    expect(until, 'DP-11 default, as the process guard judges an unregistered standard by the default').to.equal(
      '2027-03-02',
    );
    expect((await open(current, 'new')).ok).to.equal(true);
    const fresh = await consent(current, 'new');
    expect(fresh.ok && (fresh.value.events[0]!.payload as { validUntil: string }).validUntil).to.equal('2029-03-02');
  });

  it('DP-26: hr gets DENY_STAFF_CASE on a staff case, DENY_NOT_ASSIGNED elsewhere', async () => {
    const { store, caseId } = await beforeHandover();
    const hr: Actor = { id: 'u-hr', role: 'hr', agencyId: 'kim-musterstadt' };
    await expectRefused(store, caseId, hr, { type: 'recordNote', caseId, input: { text: 'x' } }, 'DENY_NOT_ASSIGNED');
    const flagged = await runAs(store, KIM_CM, AT, { type: 'flagStaffCase', caseId, input: {} });
    expect(flagged.ok).to.equal(true);
    await expectRefused(store, caseId, hr, { type: 'recordNote', caseId, input: { text: 'x' } }, 'DENY_STAFF_CASE');
  });

  it('DP-40: an index row copied to a fresh store is recomputed there the same way (store helper sanity)', async () => {
    const { store, caseId } = await beforeHandover();
    const copy = await storeWith(caseId, await store.readJournal(caseId), '2026-05-28');
    expect((await copy.getCase(caseId))!.leadAgencyId).to.equal('kim-musterstadt');
  });
});
