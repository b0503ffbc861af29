import { expect } from 'chai';
import {
  accessAlerts,
  accessRecordsFromLog,
  breachExport,
  exportProcessingRecord,
  RULE_STATUS,
  type AccessRecord,
  type ProcessingConfig,
} from '@fallkit/core/records';
import { MemoryCaseStore, type CaseState } from '@fallkit/core';
import { foldCase } from '@fallkit/core/internal';
import { runExampleCases } from '@fallkit/core/examples';
import { EXAMPLE_GUARDS } from '../rights/rights-fixtures.js';

const CONFIG: ProcessingConfig = {
  controller: {
    name: 'Stadt Musterstadt, Kommunales Integrationsmanagement',
    dataProtectionOfficer: 'dsb@musterstadt.example',
  },
  purposes: ['screening', 'caseManagement', 'measureDelivery:vhs-course', 'statistics'],
  recipients: [
    { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt', kind: 'benefitAgency' },
    { agencyId: 'caritas-schuldnerberatung', name: 'Schuldnerberatung der Caritas', kind: 'independentProvider' },
  ],
  encryptionAtRest: true,
};

describe('records: processing record, DPIA inputs, breach support (DP-39, DP-38)', () => {
  it('DP-39: exportProcessingRecord lists every configured purpose and recipient, retention and measures', () => {
    const result = exportProcessingRecord(CONFIG);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    const record = result.value;
    expect(record.activities.map((a) => a.purpose)).to.deep.equal(CONFIG.purposes);
    const caseManagement = record.activities.find((a) => a.purpose === 'caseManagement')!;
    expect(caseManagement.recipients.map((r) => r.agencyId)).to.deep.equal([
      'jobcenter-musterstadt',
      'caritas-schuldnerberatung',
    ]);
    expect(caseManagement.specialCategories).to.include('health');
    expect(caseManagement.retention.every((r) => r.verified === false)).to.equal(true);
    // Statistics pass nothing on to recipients.
    expect(record.activities.find((a) => a.purpose === 'statistics')!.recipients).to.deep.equal([]);
    expect(record.measures.some((m) => m.en.includes('DP-37'))).to.equal(true);
    const off = exportProcessingRecord({ ...CONFIG, encryptionAtRest: false });
    expect(off.ok && off.value.measures.some((m) => m.en.includes('SWITCHED OFF'))).to.equal(true);
    const noController = exportProcessingRecord({ ...CONFIG, controller: { name: ' ' } });
    expect(noController.ok).to.equal(false);
  });

  it('DP-39: the DPIA export lists each DP rule with its status', () => {
    const result = exportProcessingRecord(CONFIG);
    if (!result.ok) throw new Error('refused');
    const ids = result.value.dpia.rules.map((r) => r.id);
    const expected = Array.from({ length: 39 }, (_, i) => `DP-${String(i + 1).padStart(2, '0')}`);
    expect(ids).to.deep.equal(expected);
    expect(result.value.dpia.expected).to.equal(true);
    for (const entry of RULE_STATUS) {
      expect(['implemented', 'partly', 'hostDuty']).to.include(entry.status);
      expect(entry.tests.length, entry.id).to.be.greaterThan(0);
      expect(entry.title.de.length).to.be.greaterThan(0);
    }
  });

  it('DP-38: a breach export lists affected persons and categories for the 72-hour notice, ids only', async function () {
    this.timeout(30_000);
    const { store } = await runExampleCases({ store: new MemoryCaseStore(), guards: EXAMPLE_GUARDS });
    const states: CaseState[] = [];
    for (const row of await store.listCases()) states.push(foldCase(await store.readJournal(row.caseId))!);
    const result = breachExport(states, { caseIds: ['kim-2026-0001', 'jc-2026-0522'] }, '2026-07-01T08:00:00.000Z');
    expect(result.notifyAuthorityBy).to.equal('2026-07-04T08:00:00.000Z');
    expect(result.caseCount).to.equal(2);
    const expectedPersons = states
      .filter((s) => ['kim-2026-0001', 'jc-2026-0522'].includes(s.caseId))
      .flatMap((s) => s.persons.map((p) => p.id));
    expect(result.persons.map((p) => p.personId).sort()).to.deep.equal(expectedPersons.sort());
    expect(result.personCount).to.equal(expectedPersons.length);
    expect(result.specialCategoryPersonCount).to.be.greaterThan(0);
    expect(result.categories.health).to.be.greaterThan(0);
    const json = JSON.stringify(result);
    for (const state of states) for (const person of state.persons) expect(json).to.not.include(person.familyName);
    const one = breachExport(states, { subjectIds: ['rahimi-person-2'] }, '2026-07-01T08:00:00.000Z');
    expect(one.persons.map((p) => p.personId)).to.deep.equal(['rahimi-person-2']);
  });

  it('DP-38: alerts for many cases read in minutes, bulk exports and repeated break-glass; ordinary work raises none', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 6, 1, 9, minute)).toISOString();
    const records: AccessRecord[] = [];
    for (let i = 0; i < 25; i += 1)
      records.push({
        caseId: `case-${i}`,
        actorId: 'u-snoop',
        agencyId: 'kim',
        at: at(i % 8),
        breakGlass: false,
        kind: 'view',
      });
    for (let i = 0; i < 6; i += 1)
      records.push({
        caseId: `case-${i}`,
        actorId: 'u-export',
        agencyId: 'kim',
        at: at(i * 5),
        breakGlass: false,
        kind: 'export',
      });
    for (let i = 0; i < 3; i += 1)
      records.push({
        caseId: `case-${i}`,
        actorId: 'u-glass',
        agencyId: 'kim',
        at: at(i * 30),
        breakGlass: true,
        kind: 'view',
      });
    // An ordinary day: 12 cases across the morning.
    for (let i = 0; i < 12; i += 1)
      records.push({
        caseId: `case-${i}`,
        actorId: 'u-normal',
        agencyId: 'kim',
        at: at(i * 5),
        breakGlass: false,
        kind: 'view',
      });
    const alerts = accessAlerts(records);
    expect(alerts.map((a) => `${a.code}:${a.actorId}`).sort()).to.deep.equal([
      'ALERT_BULK_EXPORT:u-export',
      'ALERT_MANY_CASES_READ:u-snoop',
      'ALERT_REPEATED_BREAK_GLASS:u-glass',
    ]);
    const many = alerts.find((a) => a.code === 'ALERT_MANY_CASES_READ')!;
    expect(many.count).to.equal(25);
    expect(many.rule).to.equal('DP-38');
    expect(many.message.de).to.match(/25 verschiedene Fälle/);
    // Access-log journal events (the privacy module's CaseViewed/CaseExported) feed the same check.
    const log = records.map((r) => ({
      type: r.kind === 'export' ? 'CaseExported' : 'CaseViewed',
      payload: { ...r, role: 'caseManager' },
    }));
    expect(accessAlerts(accessRecordsFromLog(log))).to.deep.equal(alerts);
  });
});
