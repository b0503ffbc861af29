import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { familyDuldungToSgbII, runExampleCases } from '@fallkit/core/examples';
import { type Actor, type CaseCommand, type CaseState } from '@fallkit/core';
import '../../src/define/fk-assessment-form.js';
import '../../src/define/fk-goal-agreement.js';
import '../../src/define/fk-help-plan.js';
import { liveLocalizeControllers } from '../../src/controllers/localize-controller.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { pageDrafts } from '../../src/controllers/draft-store.js';
import { FakeCaseService } from '../suites/fake-case-service.js';

const actor: Actor = { id: 'u-1', role: 'caseManager', agencyId: 'kommune' };

describe('memory: the three forms connected and disconnected 100 times each', () => {
  beforeEach(() => pageDrafts.clear());

  for (const tag of ['fk-assessment-form', 'fk-goal-agreement', 'fk-help-plan'] as const) {
    it(`<${tag}> releases its case subscription and every localize controller`, async () => {
      const { results } = await runExampleCases({ cases: [familyDuldungToSgbII] });
      const state = results[0]!.state;
      const service = new FakeCaseService<CaseState, CaseCommand>(actor);
      service.setView(state.caseId, state);
      const provider = await fixture<FkCaseProvider>(
        html`<fk-case-provider .service=${service} .actor=${actor} case-id=${state.caseId}></fk-case-provider>`,
      );
      const baseline = liveLocalizeControllers();
      for (let i = 0; i < 100; i++) {
        const form = document.createElement(tag);
        provider.append(form);
        await form.updateComplete;
        expect(service.activeSubscriptions).to.equal(1);
        form.remove();
        expect(service.activeSubscriptions).to.equal(0);
      }
      await aTimeout(0);
      expect(service.reads.length).to.equal(100);
      expect(liveLocalizeControllers()).to.equal(baseline);
    });
  }
});
