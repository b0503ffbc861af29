import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './fixtures/sample-form.js';
import type { FkSampleForm } from './fixtures/sample-form.js';

async function inForm(lang = 'de', required = true) {
  const form = await fixture<HTMLFormElement>(
    html`<form lang=${lang}>
      <fk-sample-form name="anliegen" ?required=${required}></fk-sample-form>
      <button type="reset">reset</button>
    </form>`,
  );
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
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <fieldset disabled><fk-sample-form name="x"></fk-sample-form></fieldset>
      </form>`,
    );
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

describe('FkFormElement behaviour', () => {
  it('shows a field error only after the user left the field, and sets :state(user-invalid)', async () => {
    const { el } = await inForm();
    const area = el.shadowRoot!.querySelector('fk-textarea')!;
    expect(area.error).to.equal(undefined);
    area.focus();
    (el.shadowRoot!.querySelector('fk-text-field') as HTMLElement).focus();
    await el.updateComplete;
    expect(area.error).to.equal('Bitte füllen Sie dieses Feld aus.');
    expect(el.matches(':state(user-invalid)')).to.equal(true);
  });

  it('fires a composed change event with value and validity on every edit', async () => {
    const { el } = await inForm();
    const wish = el.shadowRoot!.querySelector('fk-text-field')!.shadowRoot!.querySelector('input')!;
    setTimeout(() => {
      wish.value = 'Arbeit';
      wish.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    });
    const ev = await oneEvent(document, 'change');
    expect(ev.composed).to.equal(true);
    expect(ev.detail).to.deep.equal({ value: { concern: '', wish: 'Arbeit' }, valid: false });
  });

  it('keeps host values immutable and tolerates a cleared value', async () => {
    const { el } = await inForm();
    const hostValue = Object.freeze({ concern: 'A' });
    el.value = hostValue;
    await el.updateComplete;
    const ta = el.shadowRoot!.querySelector('fk-textarea')!.shadowRoot!.querySelector('textarea')!;
    ta.value = 'B';
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    expect(hostValue.concern).to.equal('A');
    el.value = undefined as never;
    await el.updateComplete;
    expect(el.value).to.deep.equal({ concern: '' });
  });

  it('restores its value from the form state (back/forward cache)', async () => {
    const { el } = await inForm();
    el.formStateRestoreCallback(JSON.stringify({ concern: 'zurück' }));
    await el.updateComplete;
    expect(el.value).to.deep.equal({ concern: 'zurück' });
    el.formStateRestoreCallback('kein JSON');
    expect(el.value).to.deep.equal({ concern: 'zurück' });
  });

  it('keeps a standalone draft under draft-key across re-creation', async () => {
    const first = await fixture<FkSampleForm>(html`<fk-sample-form draft-key="gespraech-1"></fk-sample-form>`);
    const ta = first.shadowRoot!.querySelector('fk-textarea')!.shadowRoot!.querySelector('textarea')!;
    ta.value = 'Notizen nach dem Gespräch';
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    first.remove();
    const second = await fixture<FkSampleForm>(html`<fk-sample-form draft-key="gespraech-1"></fk-sample-form>`);
    expect(second.value.concern).to.equal('Notizen nach dem Gespräch');
    second.discardDraft();
    const third = await fixture<FkSampleForm>(html`<fk-sample-form draft-key="gespraech-1"></fk-sample-form>`);
    expect(third.value.concern).to.equal('');
  });

  it('maps zod issues to localized messages with validity flags', async () => {
    const { el } = await inForm('en');
    el.value = { concern: 'x'.repeat(201), since: '2026-02-30' };
    await el.updateComplete;
    expect(el.validity.tooLong).to.equal(true);
    expect(el.validationMessage).to.equal('Please enter at most 200 characters.');
    el.value = { concern: 'ok', since: '2026-02-30' };
    await el.updateComplete;
    expect(el.validity.typeMismatch).to.equal(true);
    expect(el.validationMessage).to.equal('Please enter a valid date.');
  });
});
