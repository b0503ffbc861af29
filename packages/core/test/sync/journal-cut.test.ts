import { expect } from 'chai';
import fc from 'fast-check';
import {
  ACTOR_ROLES,
  createHmacJournalSeal,
  generateHmacSealKey,
  type Actor,
  type JournalEvent,
  type JournalSeal,
} from '@fallkit/core';
import { foldCase, foldPrivacy, prepareViewJudge, decideHistory } from '@fallkit/core/internal';
import { foldRights } from '@fallkit/core/rights';
import { EXAMPLE_ACTORS, EXAMPLE_AGENCIES, runExampleCases } from '@fallkit/core/examples';
import { cutJournalFor, cutEventSchema, isHiddenLink, verifyCutJournal, SYNC_PURPOSE } from '@fallkit/core/sync';

interface Sealed {
  readonly caseId: string;
  readonly journal: JournalEvent[];
  readonly now: string;
}

let cases: Sealed[] = [];
let seal: JournalSeal;

async function sealOf(journal: readonly { caseId: string; seq: number; hash: string }[]) {
  const head = journal.at(-1)!;
  return seal.sign({ caseId: head.caseId, seq: head.seq, hash: head.hash });
}

before(async () => {
  seal = createHmacJournalSeal(await generateHmacSealKey());
  const { store, results } = await runExampleCases();
  cases = await Promise.all(
    results.map(async (r) => {
      const journal = await store.readJournal(r.caseId);
      return { caseId: r.caseId, journal, now: journal.at(-1)!.at };
    }),
  );
});

const agencies = Object.values(EXAMPLE_AGENCIES).map((a) => a.agencyId);
const knownUsers = Object.values(EXAMPLE_ACTORS);
/** Every actor kind: the example users, and any role at any example agency under any user id. */
const actorArb: fc.Arbitrary<Actor> = fc.oneof(
  fc.constantFrom(...knownUsers) as fc.Arbitrary<Actor>,
  fc.record({
    id: fc.constantFrom('u-kim-krueger', 'u-jc-demir', 'u-x', 'u-ja-yilmaz'),
    role: fc.constantFrom(...ACTOR_ROLES),
    agencyId: fc.constantFrom(...agencies),
  }),
);

describe('the journal cut a device receives (issue 15)', () => {
  it("DP-24, DP-44 (property): for every example case and every actor kind the cut is revoked, or verifies against the server's seal with every whole event exactly as stored and every hidden one a bare link", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cases.keys()), actorArb, async (index, actor) => {
        const { journal, now } = cases[index]!;
        const cut = cutJournalFor(actor, journal, { now });
        if (cut.scope === 'revoked') {
          expect(cut.reasons.length).to.be.greaterThan(0);
          return;
        }
        const record = await sealOf(journal);
        const verdict = await verifyCutJournal(cut.events, { seal: { port: seal, record } });
        expect(verdict.ok, JSON.stringify(verdict)).to.equal(true);
        expect(cut.events.length).to.equal(journal.length);
        cut.events.forEach((item, i) => {
          expect(cutEventSchema.safeParse(item).success).to.equal(true);
          if (isHiddenLink(item))
            expect(Object.keys(item).sort()).to.deep.equal(['caseId', 'hash', 'hidden', 'prevHash', 'seq']);
          else expect(item).to.deep.equal(journal[i]);
        });
        expect(cut.scope).to.equal(cut.hidden === 0 ? 'full' : 'cut');
      }),
      { numRuns: 150 },
    );
  });

  it("DP-23, DP-24, DP-28 (property): a cut keeps whole exactly the events the actor's history shows, never more", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cases.keys()), actorArb, async (index, actor) => {
        const { journal, now } = cases[index]!;
        const cut = cutJournalFor(actor, journal, { now });
        if (cut.scope === 'revoked') return;
        const state = foldCase(journal)!;
        const privacy = foldPrivacy(journal);
        const judge = prepareViewJudge(state, actor, SYNC_PURPOSE, { now, privacy, rights: foldRights(journal) });
        expect(judge.ok).to.equal(true);
        if (!judge.ok) return;
        const history = decideHistory(journal, state, privacy, judge.value);
        const whole = cut.events.filter((e) => !isHiddenLink(e)) as JournalEvent[];
        expect(whole.map((e) => [e.type, e.at])).to.deep.equal(history.map((h) => [h.type, h.at]));
      }),
      { numRuns: 100 },
    );
  });

  it("DP-01, DP-24: the Jobcenter case manager's cut of the Rahimi case (handed over from KIM) carries no health payload; the KIM case manager is revoked once the handover's transition ends", async () => {
    const rahimi = cases.find((c) => c.caseId === 'kim-2026-0001')!;
    const jobcenter = cutJournalFor(EXAMPLE_ACTORS.jobcenterCaseManager, rahimi.journal, { now: rahimi.now });
    expect(jobcenter.scope).to.equal('cut');
    const bytes = JSON.stringify(jobcenter);
    expect(JSON.stringify(rahimi.journal)).to.contain('Rückenschmerzen');
    expect(bytes).not.to.contain('Rückenschmerzen');
    expect(bytes).not.to.contain('"health"');
    // HO-1: KIM's case manager stays involved as deputy up to and including 2026-06-28; from the 29th it is revoked.
    const during = cutJournalFor(EXAMPLE_ACTORS.kimCaseManager, rahimi.journal, { now: '2026-06-28T10:00:00.000Z' });
    expect(during.scope).to.equal('cut');
    const kim = cutJournalFor(EXAMPLE_ACTORS.kimCaseManager, rahimi.journal, {
      now: rahimi.now > '2026-06-29T12:00:00.000Z' ? rahimi.now : '2026-06-29T12:00:00.000Z',
    });
    expect(kim.scope).to.equal('revoked');
    if (kim.scope === 'revoked') {
      expect(kim.reasons[0]!.code).to.equal('DENY_NOT_ASSIGNED');
      expect(kim.notify, 'KIM held the case: its device is told to delete it').to.equal(true);
    }
    const stranger = cutJournalFor(EXAMPLE_ACTORS.sozialamtCaseManager, rahimi.journal, { now: rahimi.now });
    expect(stranger.scope === 'revoked' && stranger.notify, 'never held: never named').to.equal(false);
  });

  it('DP-44: a tampered cut is refused: a changed whole event, a forged link, a dropped event, a hidden head that is not the sealed one', async () => {
    const rahimi = cases.find((c) => c.caseId === 'kim-2026-0001')!;
    const cut = cutJournalFor(EXAMPLE_ACTORS.jobcenterCaseManager, rahimi.journal, { now: rahimi.now });
    if (cut.scope === 'revoked') throw new Error('expected a cut');
    const record = await sealOf(rahimi.journal);
    const check = (events: readonly unknown[]) => verifyCutJournal(events, { seal: { port: seal, record } });
    const events = [...cut.events] as Record<string, unknown>[];
    const wholeAt = events.findIndex((e) => !isHiddenLink(e));
    const hiddenAt = events.findIndex((e) => isHiddenLink(e));
    const changed = events.map((e, i) => (i === wholeAt ? { ...e, payload: { tampered: true } } : e));
    expect((await check(changed)).ok).to.equal(false);
    const forged = events.map((e, i) => (i === hiddenAt ? { ...e, hash: 'f'.repeat(64) } : e));
    const forgedVerdict = await check(forged);
    expect(forgedVerdict.ok).to.equal(false);
    expect((await check(events.slice(0, -1))).ok).to.equal(false);
    const wholeAsHidden = events.map((e, i) =>
      i === wholeAt
        ? { hidden: true, caseId: e['caseId'], seq: e['seq'], prevHash: e['prevHash'], hash: 'a'.repeat(64) }
        : e,
    );
    expect((await check(wholeAsHidden)).ok).to.equal(false);
    const otherKey = createHmacJournalSeal(await generateHmacSealKey());
    expect((await verifyCutJournal(events, { seal: { port: otherKey, record } })).ok).to.equal(false);
    expect((await check(events)).ok).to.equal(true);
  });
});
