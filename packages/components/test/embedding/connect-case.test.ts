import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import {
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  createCaseService,
  createCaseViews,
  type Actor,
} from '@fallkit/core';
import '../../src/define/fk-assessment-form.js';
import { connectCase } from '../../src/context/connect-case.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';

const actor: Actor = { id: 'u-17', role: 'caseManager', agencyId: 'jobcenter-musterstadt', name: 'A. Beispiel' };
const open = {
  addressee: { roles: ['addressee' as const], givenName: 'Mia', familyName: 'Muster' },
  leadAgency: { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt', legalDomain: 'SGB_II' as const },
};

function core() {
  const ports = {
    store: new MemoryCaseStore(),
    clock: new FixedClock('2026-03-01T10:00:00.000Z'),
    ids: new SequentialIds(),
  };
  const service = createCaseService({ ...ports, actor });
  const views = createCaseViews({ service, ...ports });
  return { service, views };
}

describe('connectCase: one call puts an element on a case (the README snippet)', () => {
  it('opens a new case, connects the provider around the form, and the form loads it', async () => {
    const { service, views } = core();
    const provider = await fixture<FkCaseProvider>(
      html`<fk-case-provider lang="de"><fk-assessment-form></fk-assessment-form></fk-case-provider>`,
    );
    const form = provider.querySelector('fk-assessment-form')!;
    const result = await connectCase(form, { service, views, caseId: 'F-2025-0042', open });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.value).to.include({ caseId: 'F-2025-0042', opened: true, provider });
    expect(provider.caseId).to.equal('F-2025-0042');
    expect(provider.service).to.not.equal(undefined);
    const loaded = await service.loadCase('F-2025-0042');
    expect(loaded.ok).to.equal(true);
    // The second call loads: nothing is opened twice.
    const again = await connectCase(provider, { service, views, caseId: 'F-2025-0042', open });
    expect(again.ok && again.value.opened).to.equal(false);
    const journal = await service.loadCase('F-2025-0042');
    expect(journal.ok && journal.value.events.filter((e) => e.type === 'CaseOpened').length).to.equal(1);
  });

  it('wraps an element outside any provider in a new provider', async () => {
    const { service, views } = core();
    const host = await fixture<HTMLDivElement>(html`<div><fk-assessment-form></fk-assessment-form></div>`);
    const form = host.querySelector('fk-assessment-form')!;
    const result = await connectCase(form, { service, views, caseId: 'F-1', open });
    expect(result.ok).to.equal(true);
    const provider = form.parentElement as FkCaseProvider;
    expect(provider.localName).to.equal('fk-case-provider');
    expect(provider.parentElement).to.equal(host);
    await waitUntil(() => provider.caseId === 'F-1');
  });

  it('refuses a missing case without `open` and writes nothing (typed refusal, provider untouched)', async () => {
    const { service, views } = core();
    const provider = await fixture<FkCaseProvider>(html`<fk-case-provider></fk-case-provider>`);
    const result = await connectCase(provider, { service, views, caseId: 'F-404' });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.errors[0]!.code).to.equal('CASE_NOT_FOUND');
    expect(result.errors[0]!.message.de).to.be.a('string');
    expect(result.errors[0]!.message.en).to.be.a('string');
    expect(provider.service).to.equal(undefined);
    expect(provider.caseId).to.equal(undefined);
  });

  it('passes a refused openCase on as the result, never throws', async () => {
    const { service, views } = core();
    const provider = await fixture<FkCaseProvider>(html`<fk-case-provider></fk-case-provider>`);
    const bad = { ...open, addressee: { ...open.addressee, givenName: '' } };
    const result = await connectCase(provider, { service, views, caseId: 'F-2', open: bad });
    expect(result.ok).to.equal(false);
    expect(provider.service).to.equal(undefined);
    const none = await connectCase(null, { service, views, caseId: 'F-2' });
    expect(none.ok).to.equal(false);
  });
});
