import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/fk-process-stepper.js';
import { stepsFor, type FkProcessStepper } from '../../src/process-stepper/process-stepper.component.js';

function current(el: FkProcessStepper): Element[] {
  return [...el.shadowRoot!.querySelectorAll('[aria-current="step"]')];
}

describe('<fk-process-stepper>', () => {
  it('marks exactly the current stage with aria-current="step" and says each step state in words', async () => {
    const el = await fixture<FkProcessStepper>(html`<fk-process-stepper stage="goalAgreement"></fk-process-stepper>`);
    const marked = current(el);
    expect(marked).to.have.length(1);
    expect(marked[0]!.textContent).to.contain('Zielvereinbarung');
    expect(marked[0]!.textContent).to.contain('aktuelle Phase');
    const items = [...el.shadowRoot!.querySelectorAll('li')];
    expect(items).to.have.length(10);
    expect(items[0]!.textContent).to.contain('erledigt');
    expect(items[9]!.textContent).to.contain('noch offen');
    expect(el.shadowRoot!.querySelector('nav')!.getAttribute('aria-label')).to.equal('Stand im Fallverlauf');
    await expect(el).to.be.accessible();
  });

  it('shows a re-assessment on the assessment step and notes the loop', async () => {
    const el = await fixture<FkProcessStepper>(html`<fk-process-stepper stage="reassessment"></fk-process-stepper>`);
    expect(current(el)[0]!.textContent).to.contain('Re-Assessment');
    expect(el.shadowRoot!.querySelector('[part~="note"]')!.textContent).to.contain('neu erfasst');
  });

  it('follows the short path after "no further measures", also once closed', async () => {
    expect(stepsFor('noFurtherMeasures').map((s) => s.stage)).to.deep.equal([
      'referral',
      'screening',
      'firstCounselling',
      'noFurtherMeasures',
      'closed',
    ]);
    const el = await fixture<FkProcessStepper>(
      html`<fk-process-stepper stage="closed" branch="noFurtherMeasures"></fk-process-stepper>`,
    );
    expect(el.shadowRoot!.querySelectorAll('li')).to.have.length(5);
    expect(current(el)[0]!.textContent).to.contain('Abgeschlossen');
  });

  it('speaks English and takes host overrides for stage names', async () => {
    const el = await fixture<FkProcessStepper>(
      html`<fk-process-stepper
        lang="en"
        stage="linking"
        .messages=${{ en: { 'stage.linking': 'Service linking' } }}
      ></fk-process-stepper>`,
    );
    expect(current(el)[0]!.textContent).to.contain('Service linking');
    expect(el.shadowRoot!.textContent).to.contain('First counselling');
    expect(el.shadowRoot!.querySelector('nav')!.getAttribute('aria-label')).to.equal(
      'Where the case stands in the cycle',
    );
  });

  it('selectable steps are buttons reachable by keyboard and fire fk-step-select', async () => {
    const el = await fixture<FkProcessStepper>(
      html`<fk-process-stepper selectable stage="monitoring"></fk-process-stepper>`,
    );
    const buttons = el.shadowRoot!.querySelectorAll('button');
    expect(buttons).to.have.length(10);
    expect(el.shadowRoot!.querySelector('button[aria-current="step"]')!.textContent).to.contain('Monitoring');
    buttons[1]!.focus();
    const chosen = oneEvent(el, 'fk-step-select');
    await sendKeys({ press: 'Enter' });
    expect((await chosen).detail).to.deep.equal({ stage: 'screening' });
    await expect(el).to.be.accessible();
  });
});
