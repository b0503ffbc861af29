/*
 * The access log of a synced device on the server (issue 15, DP-28): the entries a device logged for its actor's
 * reads are recorded in the agency's log once each, by their entry id; entries for anyone else or malformed
 * ones are refused whole (DP-40).
 */
import { expect } from 'chai';
import { FixedClock, MemoryCaseStore, SequentialIds, type AccessLogEntry } from '@fallkit/core';
import {
  accessLogEntries,
  accessLogStreamId,
  DEVICE_ACCESS_LOG_MAX_ENTRIES,
  deviceAccessLogKey,
  recordDeviceAccessLog,
} from '@fallkit/core/internal';
import { commandIdSchema } from '@fallkit/core';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';

const ACTOR = EXAMPLE_ACTORS.jobcenterCaseManager;

function entry(entryId: string, over: Partial<AccessLogEntry> = {}): AccessLogEntry {
  return {
    caseId: 'kim-2026-0001',
    actorId: ACTOR.id,
    role: ACTOR.role,
    agencyId: ACTOR.agencyId,
    purpose: 'caseManagement',
    categories: ['benefits'],
    outcome: 'allow-redacted',
    redacted: 2,
    breakGlass: false,
    channel: 'view',
    at: '2026-03-02T10:00:00.000Z',
    entryId,
    ...over,
  };
}

describe('the access log of a synced device, recorded on the server (issue 15)', () => {
  const ports = () => ({
    store: new MemoryCaseStore(),
    clock: new FixedClock('2026-03-02T11:00:00.000Z'),
    ids: new SequentialIds(),
  });

  it('DP-28: each entry is recorded once by its entry id; a repeated upload is counted as replayed, not written again', async () => {
    const p = ports();
    const first = await recordDeviceAccessLog(p, ACTOR, [entry('access-1'), entry('access-2')]);
    expect(first.ok && first.value).to.deep.equal({ recorded: 2, replayed: 0 });
    const again = await recordDeviceAccessLog(p, ACTOR, [entry('access-1'), entry('access-2'), entry('access-3')]);
    expect(again.ok && again.value).to.deep.equal({ recorded: 1, replayed: 2 });
    const log = accessLogEntries(await p.store.readJournal(accessLogStreamId(ACTOR.agencyId)));
    expect(log.map((e) => e.entryId)).to.deep.equal(['access-1', 'access-2', 'access-3']);
    expect(log[0]).to.deep.equal(entry('access-1'));
  });

  it('DP-40: an entry naming another actor, role or agency, one without its id, malformed input or too many: refused whole, nothing recorded', async () => {
    const p = ports();
    const cases: [unknown, string][] = [
      [[entry('a-1'), entry('a-2', { actorId: 'u-kim-krueger' })], 'ACCESS_LOG_UPLOAD_FOREIGN'],
      [[entry('a-1', { role: 'dataProtectionOfficer' })], 'ACCESS_LOG_UPLOAD_FOREIGN'],
      [[entry('a-1', { agencyId: 'kim-musterstadt' })], 'ACCESS_LOG_UPLOAD_FOREIGN'],
      [[{ ...entry('a-1'), entryId: undefined }], 'ACCESS_LOG_UPLOAD_INVALID'],
      [[{ ...entry('a-1'), at: 'gestern' }], 'ACCESS_LOG_UPLOAD_INVALID'],
      ['not a list', 'ACCESS_LOG_UPLOAD_INVALID'],
      [
        Array.from({ length: DEVICE_ACCESS_LOG_MAX_ENTRIES + 1 }, (_, i) => entry(`a-${i}`)),
        'ACCESS_LOG_UPLOAD_INVALID',
      ],
    ];
    for (const [input, code] of cases) {
      const result = await recordDeviceAccessLog(p, ACTOR, input);
      expect(!result.ok && result.errors[0]!.code, code).to.equal(code);
      if (!result.ok) {
        expect(result.errors[0]!.message.de).to.not.equal('');
        expect(result.errors[0]!.message.en).to.not.equal('');
      }
    }
    expect(await p.store.readJournal(accessLogStreamId(ACTOR.agencyId))).to.deep.equal([]);
  });

  it('DP-28, DP-40: the events are sealed as the actor given (the verified one), chained, and an id repeated within one upload is one entry', async () => {
    const p = ports();
    const result = await recordDeviceAccessLog(p, ACTOR, [entry('access-1'), entry('access-1'), entry('access-2')]);
    expect(result.ok && result.value).to.deep.equal({ recorded: 2, replayed: 1 });
    const journal = await p.store.readJournal(accessLogStreamId(ACTOR.agencyId));
    expect(journal.map((e) => e.actor)).to.deep.equal([
      { id: ACTOR.id, role: ACTOR.role, agencyId: ACTOR.agencyId },
      { id: ACTOR.id, role: ACTOR.role, agencyId: ACTOR.agencyId },
    ]);
    expect(journal.map((e) => e.commandId)).to.deep.equal([
      deviceAccessLogKey(ACTOR, 'access-1'),
      deviceAccessLogKey(ACTOR, 'access-2'),
    ]);
    expect(journal[1]!.prevHash).to.equal(journal[0]!.hash);
    const empty = await recordDeviceAccessLog(p, ACTOR, []);
    expect(empty.ok && empty.value).to.deep.equal({ recorded: 0, replayed: 0 });
  });

  it('DP-40: the key is agency, person and entry id together, fits a store command id, and no pushed command id can take it', () => {
    const key = deviceAccessLogKey(ACTOR, 'access-1');
    expect(key.length).to.be.at.most(128);
    expect(commandIdSchema.safeParse(key).success, 'a device cannot push a command under an entry key').to.equal(false);
    // A colon inside an id cannot make two people's keys meet.
    expect(deviceAccessLogKey({ id: 'a:b', agencyId: 'x' }, 'c')).to.not.equal(
      deviceAccessLogKey({ id: 'a', agencyId: 'x' }, 'b:c'),
    );
    expect(deviceAccessLogKey({ id: ACTOR.id, agencyId: 'other-agency' }, 'access-1')).to.not.equal(key);
    expect(deviceAccessLogKey(ACTOR, 'x'.repeat(128)).length).to.be.at.most(128);
  });
});
