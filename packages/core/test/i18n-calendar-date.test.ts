import { expect } from 'chai';
import { buildWorklist, calendarDate } from '@fallkit/core';
import { bareCase } from './process/process-fixtures.js';

describe('calendar dates in sentences (issue 21 item 5)', () => {
  it('writes ISO dates as German and English write them, and leaves other values alone', () => {
    expect(calendarDate('2026-02-16', 'de')).to.equal('16.02.2026');
    expect(calendarDate('2026-02-16', 'en')).to.equal('16 Feb 2026');
    expect(calendarDate('2026-12-01T09:00:00.000Z', 'de')).to.equal('01.12.2026');
    expect(calendarDate('morgen', 'de')).to.equal('morgen');
  });

  it('the worklist says "sollte am 16.02.2026 beginnen", never an ISO date inside a sentence', () => {
    const state = {
      ...bareCase('c-1'),
      stage: 'helpPlanning' as const,
    };
    const withMeasure = {
      ...state,
      measures: [
        {
          id: 'm-1',
          title: 'Sprachkurs',
          status: 'planned',
          startOn: '2026-02-16',
          recordedAt: '2026-02-01T09:00:00.000Z',
        },
      ],
    } as unknown as typeof state;
    const items = buildWorklist([withMeasure], '2026-03-01');
    const start = items.find((item) => item.kind === 'measureStart')!;
    expect(start.explanation.de).to.contain('sollte am 16.02.2026 beginnen');
    expect(start.explanation.en).to.contain('should start on 16 Feb 2026');
    for (const item of items) {
      expect(item.explanation.de, item.kind).to.not.match(/\d{4}-\d{2}-\d{2}/);
      expect(item.explanation.en, item.kind).to.not.match(/\d{4}-\d{2}-\d{2}/);
    }
  });
});
