/*
 * The tamper suite (DP-43, DP-44): every way of tampering with a stored journal must be detected on
 * the next read, and the refusal must name the first bad event. Shared by every store, like the
 * contract suite: a store passes it through an adapter that reads and writes its raw rows.
 *
 *   import { describeTamperSuite } from '@fallkit/core/testing';
 *   describeTamperSuite('my server store', async (seal) => ({ store, readRows, writeRows, ... }));
 */
import { FixedClock } from '../ports/clock.js';
import { SequentialIds } from '../ports/id-generator.js';
import { canonicalJson } from '../journal/canonical-json.js';
import { hashEnvelope, hashPayload } from '../journal/chain.js';
import type { JournalEvent } from '../journal/journal-event.js';
import {
  createHmacJournalSeal,
  generateHmacSealKey,
  type JournalSeal,
  type JournalSealRecord,
} from '../journal/journal-seal.js';
import type { CaseStore } from '../store/case-store.js';
import type { Result } from '../result/refusal.js';
import { createCaseService, type CaseService } from '../service/case-service.js';
import { domainInvariantGuard } from '../service/default-guards.js';
import { restrictionGuard } from '../rights/restriction-guard.js';
import { requestErasure } from '../rights/erasure.js';
import { runExampleCases } from '../examples/run-examples.js';
import { noFurtherMeasures } from '../examples/cases/no-further-measures.js';
import { EXAMPLE_ACTORS } from '../examples/actors.js';
import { executeRetentionSweep, planRetentionSweep } from '../retention/retention-sweep.js';
import type { RetentionSchedule } from '../retention/retention-schedule.js';

declare const describe: (name: string, body: () => void) => void;
declare const console: { log(message: string): void };
// Both Node 17+ and browsers have it; rows of encrypted stores hold binary ciphertext that JSON would lose.
declare const structuredClone: <T>(value: T) => T;
declare const it: (name: string, body: (this: { timeout?(ms: number): void }) => Promise<void>) => void;

/** A stored row as the store keeps it: the clear envelope, and the payload or its ciphertext. */
export type RawRow = Record<string, unknown> & { readonly seq: number; readonly hash: string };

/**
 * What the suite needs of a store: the store, and raw access to what it keeps, as an attacker with
 * access to the storage (but not to the unlock secret) has it.
 */
export interface TamperTarget {
  readonly store: CaseStore;
  /** Whether payloads are encrypted (then payload changes are ciphertext changes). */
  readonly encrypted: boolean;
  /** The stored rows of a stream, in order, as plain objects. */
  readRows(caseId: string): Promise<RawRow[]>;
  /** Replaces the stored rows of a stream; `false` when the storage itself refuses the rows (a duplicate key). */
  writeRows(caseId: string, rows: readonly RawRow[]): Promise<boolean>;
  /** Replaces (or with `undefined` deletes) the stored seal of a stream. */
  writeSeal(caseId: string, seal: JournalSealRecord | undefined): Promise<void>;
  /** One row with one byte of its stored payload (or ciphertext) changed. */
  flipPayloadByte(row: RawRow): RawRow;
  /** One row whose payload an attacker replaced with `payload`, written the way the storage allows. */
  replacePayload(row: RawRow, payload: unknown): RawRow;
  /** Everything the storage holds as text (ciphertext decoded as UTF-8), plus the decrypted journals. */
  rawText(): Promise<string>;
  /** Plain-text backups of the store, where it has them. */
  readonly backup?: {
    export(): Promise<string>;
    import(text: string): Promise<Result<unknown>>;
  };
}

/** Makes a fresh target; a store without a secret of its own must use `seal` (the host's key). */
export type TamperTargetFactory = (seal: JournalSeal) => Promise<TamperTarget>;

class TamperViolation extends Error {}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new TamperViolation(message);
}

const CASE_ID = noFurtherMeasures.caseId;
const FAMILY_NAME = 'Yıldız';
const CLOSURE_NOTE = 'Verwiesen an die Migrationsberatung der AWO.';
const COMMAND_REASON = 'Familie Yıldız ist nach Graz verzogen';
const NOW = '2026-07-01T12:00:00.000Z';

/** The example case, with a caller's reason on one step (DP-43: it must be erasable too). */
const EXAMPLE = {
  ...noFurtherMeasures,
  steps: noFurtherMeasures.steps.map((step, i) => (i === 1 ? { ...step, reason: COMMAND_REASON } : step)),
};

function serviceOver(store: CaseStore, seal?: JournalSeal): CaseService {
  return createCaseService({
    store,
    clock: new FixedClock(NOW),
    ids: new SequentialIds(),
    actor: EXAMPLE_ACTORS.kimCaseManager,
    ...(seal === undefined ? {} : { seal }),
  });
}

async function seeded(factory: TamperTargetFactory): Promise<{ target: TamperTarget; seal: JournalSeal }> {
  const seal = createHmacJournalSeal(await generateHmacSealKey());
  const target = await factory(seal);
  await runExampleCases({ store: target.store, cases: [EXAMPLE], guards: [domainInvariantGuard, restrictionGuard] });
  return { target, seal: target.store.journalSeal ?? seal };
}

/** Rows with the hashes recomputed from `from` on, each linked to its predecessor: a consistent re-hash. */
async function rehashFrom(rows: readonly RawRow[], from: number): Promise<RawRow[]> {
  const out = [...rows];
  for (let i = from; i < out.length; i += 1) {
    const prevHash = i === 0 ? '0'.repeat(64) : out[i - 1]!.hash;
    const row = { ...out[i]!, prevHash };
    out[i] = { ...row, hash: await hashEnvelope(row as unknown as JournalEvent) };
  }
  return out;
}

function flipHex(hex: string): string {
  return (hex[0] === '0' ? '1' : '0') + hex.slice(1);
}

/** One way of tampering: what is done to the rows (or seal), and the code and seq the refusal must name. */
interface TamperCase {
  readonly name: string;
  readonly code: string | ((target: TamperTarget) => string);
  /** The seq the refusal must name, given the journal's length `n`. */
  readonly seq: (n: number) => number;
  readonly apply: (rows: RawRow[], target: TamperTarget, seal: JournalSealRecord) => Promise<RawRow[] | 'seal'>;
  /** Only for stores whose rows are plain text. */
  readonly plainOnly?: boolean;
}

const K = 3;

const TAMPER_CASES: readonly TamperCase[] = [
  {
    name: 'a byte of a payload',
    code: (target) => (target.encrypted ? 'JOURNAL_EVENT_UNREADABLE' : 'JOURNAL_PAYLOAD_HASH_MISMATCH'),
    seq: () => K,
    apply: async (rows, target) => rows.map((row, i) => (i === K - 1 ? target.flipPayloadByte(row) : row)),
  },
  {
    name: 'a byte of a note (the erasable free text)',
    code: 'JOURNAL_PAYLOAD_HASH_MISMATCH',
    seq: () => 2,
    plainOnly: true,
    apply: async (rows) =>
      rows.map((row, i) =>
        i === 1 ? { ...row, note: { ...(row['note'] as object), reason: `${COMMAND_REASON}.` } } : row,
      ),
  },
  {
    name: 'a byte of an envelope',
    code: 'JOURNAL_HASH_MISMATCH',
    seq: () => K,
    apply: async (rows) => rows.map((row, i) => (i === K - 1 ? { ...row, at: '2026-01-01T00:00:00.000Z' } : row)),
  },
  {
    name: 'a byte of a hash',
    code: 'JOURNAL_HASH_MISMATCH',
    seq: () => K,
    apply: async (rows) => rows.map((row, i) => (i === K - 1 ? { ...row, hash: flipHex(row.hash) } : row)),
  },
  {
    name: 'two events swapped',
    code: 'JOURNAL_HASH_MISMATCH',
    seq: () => K,
    // Rows are keyed by their position; swapping contents puts event K+1 at position K.
    apply: async (rows) =>
      rows.map((row, i) => (i === K - 1 ? { ...rows[K]!, seq: K } : i === K ? { ...rows[K - 1]!, seq: K + 1 } : row)),
  },
  {
    name: 'an event dropped from the middle',
    code: 'JOURNAL_HASH_MISMATCH',
    seq: () => K,
    // Later events move up a place, as a store keyed by position holds them.
    apply: async (rows) => rows.filter((_, i) => i !== K - 1).map((row, i) => ({ ...row, seq: i + 1 })),
  },
  {
    name: 'an event duplicated',
    code: 'JOURNAL_HASH_MISMATCH',
    seq: () => K + 1,
    apply: async (rows) =>
      [...rows.slice(0, K), { ...rows[K - 1]!, id: `${String(rows[K - 1]!['id'])}-copy` }, ...rows.slice(K)].map(
        (row, i) => ({ ...row, seq: i + 1 }),
      ),
  },
  {
    name: 'a consistently chained event appended',
    code: 'JOURNAL_UNSEALED_EVENTS',
    seq: (n) => n + 1,
    apply: async (rows) => {
      const last = rows.at(-1)!;
      const forged = { ...last, id: 'forged-event', seq: last.seq + 1, prevHash: last.hash };
      return [...rows, { ...forged, hash: await hashEnvelope(forged as unknown as JournalEvent) }];
    },
  },
  {
    name: 'the tail truncated',
    code: 'JOURNAL_TRUNCATED',
    seq: (n) => n,
    apply: async (rows) => rows.slice(0, -1),
  },
  {
    name: 'the last event dropped and the chain re-hashed',
    code: 'JOURNAL_TRUNCATED',
    seq: (n) => n,
    apply: async (rows) => rehashFrom(rows.slice(0, -1), 0),
  },
  {
    name: 'a consistent re-hash after a changed event',
    // The chain is consistent again, so the first provably bad event is the sealed head.
    code: 'JOURNAL_SEAL_MISMATCH',
    seq: (n) => n,
    apply: async (rows) =>
      rehashFrom(
        rows.map((row, i) => (i === K - 1 ? { ...row, at: '2026-01-01T00:00:00.000Z' } : row)),
        K - 1,
      ),
  },
  {
    name: 'a forged erasure marker',
    // An encrypted store refuses a payload in clear before the marker is even looked at.
    code: (target) => (target.encrypted ? 'JOURNAL_EVENT_UNREADABLE' : 'JOURNAL_ERASURE_UNAUTHORISED'),
    seq: () => K,
    apply: async (rows, target) =>
      rows.map((row, i) =>
        i === K - 1 ? target.replacePayload(row, { erased: true, erasedAt: NOW, rule: 'DP-32' }) : row,
      ),
  },
  {
    name: 'a seal made with another key',
    code: 'JOURNAL_SEAL_INVALID',
    seq: (n) => n,
    apply: async (rows, target, seal) => {
      const other = createHmacJournalSeal(await generateHmacSealKey());
      await target.writeSeal(CASE_ID, await other.sign(seal));
      return rows;
    },
  },
  {
    name: 'the seal removed',
    code: 'JOURNAL_SEAL_MISSING',
    seq: (n) => n,
    apply: async (rows, target) => {
      await target.writeSeal(CASE_ID, undefined);
      return rows;
    },
  },
];

/** Backup tampering: what is done to the lines of a plain backup, and the code that must refuse it. */
interface BackupCase {
  readonly name: string;
  readonly codes: readonly string[];
  readonly apply: (lines: string[]) => Promise<string[]>;
}

type Line = { kind: string; event?: RawRow; entry?: Record<string, unknown>; seal?: unknown };

function caseEvents(lines: readonly string[]): number[] {
  return lines.flatMap((line, i) => {
    const parsed = JSON.parse(line) as Line;
    return parsed.kind === 'event' && parsed.event?.['caseId'] === CASE_ID ? [i] : [];
  });
}

function withHeaderCounts(lines: string[], delta: number): string[] {
  const header = JSON.parse(lines[0]!) as { events: number };
  return [canonicalJson({ ...header, events: header.events + delta }), ...lines.slice(1)];
}

const BACKUP_CASES: readonly BackupCase[] = [
  {
    name: 'last event dropped, header counts fixed',
    codes: ['JOURNAL_TRUNCATED'],
    apply: async (lines) => {
      const last = caseEvents(lines).at(-1)!;
      return withHeaderCounts(
        lines.filter((_, i) => i !== last),
        -1,
      );
    },
  },
  {
    name: 'a consistently chained forged event appended',
    codes: ['JOURNAL_UNSEALED_EVENTS'],
    apply: async (lines) => {
      const at = caseEvents(lines).at(-1)!;
      const last = (JSON.parse(lines[at]!) as Line).event!;
      const forged = { ...last, id: 'forged-event', seq: last.seq + 1, prevHash: last.hash };
      const event = { ...forged, hash: await hashEnvelope(forged as unknown as JournalEvent) };
      return withHeaderCounts(
        [...lines.slice(0, at + 1), canonicalJson({ kind: 'event', event }), ...lines.slice(at + 1)],
        1,
      );
    },
  },
  {
    name: 'an envelope changed and the chain re-hashed',
    // Every payload still fits its schema, the chain is consistent again: only the seal catches it.
    codes: ['JOURNAL_SEAL_MISMATCH'],
    apply: async (lines) => {
      const positions = caseEvents(lines);
      const rows = positions.map((i) => (JSON.parse(lines[i]!) as Line).event!);
      const rehashed = await rehashFrom(
        rows.map((row, i) => (i === K - 1 ? { ...row, at: '2026-01-01T00:00:00.000Z' } : row)),
        K - 1,
      );
      const out = [...lines];
      positions.forEach((position, i) => (out[position] = canonicalJson({ kind: 'event', event: rehashed[i] })));
      return out;
    },
  },
  {
    name: 'a payload forged and the chain re-hashed',
    // The forged payload fails its event schema: the import's payload check refuses it (DP-38, issues 15/22)
    // before the seal is looked at.
    codes: ['JOURNAL_PAYLOAD_INVALID', 'STORE_BACKUP_TAMPERED'],
    apply: async (lines) => {
      const positions = caseEvents(lines);
      const rows = positions.map((i) => (JSON.parse(lines[i]!) as Line).event!);
      const forgedPayload = { ...(rows[K - 1]!['payload'] as object), forged: true };
      const changed = rows.map((row, i) => (i === K - 1 ? { ...row, payload: forgedPayload } : row));
      const withHash = {
        ...changed[K - 1]!,
        payloadHash: await hashPayload(forgedPayload, changed[K - 1]!['note'] as never),
      };
      const rehashed = await rehashFrom(
        changed.map((row, i) => (i === K - 1 ? withHash : row)),
        K - 1,
      );
      const out = [...lines];
      positions.forEach((position, i) => (out[position] = canonicalJson({ kind: 'event', event: rehashed[i] })));
      return out;
    },
  },
  {
    name: 'a forged erasure marker',
    codes: ['JOURNAL_ERASURE_UNAUTHORISED'],
    apply: async (lines) => {
      const at = caseEvents(lines)[K - 1]!;
      const event = {
        ...(JSON.parse(lines[at]!) as Line).event!,
        payload: { erased: true, erasedAt: NOW, rule: 'DP-32' },
      };
      const out = [...lines];
      out[at] = canonicalJson({ kind: 'event', event });
      return out;
    },
  },
  {
    name: 'an index row changed (case manager and label)',
    codes: ['STORE_BACKUP_INDEX_MISMATCH'],
    apply: async (lines) =>
      lines.map((line) => {
        const parsed = JSON.parse(line) as Line;
        if (parsed.kind !== 'index' || parsed.entry?.['caseId'] !== CASE_ID) return line;
        return canonicalJson({
          kind: 'index',
          entry: { ...parsed.entry, caseManagerIds: ['u-attacker'], label: '<img src=x onerror=alert(1)>' },
        });
      }),
  },
];

/** Counts of one suite run, printed at its end. */
interface Tally {
  cases: number;
  detected: number;
}

async function expectRefused(outcome: Result<unknown>, code: string, seq: number, what: string): Promise<void> {
  check(!outcome.ok, `${what}: must be refused`);
  const first = outcome.errors[0]!;
  check(first.code === code, `${what}: expected ${code}, got ${first.code} (${first.message.en})`);
  check(first.path?.[1] === seq, `${what}: must name event ${seq}, named ${String(first.path?.[1])}`);
  check(/\d/.test(first.message.de) && /\d/.test(first.message.en), `${what}: the message names the event`);
}

/**
 * Registers the tamper suite for a store. Each way of tampering is applied to the stored rows of a
 * sealed example case; a fresh service then has to refuse `loadCase`, the verified read that views use
 * and a command, each with the expected `JOURNAL_*` code naming the first bad event, and the stored
 * rows must be exactly as the attacker left them (never extended). Prints the counts at the end.
 * With `backups`, the target's plain backups are forged too and must be refused whole.
 */
export function describeTamperSuite(
  name: string,
  factory: TamperTargetFactory,
  options: { readonly backups?: boolean } = {},
): void {
  describe(`tamper suite (DP-44): ${name}`, () => {
    it('DP-44: every way of tampering is detected and names the first bad event', async function () {
      this.timeout?.(120_000);
      const { target, seal } = await seeded(factory);
      const baseline = await target.readRows(CASE_ID);
      const baseSeal = (await target.store.readSeal?.(CASE_ID))!;
      check(baseSeal !== undefined && baseSeal.seq === baseline.length, 'the example case is sealed at its head');
      const clean = await serviceOver(target.store, seal).loadCase(CASE_ID);
      check(clean.ok, `the untouched journal verifies: ${clean.ok ? '' : clean.errors[0]?.code}`);
      const tally: Tally = { cases: 0, detected: 0 };
      const refusedByStorage: string[] = [];
      const n = baseline.length;
      for (const tamper of TAMPER_CASES) {
        if (tamper.plainOnly && target.encrypted) continue;
        tally.cases += 1;
        const rows = await tamper.apply(
          baseline.map((row) => structuredClone(row)),
          target,
          baseSeal,
        );
        const written = rows === 'seal' || (await target.writeRows(CASE_ID, rows));
        if (!written) {
          refusedByStorage.push(tamper.name);
          tally.detected += 1;
        } else {
          const code = typeof tamper.code === 'string' ? tamper.code : tamper.code(target);
          const expectedSeq = tamper.seq(n);
          const stored = canonicalJson(await target.rawText());
          const service = serviceOver(target.store, seal);
          await expectRefused(await service.loadCase(CASE_ID), code, expectedSeq, `${tamper.name}: loadCase`);
          await expectRefused(
            await service.readVerifiedJournal(CASE_ID),
            code,
            expectedSeq,
            `${tamper.name}: the verified read of views`,
          );
          await expectRefused(
            await service.execute({ type: 'recordNote', caseId: CASE_ID, input: { text: 'Nachtrag' } }),
            code,
            expectedSeq,
            `${tamper.name}: a command`,
          );
          check(
            canonicalJson(await target.rawText()) === stored,
            `${tamper.name}: a tampered journal is never extended`,
          );
          tally.detected += 1;
        }
        await target.writeRows(CASE_ID, baseline);
        await target.writeSeal(CASE_ID, baseSeal);
      }
      const restored = await serviceOver(target.store, seal).loadCase(CASE_ID);
      check(restored.ok, 'the journal verifies again once restored');
      const extra =
        refusedByStorage.length > 0 ? ` (refused by the storage itself: ${refusedByStorage.join(', ')})` : '';
      console.log(`tamper cases (${name}): ${tally.detected} detected of ${tally.cases}${extra}`);
      check(tally.detected === tally.cases, 'every tamper case is detected');
    });

    it('DP-44: a verified head that changes later is refused on the next read of the same service', async () => {
      const { target, seal } = await seeded(factory);
      const service = serviceOver(target.store, seal);
      check((await service.loadCase(CASE_ID)).ok, 'first read verifies');
      const rows = await target.readRows(CASE_ID);
      const rehashed = await rehashFrom(
        rows.map((row, i) => (i === K - 1 ? { ...row, at: '2026-01-01T00:00:00.000Z' } : row)),
        K - 1,
      );
      await target.writeRows(CASE_ID, rehashed);
      const again = await service.loadCase(CASE_ID);
      await expectRefused(again, 'JOURNAL_VERIFIED_HEAD_CHANGED', rows.length, 'cached head');
    });

    if (options.backups)
      it('DP-44: a forged backup is refused whole and leaves the store as it was', async function () {
        this.timeout?.(120_000);
        const { target } = await seeded(factory);
        check(target.backup !== undefined, 'the target has backups');
        const text = await target.backup.export();
        const before = canonicalJson(await target.rawText());
        let detected = 0;
        for (const forged of BACKUP_CASES) {
          const lines = text.trimEnd().split('\n');
          const changed = (await forged.apply(lines)).join('\n') + '\n';
          check(changed !== text, `${forged.name}: the file changed`);
          const outcome = await target.backup.import(changed);
          check(!outcome.ok, `${forged.name}: must be refused`);
          const codes = outcome.errors.map((error) => error.code);
          check(
            forged.codes.every((code) => codes.includes(code)),
            `${forged.name}: expected ${forged.codes.join(', ')}, got ${codes.join(', ')}`,
          );
          check(canonicalJson(await target.rawText()) === before, `${forged.name}: the store is as it was`);
          detected += 1;
        }
        const genuine = await target.backup.import(text);
        check(genuine.ok, `the genuine backup is accepted: ${genuine.ok ? '' : genuine.errors[0]?.code}`);
        console.log(`tamper cases (${name}, backup): ${detected} detected of ${BACKUP_CASES.length}`);
      });

    it('DP-43: after erasure no byte of the store holds the person’s text; the chain still verifies', async function () {
      this.timeout?.(60_000);
      const { target, seal } = await seeded(factory);
      const before = await target.rawText();
      for (const text of [FAMILY_NAME, CLOSURE_NOTE, COMMAND_REASON])
        check(before.includes(text) || target.encrypted, `the example holds "${text}" before erasure`);
      // DP-41: the holding agency's data-protection officer decides an erasure.
      const service = createCaseService({
        store: target.store,
        clock: new FixedClock(NOW),
        ids: new SequentialIds(),
        actor: EXAMPLE_ACTORS.kimDataProtectionOfficer,
        seal,
      });
      const erased = await requestErasure(service, target.store, new FixedClock(NOW), CASE_ID, {
        subjectId: 'yildiz-person-1',
        scope: 'case',
      });
      check(
        erased.ok && erased.value.outcome === 'granted',
        `erasure is granted: ${erased.ok ? erased.value.outcome : erased.errors[0]?.code}`,
      );
      const after = await target.rawText();
      for (const text of [FAMILY_NAME, 'Emre', CLOSURE_NOTE, COMMAND_REASON, 'nach Graz'])
        check(!after.includes(text), `"${text}" is gone from every stored byte after erasure`);
      check((await serviceOver(target.store, seal).loadCase(CASE_ID)).ok, 'the erased journal still verifies (DP-44)');
    });

    it('DP-43: after the retention sweep no byte of the store holds the person’s text; the chain still verifies', async function () {
      this.timeout?.(60_000);
      const { target, seal } = await seeded(factory);
      const schedule: RetentionSchedule = {
        version: 'tamper-1',
        rules: [
          {
            id: 'caseManagement-3y',
            purpose: 'caseManagement',
            yearsAfterClosure: 3,
            basis: 'recordsSchedule',
            action: 'anonymise',
            reference: 'Test',
            verified: false,
          },
        ],
      };
      const clock = new FixedClock('2030-01-15T09:00:00.000Z');
      const ids = new SequentialIds();
      const plan = await planRetentionSweep({ store: target.store, schedule, clock, ids, date: '2030-01-15' });
      check(
        plan.entries.some((entry) => entry.caseId === CASE_ID),
        'the closed case is due',
      );
      const done = await executeRetentionSweep({
        store: target.store,
        schedule,
        clock,
        ids,
        plan,
        seal,
        confirmedBy: EXAMPLE_ACTORS.kimCaseManager,
      });
      check(done.ok && done.value.executed.length > 0, 'the sweep ran');
      const after = await target.rawText();
      for (const text of [FAMILY_NAME, 'Emre', CLOSURE_NOTE, COMMAND_REASON, 'nach Graz'])
        check(!after.includes(text), `"${text}" is gone from every stored byte after the sweep`);
      check(
        (await serviceOver(target.store, seal).loadCase(CASE_ID)).ok,
        'the anonymised journal still verifies (DP-44)',
      );
    });
  });
}
