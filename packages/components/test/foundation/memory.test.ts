import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import type { Actor } from '@fallkit/core';
import { liveLocalizeControllers } from '../../src/controllers/localize-controller.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { FakeCaseService } from '../suites/fake-case-service.js';
import './fixtures/sample-form.js';
import type { SampleView } from './fixtures/sample-form.js';

const actor: Actor = { id: 'u-1', role: 'caseManager', agencyId: 'kommune' };

describe('memory: connect and disconnect 100 times', () => {
  it('releases every case subscription and localize controller', async () => {
    const service = new FakeCaseService<SampleView>();
    service.setView('c-1', { caseId: 'c-1', concern: 'x' });
    const provider = await fixture<FkCaseProvider>(
      html`<fk-case-provider .service=${service} .actor=${actor} case-id="c-1"></fk-case-provider>`,
    );
    const baseline = liveLocalizeControllers();
    const form = document.createElement('fk-sample-form');
    for (let i = 0; i < 100; i++) {
      provider.append(form);
      await form.updateComplete;
      expect(service.activeSubscriptions).to.equal(1);
      form.remove();
      expect(service.activeSubscriptions).to.equal(0);
    }
    // 100 fresh elements as well: nothing may stay registered after they leave.
    for (let i = 0; i < 100; i++) {
      const fresh = document.createElement('fk-sample-form');
      provider.append(fresh);
      await fresh.updateComplete;
      fresh.remove();
    }
    await aTimeout(0);
    expect(service.activeSubscriptions).to.equal(0);
    expect(service.reads.length).to.equal(200);
    expect(liveLocalizeControllers()).to.equal(baseline);
  });

  it('re-subscribes once when the case id changes, releasing the old case', async () => {
    const service = new FakeCaseService<SampleView>();
    const provider = await fixture<FkCaseProvider>(
      html`<fk-case-provider .service=${service} .actor=${actor} case-id="c-1"
        ><fk-sample-form></fk-sample-form
      ></fk-case-provider>`,
    );
    const form = provider.querySelector('fk-sample-form')!;
    await form.updateComplete;
    for (let i = 2; i <= 20; i++) {
      provider.caseId = `c-${i}`;
      await provider.updateComplete;
      await form.updateComplete;
      expect(service.activeSubscriptions).to.equal(1);
    }
    expect(service.reads.map((r) => r.caseId).at(-1)).to.equal('c-20');
  });
});
