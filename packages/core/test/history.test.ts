import { expect } from 'chai';
import { CASE_EVENT_TYPES, CASE_EVENTS, describeJournal } from '@fallkit/core';
import { EXAMPLE_CASES, runExampleCases } from '@fallkit/core/examples';

describe('readable history', () => {
  it('every event type has a German and an English title', () => {
    for (const type of CASE_EVENT_TYPES) {
      expect(CASE_EVENTS[type].title.de, type).to.not.equal('');
      expect(CASE_EVENTS[type].title.en, type).to.not.equal('');
      expect(CASE_EVENTS[type].type).to.equal(type);
    }
  });

  it('describes who changed what when, with reasons, without payload content', async () => {
    const example = EXAMPLE_CASES.find((e) => e.key === 'rahimi')!;
    const { store } = await runExampleCases({ cases: [example] });
    const history = describeJournal(await store.readJournal(example.caseId));
    expect(history[0]).to.deep.include({
      seq: 1,
      type: 'CaseOpened',
      actorName: 'Jonas Weber',
      agencyId: 'kim-musterstadt',
      erased: false,
    });
    expect(history[0]?.title).to.deep.equal({ de: 'Fall eröffnet', en: 'Case opened' });
    const handover = history.find((h) => h.type === 'LeadAgencyChanged');
    expect(handover?.reason).to.equal('Rechtskreiswechsel AsylbLG → SGB II');
    expect(handover?.title.de).to.equal('Federführung gewechselt (Rechtskreiswechsel)');
    expect(history.at(-1)?.actorName).to.equal('Murat Demir');
    expect(JSON.stringify(history)).to.not.contain('Rahimi');
  });
});
