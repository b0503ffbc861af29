import { expect } from 'chai';
import * as z from 'zod/mini';
import { MemoryCaseStore, text, type JournalEvent } from '@fallkit/core';
import { COMMAND_ACCESS, type CommandCatalog } from '@fallkit/core/internal';
import { OPEN, note, openedCase, serviceOver, storedBytes, wrapStore } from './write-fixtures.js';

/** What the Dexie store throws from a locked encrypted database: an error carrying a typed refusal. */
class LockedError extends Error {
  readonly refusal = {
    code: 'STORE_LOCKED',
    rule: 'STORE',
    message: text('Der Speicher ist gesperrt.', 'The store is locked.'),
  };
}

describe('the case service never throws', () => {
  it('a store that throws its typed refusal (STORE_LOCKED) on read: execute, executeBatch and loadCase refuse with it', async () => {
    const { store } = await openedCase();
    const locked = wrapStore(store, {
      readJournal: () => Promise.reject(new LockedError('locked')),
      findCommand: () => Promise.reject(new LockedError('locked')),
    });
    const service = serviceOver(locked);
    const results = [
      await service.execute(note('x')),
      await service.execute({ ...note('x'), commandId: 'command-locked' }),
      await service.executeBatch({ caseId: 'c-1', commands: [note('x'), note('y')] }),
      await service.loadCase('c-1'),
    ];
    for (const result of results) {
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.errors[0]?.code).to.equal('STORE_LOCKED');
    }
  });

  it('a store that throws a plain error on append: STORE_FAILED, in German and English', async () => {
    const { store } = await openedCase();
    const broken = wrapStore(store, { append: () => Promise.reject(new Error('disk on fire')) });
    const result = await serviceOver(broken).execute(note('x'));
    expect(!result.ok && result.errors[0]?.code).to.equal('STORE_FAILED');
    expect(!result.ok && result.errors[0]?.message.de).to.match(/nichts gespeichert/);
    expect(!result.ok && result.errors[0]?.message.en).to.match(/nothing was saved/);
  });

  it('DP-44: a stored event without payload: refused by verification naming the event, nothing written', async () => {
    const { store, service } = await openedCase();
    expect((await service.execute(note('eins'))).ok).to.equal(true);
    const bytes = await storedBytes(store);
    const damaged = wrapStore(store, {
      readJournal: async (caseId, options) =>
        (await store.readJournal(caseId, options)).map((event) => {
          if (event.seq !== 2) return event;
          const { payload: _gone, ...rest } = event;
          return rest as JournalEvent;
        }),
    });
    const fresh = serviceOver(damaged);
    for (const result of [await fresh.execute(note('zwei')), await fresh.loadCase('c-1')]) {
      expect(result.ok).to.equal(false);
      if (!result.ok) {
        // Verification (DP-44) sees it before the fold: the envelope schema requires a payload.
        expect(result.errors[0]?.code).to.equal('JOURNAL_EVENT_MALFORMED');
        expect(result.errors[0]?.path).to.deep.equal(['c-1', 2]);
      }
    }
    expect(await storedBytes(store)).to.equal(bytes);
  });

  it('DP-44: a stored payload the fold cannot apply (wrong shape): a typed refusal naming the event, not an exception', async () => {
    const { store } = await openedCase();
    const damaged = wrapStore(store, {
      readJournal: async (caseId, options) =>
        (await store.readJournal(caseId, options)).map((event) => ({ ...event, payload: 'kein Objekt' })),
    });
    const result = await serviceOver(damaged).loadCase('c-1');
    // The changed payload no longer matches its hash: verification refuses it before the fold runs.
    expect(!result.ok && result.errors[0]?.code).to.equal('JOURNAL_PAYLOAD_HASH_MISMATCH');
    expect(!result.ok && result.errors[0]?.path).to.deep.equal(['c-1', 1]);
  });

  it('a handler that throws (a bug): INTERNAL_ERROR, the batch refused whole, nothing written', async () => {
    const store = new MemoryCaseStore();
    const buggy: CommandCatalog = {
      explode: {
        type: 'explode',
        input: z.object({}),
        // Declared like a note, so the access guard (DP-40) lets it reach its handler.
        access: COMMAND_ACCESS['recordNote'],
        handle: () => {
          throw new Error('handler bug');
        },
      },
    };
    const service = serviceOver(store, { commands: buggy });
    expect((await service.execute(OPEN)).ok).to.equal(true);
    const bytes = await storedBytes(store);
    const result = await service.executeBatch({
      caseId: 'c-1',
      commands: [note('vorher'), { type: 'explode', input: {} }],
    });
    expect(!result.ok && result.errors[0]?.code).to.equal('INTERNAL_ERROR');
    expect(await storedBytes(store)).to.equal(bytes);
  });

  it('garbage instead of a command or batch: typed refusals', async () => {
    const { service } = await openedCase();
    for (const raw of [null, undefined, 42, 'recordNote', [], { type: 7 }, { commands: 'x' }]) {
      const single = await service.execute(raw as never);
      expect(single.ok).to.equal(false);
      const batch = await service.executeBatch(raw as never);
      expect(batch.ok).to.equal(false);
      if (!batch.ok) expect(batch.errors[0]?.code).to.be.a('string');
    }
  });
});
