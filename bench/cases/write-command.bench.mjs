/**
 * The cost of one command against the length of its case's journal: a `recordNote` (with a fresh
 * `commandId`, as the components send it) through the case service on a case of 100, 1,000 and 5,000
 * events (memory store). The baseline, measured in the same
 * run, appends the same sealed events the command produced to a second store holding the same journal
 * directly: what any write costs, whatever the core decides. A second figure per size is the "cold"
 * command: a new service for each command (no held head), which reads and folds the whole journal
 * first, as every command did before the per-case snapshot. Goal: the warm 5,000-event command within
 * 2x of the 100-event one.
 *
 * The core is imported from its TypeScript sources through tsx, as the tests do; no build needed.
 */
import { loadCore } from '../lib/load-core.mjs';

const NOW = '2026-06-01T10:00:00.000Z';
const WARM_UP = 20;

/** A case of `size` events: opened and given a goal through the service, then monitoring events sealed in one go. */
async function buildCase(core, size) {
  const { createCaseService, MemoryCaseStore, FixedClock, SequentialIds, EXAMPLE_ACTORS, sealEvents, caseEvent } = core;
  const store = new MemoryCaseStore();
  const actor = EXAMPLE_ACTORS.kimCaseManager;
  // The journal skips the cycle's stages (a goal straight after opening): built without the process guard.
  const guards = core.DEFAULT_GUARDS.filter((guard) => guard !== core.processGuard);
  const ids = new SequentialIds();
  const service = createCaseService({ store, clock: new FixedClock(NOW), ids, actor, guards });
  const opened = await service.execute({
    type: 'openCase',
    input: {
      addressee: { roles: ['addressee'], givenName: 'Bench', familyName: 'Mark' },
      leadAgency: { agencyId: 'kim-musterstadt', name: 'KIM Musterstadt' },
    },
  });
  if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
  const { caseId, state } = opened.value;
  const meta = { subjectIds: [state.addresseeId], origin: 'caseManager', recordedBy: actor.id, recordedAt: NOW };
  const pending = [];
  for (let i = 1; i < size; i += 1) {
    const on = `2026-0${1 + (i % 5)}-${String(1 + (i % 28)).padStart(2, '0')}`;
    pending.push(
      i % 3 === 0
        ? caseEvent('ContactRecorded', {
            id: `c-${i}`,
            on,
            mode: 'phone',
            withInterpreter: false,
            participantIds: [state.addresseeId],
            reached: true,
            note: `Telefonat Nr. ${i}: Stand Wohnungssuche besprochen.`,
            ...meta,
            categories: ['notes'],
          })
        : i % 3 === 1
          ? caseEvent('NoteRecorded', {
              id: `n-${i}`,
              on,
              text: `Vermerk ${i}: Unterlagen vollständig.`,
              ...meta,
              categories: ['notes'],
            })
          : caseEvent('FollowUpScheduled', {
              id: `f-${i}`,
              dueOn: on,
              subject: `Wiedervorlage ${i}`,
              done: false,
              ...meta,
              categories: ['notes'],
            }),
    );
  }
  const journal = await store.readJournal(caseId);
  const sealed = await sealEvents(pending, {
    caseId,
    last: journal.at(-1),
    at: NOW,
    actor,
    newId: () => ids.next('event'),
  });
  const all = [...journal, ...sealed];
  const index = core.caseIndexEntry(core.foldCase(all));
  const appended = await store.append({ caseId, expectedSeq: journal.length, events: sealed, index });
  if (!appended.ok) throw new Error(JSON.stringify(appended.errors));
  return { store, caseId, journal: all, index, guards, actor };
}

/** The median of a list of timings. */
function middle(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** @param {{ repoRoot: string }} context */
export default async function ({ repoRoot }) {
  const core = await loadCore(repoRoot);
  const { createCaseService, MemoryCaseStore, FixedClock, randomIds } = core;
  const sizes = [100, 1000, 5000];
  const ROUNDS = 60;
  const cases = [];
  for (const size of sizes) {
    const built = await buildCase(core, size);
    // The baseline store holds the same journal; each command's events are appended to it as well.
    const mirror = new MemoryCaseStore();
    await mirror.append({ caseId: built.caseId, expectedSeq: 0, events: built.journal, index: built.index });
    const service = createCaseService({
      store: built.store,
      clock: new FixedClock(NOW),
      ids: randomIds,
      actor: built.actor,
      guards: built.guards,
    });
    cases.push({ size, built, mirror, service, seq: size, command: [], baseline: [] });
  }
  // As the components send it: with a fresh commandId, so the idempotency lookup is part of the cost.
  const note = (c, i) => ({
    type: 'recordNote',
    caseId: c.built.caseId,
    commandId: `command-${crypto.randomUUID()}`,
    input: { text: `Vermerk im Lauf ${i}` },
  });
  /** One command on case `c`, then the same sealed events appended to its mirror; both timed. */
  async function step(c, i, record) {
    let started = performance.now();
    const result = await c.service.execute(note(c, i));
    const command = performance.now() - started;
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const events = result.value.events;
    started = performance.now();
    const appended = await c.mirror.append({
      caseId: c.built.caseId,
      expectedSeq: c.seq,
      events,
      index: c.built.index,
    });
    const baseline = performance.now() - started;
    if (!appended.ok) throw new Error(JSON.stringify(appended.errors));
    c.seq += events.length;
    if (record) {
      c.command.push(command);
      c.baseline.push(baseline);
    }
  }
  // Warm-up: the first command takes the head into memory; the next ones let the JIT and the garbage
  // of building the cases settle. Then the sizes take turns, so a busy machine slows all of them alike.
  for (let i = 0; i < WARM_UP; i += 1) for (const c of cases) await step(c, `warm-${i}`, false);
  for (let i = 0; i < ROUNDS; i += 1) for (const c of cases) await step(c, i, true);
  const rows = [];
  for (const c of cases) {
    const label = c.size.toLocaleString('en');
    const baseline = middle(c.baseline);
    rows.push({
      name: `one command, ${label} events (held head)`,
      value: middle(c.command),
      unit: 'ms',
      baseline,
      baselineName: 'append the same sealed events directly',
    });
    const cold = [];
    for (let i = 0; i < (c.size >= 5000 ? 5 : 15); i += 1) {
      const fresh = createCaseService({
        store: c.built.store,
        clock: new FixedClock(NOW),
        ids: randomIds,
        actor: c.built.actor,
        guards: c.built.guards,
      });
      const started = performance.now();
      const result = await fresh.execute(note(c, `kalt-${i}`));
      cold.push(performance.now() - started);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
    }
    rows.push({
      name: `one command, ${label} events (cold: read + fold the whole journal)`,
      value: middle(cold),
      unit: 'ms',
      baseline,
      baselineName: 'append the same sealed events directly',
    });
  }
  const held = (size) => middle(cases.find((c) => c.size === size).command);
  rows.push({ name: 'one command: 5,000 events vs 100 events (goal ≤ 2)', value: held(5000) / held(100), unit: 'x' });
  return rows;
}
