import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './fixtures/sample-form.js';
import type { FkSampleForm } from './fixtures/sample-form.js';

async function inForm(lang = 'de') {
  const form = await fixture<HTMLFormElement>(html`<form lang=${lang}>
    <fk-sample-form name="anliegen"></fk-sample-form>
    <button type="reset">reset</button>
  </form>`);
  const el = form.querySelector('fk-sample-form')!;
  await el.updateComplete;
  return { form, el };
}

describe('FkFormElement in a real <form>', () => {
  it('is accessible', async () => {
    const { el } = await inForm();
    await expect(el).to.be.accessible();
  });

  it('submits its value as JSON under its name', async () => {
    const { form, el } = await inForm();
    el.value = { concern: 'Mietschulden', wish: 'Wohnung halten' };
    await el.updateComplete;
    const data = new FormData(form);
    expect(JSON.parse(String(data.get('anliegen')))).to.deep.equal({ concern: 'Mietschulden', wish: 'Wohnung halten' });
  });

  it('reports validity with a German message, and English when lang=en', async () => {
    const { el } = await inForm('de');
    expect(el.checkValidity()).to.equal(false);
    expect(el.reportValidity()).to.equal(false);
    expect(el.validationMessage).to.equal('Bitte füllen Sie dieses Feld aus.');
    await el.updateComplete;
    const area = el.shadowRoot!.querySelector('fk-textarea')!;
    expect(area.error).to.equal('Bitte füllen Sie dieses Feld aus.');
    const { el: en } = await inForm('en');
    en.reportValidity();
    expect(en.validationMessage).to.equal('Please fill in this field.');
  });

  it('resets to the host-set value', async () => {
    const { form, el } = await inForm();
    el.value = { concern: 'A' };
    await el.updateComplete;
    const area = el.shadowRoot!.querySelector('fk-textarea')!;
    const ta = area.shadowRoot!.querySelector('textarea')!;
    ta.value = 'A und B';
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.value.concern).to.equal('A und B');
    form.reset();
    await el.updateComplete;
    expect(el.value.concern).to.equal('A');
  });

  it('is disabled by a disabled fieldset and then not submitted', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><fieldset disabled><fk-sample-form name="x"></fk-sample-form></fieldset></form>`);
    const el = form.querySelector('fk-sample-form')!;
    el.value = { concern: 'x' };
    await el.updateComplete;
    expect(el.matches(':disabled')).to.equal(true);
    expect(new FormData(form).has('x')).to.equal(false);
    expect(el.shadowRoot!.querySelector('fk-textarea')!.disabled).to.equal(true);
  });

  it('fires fk-submit with the validated data', async () => {
    const { el } = await inForm();
    el.value = { concern: 'Arbeit finden' };
    await el.updateComplete;
    setTimeout(() => el.requestSubmit());
    const ev = await oneEvent(el, 'fk-submit');
    expect(ev.detail).to.deep.equal({ concern: 'Arbeit finden' });
  });
});
