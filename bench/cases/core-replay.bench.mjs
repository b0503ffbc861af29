/**
 * Rebuilding a case from its stored journal: JSON.parse, hash-chain verification (SHA-256 per payload and
 * per envelope), payload schema checks with upcasting, and the fold into the case state. Measured for a
 * 50-event and a 5,000-event case against a baseline on the same bytes in the same run: JSON.parse and a
 * plain loop that only sorts the events into arrays by type. A second figure per size is the fold alone
 * (no verification) against the same baseline, to show what hashing costs.
 *
 * A third figure per size is the same rebuild as a case service does it on a sealed store (DP-44): its case reader
 * reads the journal (JSON.parse of the same bytes), verifies the chain and the HMAC seal of the head, and folds the
 * case and its privacy and rights projections. There payloads at their current version are not parsed again: the
 * writer that signed the head checked them, the chain and the seal prove them unchanged (issue 18).
 *
 * Times are CPU time of the process (the build machine is shared; wall time swung by a factor of three).
 *
 * The core is imported from its TypeScript sources through tsx, as the tests do; no build needed.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { loadCore } from '../lib/load-core.mjs';

/** CPU time of this process in ms: on a shared machine, wall time also counts the time other processes had the core. */
function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** @param {() => unknown | Promise<unknown>} work @param {number} iterations @returns {Promise<number>} CPU ms per iteration (median of 5 rounds) */
async function time(work, iterations) {
  const rounds = [];
  for (let round = 0; round < 5; round += 1) {
    const started = cpuMs();
    for (let i = 0; i < iterations; i += 1) await work();
    rounds.push((cpuMs() - started) / iterations);
  }
  rounds.sort((a, b) => a - b);
  return rounds[2];
}

/**
 * Builds a stored journal of `size` events: a real case opened and planned through the service, then
 * monitoring events (contacts, notes, follow-ups, progress judgements) sealed in one batch.
 */
async function buildJournal(core, size) {
  const { createCaseService, MemoryCaseStore, FixedClock, SequentialIds, EXAMPLE_ACTORS, sealEvents, caseEvent } = core;
  const store = new MemoryCaseStore();
  const ids = new SequentialIds();
  const actor = EXAMPLE_ACTORS.kimCaseManager;
  // The journal skips the cycle's stages (a goal straight after opening): built without the process guard.
  const guards = core.DEFAULT_GUARDS.filter((guard) => guard !== core.processGuard);
  const service = createCaseService({ store, clock: new FixedClock('2026-06-01T10:00:00.000Z'), ids, actor, guards });
  const run = async (command) => {
    const result = await service.execute(command);
    if (!result.ok) throw new Error(result.errors.map((e) => e.message.en).join('; '));
    return result.value;
  };
  const { caseId, state } = await run({
    type: 'openCase',
    input: {
      addressee: { roles: ['addressee'], givenName: 'Bench', familyName: 'Mark' },
      leadAgency: { agencyId: 'kim-musterstadt', name: 'KIM Musterstadt' },
    },
  });
  await run({
    type: 'agreeGoal',
    caseId,
    input: {
      level: 'case',
      title: 'Wohnung sichern',
      indicators: [{ description: 'Mietvertrag' }],
      domainIds: ['housing'],
      agreement: { agreedByPerson: true, agreedOn: '2026-05-01', form: 'written' },
    },
  });
  const journal = await store.readJournal(caseId);
  const meta = {
    subjectIds: [state.addresseeId],
    origin: 'caseManager',
    recordedBy: actor.id,
    recordedAt: '2026-06-01T10:00:00.000Z',
  };
  const pending = [];
  for (let i = journal.length; i < size; i += 1) {
    const on = `2026-0${1 + (i % 5)}-${String(1 + (i % 28)).padStart(2, '0')}`;
    switch (i % 4) {
      case 0:
        pending.push(
          caseEvent('ContactRecorded', {
            id: `c-${i}`,
            on,
            mode: 'phone',
            withInterpreter: false,
            participantIds: [state.addresseeId],
            reached: true,
            note: `Telefonat Nr. ${i}: Stand Wohnungssuche besprochen.`,
            ...meta,
            categories: ['notes'],
          }),
        );
        break;
      case 1:
        pending.push(
          caseEvent('NoteRecorded', {
            id: `n-${i}`,
            on,
            text: `Vermerk ${i}: Unterlagen für den Wohnberechtigungsschein vollständig.`,
            ...meta,
            categories: ['notes'],
          }),
        );
        break;
      case 2:
        pending.push(
          caseEvent('FollowUpScheduled', {
            id: `f-${i}`,
            dueOn: on,
            subject: `Wiedervorlage ${i}`,
            done: false,
            ...meta,
            categories: ['notes'],
          }),
        );
        break;
      default:
        pending.push(
          caseEvent('ProgressJudged', {
            id: `p-${i}`,
            on,
            target: { kind: 'goal', id: 'goal-1' },
            judgement: 'partly',
            note: 'Zwei Besichtigungen.',
            ...meta,
            categories: ['goals'],
          }),
        );
    }
  }
  const sealed = await sealEvents(pending, {
    caseId,
    last: journal.at(-1),
    at: '2026-06-01T10:00:00.000Z',
    actor,
    newId: () => ids.next('event'),
  });
  return [...journal, ...sealed];
}

/**
 * A cold read of a sealed case as the case service reads it (its reader, with the checks the service passes),
 * from a store that hands out `JSON.parse(text)` and the head's seal: a new reader per read, so nothing is held.
 */
async function sealedRebuild(core, repoRoot, text, { reparse = false } = {}) {
  const { createCaseReader } = await tsImport(
    pathToFileURL(join(repoRoot, 'packages/core/src/service/case-reader.ts')).href,
    import.meta.url,
  );
  const { createSealedReadPayloadCheck, createStoredPayloadCheck } = await tsImport(
    pathToFileURL(join(repoRoot, 'packages/core/src/events/stored-payload-check.ts')).href,
    import.meta.url,
  );
  const journal = JSON.parse(text);
  const head = journal.at(-1);
  const seal = core.createHmacJournalSeal(await core.generateHmacSealKey());
  const record = await seal.sign({ caseId: head.caseId, seq: head.seq, hash: head.hash });
  const store = { journalSeal: seal, readJournal: async () => JSON.parse(text), readSeal: async () => record };
  const verification = {
    seal,
    checkPayload: createStoredPayloadCheck(),
    // `reparse`: every payload through its schema again, as the reader did before (for the figure before/after).
    ...(reparse ? {} : { checkSealedPayload: createSealedReadPayloadCheck() }),
  };
  return async () => {
    const read = await createCaseReader(store, verification).read(head.caseId);
    if (!read.ok || read.value.lastSeq !== head.seq) throw new Error('sealed rebuild failed');
  };
}

/** @param {{ repoRoot: string }} context */
export default async function ({ repoRoot }) {
  const core = await loadCore(repoRoot);
  const rows = [];
  for (const [size, iterations] of [
    [50, 100],
    [5000, 2],
  ]) {
    const text = JSON.stringify(await buildJournal(core, size));
    const baseline = await time(() => {
      const events = JSON.parse(text);
      const byType = new Map();
      for (const event of events) {
        const list = byType.get(event.type) ?? [];
        list.push(event.payload);
        byType.set(event.type, list);
      }
      return byType;
    }, iterations * 10);
    const replay = await time(async () => {
      const result = await core.replayCase(JSON.parse(text));
      if (!result.verification.ok || result.state.lastSeq !== size) throw new Error('replay failed');
    }, iterations);
    const fold = await time(() => core.foldCase(JSON.parse(text)), iterations);
    const sealed = await time(await sealedRebuild(core, repoRoot, text), iterations);
    const reparsed = await time(await sealedRebuild(core, repoRoot, text, { reparse: true }), iterations);
    const baselineName = `JSON.parse + loop (${size} events)`;
    rows.push({
      name: `core: rebuild ${size}-event case (parse + verify hashes + schemas + fold)`,
      value: replay,
      unit: 'ms',
      baseline,
      baselineName,
    });
    rows.push({
      name: `core: rebuild ${size}-event case, sealed store (parse + verify hashes + seal + fold)`,
      value: sealed,
      unit: 'ms',
      baseline,
      baselineName,
    });
    rows.push({
      name: `core: rebuild ${size}-event case, sealed store, payloads parsed again (the read before issue 18)`,
      value: reparsed,
      unit: 'ms',
      baseline,
      baselineName,
    });
    rows.push({
      name: `core: fold ${size}-event case without verification`,
      value: fold,
      unit: 'ms',
      baseline,
      baselineName,
    });
  }
  return rows;
}
