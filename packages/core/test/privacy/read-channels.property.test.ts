import { expect } from 'chai';
import fc from 'fast-check';
import { ACTOR_ROLES, buildWorklist, type Actor, type CaseView, type DataCategory, type Result } from '@fallkit/core';
import { decide, foldPrivacy } from '@fallkit/core/internal';
import { EXAMPLE_AGENCIES } from '@fallkit/core/examples';
import {
  ACTOR_KINDS,
  KOWALSKI,
  NOW,
  PURPOSES,
  TODAY,
  leaks,
  readWorld,
  withheldBy,
  type Withheld,
} from './read-channels-fixtures.js';

type World = Awaited<ReturnType<typeof readWorld>>;

const AGENCY_IDS = Object.values(EXAMPLE_AGENCIES).map((a) => a.agencyId);
const USER_IDS = [...new Set(Object.values(ACTOR_KINDS).map((a) => a.id))];
const CATEGORIES: readonly DataCategory[] = ['debts', 'health', 'addiction', 'notes', 'goals', 'measures', 'benefits'];

/** The named actor kinds and random ones (any role, any agency, known and unknown user ids). */
const actorArb: fc.Arbitrary<Actor> = fc.oneof(
  { arbitrary: fc.constantFrom(...Object.values(ACTOR_KINDS)), weight: 3 },
  {
    arbitrary: fc.record({
      id: fc.constantFrom(...USER_IDS, 'u-unbekannt'),
      role: fc.constantFrom(...ACTOR_ROLES),
      agencyId: fc.constantFrom(...AGENCY_IDS),
    }),
    weight: 1,
  },
);
const purposeArb = fc.constantFrom(...PURPOSES);

/** The reference of one case for one actor: its own view and what that view withholds. */
interface Reference {
  readonly caseId: string;
  readonly view: Result<CaseView>;
  readonly withheld: Withheld | undefined;
}

async function references(world: World, purpose: string): Promise<Reference[]> {
  const out: Reference[] = [];
  for (const row of await world.store.listCases()) {
    const view = await world.views.viewCase(row.caseId, purpose);
    const full = await world.full(row.caseId);
    out.push({ caseId: row.caseId, view, withheld: view.ok ? withheldBy(full.state, view.value) : undefined });
  }
  return out;
}

/** Withheld strings long enough to be recognised inside a generated sentence, and shown nowhere. */
function inText(text: string, withheld: Withheld): string[] {
  const shown = [...withheld.shown];
  return [...withheld.strings].filter((s) => s.length >= 8 && !shown.some((v) => v.includes(s)) && text.includes(s));
}

describe('read channels: nothing a view withholds is reachable through another channel (property)', function () {
  this.timeout(120_000);
  let world: World;

  before(async () => {
    world = await readWorld();
  });

  it('DP-23, DP-24, DP-40: the case list holds only rows of cases the actor may view, with nothing its views withhold', async () => {
    await fc.assert(
      fc.asyncProperty(actorArb, purposeArb, async (actor, purpose) => {
        world.as(actor);
        const list = await world.views.caseList({ purpose });
        expect(list.ok).to.equal(true);
        if (!list.ok) return;
        if (actor.role === 'statistics' || purpose === 'statistics') expect(list.value).to.deep.equal([]);
        const refs = await references(world, purpose);
        for (const row of list.value) {
          const ref = refs.find((r) => r.caseId === row.caseId)!;
          expect(ref.view.ok, `${actor.role}@${actor.agencyId} lists ${row.caseId} it may not view`).to.equal(true);
          expect(leaks(row, ref.withheld!), row.caseId).to.deep.equal([]);
        }
        for (const ref of refs) {
          if (!ref.view.ok) expect(list.value.map((r) => r.caseId)).not.to.include(ref.caseId);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('DP-23, DP-24: worklist input and the worklist built from it name no withheld item, id, date or text', async () => {
    await fc.assert(
      fc.asyncProperty(actorArb, purposeArb, async (actor, purpose) => {
        world.as(actor);
        const input = await world.views.worklistInput({ purpose });
        expect(input.ok).to.equal(true);
        if (!input.ok) return;
        const refs = await references(world, purpose);
        for (const state of input.value.cases) {
          const ref = refs.find((r) => r.caseId === state.caseId)!;
          expect(ref.view.ok).to.equal(true);
          const items = buildWorklist([state], TODAY, undefined, {
            consentsOf: (s) => input.value.consents[s.caseId] ?? [],
          });
          expect(leaks(state, ref.withheld!), state.caseId).to.deep.equal([]);
          // The item's content (its kinds are the worklist's own vocabulary, not the case's).
          const content = items.map((i) => ({
            label: i.label,
            explanation: i.explanation,
            dueOn: i.dueOn,
            ref: i.ref?.id,
            assignedTo: i.assignedTo,
          }));
          expect(leaks(content, ref.withheld!), state.caseId).to.deep.equal([]);
          expect(inText(JSON.stringify(content), ref.withheld!), state.caseId).to.deep.equal([]);
        }
        const listed = await world.views.caseList({ purpose });
        expect(input.value.cases.map((c) => c.caseId)).to.deep.equal(
          listed.ok ? listed.value.map((r) => r.caseId) : [],
        );
      }),
      { numRuns: 30 },
    );
  });

  it('DP-24, DP-28: the history shows no envelope (author, time, reason) of an event about a withheld item, and counts nothing', async () => {
    await fc.assert(
      fc.asyncProperty(actorArb, purposeArb, fc.nat(), async (actor, purpose, n) => {
        world.as(actor);
        const refs = await references(world, purpose);
        const ref = refs[n % refs.length]!;
        const history = await world.views.history(ref.caseId, purpose);
        if (!ref.view.ok) {
          expect(history.ok, `history of a case the view refuses (${ref.caseId})`).to.equal(false);
          return;
        }
        expect(history.ok).to.equal(true);
        if (!history.ok) return;
        const entries = history.value.entries;
        // Positions, not journal numbers: gaps would count what was left out.
        expect(entries.map((e) => e.seq)).to.deep.equal(entries.map((_, i) => i + 1));
        for (const entry of entries) {
          if (entry.reason !== undefined) expect(ref.withheld!.strings.has(entry.reason)).to.equal(false);
        }
        // Every event whose own item the view withholds: its envelope must not be there (counted per
        // author, time and type, so an allowed event of the same moment cannot hide a leak).
        const journal = (await world.full(ref.caseId)).events;
        const key = (e: { at: string; type: string; actorId: string }) => `${e.at}|${e.type}|${e.actorId}`;
        const allowedByKey = new Map<string, number>();
        for (const event of journal) {
          const payload = event.payload as Record<string, unknown>;
          const own =
            typeof payload['id'] === 'string'
              ? payload['id']
              : Object.entries(payload).find(([k, v]) => k.endsWith('Id') && typeof v === 'string')?.[1];
          if (typeof own === 'string' && ref.withheld!.ids.has(own)) continue;
          const k = key({ at: event.at, type: event.type, actorId: event.actor.id });
          allowedByKey.set(k, (allowedByKey.get(k) ?? 0) + 1);
        }
        const shownByKey = new Map<string, number>();
        for (const entry of entries) shownByKey.set(key(entry), (shownByKey.get(key(entry)) ?? 0) + 1);
        for (const [k, count] of shownByKey) {
          expect(count, `envelope ${k} of a withheld item`).to.be.at.most(allowedByKey.get(k) ?? 0);
        }
      }),
      { numRuns: 60 },
    );
  });

  async function checkPreview(
    actor: Actor,
    ref: Reference,
    n: number,
    recipient: { agencyId: string; name: string; kind: string },
    legalBasis: string | undefined,
    categories: DataCategory[],
  ): Promise<void> {
    const full = await world.full(ref.caseId);
    const request = (id: string) => ({
      recipient: recipient as never,
      purpose: 'caseManagement',
      ...(legalBasis === undefined ? {} : { legalBasis }),
      categories,
      items: [{ section: 'notes', id }],
    });
    const hidden = [...(ref.withheld?.ids ?? [])];
    const hiddenId = hidden[n % Math.max(1, hidden.length)];
    const withHidden = await world.views.previewTransfer(ref.caseId, request(hiddenId ?? 'none'));
    const withUnknown = await world.views.previewTransfer(ref.caseId, request('gibt-es-nicht-1'));
    // No oracle: an id the view withholds is answered like an id that does not exist.
    expect(JSON.stringify(withHidden)).to.equal(JSON.stringify(withUnknown));
    if (!withHidden.ok) return;
    expect(ref.view.ok, 'preview of a case the view refuses').to.equal(true);
    const sender = decide({
      actor,
      action: 'transfer',
      caseState: full.state,
      privacy: foldPrivacy(full.events),
      purpose: 'caseManagement',
      recipient: recipient as never,
      legalBasis: 'sgb10_69',
      now: NOW,
      today: TODAY,
    });
    expect(sender.reasons[0]!.code, 'preview for a non-sender').not.to.equal('DENY_NOT_ASSIGNED');
    expect(leaks(withHidden.value, ref.withheld!), `${actor.id}@${actor.agencyId} ${ref.caseId}`).to.deep.equal([]);
  }

  it('DP-16, DP-23, DP-40: a transfer preview only for who may transfer, over the units its view shows; same answer for hidden and unknown ids', async () => {
    const recipientArb = fc.record({
      agencyId: fc.constantFrom(...AGENCY_IDS),
      name: fc.constant('Empfänger'),
      kind: fc.constantFrom('ngo', 'provider', 'agency', 'immigrationAuthority', 'familyCourt'),
    });
    await fc.assert(
      fc.asyncProperty(
        actorArb,
        fc.nat(),
        recipientArb,
        fc.constantFrom(undefined, 'sgb10_69', 'consent:unknown', 'sgb8_65'),
        fc.subarray([...CATEGORIES]),
        async (random, n, recipient, legalBasis, categories) => {
          // Every named actor kind and one random actor, on every case.
          for (const actor of [...Object.values(ACTOR_KINDS), random]) {
            world.as(actor);
            const refs = await references(world, 'caseManagement');
            for (const ref of refs) await checkPreview(actor, ref, n, recipient, legalBasis, categories);
          }
        },
      ),
      { numRuns: 4 },
    );
  });

  it('DP-01, DP-07, DP-23: consents and releases only as far as the actor may read the categories they name', async () => {
    await fc.assert(
      fc.asyncProperty(actorArb, purposeArb, async (random, purpose) => {
        for (const actor of [...Object.values(ACTOR_KINDS), random]) {
          world.as(actor);
          for (const ref of await references(world, purpose)) {
            const consents = await world.views.consents(ref.caseId, purpose);
            if (!ref.view.ok) {
              expect(consents.ok).to.equal(false);
              continue;
            }
            expect(consents.ok).to.equal(true);
            if (!consents.ok) continue;
            const full = await world.full(ref.caseId);
            for (const record of [...consents.value.consents.map((c) => c.record), ...consents.value.releases]) {
              const decided = decide({
                actor,
                action: 'read',
                caseState: full.state,
                privacy: foldPrivacy(full.events),
                purpose,
                categories: record.categories,
                now: NOW,
                today: TODAY,
              });
              expect(decided.outcome, `${actor.role} gets a record of ${record.categories.join(',')}`).to.equal(
                'allow',
              );
            }
            if (actor.role === 'teamLead' && purpose !== 'supervision') {
              expect(consents.value.consents).to.deep.equal([]);
            }
          }
        }
      }),
      { numRuns: 4 },
    );
  });

  it('DP-29, DP-41: the export only for the holding agency (assigned worker, deputy, its DPO); the refusal is the same for any person id', async () => {
    await fc.assert(
      fc.asyncProperty(actorArb, fc.nat(), async (actor, n) => {
        world.as(actor);
        const rows = await world.store.listCases();
        const caseId = rows[n % rows.length]!.caseId;
        const full = await world.full(caseId);
        const known = await world.views.exportSubject(caseId, full.state.addresseeId);
        const unknown = await world.views.exportSubject(caseId, 'person-gibt-es-nicht');
        expect(known.ok).to.equal(unknown.ok);
        if (!known.ok) {
          expect(JSON.stringify(known.errors)).to.equal(JSON.stringify(!unknown.ok && unknown.errors));
          return;
        }
        // PRIVACY.md DP-41: the holding agency's assigned worker or deputy (before first counselling the
        // lead agency's intake pool), or its data-protection officer; never statistics, partners, others.
        expect(['statistics', 'partnerAgency', 'provider', 'admin', 'hr', 'system', 'dataSubject']).not.to.include(
          actor.role,
        );
        const lead = full.state.leadAgencies.at(-1)?.agencyId;
        const assigned = full.state.caseManagers.some(
          (m) => m.to === undefined && m.userId === actor.id && m.agencyId === actor.agencyId,
        );
        const intakePool =
          actor.agencyId === lead &&
          ['referral', 'screening', 'firstCounselling', 'noFurtherMeasures'].includes(full.state.stage);
        const holders = new Set([
          lead,
          ...full.state.caseManagers.filter((m) => m.to === undefined).map((m) => m.agencyId),
        ]);
        if (actor.role === 'dataProtectionOfficer') expect(holders.has(actor.agencyId), caseId).to.equal(true);
        else
          expect(assigned || intakePool, `${actor.role} ${actor.id}@${actor.agencyId} exports ${caseId}`).to.equal(
            true,
          );
        // An unknown person has nothing in the file: an empty export, not a refusal that tells.
        expect(unknown.ok && unknown.value.cases).to.deep.equal([]);
      }),
      { numRuns: 50 },
    );
  });

  it('DP-28, DP-33: the access log only for the agency’s DPO, report input only for statistics, with no id or name', async () => {
    const labels = new Set<string>();
    for (const row of await world.store.listCases()) {
      const full = await world.full(row.caseId);
      labels.add(row.caseId);
      if (full.state.label) labels.add(full.state.label);
      for (const person of full.state.persons) labels.add(person.familyName);
    }
    await fc.assert(
      fc.asyncProperty(actorArb, async (actor) => {
        world.as(actor);
        const log = await world.views.readAccessLog();
        expect(log.ok).to.equal(actor.role === 'dataProtectionOfficer');
        if (log.ok) for (const entry of log.value) expect(entry.agencyId).to.equal(actor.agencyId);
        const report = await world.views.reportInput();
        expect(report.ok).to.equal(actor.role === 'statistics');
        if (report.ok) {
          const text = JSON.stringify(report.value);
          for (const label of labels) expect(text, label).not.to.contain(label);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('DP-40: a malformed actor is refused by every read channel and nothing reaches the access log', async () => {
    const malformed = fc.oneof(
      fc.constant({ id: 'u-x', role: 'caseManager' }),
      fc.constant({ id: 'u-x', role: 'superuser', agencyId: 'jobcenter-musterstadt' }),
      fc.constant({ id: 'u-x', role: 'caseManager', agencyId: 'jobcenter-musterstadt', name: { evil: true } }),
      fc.record({ id: fc.string(), role: fc.string(), agencyId: fc.string() }),
    );
    await fc.assert(
      fc.asyncProperty(malformed, async (raw) => {
        const before = await world.accessLogSize();
        world.as(raw as unknown as Actor);
        const answers = [
          await world.views.viewCase(KOWALSKI, 'caseManagement'),
          await world.views.caseList(),
          await world.views.history(KOWALSKI, 'caseManagement'),
          await world.views.consents(KOWALSKI, 'caseManagement'),
          await world.views.previewTransfer(KOWALSKI, {
            recipient: { agencyId: 'x', name: 'x', kind: 'ngo' },
            purpose: 'caseManagement',
            categories: ['debts'],
          }),
          await world.views.worklistInput(),
          await world.views.reportInput(),
          await world.views.exportSubject(KOWALSKI, 'p'),
          await world.views.readAccessLog(),
        ];
        world.as(ACTOR_KINDS['jobcenterCaseManager']!);
        const valid = (await import('@fallkit/core/internal')).actorSchema.safeParse(raw).success;
        if (valid) return;
        for (const answer of answers) {
          expect(answer.ok).to.equal(false);
          if (!answer.ok) expect(answer.errors[0]!.code).to.equal('DENY_INVALID_ACTOR');
        }
        expect(await world.accessLogSize()).to.equal(before);
      }),
      { numRuns: 25 },
    );
  });
});
