import { expect } from 'chai';
import { createCaseService, FixedClock, MemoryCaseStore, SequentialIds } from '@fallkit/core';
import { canonicalJson } from '@fallkit/core/internal';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';

const open = {
  type: 'openCase',
  input: {
    addressee: { roles: ['addressee'], givenName: 'Maria', familyName: 'Muster' },
    leadAgency: { agencyId: 'kim-musterstadt', name: 'KIM Musterstadt', legalDomain: 'SGB_XII' },
    legalDomains: [{ domain: 'SGB_XII' }],
  },
} as const;

async function opened() {
  const store = new MemoryCaseStore();
  const service = createCaseService({
    store,
    clock: new FixedClock('2026-03-01T10:00:00.000Z'),
    ids: new SequentialIds(),
    actor: EXAMPLE_ACTORS.kimCaseManager,
  });
  const result = await service.execute(open);
  if (!result.ok) throw new Error(result.errors[0]?.message.en);
  return { store, service, caseId: result.value.caseId };
}

describe('appointments: a time on follow-ups and contacts (issue 22)', () => {
  it('a follow-up keeps its time, length and place; a contact its time', async () => {
    const { service, caseId } = await opened();
    const planned = await service.execute({
      type: 'scheduleFollowUp',
      caseId,
      input: {
        dueOn: '2026-03-10',
        subject: 'Termin Wohnungsamt',
        time: '09:30',
        durationMinutes: 45,
        place: 'Raum 2.14',
      },
    });
    if (!planned.ok) throw new Error(planned.errors[0]?.message.en);
    expect(planned.value.state.followUps[0]).to.deep.include({
      dueOn: '2026-03-10',
      time: '09:30',
      durationMinutes: 45,
      place: 'Raum 2.14',
    });
    const met = await service.execute({
      type: 'recordContact',
      caseId,
      input: { on: '2026-03-01', mode: 'phone', note: 'Termin vereinbart.', time: '08:05' },
    });
    if (!met.ok) throw new Error(met.errors[0]?.message.en);
    expect(met.value.state.contacts[0]).to.deep.include({ time: '08:05' });
  });

  it('IN-01: an impossible time or length is a typed refusal in German and English, the journal unchanged', async () => {
    const { store, service, caseId } = await opened();
    const before = canonicalJson(await store.readJournal(caseId));
    for (const bad of [
      { time: '24:00' },
      { time: '9:30' },
      { time: '09:30:00' },
      { durationMinutes: 0 },
      { durationMinutes: 721 },
      { durationMinutes: 12.5 },
      { place: 'x'.repeat(301) },
    ]) {
      const result = await service.execute({
        type: 'scheduleFollowUp',
        caseId,
        input: { dueOn: '2026-03-10', subject: 'Termin', ...bad } as never,
      });
      expect(result.ok, JSON.stringify(bad)).to.equal(false);
      if (result.ok) continue;
      expect(result.errors[0]?.code).to.be.a('string').and.not.equal('');
      expect(result.errors[0]?.message.de).to.be.a('string').and.not.equal('');
      expect(result.errors[0]?.message.en).to.be.a('string').and.not.equal('');
    }
    expect(canonicalJson(await store.readJournal(caseId))).to.equal(before);
  });
});
