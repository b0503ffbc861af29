import { expect } from 'chai';
import {
  createCaseService,
  createCaseViews,
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  type Actor,
  type CaseStore,
} from '@fallkit/core';
import { accessLogStreamId, canonicalJson, indexRowStale, refreshStaleIndexRows } from '@fallkit/core/internal';
import { EXAMPLE_ACTORS, EXAMPLE_AGENCIES, EXAMPLE_CASES, runExampleCases } from '@fallkit/core/examples';
import { RETENTION_LOG_STREAM } from '@fallkit/core/retention';
import { DEMIR, KOWALSKI, RAHIMI, readWorld, stringsOf } from '../privacy/read-channels-fixtures.js';

/*
 * Red team, issue 12: the reproductions of the issue tried again against the merged code through the
 * public API, and the variants an implementer may have missed. A passing test guards a fix; a test
 * that failed on the merged code was a hole, fixed in the module that owns the rule.
 */

const JOBCENTER = EXAMPLE_AGENCIES.jobcenter.agencyId;
const SOZIALAMT = EXAMPLE_AGENCIES.sozialamt.agencyId;
const JC_TEAM_LEAD: Actor = { id: 'u-jc-lead', role: 'teamLead', agencyId: JOBCENTER };

async function bytesOf(store: CaseStore, caseIds: readonly string[]): Promise<string> {
  const parts: unknown[] = [];
  for (const caseId of caseIds) parts.push(await store.readJournal(caseId), (await store.getCase(caseId)) ?? null);
  return canonicalJson(parts);
}

describe('red team: issue 12 (one decision point)', function () {
  this.timeout(120_000);

  it('issue 12 / DP-40: the same user id at another agency reads nothing through any method of createCaseViews', async () => {
    const world = await readWorld();
    const namesake: Actor = { id: DEMIR.id, role: 'caseManager', agencyId: 'caritas-nachbarstadt' };
    world.as(namesake);
    const logBefore = await world.store.readJournal(accessLogStreamId(JOBCENTER));
    for (const caseId of [KOWALSKI, RAHIMI]) {
      expect((await world.views.viewCase(caseId, 'caseManagement')).ok, `view ${caseId}`).to.equal(false);
      expect((await world.views.history(caseId, 'caseManagement')).ok, `history ${caseId}`).to.equal(false);
      expect((await world.views.consents(caseId, 'caseManagement')).ok, `consents ${caseId}`).to.equal(false);
      expect((await world.views.exportSubject(caseId, 'kowalski-person-1')).ok, `export ${caseId}`).to.equal(false);
      const preview = await world.views.previewTransfer(caseId, {
        recipient: { agencyId: 'caritas-nachbarstadt' },
        purpose: 'caseManagement',
      } as never);
      expect(preview.ok, `preview ${caseId}`).to.equal(false);
    }
    const list = await world.views.caseList();
    expect(list.ok && list.value.map((row) => row.caseId), 'case list').to.deep.equal([]);
    const worklist = await world.views.worklistInput();
    expect(worklist.ok ? worklist.value.cases.length : 0, 'worklist').to.equal(0);
    expect((await world.views.reportInput()).ok, 'report input').to.equal(false);
    expect((await world.views.readAccessLog()).ok, 'access log').to.equal(false);
    // Nothing of the namesake lands in the Jobcenter's access log.
    const logAfter = await world.store.readJournal(accessLogStreamId(JOBCENTER));
    expect(logAfter.length, "the Jobcenter's access log is not written for a foreign actor").to.equal(logBefore.length);
  });

  it('issue 12 / DP-40 / DP-24: an entrusted note by a namesake at another agency is not shown to the first writer of that user id', async () => {
    // The Sozialamt employs someone whose user id is Demir's. Both work on Kowalski's case.
    const world = await readWorld();
    const namesake: Actor = { id: DEMIR.id, role: 'caseManager', agencyId: SOZIALAMT };
    await world.run(
      'assignCaseManager',
      KOWALSKI,
      { userId: namesake.id, agencyId: SOZIALAMT, role: 'deputy', from: '2026-10-01' },
      JC_TEAM_LEAD,
    );
    const secret = 'Anvertraut der Sozialamt-Vertretung: Frau Kowalski berichtet von Schulden bei einem Bekannten.';
    // A minute later than the world's own writes: two namesakes writing at one instant cannot be told
    // apart, and such a record belongs to neither of them (checked at the end).
    world.clock.advance(60_000);
    await world.run(
      'recordNote',
      KOWALSKI,
      { text: secret, categories: ['notes'], entrusted: true, entrustedBy: 'kowalski-person-1' },
      namesake,
    );
    // The namesake, who recorded it, sees it (control: the note is stored and readable by its author).
    world.as(namesake);
    const own = await world.views.viewCase(KOWALSKI, 'caseManagement');
    expect(own.ok && stringsOf(own.value.case).has(secret), 'the recorder sees their own entrusted note').to.equal(
      true,
    );
    // Demir of the Jobcenter has the same user id but is another person: § 65 SGB VIII / DP-24 withhold it.
    world.as(DEMIR);
    const view = await world.views.viewCase(KOWALSKI, 'caseManagement');
    expect(view.ok, 'Demir still views the case').to.equal(true);
    if (view.ok)
      expect(stringsOf(view.value.case).has(secret), "Demir does not see the namesake's note").to.equal(false);
    // Same instant as one of Demir's own writes: nobody can place it, so only a consent could show it.
    world.clock.advance(60_000);
    const twin = 'Anvertraut, zeitgleich erfasst: Frau Kowalski nennt eine frühere Anschrift.';
    await world.run('recordNote', KOWALSKI, { text: 'Eigene Notiz.', categories: ['notes'] }, DEMIR);
    await world.run(
      'recordNote',
      KOWALSKI,
      { text: twin, categories: ['notes'], entrusted: true, entrustedBy: 'kowalski-person-1' },
      namesake,
    );
    world.as(DEMIR);
    const again = await world.views.viewCase(KOWALSKI, 'caseManagement');
    expect(again.ok && stringsOf(again.value.case).has(twin), 'an unplaceable entrusted note is not shown').to.equal(
      false,
    );
  });

  it('issue 12 / DP-40: a deputy assigned from tomorrow reads and writes nothing today, and does on the day', async () => {
    const world = await readWorld();
    const today = world.clock.now().slice(0, 10);
    const tomorrow = new Date(Date.parse(`${today}T12:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
    const deputy: Actor = { id: 'u-jc-future', role: 'deputy', agencyId: JOBCENTER };
    await world.run(
      'assignCaseManager',
      KOWALSKI,
      { userId: deputy.id, agencyId: JOBCENTER, role: 'deputy', from: tomorrow },
      JC_TEAM_LEAD,
    );
    world.as(deputy);
    const before = await bytesOf(world.store, [KOWALSKI]);
    expect((await world.views.viewCase(KOWALSKI, 'caseManagement')).ok, 'view before').to.equal(false);
    expect((await world.views.history(KOWALSKI, 'caseManagement')).ok, 'history before').to.equal(false);
    const list = await world.views.caseList();
    expect(list.ok && list.value.some((row) => row.caseId === KOWALSKI), 'list before').to.equal(false);
    const note = await world.service.execute({ type: 'recordNote', caseId: KOWALSKI, input: { text: 'Vorab.' } });
    expect(note.ok, 'write before').to.equal(false);
    expect(await bytesOf(world.store, [KOWALSKI]), 'nothing written').to.equal(before);
    world.clock.set(`${tomorrow}T09:00:00.000Z`);
    expect((await world.views.viewCase(KOWALSKI, 'caseManagement')).ok, 'view on the day').to.equal(true);
  });

  it('issue 12 / DP-40: a future lead-agency handover changes the case list on its date, without another command', async () => {
    const family = EXAMPLE_CASES.find((example) => example.caseId === RAHIMI)!;
    const handover = family.steps.findIndex((step) => step.type === 'changeLeadAgency');
    const { store } = await runExampleCases({
      store: new MemoryCaseStore(),
      // Decided on 28 May, in force from 1 June (the example records it on the day itself).
      cases: [
        {
          ...family,
          steps: [...family.steps.slice(0, handover), { ...family.steps[handover]!, at: '2026-05-28T10:00:00.000Z' }],
        },
      ],
    });
    const clock = new FixedClock('2026-05-29T10:00:00.000Z');
    let actor: Actor = EXAMPLE_ACTORS.kimCaseManager;
    const ids = new SequentialIds();
    const service = createCaseService({ store, clock, ids, actor: { current: () => actor } });
    const views = createCaseViews({ service, store, clock, ids });
    const rowFor = async (who: Actor) => {
      actor = who;
      const list = await views.caseList();
      return list.ok ? list.value.find((row) => row.caseId === RAHIMI) : undefined;
    };
    const before = await rowFor(EXAMPLE_ACTORS.kimCaseManager);
    expect(before?.leadAgencyId, 'KIM still leads on 29 May').to.equal(EXAMPLE_AGENCIES.kim.agencyId);
    expect(before?.legalDomains, 'AsylbLG still in force on 29 May').to.include('AsylbLG');
    clock.set('2026-06-02T10:00:00.000Z');
    // Krüger (KIM) is still assigned until the Jobcenter's case manager takes over: she sees the row.
    const after = await rowFor(EXAMPLE_ACTORS.kimCaseManager);
    expect(after?.leadAgencyId, 'the Jobcenter leads from 1 June').to.equal(JOBCENTER);
    expect(after?.legalDomains ?? [], 'AsylbLG ended with the handover').to.not.include('AsylbLG');
    actor = EXAMPLE_ACTORS.kimCaseManager;
    const filtered = await views.caseList({ query: { leadAgencyId: JOBCENTER } });
    expect(filtered.ok && filtered.value.map((row) => row.caseId), 'a filter sees the lead in force').to.deep.equal([
      RAHIMI,
    ]);
    // The stored row (the trusted host's raw list) is marked stale from 1 June, and the daily job fixes it.
    const stored = (await store.getCase(RAHIMI))!;
    expect(indexRowStale(stored, '2026-05-31'), 'not stale before').to.equal(false);
    expect(indexRowStale(stored, '2026-06-02'), 'stale on the day').to.equal(true);
    expect(await refreshStaleIndexRows(store, '2026-06-02')).to.deep.equal([RAHIMI]);
    expect((await store.getCase(RAHIMI))?.leadAgencyId).to.equal(JOBCENTER);
  });

  it('issue 12 / DP-40: reserved stream ids cannot be opened, read or erased as cases (case and prefix variants)', async () => {
    const world = await readWorld();
    const dpo = EXAMPLE_ACTORS.kimDataProtectionOfficer;
    const kim = EXAMPLE_ACTORS.kimCaseManager;
    const reserved = [
      accessLogStreamId(EXAMPLE_AGENCIES.kim.agencyId),
      `ACCESS-LOG:${EXAMPLE_AGENCIES.kim.agencyId}`,
      RETENTION_LOG_STREAM,
      'system:sync',
      '__proto__',
      'constructor',
      'prototype',
    ];
    // A view first, so the KIM's access log exists.
    world.as(kim);
    await world.views.viewCase(RAHIMI, 'caseManagement');
    const before = await bytesOf(world.store, reserved);
    for (const caseId of reserved) {
      const opened = await runAs(world.store, kim, {
        type: 'openCase',
        caseId,
        input: {
          caseId,
          label: 'X',
          addressee: { roles: ['addressee'], givenName: 'A', familyName: 'B' },
          leadAgency: { ...EXAMPLE_AGENCIES.kim, legalDomain: 'SGB_XII' },
        },
      });
      expect(opened.ok, `openCase ${caseId}`).to.equal(false);
      for (const actor of [kim, dpo]) {
        world.as(actor);
        expect((await world.views.viewCase(caseId, 'caseManagement')).ok, `view ${caseId}`).to.equal(false);
        expect((await world.views.history(caseId, 'caseManagement')).ok, `history ${caseId}`).to.equal(false);
        expect((await world.views.exportSubject(caseId, 'x')).ok, `export ${caseId}`).to.equal(false);
        const erase = await runAs(world.store, actor, {
          type: 'requestErasure',
          caseId,
          input: { subjectId: 'x', scope: 'case' },
        });
        expect(erase.ok, `requestErasure ${caseId}`).to.equal(false);
      }
    }
    expect(await bytesOf(world.store, reserved), 'no reserved stream changed').to.equal(before);
    expect(Object.prototype, 'Object.prototype untouched').to.not.have.property('seq');
  });

  it('issue 12 / DP-40: a malformed actor is refused by every read channel and never reaches an access log', async () => {
    const world = await readWorld();
    const malformed: unknown[] = [
      { id: DEMIR.id, role: 'caseManager' },
      { id: DEMIR.id, role: 'superuser', agencyId: JOBCENTER },
      { id: { toString: () => DEMIR.id }, role: 'caseManager', agencyId: JOBCENTER },
      { id: DEMIR.id, role: 'caseManager', agencyId: JOBCENTER, name: { first: 'x' } },
      { id: `${DEMIR.id}\u0000`, role: 'caseManager', agencyId: JOBCENTER },
      { id: DEMIR.id, role: 'caseManager', agencyId: ` ${JOBCENTER}` },
      null,
    ];
    const logSize = await world.accessLogSize();
    for (const actor of malformed) {
      world.as(actor as Actor);
      const label = JSON.stringify(actor);
      expect((await world.views.viewCase(KOWALSKI, 'caseManagement')).ok, `view ${label}`).to.equal(false);
      expect((await world.views.history(KOWALSKI, 'caseManagement')).ok, `history ${label}`).to.equal(false);
      expect((await world.views.consents(KOWALSKI, 'caseManagement')).ok, `consents ${label}`).to.equal(false);
      expect((await world.views.caseList()).ok, `list ${label}`).to.equal(false);
      expect((await world.views.worklistInput()).ok, `worklist ${label}`).to.equal(false);
      expect((await world.views.reportInput()).ok, `report ${label}`).to.equal(false);
      expect((await world.views.readAccessLog()).ok, `access log ${label}`).to.equal(false);
      expect((await world.views.exportSubject(KOWALSKI, 'kowalski-person-1')).ok, `export ${label}`).to.equal(false);
      const note = await world.service.execute({ type: 'recordNote', caseId: KOWALSKI, input: { text: 'x' } });
      expect(note.ok, `write ${label}`).to.equal(false);
    }
    expect(await world.accessLogSize(), 'nothing logged for a malformed actor').to.equal(logSize);
  });

  it('issue 12 / DP-40: no oracle: an outsider gets the same refusal whether an id inside the case exists or not', async () => {
    const world = await readWorld();
    const outsider: Actor = { id: 'u-x', role: 'caseManager', agencyId: 'jugendamt-nachbarstadt' };
    const namesake: Actor = { id: DEMIR.id, role: 'caseManager', agencyId: SOZIALAMT };
    const pairs: [string, unknown, unknown][] = [
      [
        'rectifyData',
        {
          subjectId: 'kowalski-person-1',
          target: { collection: 'persons', id: 'kowalski-person-1' },
          field: 'givenName',
          newValue: 'X',
        },
        { subjectId: 'nobody-1', target: { collection: 'persons', id: 'nobody-1' }, field: 'givenName', newValue: 'X' },
      ],
      [
        'requestErasure',
        { subjectId: 'kowalski-person-1', scope: 'subject' },
        { subjectId: 'nobody-1', scope: 'subject' },
      ],
      ['recordAccessRequest', { subjectId: 'kowalski-person-1' }, { subjectId: 'nobody-1' }],
      [
        'addPerson',
        { roles: ['relative'], givenName: 'A', familyName: 'B', relationToAddressee: 'x' },
        { roles: ['relative'], givenName: 'A', familyName: 'B' },
      ],
    ];
    const before = await bytesOf(world.store, [KOWALSKI, 'jc-2026-9999']);
    for (const actor of [outsider, namesake])
      for (const [type, known, unknown] of pairs) {
        const a = await runAs(world.store, actor, { type, caseId: KOWALSKI, input: known });
        const b = await runAs(world.store, actor, { type, caseId: KOWALSKI, input: unknown });
        const c = await runAs(world.store, actor, { type, caseId: 'jc-2026-9999', input: known });
        expect(a.ok || b.ok, `${type} refused`).to.equal(false);
        const codes = [a, b].map((r) => (r.ok ? 'ok' : r.errors.map((e) => e.code).join(',')));
        expect(codes[0], `${type}: known and unknown ids look the same`).to.equal(codes[1]);
        expect(c.ok, `${type} on a case that does not exist`).to.equal(false);
      }
    expect(await bytesOf(world.store, [KOWALSKI, 'jc-2026-9999'])).to.equal(before);
  });

  it('issue 12 / DP-40: the live channels (observeCaseView, observeCaseList) give a namesake or a malformed actor nothing', async () => {
    const world = await readWorld();
    const first = <T>(source: { subscribe(o: { next(v: T): void }): { unsubscribe(): void } }): Promise<T> =>
      new Promise((resolve) => {
        let done = false;
        const sub = source.subscribe({
          next(value) {
            if (done || value === undefined) return;
            done = true;
            queueMicrotask(() => sub.unsubscribe());
            resolve(value);
          },
        });
      });
    for (const actor of [
      { id: DEMIR.id, role: 'caseManager', agencyId: 'caritas-nachbarstadt' },
      { id: DEMIR.id, role: 'superuser', agencyId: JOBCENTER },
    ] as Actor[]) {
      world.as(actor);
      const view = await first(world.views.observeCaseView(KOWALSKI, 'caseManagement'));
      expect(view?.ok, `observeCaseView for ${actor.role}@${actor.agencyId}`).to.equal(false);
      const list = await first(world.views.observeCaseList());
      expect(list.ok ? list.value.length : 0, `observeCaseList for ${actor.role}@${actor.agencyId}`).to.equal(0);
    }
  });
});

async function runAs(store: CaseStore, actor: Actor, command: unknown) {
  const service = createCaseService({
    store,
    clock: new FixedClock('2026-11-02T09:00:00.000Z'),
    ids: new SequentialIds(),
    actor: { current: () => actor },
  });
  return service.execute(command as never);
}
