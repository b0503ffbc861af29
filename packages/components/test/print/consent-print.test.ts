import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define/fk-consent-manager.js';
import '../../src/define/fk-print-settings.js';
import '../../src/define/fk-directory.js';
import type { FkConsentManager } from '../../src/consent-manager/consent-manager.component.js';
import type { PrintSettings } from '../../src/print/print-settings.js';
import type { Directory } from '../../src/directory/directory.js';

interface PdfResult {
  readonly file: string;
  readonly bytes: number;
  readonly text: string | null;
  readonly error?: string;
}

async function printed(name: string): Promise<string> {
  const result = (await executeServerCommand('fk-print-pdf', { name })) as PdfResult;
  expect(result.bytes).to.be.greaterThan(1000);
  expect(result.text, result.error).to.be.a('string');
  return (result.text ?? '').replace(/\s+/g, ' ');
}

const SETTINGS: PrintSettings = {
  letterhead: {
    name: 'Stadt Musterstadt',
    unit: 'Kommunales Integrationsmanagement',
    address: ['Marktplatz 1', '12345 Musterstadt'],
  },
  controller: {
    name: 'Stadt Musterstadt, Der Oberbürgermeister',
    address: ['Marktplatz 1', '12345 Musterstadt'],
    email: 'kim@musterstadt.example',
  },
  dataProtectionOfficer: { name: 'Behördliche Datenschutzbeauftragte', email: 'datenschutz@musterstadt.example' },
  supervisoryAuthority: 'Landesbeauftragte für Datenschutz, Postfach 1, 12300 Landeshauptstadt',
};
const DIRECTORY: Directory = [
  {
    agencyId: 'jobcenter-musterstadt',
    name: 'Jobcenter Musterstadt',
    kind: 'agency',
    address: 'Bahnhofstraße 5, 12345 Musterstadt',
  },
];

async function mount(kind: 'consent' | 'release') {
  const root = await fixture<HTMLElement>(
    html`<div>
      <header class="intranet">Intranet-Kopf: Akteur wechseln · Fallübersicht · Reiter</header>
      <fk-print-settings .settings=${SETTINGS}>
        <fk-directory .entries=${DIRECTORY}>
          <fk-consent-manager
            lang="de"
            today="2026-03-01"
            .persons=${[{ id: 'p-1', name: 'Amira Haddad', birthDate: '1988-04-02' }]}
            .value=${{
              kind,
              subjectId: 'p-1',
              categories: kind === 'release' ? ['health'] : ['employment'],
              recipients: [{ agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' }],
              purposes: ['measureDelivery'],
              ...(kind === 'release' ? { professionals: [{ name: 'Dr. Weber', profession: 'Hausärztin' }] } : {}),
              validFrom: '2026-03-01',
              validUntil: '2027-02-28',
              form: {},
              givenBy: {},
            }}
          ></fk-consent-manager>
        </fk-directory>
      </fk-print-settings>
      <footer>Speicher-Fußzeile: IndexedDB verschlüsselt</footer>
    </div>`,
  );
  return root.querySelector('fk-consent-manager')! as FkConsentManager;
}

describe('printed consents and releases (issue 21 item 10)', () => {
  afterEach(() => document.querySelector('[data-fk-print-root]')?.remove());

  it('DP-09: the consent prints only the document: letterhead, person and birth date, recipient address, six sections, signatures, Art. 13 block', async () => {
    const el = await mount('consent');
    el.preparePrint();
    const text = await printed('consent');
    expect(text).to.not.contain('Intranet-Kopf');
    expect(text).to.not.contain('Speicher-Fußzeile');
    expect(text).to.not.contain('Einwilligung erfassen');
    for (const s of [
      'Stadt Musterstadt',
      'Kommunales Integrationsmanagement',
      'Einwilligungserklärung',
      'Amira Haddad, geboren am 02.04.1988',
      'Jobcenter Musterstadt, Bahnhofstraße 5, 12345 Musterstadt',
      'Vermittlung an Anbieter und Durchführung von Maßnahmen, auch später geplanter',
      'Ort, Datum, Unterschrift',
      'Informationen zum Datenschutz (Art. 13 DSGVO)',
      'datenschutz@musterstadt.example',
      'Landesbeauftragte für Datenschutz',
    ])
      expect(text, s).to.contain(s);
    expect(text).to.not.match(/measureDelivery|caseManagement|DP-\d/);
  });

  it('DP-15: a release prints under its own title, naming the professionals released', async () => {
    const el = await mount('release');
    el.preparePrint();
    const text = await printed('release');
    expect(text).to.contain('Erklärung zur Entbindung von der Schweigepflicht');
    expect(text).to.not.contain('Einwilligungserklärung');
    expect(text).to.contain('Dr. Weber (Hausärztin)');
  });
});
