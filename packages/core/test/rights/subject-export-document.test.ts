import { createCaseService, createCaseViews, FixedClock } from '@fallkit/core';
import { EXAMPLE_ACTORS, EXAMPLE_CASES, runExampleCases, ScopedSequentialIds } from '@fallkit/core/examples';
import { subjectExportDocument, type SubjectExport } from '@fallkit/core/rights';
import { expect } from 'chai';

async function rahimiExport(): Promise<SubjectExport> {
  const rahimi = EXAMPLE_CASES.find((c) => c.key === 'rahimi')!;
  const { store } = await runExampleCases({ cases: [rahimi] });
  const clock = new FixedClock(rahimi.steps.at(-1)!.at);
  const ids = new ScopedSequentialIds('doc');
  const service = createCaseService({ store, clock, ids, actor: EXAMPLE_ACTORS.jobcenterCaseManager });
  const views = createCaseViews({ service, store, clock, ids });
  const exported = await views.exportSubject(rahimi.caseId, 'rahimi-person-1');
  if (!exported.ok) expect.fail(exported.errors.map((e) => e.code).join());
  return exported.value;
}

function allText(document: ReturnType<typeof subjectExportDocument>): string {
  return [
    document.title,
    document.subtitle,
    ...document.sections.flatMap((s) => [
      s.heading,
      ...s.paragraphs,
      ...(s.table?.columns ?? []),
      ...(s.table?.rows.flat() ?? []),
    ]),
  ].join('\n');
}

describe("the person's export as a printable document (DP-29)", () => {
  it('DP-29: German first: title, stored items with source, purpose and categories, consents, transfers, retention and the rights', async () => {
    const document = subjectExportDocument(await rahimiExport());
    expect(document.language).to.equal('de');
    expect(document.title).to.equal('Auskunft über Ihre gespeicherten Daten');
    expect(document.subtitle).to.match(/^nach Art\. 15 DSGVO, Stand \d{2}\.\d{2}\.\d{4}$/);
    const text = allText(document);
    for (const expected of [
      'Akte kim-2026-0001: gespeicherte Angaben',
      'Vorname: Yusuf',
      'Geburtsdatum: 03.04.1987',
      'Situationseinschätzung',
      'Schwierigkeiten: Herr Rahimi hat Rückenschmerzen nach Arbeitsunfall in Herat.',
      'Fallsteuerung',
      'Einwilligungen und Widerrufe',
      'Übermittlungen an andere Stellen',
      'Ihre Rechte',
      'Art. 77 DSGVO',
      'JSON und FHIR R4',
    ])
      expect(text, expected).to.contain(expected);
    const table = document.sections[0]!.table!;
    expect(table.columns).to.deep.equal(['Bereich', 'Erfasst am', 'Kategorien', 'Herkunft', 'Zweck', 'Inhalt']);
    expect(table.rows.every((row) => row.length === table.columns.length)).to.equal(true);
  });

  it("DP-29, DP-06: others' data in the person's items print as redacted, never as text", async () => {
    const text = allText(subjectExportDocument(await rahimiExport()));
    expect(text).to.contain('[geschwärzt: Angaben über andere Personen]');
    expect(text, "the son's school problems").to.not.contain('6. Klasse');
    expect(text, 'no ids of record meta as content').to.not.contain('subjectIds');
  });

  it('DP-29: the same document in English on request', async () => {
    const document = subjectExportDocument(await rahimiExport(), 'en');
    expect(document.title).to.equal('Access to your stored data');
    expect(allText(document)).to.contain('Given name: Yusuf');
    expect(allText(document)).to.contain('[redacted: data about other people]');
  });
});
