import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { IssuePath, Refusal, Result } from '@fallkit/core';
import {
  FormSaving,
  seqOfView,
  type FormSavingOptions,
  type SavingConnection,
} from '../../src/controllers/form-saving.js';
import type { BatchOptions, WriteEntry } from '../../src/controllers/case-connection-controller.js';

/** An event target with the controller-host surface: the saving needs no element. */
class FakeHost extends EventTarget implements ReactiveControllerHost {
  updates = 0;
  addController(_c: ReactiveController): void {}
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

interface Value {
  note?: string;
}

type Command = { type: string };

/** A connection that answers every batch with the next of `answers` and records what it was sent. */
class FakeConnection implements SavingConnection<unknown, Command> {
  refusals: readonly Refusal[] = [];
  sent: { commands: readonly Command[]; options: BatchOptions }[] = [];
  private ids = 0;
  constructor(
    private readonly answers: Result<unknown>[],
    private readonly writes: readonly WriteEntry[] = [],
  ) {}
  executeBatch(commands: readonly Command[], options: BatchOptions = {}): Promise<Result<unknown>> {
    this.sent.push({ commands, options });
    return Promise.resolve(this.answers.shift()!);
  }
  newCommandId(): string {
    return `cmd-${++this.ids}`;
  }
  /** Answers the pending history request (the history comes later than the refusal, as a port's second request does). */
  answerHistory: () => void = () => {};
  writesAfter(_seq: number): Promise<readonly WriteEntry[]> {
    return new Promise((resolve) => (this.answerHistory = () => resolve(this.writes)));
  }
}

const conflict: Refusal = { code: 'STORE_CONFLICT', rule: 'STORE', message: { de: 'Konflikt', en: 'Conflict' } };
const tooLong: Refusal = {
  code: 'INPUT_INVALID',
  rule: 'INPUT',
  path: ['commands', 1, 'input', 'note'],
  message: { de: 'Zu lang', en: 'Too long' },
};

function setUp(connection: FakeConnection, over: Partial<FormSavingOptions<Value, Value, unknown, Command>> = {}) {
  const host = new FakeHost();
  const log: string[] = [];
  const focused: IssuePath[] = [];
  let stored: Value | undefined = { note: 'von anderen' };
  const options: FormSavingOptions<Value, Value, unknown, Command> = {
    connection,
    announcer: { announce: (m) => void log.push(`announce:${m}`) },
    i18n: { t: (key: string) => key, text: (m) => m.de },
    confirmation: { confirm: (summary) => Promise.resolve(void log.push(`confirm:${summary ?? ''}`)) },
    value: () => ({ note: 'meins' }),
    baseline: () => ({ note: 'vorher' }),
    stored: () => stored,
    save: () => Promise.resolve({ ok: true, value: undefined }),
    savedSummary: () => '1 Notiz',
    afterStored: () => Promise.resolve(void log.push('afterStored')),
    afterRefused: () => Promise.resolve(void log.push('afterRefused')),
    focusPath: (path) => void focused.push(path),
    ...over,
  };
  const saving = new FormSaving<Value, Value, unknown, Command>(host, options);
  host.addEventListener('fk-saved', () => log.push('fk-saved'));
  host.addEventListener('fk-refused', () => log.push('fk-refused'));
  return { host, saving, log, focused, setStored: (v: Value | undefined) => (stored = v) };
}

describe('FormSaving (the saving controller alone)', () => {
  it('sends the batch with the version the value rests on and moves to the stored version', async () => {
    const connection = new FakeConnection([{ ok: true, value: { state: { lastSeq: 8 } } }]);
    const { saving } = setUp(connection);
    saving.baseSeq = 7;
    const result = await saving.saveBatch([{ type: 'addNote' }]);
    expect(result.ok).to.equal(true);
    expect(connection.sent[0]!.options).to.deep.equal({ commandId: 'cmd-1', expectedSeq: 7 });
    expect(saving.baseSeq).to.equal(8);
  });

  it('keeps the command id when the same save is retried, and takes a new one for a different save', async () => {
    const refused: Result<unknown> = { ok: false, errors: [tooLong] };
    const connection = new FakeConnection([refused, refused, refused]);
    const { saving } = setUp(connection);
    await saving.saveBatch([{ type: 'addNote' }]);
    await saving.saveBatch([{ type: 'addNote' }]);
    await saving.saveBatch([{ type: 'editNote' }]);
    expect(connection.sent.map((s) => s.options.commandId)).to.deep.equal(['cmd-1', 'cmd-1', 'cmd-2']);
  });

  it('sends no expectedSeq for a value of unknown version', async () => {
    const connection = new FakeConnection([{ ok: true, value: undefined }]);
    const { saving } = setUp(connection);
    await saving.saveBatch([{ type: 'addNote' }]);
    expect(connection.sent[0]!.options).to.deep.equal({ commandId: 'cmd-1' });
  });

  it('opens the conflict on STORE_CONFLICT: who wrote since, when, and which fields differ', async () => {
    const writes = [
      { seq: 8, at: '2026-12-02T10:00:00Z', who: 'Frau A' },
      { seq: 9, at: '2026-12-02T11:00:00Z', who: 'Frau A' },
    ];
    const connection = new FakeConnection([{ ok: false, errors: [conflict] }], writes);
    const { saving, host } = setUp(connection);
    saving.baseSeq = 7;
    await saving.saveBatch([{ type: 'addNote' }]);
    expect(saving.conflict).to.deep.equal({ baseSeq: 7, who: [], fields: ['note'] });
    connection.answerHistory();
    for (let tick = 0; tick < 5; tick++) await Promise.resolve();
    expect(saving.conflict).to.deep.equal({
      baseSeq: 7,
      who: ['Frau A'],
      at: '2026-12-02T11:00:00Z',
      fields: ['note'],
    });
    expect(host.updates).to.be.greaterThan(0);
  });

  it('names the changed fields again when a newer version arrives during a conflict', async () => {
    const connection = new FakeConnection([{ ok: false, errors: [conflict] }]);
    const { saving, setStored } = setUp(connection);
    saving.baseSeq = 7;
    await saving.saveBatch([{ type: 'addNote' }]);
    setStored({ note: 'vorher' });
    saving.refreshConflict();
    expect(saving.conflict?.fields).to.deep.equal([]);
  });

  it('gives refusals back with the paths of the command alone, on the connection for display in place', async () => {
    const connection = new FakeConnection([{ ok: false, errors: [tooLong] }]);
    const { saving } = setUp(connection);
    const result = await saving.saveCommands([{ type: 'a' }, { type: 'b' }]);
    expect(result.ok).to.equal(false);
    const paths = result.ok ? [] : result.errors.map((e) => e.path);
    expect(paths).to.deep.equal([['input', 'note']]);
    expect(connection.refusals.map((e) => e.path)).to.deep.equal([['input', 'note']]);
  });

  it('refuses a form without a command (COMPONENT_NO_COMMAND) and sends nothing', async () => {
    const connection = new FakeConnection([]);
    const { saving } = setUp(connection);
    const result = await saving.saveCommands(undefined);
    expect(result.ok ? [] : result.errors.map((e) => e.code)).to.deep.equal(['COMPONENT_NO_COMMAND']);
    expect(connection.sent).to.have.length(0);
  });

  it('stores: saving announced, the form settles, saved announced, fk-saved, then the confirmation', async () => {
    const { saving, log } = setUp(new FakeConnection([]));
    expect(await saving.store({ note: 'meins' })).to.equal(true);
    expect(log).to.deep.equal([
      'announce:status.saving',
      'afterStored',
      'announce:status.saved',
      'fk-saved',
      'confirm:1 Notiz',
    ]);
  });

  it('refused: the value is kept, refused and draft kept announced, fk-refused, focus at the first refused field', async () => {
    const refusal: Refusal = { ...tooLong, path: ['note'] };
    const { saving, log, focused } = setUp(new FakeConnection([]), {
      save: () => Promise.resolve({ ok: false, errors: [{ ...conflict, path: [] }, refusal] }),
    });
    expect(await saving.store({ note: 'meins' })).to.equal(false);
    expect(log).to.deep.equal([
      'announce:status.saving',
      'afterRefused',
      'announce:status.refused status.draftKept',
      'fk-refused',
    ]);
    expect(focused).to.deep.equal([['note']]);
  });

  it('moves focus to the refusals block when no refusal names a field', async () => {
    const { saving, focused } = setUp(new FakeConnection([]), {
      save: () => Promise.resolve({ ok: false, errors: [conflict] }),
    });
    await saving.store({});
    expect(focused).to.deep.equal([[]]);
  });

  it('reads the journal position of a view', () => {
    expect(seqOfView({ lastSeq: 4 })).to.equal(4);
    expect(seqOfView({})).to.equal(undefined);
    expect(seqOfView(undefined)).to.equal(undefined);
  });
});
