import { expect } from 'chai';
import { EXAMPLE_AGENCIES } from '@fallkit/core/examples';
import { MemoryCaseStore, buildWorklist, isRedactionMarker, type Actor, type TransferRequest } from '@fallkit/core';
import {
  PRIVACY_RECORD_FIELD_CATEGORIES,
  confidentialityReleaseSchema,
  consentRecordSchema,
  privacyRecordCategories,
  accessLogEntries,
  accessLogStreamId,
} from '@fallkit/core/internal';
import {
  ACTOR_KINDS,
  DEMIR,
  HOFFMANN,
  KOWALSKI,
  RAHIMI,
  SCHULTE,
  TODAY,
  countingStore,
  readWorld,
} from './read-channels-fixtures.js';

const A = ACTOR_KINDS as Readonly<Record<string, Actor>>;
const JOBCENTER = EXAMPLE_AGENCIES.jobcenter.agencyId;

const PREVIEW: TransferRequest = {
  recipient: { agencyId: EXAMPLE_AGENCIES.schuldnerberatung.agencyId, name: 'Schuldnerberatung', kind: 'ngo' },
  legalBasis: 'sgb10_69',
  purpose: 'caseManagement',
  categories: ['health', 'notes', 'debts', 'addiction', 'measures', 'goals', 'identity'],
};

async function logOf(world: Awaited<ReturnType<typeof readWorld>>, agencyId: string) {
  return accessLogEntries(await world.store.readJournal(accessLogStreamId(agencyId)));
}

describe('read channels: the reproductions of issue 12 (regressions)', function () {
  // Each test replays the seven example cases; on a loaded machine that takes longer than mocha's 2 s.
  this.timeout(60_000);

  it('DP-05: a purpose that is not a string (a host in plain JavaScript) is a typed refusal, never a TypeError', async () => {
    const world = await readWorld();
    world.as(DEMIR);
    for (const purpose of [undefined, null, 42, {}, ['caseManagement'], 'x'.repeat(5_000)]) {
      const view = await world.views.viewCase(KOWALSKI, purpose as never);
      expect(view.ok, JSON.stringify(purpose)?.slice(0, 40)).to.equal(false);
      if (view.ok) continue;
      expect(view.errors[0]!.code).to.equal('DENY_PURPOSE_MISMATCH');
      expect(view.errors[0]!.message.de.length).to.be.greaterThan(0);
    }
  });

  it('DP-40, DP-23: previewTransfer is refused to every actor who may not transfer from the case; it lists no item then', async () => {
    const world = await readWorld();
    for (const key of [
      'kimStatistics',
      'debtCounselling',
      'youthOfficeProvider',
      'sozialamtCaseManager',
      'sameIdOtherAgency',
      'jobcenterDpo',
      'jobcenterAdmin',
      'jobcenterSystem',
      'dataSubject',
      'jobcenterColleague',
    ]) {
      world.as(A[key]!);
      const preview = await world.views.previewTransfer(KOWALSKI, PREVIEW);
      expect(preview.ok, key).to.equal(false);
      expect(JSON.stringify(preview), key).not.to.contain('"units"');
    }
    // The assigned case manager gets it.
    world.as(DEMIR);
    const own = await world.views.previewTransfer(KOWALSKI, PREVIEW);
    expect(own.ok).to.equal(true);
    if (own.ok) expect(own.value.units.length).to.be.greaterThan(0);
  });

  it('DP-24: the history holds no envelope of an entrusted or a child-protection note for those outside its circle', async () => {
    const world = await readWorld();
    const journal = (await world.full(KOWALSKI)).events;
    const protectedAt = journal
      .filter((e) => e.type === 'NoteRecorded')
      .filter((e) => {
        const p = e.payload as { entrusted?: boolean; childProtection?: boolean };
        return p.entrusted === true || p.childProtection === true;
      })
      .map((e) => e.at);
    expect(protectedAt).to.have.length(2);
    // The assigned case manager recorded both: his history has both envelopes.
    const own = await world.views.history(KOWALSKI, 'caseManagement');
    expect(
      own.ok && own.value.entries.filter((e) => e.type === 'NoteRecorded' && protectedAt.includes(e.at)),
    ).to.have.length(2);
    // A colleague under break-glass sees the case, the child-protection note (his agency's circle), but
    // never the note Ms Kowalski entrusted to Mr Demir (DP-20, DP-24).
    await world.run(
      'openBreakGlass',
      KOWALSKI,
      { reason: 'Klientin ruft in akuter Krise an, Fallmanager im Urlaub.' },
      HOFFMANN,
    );
    world.as(HOFFMANN);
    const colleague = await world.views.history(KOWALSKI, 'caseManagement');
    expect(colleague.ok).to.equal(true);
    const entrustedAt = journal.find((e) => (e.payload as { entrusted?: boolean }).entrusted === true)!.at;
    if (colleague.ok) {
      expect(colleague.value.entries.some((e) => e.at === entrustedAt && e.type === 'NoteRecorded')).to.equal(false);
    }
    // The team lead and the youth office (a provider of the case) get neither.
    for (const actor of [A['jobcenterTeamLead']!, A['youthOfficeProvider']!]) {
      world.as(actor);
      const history = await world.views.history(KOWALSKI, 'caseManagement');
      expect(history.ok, actor.role).to.equal(true);
      if (history.ok) {
        expect(
          history.value.entries.some((e) => e.type === 'NoteRecorded' && protectedAt.includes(e.at)),
          actor.role,
        ).to.equal(false);
        // Numbered without gaps: nothing counts what was left out.
        expect(history.value.entries.map((e) => e.seq)).to.deep.equal(history.value.entries.map((_, i) => i + 1));
        expect(history.value.entries.length).to.be.lessThan(journal.length);
      }
    }
  });

  it('DP-23, DP-05: the case list gives every actor only its rows, with only the legal domains its view shows', async () => {
    const world = await readWorld();
    const all = await world.store.listCases();
    for (const [key, actor] of Object.entries(A)) {
      world.as(actor);
      const list = await world.views.caseList();
      expect(list.ok, key).to.equal(true);
      if (!list.ok) continue;
      if (['statistics', 'admin', 'dataProtectionOfficer', 'system', 'dataSubject', 'hr'].includes(actor.role)) {
        expect(list.value, key).to.deep.equal([]);
      }
      expect(list.value.length, key).to.be.at.most(all.length);
      for (const row of list.value) {
        const view = await world.views.viewCase(row.caseId, 'caseManagement');
        expect(view.ok, `${key} lists ${row.caseId}`).to.equal(true);
        if (!view.ok) continue;
        const shown = view.value.case.legalDomains.flatMap((d) =>
          isRedactionMarker(d) ? [] : [(d as { domain: string }).domain],
        );
        for (const domain of row.legalDomains) expect(shown, `${key}: ${row.caseId} ${domain}`).to.include(domain);
      }
    }
    // Before: every row to everyone. Now the debt counselling service lists Schulte's case only.
    world.as(A['debtCounselling']!);
    const partner = await world.views.caseList();
    expect(partner.ok && partner.value.map((r) => r.caseId)).to.deep.equal([SCHULTE]);
    // A legal domain the view withholds is not in the row, and a query for it finds nothing (no oracle).
    world.as(A['jobcenterTeamLead']!);
    const lead = await world.views.caseList({ query: { legalDomain: 'AsylbLG' } });
    const rahimi = (await world.full(RAHIMI)).state;
    expect(rahimi.legalDomains.some((d) => d.domain === 'AsylbLG')).to.equal(true);
    expect(lead.ok && lead.value.map((r) => r.caseId)).not.to.include(RAHIMI);
  });

  it('DP-24: the worklist input of the partner agency names no addiction goal or measure (the demo leak)', async () => {
    const world = await readWorld();
    world.as(A['debtCounselling']!);
    const input = await world.views.worklistInput();
    expect(input.ok).to.equal(true);
    if (!input.ok) return;
    expect(input.value.cases.map((c) => c.caseId)).to.deep.equal([SCHULTE]);
    const full = (await world.full(SCHULTE)).state;
    const raw = JSON.stringify(buildWorklist([full], TODAY));
    const decided = JSON.stringify(buildWorklist(input.value.cases, TODAY)) + JSON.stringify(input.value.cases);
    const addiction = [...full.goals, ...full.measures].filter((i) => i.categories?.includes('addiction'));
    expect(addiction.length).to.be.greaterThan(0);
    for (const item of addiction) expect(decided, item.title).not.to.contain(item.title);
    // The unfiltered state (what the demo gave its worklist before) names them.
    expect(addiction.some((item) => raw.includes(item.title))).to.equal(true);
  });

  it('DP-01, DP-28: consents are decided through the field map and each read is logged', async () => {
    const world = await readWorld();
    world.as(A['debtCounselling']!);
    const partner = await world.views.consents(SCHULTE, 'caseManagement');
    expect(partner.ok).to.equal(true);
    // Its own consent only: the addiction counselling consent names addiction (DP-01: it carries that category).
    if (partner.ok) {
      expect(partner.value.consents.map((c) => c.record.recipients[0]!.agencyId)).to.deep.equal([
        EXAMPLE_AGENCIES.schuldnerberatung.agencyId,
      ]);
    }
    world.as(A['jobcenterTeamLead']!);
    const lead = await world.views.consents(SCHULTE, 'caseManagement');
    expect(lead.ok && lead.value.consents).to.deep.equal([]);
    const partnerLog = await logOf(world, EXAMPLE_AGENCIES.schuldnerberatung.agencyId);
    expect(partnerLog.filter((e) => e.channel === 'consents' && e.caseId === SCHULTE)).to.have.length(1);
    expect(partnerLog.find((e) => e.channel === 'consents')!.categories).to.include('debts');
    const leadLog = await logOf(world, JOBCENTER);
    expect(leadLog.filter((e) => e.channel === 'consents' && e.actorId === 'u-jc-lead')).to.have.length(1);
  });

  it('DP-01: every field of a consent and of a release has its categories in the field map; a record carries what it names', () => {
    expect(Object.keys(PRIVACY_RECORD_FIELD_CATEGORIES.consents).sort()).to.deep.equal(
      Object.keys(consentRecordSchema.shape).sort(),
    );
    expect(Object.keys(PRIVACY_RECORD_FIELD_CATEGORIES.releases).sort()).to.deep.equal(
      Object.keys(confidentialityReleaseSchema.shape).sort(),
    );
    const consent = { categories: ['addiction', 'debts'], childView: 'Ich will das.', form: { kind: 'written' } };
    expect(privacyRecordCategories('consents', consent as never)).to.deep.equal(['addiction', 'debts', 'notes']);
    // A field nobody mapped counts as notes, never as nothing.
    expect(privacyRecordCategories('releases', { categories: ['health'], extra: 'x' } as never)).to.deep.equal([
      'health',
      'notes',
    ]);
  });

  it('DP-28: history and transfer previews are logged, refusals too', async () => {
    const world = await readWorld();
    world.as(DEMIR);
    await world.views.history(KOWALSKI, 'caseManagement');
    await world.views.previewTransfer(KOWALSKI, PREVIEW);
    world.as(HOFFMANN);
    await world.views.history(KOWALSKI, 'caseManagement');
    const log = await logOf(world, JOBCENTER);
    expect(log.find((e) => e.channel === 'history' && e.actorId === DEMIR.id)).to.include({
      caseId: KOWALSKI,
      outcome: 'allow',
    });
    expect(
      log.find((e) => e.channel === 'transferPreview' && e.actorId === DEMIR.id)?.categories.length,
    ).to.be.greaterThan(0);
    expect(log.find((e) => e.channel === 'history' && e.actorId === HOFFMANN.id)).to.include({
      outcome: 'deny',
      refusedWith: 'DENY_NOT_ASSIGNED',
    });
    // The log of the agency is still one verified chain (DP-38), read by its DPO; the read is logged.
    world.as(A['jobcenterDpo']!);
    const read = await world.views.readAccessLog({ caseId: KOWALSKI });
    expect(read.ok).to.equal(true);
    expect((await logOf(world, JOBCENTER)).at(-1)).to.include({ channel: 'accessLog', actorId: 'u-jc-dsb' });
  });

  it('DP-40: no oracle on reads: an unassigned actor gets the same refusal whether an id inside the case exists or not', async () => {
    const world = await readWorld();
    const full = (await world.full(KOWALSKI)).state;
    const note = full.notes[0]!.id;
    for (const actor of [A['sozialamtCaseManager']!, A['sameIdOtherAgency']!, A['kimStatistics']!, HOFFMANN]) {
      world.as(actor);
      const existing = await world.views.previewTransfer(KOWALSKI, {
        ...PREVIEW,
        items: [{ section: 'notes', id: note }],
      });
      const missing = await world.views.previewTransfer(KOWALSKI, {
        ...PREVIEW,
        items: [{ section: 'notes', id: 'note-gibt-es-nicht' }],
      });
      expect(existing.ok).to.equal(false);
      expect(JSON.stringify(existing)).to.equal(JSON.stringify(missing));
      const person = await world.views.exportSubject(KOWALSKI, full.addresseeId);
      const nobody = await world.views.exportSubject(KOWALSKI, 'person-gibt-es-nicht');
      expect(person.ok).to.equal(false);
      expect(JSON.stringify(person)).to.equal(JSON.stringify(nobody));
    }
    // For the team lead, a hidden (entrusted) note named by id is answered like a note that does not exist.
    world.as(A['jobcenterTeamLead']!);
    const entrusted = full.notes.find((n) => n.entrusted === true)!.id;
    const hidden = await world.views.previewTransfer(KOWALSKI, {
      ...PREVIEW,
      items: [{ section: 'notes', id: entrusted }],
    });
    const unknown = await world.views.previewTransfer(KOWALSKI, {
      ...PREVIEW,
      items: [{ section: 'notes', id: 'note-gibt-es-nicht' }],
    });
    expect(JSON.stringify(hidden)).to.equal(JSON.stringify(unknown));
  });

  it('DP-40: a malformed actor and a reserved stream id are refused on reads, and nothing is logged', async () => {
    const world = await readWorld();
    const before = await world.accessLogSize();
    world.as({ id: 'u-x', role: 'superuser', name: { evil: true } } as unknown as Actor);
    const view = await world.views.viewCase(KOWALSKI, 'caseManagement');
    expect(view.ok === false && view.errors[0]!.code).to.equal('DENY_INVALID_ACTOR');
    world.as(A['jobcenterDpo']!);
    for (const stream of [accessLogStreamId(JOBCENTER), '__proto__', 'constructor']) {
      const read = await world.views.viewCase(stream, 'caseManagement');
      expect(read.ok === false && read.errors[0]!.code, stream).to.equal('DENY_RESERVED_STREAM');
      const history = await world.views.history(stream, 'caseManagement');
      expect(history.ok === false && history.errors[0]!.code, stream).to.equal('DENY_RESERVED_STREAM');
    }
    expect(await world.accessLogSize()).to.equal(before);
  });

  it('DP-28, DP-38: the access log is appended onto its remembered head, not read whole for every entry', async () => {
    const store = countingStore(new MemoryCaseStore());
    const world = await readWorld({ store });
    const stream = accessLogStreamId(JOBCENTER);
    world.as(DEMIR);
    await world.views.viewCase(KOWALSKI, 'caseManagement');
    const afterFirst = store.reads.get(stream) ?? 0;
    for (let i = 0; i < 10; i += 1) await world.views.viewCase(KOWALSKI, 'caseManagement');
    await world.views.caseList();
    await world.views.history(KOWALSKI, 'caseManagement');
    expect(store.reads.get(stream) ?? 0).to.equal(afterFirst);
    expect(afterFirst).to.be.at.most(1);
    // Twelve reads, twelve or more entries, one chain that verifies.
    world.as(A['jobcenterDpo']!);
    const log = await world.views.readAccessLog();
    expect(log.ok).to.equal(true);
    if (log.ok) expect(log.value.filter((e) => e.actorId === DEMIR.id).length).to.be.at.least(12);
  });
});
