/**
 * What verifying a journal on every read costs (DP-44), for a 50- and a 5,000-event case:
 * - the full check of chain and payload schemas, as `loadCase({ verify: true })` did before (it was opt-in;
 *   the default read did not verify at all: that is the baseline `fold alone`);
 * - the full check now: chain, payload schemas, erasure markers against their decisions, and the HMAC seal
 *   of the head (the first read of a case in a process);
 * - `loadCase` through the service: the first read (verify + fold), and a re-read, where the service's
 *   reader holds the verified head and only checks that it is still the stored head.
 * Baseline in the same run: `foldCase` of the same journal, which every read needs anyway.
 */
import { loadCore } from '../lib/load-core.mjs';

/** @param {() => unknown | Promise<unknown>} work @param {number} iterations @returns {Promise<number>} ms per iteration (median of 5 rounds) */
async function time(work, iterations) {
  const rounds = [];
  for (let round = 0; round < 5; round += 1) {
    const started = performance.now();
    for (let i = 0; i < iterations; i += 1) await work();
    rounds.push((performance.now() - started) / iterations);
  }
  rounds.sort((a, b) => a - b);
  return rounds[2];
}

/** A sealed journal of `size` events: a case opened through the service, then notes sealed in one batch. */
async function buildCase(core, size) {
  const { createCaseService, MemoryCaseStore, FixedClock, SequentialIds, EXAMPLE_ACTORS, sealEvents, caseEvent } = core;
  const seal = core.createHmacJournalSeal(await core.generateHmacSealKey());
  const scratch = new MemoryCaseStore({ journalSeal: seal });
  const ids = new SequentialIds();
  const actor = EXAMPLE_ACTORS.kimCaseManager;
  const service = createCaseService({ store: scratch, clock: new FixedClock('2026-06-01T10:00:00.000Z'), ids, actor });
  const opened = await service.execute({
    type: 'openCase',
    input: {
      addressee: { roles: ['addressee'], givenName: 'Bench', familyName: 'Mark' },
      leadAgency: { agencyId: 'kim-musterstadt', name: 'KIM Musterstadt' },
    },
  });
  if (!opened.ok) throw new Error(opened.errors.map((e) => e.message.en).join('; '));
  const { caseId, state } = opened.value;
  const journal = await scratch.readJournal(caseId);
  const meta = {
    subjectIds: [state.addresseeId],
    origin: 'caseManager',
    recordedBy: actor.id,
    recordedAt: '2026-06-01T10:00:00.000Z',
  };
  const pending = [];
  for (let i = journal.length; i < size; i += 1)
    pending.push(
      caseEvent('NoteRecorded', {
        id: `n-${i}`,
        on: `2026-0${1 + (i % 5)}-${String(1 + (i % 28)).padStart(2, '0')}`,
        text: `Vermerk ${i}: Unterlagen für den Wohnberechtigungsschein vollständig.`,
        ...meta,
        categories: ['notes'],
      }),
    );
  const sealed = await sealEvents(pending, {
    caseId,
    last: journal.at(-1),
    at: '2026-06-01T10:00:00.000Z',
    actor,
    newId: () => ids.next('event'),
  });
  const all = [...journal, ...sealed];
  const store = new MemoryCaseStore({ journalSeal: seal });
  const head = all.at(-1);
  const appended = await store.append({
    caseId,
    expectedSeq: 0,
    events: all,
    seal: await seal.sign({ caseId, seq: head.seq, hash: head.hash }),
  });
  if (!appended.ok) throw new Error('append failed');
  const newService = () =>
    createCaseService({ store, clock: new FixedClock('2026-06-01T10:00:00.000Z'), ids: new SequentialIds(), actor });
  return { caseId, journal: all, seal, store, newService };
}

/** @param {{ repoRoot: string }} context */
export default async function ({ repoRoot }) {
  const core = await loadCore(repoRoot);
  const checkPayload = core.createPayloadCheck({ ...core.CASE_EVENTS, ...core.PRIVACY_EVENTS, ...core.RIGHTS_EVENTS });
  const rows = [];
  for (const [size, iterations] of [
    [50, 40],
    [5000, 3],
  ]) {
    const { caseId, journal, seal, store, newService } = await buildCase(core, size);
    const record = await store.readSeal(caseId);
    const fold = await time(() => core.foldCase(journal), iterations);
    const base = { baseline: fold, baselineName: `foldCase alone, ${size} events` };
    const before = await time(() => core.verifyJournal(journal, { checkPayload }), iterations);
    rows.push({ name: `before: verify ${size} events (chain + schemas, opt-in)`, value: before, unit: 'ms', ...base });
    const full = await time(async () => {
      const verdict = await core.verifyJournal(journal, { checkPayload, seal: { port: seal, record } });
      if (!verdict.ok) throw new Error(verdict.problem.code);
    }, iterations);
    rows.push({
      name: `after: verify ${size} events (+ markers + seal), first read`,
      value: full,
      unit: 'ms',
      ...base,
    });
    const first = await time(async () => {
      const loaded = await newService().loadCase(caseId);
      if (!loaded.ok) throw new Error(loaded.errors[0].code);
    }, iterations);
    rows.push({
      name: `after: loadCase ${size} events, first read (verify + fold)`,
      value: first,
      unit: 'ms',
      ...base,
    });
    const service = newService();
    await service.loadCase(caseId);
    const again = await time(
      async () => {
        const loaded = await service.loadCase(caseId);
        if (!loaded.ok) throw new Error(loaded.errors[0].code);
      },
      Math.max(iterations, 20),
    );
    rows.push({
      name: `after: loadCase ${size} events, re-read (verified head cached)`,
      value: again,
      unit: 'ms',
      ...base,
    });
  }
  return rows;
}
