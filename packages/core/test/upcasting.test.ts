import { expect } from 'chai';
import * as z from 'zod/mini';
import {
  CASE_EVENTS,
  createCaseService,
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  text,
  verifyJournal,
} from '@fallkit/core';
import {
  checkCaseEventPayload,
  defineEvent,
  foldCase,
  replayCase,
  sealEvents,
  upcastContactRecordedV1,
  upcastEvent,
} from '@fallkit/core/internal';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';

const actor = EXAMPLE_ACTORS.kimCaseManager;
const meta = {
  subjectIds: ['p-1'],
  origin: 'caseManager',
  recordedBy: actor.id,
  recordedAt: '2025-03-01T09:00:00.000Z',
};

/** A journal as Fallkit 0.0 wrote it: ContactRecorded v1 has a `homeVisit` flag and no `mode`. */
async function legacyJournal() {
  const ids = new SequentialIds();
  return sealEvents(
    [
      {
        type: 'CaseOpened',
        schemaVersion: 1,
        payload: {
          caseId: 'old-1',
          label: 'ALT-1',
          openedOn: '2025-03-01',
          processStandard: { id: 'kim-standard', version: '2024-1' },
          addressee: {
            id: 'p-1',
            roles: ['addressee'],
            givenName: 'Hanna',
            familyName: 'Alt',
            ...meta,
            categories: ['identity'],
          },
          leadAgency: { agencyId: 'kim-musterstadt', name: 'KIM', from: '2025-03-01' },
          caseManager: { userId: actor.id, agencyId: actor.agencyId, role: 'primary', from: '2025-03-01' },
          legalDomains: [],
        },
      },
      {
        type: 'ContactRecorded',
        schemaVersion: 1,
        payload: {
          id: 'c-1',
          on: '2025-03-05',
          homeVisit: true,
          withInterpreter: false,
          participantIds: ['p-1'],
          note: 'Hausbesuch',
          ...meta,
          categories: ['notes'],
        },
      },
      {
        type: 'ContactRecorded',
        schemaVersion: 1,
        payload: {
          id: 'c-2',
          on: '2025-03-12',
          withInterpreter: true,
          participantIds: ['p-1'],
          note: 'Gespräch',
          ...meta,
          categories: ['notes'],
        },
      },
    ],
    { caseId: 'old-1', last: undefined, at: '2025-03-12T10:00:00.000Z', actor, newId: () => ids.next('event') },
  );
}

describe('upcasting', () => {
  it('ContactRecorded is at version 2 and has an upcaster from version 1', () => {
    expect(CASE_EVENTS.ContactRecorded.version).to.equal(2);
    expect(CASE_EVENTS.ContactRecorded.upcasters?.[1]).to.equal(upcastContactRecordedV1);
  });

  it('upcasts v1 ContactRecorded (no mode) to v2 when read', async () => {
    const journal = await legacyJournal();
    const upcast = upcastEvent(journal[1]!);
    expect(upcast.schemaVersion).to.equal(2);
    expect(upcast.payload).to.deep.include({ mode: 'homeVisit', reached: true });
    expect(upcast.payload).to.not.have.property('homeVisit');
    expect(upcastEvent(journal[2]!).payload).to.deep.include({ mode: 'inPerson', reached: true });
    // The stored event is untouched: its hash covers version 1.
    expect(journal[1]!.schemaVersion).to.equal(1);
    expect(journal[1]!.payload).to.have.property('homeVisit', true);
  });

  it('an old journal still verifies (hashes over the stored version, schema after upcasting) and folds', async () => {
    const journal = await legacyJournal();
    expect((await verifyJournal(journal, { checkPayload: checkCaseEventPayload })).ok).to.equal(true);
    const state = foldCase(journal);
    expect(state?.contacts.map((c) => c.mode)).to.deep.equal(['homeVisit', 'inPerson']);
  });

  it('a v1 payload that does not even match v1 fails the payload check', async () => {
    const journal = await legacyJournal();
    expect(
      checkCaseEventPayload({ type: 'ContactRecorded', schemaVersion: 1, payload: { id: 'c', on: 'x' } }),
    ).to.equal(false);
    expect(checkCaseEventPayload({ type: 'ContactRecorded', schemaVersion: 3, payload: journal[1]!.payload })).to.equal(
      false,
    );
  });

  it('the service appends to an old journal and loadCase returns upcast events', async () => {
    const store = new MemoryCaseStore();
    const journal = await legacyJournal();
    expect((await store.append({ caseId: 'old-1', expectedSeq: 0, events: journal })).ok).to.equal(true);
    const service = createCaseService({
      store,
      clock: new FixedClock('2026-01-10T10:00:00.000Z'),
      ids: new SequentialIds(),
      actor,
    });
    const added = await service.execute({
      type: 'recordContact',
      caseId: 'old-1',
      input: { mode: 'video', note: 'Videotermin' },
    });
    expect(added.ok).to.equal(true);
    const loaded = await service.loadCase('old-1', { verify: true });
    if (!loaded.ok) throw new Error(loaded.errors[0]?.message.en);
    expect(loaded.value.events.filter((e) => e.type === 'ContactRecorded').map((e) => e.schemaVersion)).to.deep.equal([
      2, 2, 2,
    ]);
    expect(loaded.value.state.contacts.map((c) => c.mode)).to.deep.equal(['homeVisit', 'inPerson', 'video']);
    // Stored versions stay as written.
    expect((await store.readJournal('old-1')).map((e) => e.schemaVersion)).to.deep.equal([1, 1, 1, 2]);
  });
});

describe('events of other modules in a case stream', () => {
  it('replayCase verifies them against the catalog it is given and the fold skips them', async () => {
    const consentGiven = defineEvent({
      type: 'TestConsentGiven',
      version: 1,
      schema: z.object({ consentId: z.string() }),
      title: text('Einwilligung erteilt', 'Consent given'),
    });
    const journal = await legacyJournal();
    const extra = await sealEvents([{ type: 'TestConsentGiven', schemaVersion: 1, payload: { consentId: 'k-1' } }], {
      caseId: 'old-1',
      last: journal.at(-1),
      at: '2025-03-13T10:00:00.000Z',
      actor,
      newId: () => 'event-x',
    });
    const events = [...journal, ...extra];
    const caseOnly = await replayCase(events);
    expect(caseOnly.verification.ok).to.equal(false);
    const withCatalog = await replayCase(events, { catalog: { ...CASE_EVENTS, TestConsentGiven: consentGiven } });
    expect(withCatalog.verification.ok).to.equal(true);
    expect(withCatalog.state?.lastSeq).to.equal(4);
    expect(withCatalog.state?.contacts).to.have.length(2);
  });
});
