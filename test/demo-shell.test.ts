import { expect } from 'chai';
import { expect as axeExpect } from '@open-wc/testing';
import { DEMO_ACTORS, mountDemo } from '../packages/demo/src/demo-shell.js';
import { deleteDatabase, worksOnCase, openDemoSession } from '../packages/demo/src/app/demo-session.js';
import { parseHash, hrefOf } from '../packages/demo/src/app/routes.js';
import { SECTIONS, sectionOfCommand } from '../packages/demo/src/app/sections.js';
import { CASE_COMMAND_TYPES } from '@fallkit/core';
import { waitFor } from './support/demo-page.js';

describe('demo page shell', function () {
  this.timeout(90_000);

  it('serves index.html in German, asks for the passphrase of the encrypted store, and opens with it', async () => {
    // The page as `npm start` serves it; web-test-runner.config.js maps its bundle main.js to src/main.ts.
    const frame = document.createElement('iframe');
    frame.src = '/packages/demo/index.html';
    frame.style.inlineSize = '1280px';
    document.body.append(frame);
    try {
      await new Promise((resolve, reject) => {
        frame.addEventListener('load', resolve, { once: true });
        frame.addEventListener('error', reject, { once: true });
      });
      const page = frame.contentDocument!;
      expect(page.documentElement.lang).to.equal('de');
      expect(page.title).to.equal('Fallkit Demo – Kommunales Integrationsmanagement Musterstadt');
      const input = await waitFor(() => page.querySelector<HTMLInputElement>('#passphrase'), 'the passphrase field');
      expect(page.querySelector('h1')!.textContent).to.equal('Fallakte entsperren');
      expect(page.body.textContent).to.contain('„Musterstadt-Demo 2026, Akten!“');
      input.value = 'Musterstadt-Demo 2026, Akten!';
      page.querySelector<HTMLButtonElement>('.unlock-form button')!.click();
      const table = await waitFor(() => page.querySelector('table.caseload'), 'the seeded caseload');
      expect(page.querySelector('h1')!.textContent).to.equal('Fallübersicht');
      expect(table.querySelectorAll('tbody tr').length).to.be.greaterThan(0);
      expect(page.querySelector('.store-note')!.textContent).to.contain(
        '„fallkit-demo“, verschlüsselt in diesem Browser',
      );
      // The language switch turns the page and the Fallkit elements in it to English.
      const language = page.querySelector<HTMLSelectElement>('select.language-switch')!;
      language.value = 'en';
      language.dispatchEvent(new Event('change'));
      await waitFor(() => page.querySelector('h1')?.textContent === 'Caseload', 'the English heading');
      expect(page.documentElement.lang).to.equal('en');
      expect(page.querySelector('.reset-button')!.textContent!.trim()).to.equal('Reset demo data');
      // No element of the page is left blank: a missing Fallkit element says so.
      for (const note of page.querySelectorAll('.missing-element')) {
        expect(customElements.get(note.getAttribute('data-missing')!)).to.equal(undefined);
      }
    } finally {
      frame.remove();
    }
  });

  it('DP-37: the demo database is encrypted; a wrong passphrase is refused with STORE_WRONG_KEY', async () => {
    const databaseName = `fallkit-demo-shell-${Date.now()}`;
    try {
      const first = await openDemoSession({ databaseName, passphrase: 'Richtig-Kennwort 2026 ok', seed: false });
      expect(first.ok).to.equal(true);
      if (first.ok) first.value.store.close();
      const wrong = await openDemoSession({ databaseName, passphrase: 'falsch', seed: false });
      expect(wrong.ok).to.equal(false);
      if (!wrong.ok) expect(wrong.errors[0]!.code).to.equal('STORE_WRONG_KEY');
    } finally {
      await deleteDatabase(databaseName);
    }
  });

  it('seeds the example cases with consents once, and every actor gets a decided view of the Rahimi case', async () => {
    const databaseName = `fallkit-demo-seed-${Date.now()}`;
    const opened = await openDemoSession({ databaseName, passphrase: 'Demo-Test-Kennwort 2026!' });
    expect(opened.ok).to.equal(true);
    if (!opened.ok) return;
    const session = opened.value;
    try {
      expect(session.seed?.failed ?? []).to.deep.equal([]);
      expect((await session.store.listCases()).map((row) => row.caseId)).to.include('kim-2026-0001');
      const outcomes: Record<string, string> = {};
      for (const entry of DEMO_ACTORS) {
        session.actor = entry;
        const view = await session.views.viewCase('kim-2026-0001', entry.purpose);
        outcomes[entry.key] = view.ok ? view.value.decision.outcome : view.errors[0]!.code;
      }
      // The Jobcenter leads after the handover and sees what Mr Rahimi consented to (not his health).
      expect(outcomes['jobcenter']).to.equal('allow-redacted');
      // The municipality handed the case over; statistics never sees a single case (DP-05).
      expect(outcomes['kim']).to.match(/^DENY_/);
      expect(outcomes['statistik']).to.match(/^DENY_/);
      // DP-23, DP-24: the partner's history holds only the envelopes of what its view shows, never all of them.
      session.actor = DEMO_ACTORS.find((entry) => entry.key === 'schuldnerberatung')!;
      const history = await session.views.history('jc-2026-0417', 'caseManagement');
      const journal = await session.store.readJournal('jc-2026-0417');
      expect(history.ok).to.equal(true);
      if (history.ok) expect(history.value.entries.length).to.be.lessThan(journal.length);
      session.actor = DEMO_ACTORS.find((entry) => entry.key === 'statistik')!;
      expect((await session.views.history('jc-2026-0417', 'statistics')).ok).to.equal(false);
      // The case managers work on their cases (the Jugendamt and the Sozialamt on the legal profiles' cases).
      expect(DEMO_ACTORS.filter((entry) => worksOnCase(entry.actor)).map((entry) => entry.key)).to.deep.equal([
        'kim',
        'jobcenter',
        'jugendamt',
        'sozialamt',
      ]);
    } finally {
      session.store.close();
      await deleteDatabase(databaseName);
    }
  });

  it('routes: hashes name the caseload, a case tab, the reports, the actor and the language', () => {
    expect(parseHash('#/').route).to.deep.equal({ page: 'caseload' });
    expect(parseHash('#/berichte?lang=en')).to.deep.equal({ route: { page: 'reports' }, lang: 'en' });
    expect(parseHash('#/fall/kim-2026-0001/assessment?als=jobcenter')).to.deep.equal({
      route: { page: 'case', caseId: 'kim-2026-0001', section: 'assessment' },
      actor: 'jobcenter',
    });
    expect(parseHash('#/fall/x/unknown').route).to.deep.equal({ page: 'case', caseId: 'x', section: 'overview' });
    for (const section of SECTIONS) {
      const route = { page: 'case', caseId: 'a/b', section: section.key } as const;
      expect(parseHash(hrefOf(route)).route).to.deep.equal(route);
    }
  });

  it("the overview's next-step buttons lead to the tab where the step is entered", () => {
    expect(sectionOfCommand('agreeGoal')).to.equal('goals');
    expect(sectionOfCommand('startReassessment')).to.equal('monitoring');
    expect(sectionOfCommand('closeCase')).to.equal('closure');
    // Every command of the cycle has a tab; only person details and notes stay on the overview.
    const onOverview = CASE_COMMAND_TYPES.filter((command) => sectionOfCommand(command) === 'overview');
    expect(onOverview).to.have.members([
      'openCase',
      'addPerson',
      'updatePerson',
      'recordResidenceStatus',
      'recordNote',
    ]);
  });

  it('DP-37: a store that locked itself (idle) asks for the passphrase again instead of showing stale data', async () => {
    const databaseName = `fallkit-demo-lock-${Date.now()}`;
    const root = document.createElement('div');
    document.body.append(root);
    try {
      const app = mountDemo(root, { databaseName, passphrase: 'Demo-Test-Kennwort 2026!' });
      await waitFor(() => root.querySelector('table.caseload'), 'the caseload');
      app.demoSession!.store.lock();
      window.location.hash = '#/fall/kim-2026-0019';
      await waitFor(() => root.querySelector('#passphrase'), 'the passphrase field again');
      expect(root.querySelector('aside.view-panel')).to.equal(null);
    } finally {
      window.location.hash = '';
      root.remove();
      await deleteDatabase(databaseName);
    }
  });

  it('the caseload page and a case page pass axe (WCAG 2.1 AA)', async () => {
    const databaseName = `fallkit-demo-axe-${Date.now()}`;
    const root = document.createElement('div');
    document.body.append(root);
    try {
      mountDemo(root, { databaseName, passphrase: 'Demo-Test-Kennwort 2026!' });
      await waitFor(() => root.querySelector('table.caseload') && root.querySelector('fk-worklist'), 'the caseload');
      await axeExpect(root).to.be.accessible();
      window.location.hash = '#/fall/kim-2026-0019';
      await waitFor(() => root.querySelector('aside.view-panel') && root.querySelector('fk-case-overview'), 'the case');
      await axeExpect(root).to.be.accessible();
      // The debt counselling service reads the case it was referred, but does not edit its stages.
      window.location.hash = '#/fall/jc-2026-0417/assessment?als=schuldnerberatung';
      const form = await waitFor(() => root.querySelector('section.section-panel fk-assessment-form'), 'the form');
      expect(form.hasAttribute('readonly')).to.equal(true);
    } finally {
      window.location.hash = '';
      root.remove();
      await deleteDatabase(databaseName);
    }
  });

  it('"Demodaten zurücksetzen" deletes what was entered and seeds the example cases again', async () => {
    const databaseName = `fallkit-demo-reset-${Date.now()}`;
    const root = document.createElement('div');
    document.body.append(root);
    const confirm = window.confirm;
    try {
      const app = mountDemo(root, { databaseName, passphrase: 'Demo-Test-Kennwort 2026!' });
      const table = await waitFor(() => root.querySelector('table.caseload'), 'the caseload');
      const seeded = (await app.demoSession!.store.listCases()).length;
      const opened = await app.demoSession!.service.execute({
        type: 'openCase',
        input: {
          label: 'KIM-2026-0999',
          addressee: { roles: ['addressee'], givenName: 'Test', familyName: 'Person' },
          leadAgency: { agencyId: 'kim-musterstadt', name: 'KIM', legalDomain: 'SGB_XII' },
        },
      });
      expect(opened.ok).to.equal(true);
      await waitFor(() => table.isConnected && root.textContent?.includes('KIM-2026-0999'), 'the new case listed');
      window.confirm = () => true;
      root.querySelector<HTMLButtonElement>('.reset-button')!.click();
      await waitFor(() => root.querySelector('.notice')?.textContent?.includes('zurückgesetzt'), 'the reset notice');
      await waitFor(() => root.querySelector('table.caseload'), 'the caseload again');
      expect((await app.demoSession!.store.listCases()).length).to.equal(seeded);
      expect(root.textContent).not.to.contain('KIM-2026-0999');
    } finally {
      window.confirm = confirm;
      window.location.hash = '';
      root.remove();
      await deleteDatabase(databaseName);
    }
  });
});
