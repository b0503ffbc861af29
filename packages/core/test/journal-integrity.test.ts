import { expect } from 'chai';
import { verifyJournal, type JournalEvent } from '@fallkit/core';
import { checkCaseEventPayload, sealEvents } from '@fallkit/core/internal';
import { EXAMPLE_CASES, runExampleCases } from '@fallkit/core/examples';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every leaf of a JSON value with its path. */
function leaves(value: Json, path: (string | number)[] = []): { path: (string | number)[]; value: Json }[] {
  if (value !== null && typeof value === 'object') {
    const entries: [string | number, Json][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    return entries.flatMap(([key, child]) => leaves(child, [...path, key]));
  }
  return [{ path, value }];
}

/** A different value of the same kind: one character changed, a number moved by one, a flag flipped. */
function altered(value: Json): Json {
  if (typeof value === 'string') {
    if (value.length === 0) return ' ';
    const code = value.charCodeAt(value.length - 1);
    return value.slice(0, -1) + String.fromCharCode(code === 0x30 ? 0x31 : code ^ 1);
  }
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  return 'x';
}

function withLeaf(event: JournalEvent, path: (string | number)[], value: Json): unknown {
  const copy = JSON.parse(JSON.stringify(event)) as Record<string | number, Json>;
  let target: Record<string | number, Json> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, Json>;
  target[path.at(-1) as string | number] = value;
  return copy;
}

describe('journal integrity', () => {
  it('DP-38: changing any field of any stored event is detected by verifyJournal', async function () {
    this.timeout(60_000);
    // The smallest example has every envelope field and nested payloads; every leaf of every event is altered once.
    const example = EXAMPLE_CASES.find((e) => e.key === 'yildiz')!;
    const { store } = await runExampleCases({ cases: [example] });
    const journal = await store.readJournal(example.caseId);
    expect((await verifyJournal(journal)).ok).to.equal(true);
    let checked = 0;
    for (const [index, event] of journal.entries()) {
      for (const leaf of leaves(event as unknown as Json)) {
        const tampered = journal.map((e, i) => (i === index ? withLeaf(e, leaf.path, altered(leaf.value)) : e));
        const verdict = await verifyJournal(tampered, { checkPayload: checkCaseEventPayload });
        expect(verdict.ok, `event ${index} ${leaf.path.join('.')}`).to.equal(false);
        if (!verdict.ok)
          expect(verdict.problem.index, `event ${index} ${leaf.path.join('.')}`).to.be.at.most(index + 1);
        checked += 1;
      }
    }
    expect(checked).to.be.greaterThan(150);
  });

  it('DP-38: in a long journal, one altered byte in the payload of any event is found at that event', async () => {
    const example = EXAMPLE_CASES.find((e) => e.key === 'rahimi')!;
    const { store } = await runExampleCases({ cases: [example] });
    const journal = await store.readJournal(example.caseId);
    for (const [index, event] of journal.entries()) {
      const payloadLeaves = leaves(event.payload as Json).filter((l) => typeof l.value === 'string');
      const leaf = payloadLeaves[index % payloadLeaves.length]!;
      const tampered = journal.map((e, i) =>
        i === index ? withLeaf(e, ['payload', ...leaf.path], altered(leaf.value)) : e,
      );
      const verdict = await verifyJournal(tampered);
      expect(verdict.ok).to.equal(false);
      if (!verdict.ok) {
        expect(verdict.problem.index).to.equal(index);
        expect(verdict.problem.code).to.equal('JOURNAL_PAYLOAD_HASH_MISMATCH');
      }
    }
  });

  it('detects removed, swapped and duplicated events', async () => {
    const example = EXAMPLE_CASES.find((e) => e.key === 'wagner')!;
    const { store } = await runExampleCases({ cases: [example] });
    const journal = await store.readJournal(example.caseId);
    const removed = [...journal.slice(0, 5), ...journal.slice(6)];
    const swapped = [...journal.slice(0, 3), journal[4]!, journal[3]!, ...journal.slice(5)];
    const duplicated = [...journal, journal.at(-1)!];
    for (const broken of [removed, swapped, duplicated]) {
      const verdict = await verifyJournal(broken);
      expect(verdict.ok).to.equal(false);
      if (!verdict.ok) expect(verdict.problem.code).to.equal('JOURNAL_SEQUENCE_GAP');
    }
  });

  it('a consistently re-hashed journal whose payload breaks its schema fails with JOURNAL_PAYLOAD_INVALID', async () => {
    const example = EXAMPLE_CASES.find((e) => e.key === 'yildiz')!;
    const { store } = await runExampleCases({ cases: [example] });
    const journal = await store.readJournal(example.caseId);
    const forged = await sealEvents(
      journal.map((e) => ({
        type: e.type,
        schemaVersion: e.schemaVersion,
        payload: e.type === 'CaseClosed' ? { ...(e.payload as object), reason: 'bored' } : e.payload,
      })),
      {
        caseId: example.caseId,
        last: undefined,
        at: journal[0]!.at,
        actor: journal[0]!.actor,
        newId: () => crypto.randomUUID(),
      },
    );
    expect((await verifyJournal(forged)).ok).to.equal(true);
    const verdict = await verifyJournal(forged, { checkPayload: checkCaseEventPayload });
    expect(verdict.ok).to.equal(false);
    if (!verdict.ok) {
      expect(verdict.problem.code).to.equal('JOURNAL_PAYLOAD_INVALID');
      expect(verdict.problem.index).to.equal(forged.length - 1);
    }
  });
});
