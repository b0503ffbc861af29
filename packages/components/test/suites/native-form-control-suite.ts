/**
 * The native form-control suite: what a form-associated element must do to behave like an `<input>` in a
 * host form. Ported by the Fallkit project after Web Awesome's `runFormControlBaseTests`
 * (`packages/webawesome/src/internal/test/form-control-base-tests.ts`, © Web Awesome / Shoelace contributors,
 * MIT licence), adapted to native semantics: `wa-invalid` is the native `invalid` event, `getForm()` is the
 * native `form` getter, and a `<fieldset disabled>` makes the element match `:disabled` while its own
 * `disabled` property stays false, as it does for an `<input>`. Tests of Web Awesome's that do not apply
 * are listed with the reason in docs/components.md ("The native form-control suite"). Added beyond Web
 * Awesome's: synchronous validity and `FormData` after a property set, `required`, reset, state restore and
 * the custom states.
 */
import { aTimeout, expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import type { FormControlLike } from './form-control-suite.js';

/** What the native suite needs beyond {@link FormControlLike}. */
export interface NativeControl extends FormControlLike {
  required: boolean;
  customError?: string;
  readonly validity: ValidityState;
  setCustomValidity(message: string): void;
  formResetCallback(): void;
  formStateRestoreCallback(state: string | File | FormData | null, mode?: 'restore' | 'autocomplete'): void;
}

export interface NativeSuiteOptions<E extends NativeControl> {
  /** A new, unattached element (standalone: no provider). */
  create: () => E | Promise<E>;
  /** A value the form's schema accepts. */
  validValue: unknown;
}

/** Runs `action` and collects the `type` events the element fires meanwhile (and shortly after). */
async function eventsDuring(el: EventTarget, type: string, action: () => void): Promise<Event[]> {
  const seen: Event[] = [];
  const listener = (event: Event) => seen.push(event);
  el.addEventListener(type, listener);
  try {
    action();
    await aTimeout(50);
  } finally {
    el.removeEventListener(type, listener);
  }
  return seen;
}

function hasState(el: Element, name: string): boolean {
  try {
    return el.matches(`:state(${name})`);
  } catch {
    return el.matches(`:--${name}`);
  }
}

/** `JSON.parse(JSON.stringify(x))`: the value as the host form carries it. */
function asSubmitted(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

export function runNativeFormControlTests<E extends NativeControl>(tag: string, options: NativeSuiteOptions<E>): void {
  /** Connected to the page, optional, empty: the state a host's markup starts with. */
  async function createControl(): Promise<E> {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = await options.create();
    host.append(el);
    await el.updateComplete;
    return el;
  }

  async function inForm(): Promise<{ form: HTMLFormElement; el: E }> {
    const form = await fixture<HTMLFormElement>(html`<form></form>`);
    const el = await options.create();
    el.name = 'fk-value';
    form.append(el);
    await el.updateComplete;
    return { form, el };
  }

  describe(`native form-control suite (after Web Awesome's runFormControlBaseTests): <${tag}>`, () => {
    afterEach(() => fixtureCleanup());

    // ---- Web Awesome's base tests, ported ----------------------------------------------------

    it('has a property `validity` of type object', async () => {
      const el = await createControl();
      expect(el.validity !== null && typeof el.validity === 'object').to.equal(true);
    });

    it('has a property `validationMessage` of type string', async () => {
      const el = await createControl();
      expect(typeof el.validationMessage).to.equal('string');
    });

    it('implements checkValidity, setCustomValidity and reportValidity', async () => {
      const el = await createControl();
      expect(typeof el.checkValidity).to.equal('function');
      expect(typeof el.setCustomValidity).to.equal('function');
      expect(typeof el.reportValidity).to.equal('function');
    });

    it('is valid initially (empty and optional)', async () => {
      const el = await createControl();
      expect(el.validity.valid).to.equal(true);
    });

    it('checkValidity() returns true when valid', async () => {
      const el = await createControl();
      expect(el.checkValidity()).to.equal(true);
    });

    // Web Awesome skips this one because reportValidity() crashes WebKit; Chromium runs it.
    it('reportValidity() returns true when valid', async () => {
      const el = await createControl();
      expect(el.reportValidity()).to.equal(true);
    });

    it('fires no `invalid` on checkValidity() while valid', async () => {
      const el = await createControl();
      expect(await eventsDuring(el, 'invalid', () => el.checkValidity())).to.have.length(0);
    });

    it('fires no `invalid` on reportValidity() while valid', async () => {
      const el = await createControl();
      expect(await eventsDuring(el, 'invalid', () => el.reportValidity())).to.have.length(0);
    });

    it('fires no `invalid` on checkValidity() with a custom error while disabled', async () => {
      const el = await createControl();
      el.setCustomValidity('error');
      el.disabled = true;
      await el.updateComplete;
      expect(await eventsDuring(el, 'invalid', () => el.checkValidity())).to.have.length(0);
    });

    it('fires no `invalid` on reportValidity() with a custom error while disabled', async () => {
      const el = await createControl();
      el.setCustomValidity('error');
      el.disabled = true;
      await el.updateComplete;
      expect(await eventsDuring(el, 'invalid', () => el.reportValidity())).to.have.length(0);
    });

    it('finds its form through the `form` attribute', async () => {
      const form = await fixture<HTMLFormElement>(html`<form id="fk-native-suite-form"></form>`);
      const el = await createControl();
      expect(el.form).to.equal(null);
      el.setAttribute('form', 'fk-native-suite-form');
      await el.updateComplete;
      expect(el.form).to.equal(form);
    });

    it('is invalid with a `customError` property: :state(invalid), the message', async () => {
      const el = await createControl();
      el.customError = 'MyError';
      await el.updateComplete;
      expect(el.validity.valid).to.equal(false);
      expect(hasState(el, 'invalid')).to.equal(true);
      expect(el.validationMessage).to.equal('MyError');
    });

    it('is invalid with a `custom-error` attribute: :state(invalid), the message', async () => {
      const el = await createControl();
      el.setAttribute('custom-error', 'MyError');
      await el.updateComplete;
      expect(hasState(el, 'invalid')).to.equal(true);
      expect(el.validationMessage).to.equal('MyError');
    });

    it('moves into and out of :disabled with a <fieldset> (own `disabled` stays false, as on an input)', async () => {
      const el = await createControl();
      const fieldset = await fixture<HTMLFieldSetElement>(html`<fieldset></fieldset>`);
      expect(el.disabled).to.equal(false);
      fieldset.append(el);
      fieldset.disabled = true;
      await el.updateComplete;
      expect(el.disabled).to.equal(false);
      expect(el.matches(':disabled')).to.equal(true);
      expect(hasState(el, 'disabled')).to.equal(true);
      fieldset.disabled = false;
      await el.updateComplete;
      expect(el.hasAttribute('disabled')).to.equal(false);
      expect(el.matches(':disabled')).to.equal(false);
      expect(hasState(el, 'disabled')).to.equal(false);
    });

    it('reflects `disabled` to its attribute, :disabled and :state(disabled)', async () => {
      const el = await createControl();
      el.disabled = true;
      await el.updateComplete;
      expect(el.disabled).to.equal(true);
      expect(el.hasAttribute('disabled')).to.equal(true);
      expect(el.matches(':disabled')).to.equal(true);
      expect(hasState(el, 'disabled')).to.equal(true);
      el.disabled = false;
      await el.updateComplete;
      expect(el.disabled).to.equal(false);
      expect(el.hasAttribute('disabled')).to.equal(false);
      expect(el.matches(':disabled')).to.equal(false);
      expect(hasState(el, 'disabled')).to.equal(false);
    });

    it('validity.valid is false with a custom error', async () => {
      const el = await createControl();
      el.setCustomValidity('error');
      expect(el.validity.valid).to.equal(false);
      expect(el.validity.customError).to.equal(true);
    });

    it('checkValidity() returns false with a custom error', async () => {
      const el = await createControl();
      el.setCustomValidity('error');
      expect(el.checkValidity()).to.equal(false);
    });

    it('reportValidity() returns false with a custom error', async () => {
      const el = await createControl();
      el.setCustomValidity('error');
      expect(el.reportValidity()).to.equal(false);
    });

    it('fires `invalid` on checkValidity() with a custom error when not disabled', async () => {
      const el = await createControl();
      el.setCustomValidity('error');
      el.disabled = false;
      await el.updateComplete;
      expect(await eventsDuring(el, 'invalid', () => el.checkValidity())).to.have.length(1);
    });

    it('fires `invalid` on reportValidity() with a custom error when not disabled', async () => {
      const el = await createControl();
      el.setCustomValidity('error');
      el.disabled = false;
      await el.updateComplete;
      expect(await eventsDuring(el, 'invalid', () => el.reportValidity())).to.have.length(1);
    });

    // ---- beyond Web Awesome's: what a native control also does ------------------------------

    it('setCustomValidity("") clears the custom error; it wins over the own validation message', async () => {
      const { el } = await inForm();
      el.required = true;
      expect(el.validity.valueMissing || !el.validity.valid).to.equal(true);
      el.setCustomValidity('Vom Host gesperrt');
      expect(el.validationMessage).to.equal('Vom Host gesperrt');
      expect(el.validity.customError).to.equal(true);
      el.setCustomValidity('');
      // The element's own error is back (required and empty); the host's message is gone.
      expect(el.validity.valid).to.equal(false);
      expect(el.validationMessage).to.not.equal('Vom Host gesperrt');
      expect(el.validationMessage).to.not.equal('');
    });

    it('a host blocks the host form with setCustomValidity() and lets it go again', async () => {
      const { form, el } = await inForm();
      let submits = 0;
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        submits++;
      });
      el.setCustomValidity('Bitte erst die Einwilligung prüfen.');
      form.requestSubmit();
      expect(submits).to.equal(0);
      el.setCustomValidity('');
      form.requestSubmit();
      expect(submits).to.equal(1);
    });

    it('validity, validationMessage and FormData follow a property set at once (no await)', async () => {
      const { form, el } = await inForm();
      el.value = structuredClone(options.validValue);
      // No await: a native control is synchronous.
      expect(asSubmitted(JSON.parse(String(new FormData(form).get('fk-value'))))).to.deep.equal(
        asSubmitted(options.validValue),
      );
      expect(el.validity.valid).to.equal(true);
      el.required = true;
      expect(el.validity.valid).to.equal(true);
      el.formResetCallback();
      expect(el.validity.valid).to.equal(false);
      expect(el.validity.valueMissing || el.validity.customError || !el.validity.valid).to.equal(true);
      expect(el.validationMessage).to.not.equal('');
      el.required = false;
      expect(el.validity.valid).to.equal(true);
      expect(el.validationMessage).to.equal('');
    });

    it('`disabled` set as a property leaves the value out of FormData at once', async () => {
      const { form, el } = await inForm();
      expect(new FormData(form).has('fk-value')).to.equal(true);
      el.disabled = true;
      expect(new FormData(form).has('fk-value')).to.equal(false);
      el.disabled = false;
      expect(new FormData(form).has('fk-value')).to.equal(true);
    });

    it('an empty optional form does not block the host form; `required` (attribute) does', async () => {
      const { form, el } = await inForm();
      let submits = 0;
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        submits++;
      });
      form.requestSubmit();
      expect(submits, 'empty and optional: the host form submits').to.equal(1);
      el.setAttribute('required', '');
      await el.updateComplete;
      expect(el.required).to.equal(true);
      form.requestSubmit();
      expect(submits, 'empty and required: blocked').to.equal(1);
      expect(el.validity.valid).to.equal(false);
      expect(hasState(el, 'required')).to.equal(true);
      expect(hasState(el, 'empty')).to.equal(true);
      el.value = structuredClone(options.validValue);
      form.requestSubmit();
      expect(submits, 'filled validly: submits').to.equal(2);
    });

    it('formResetCallback (host form reset) restores the first value the host set', async () => {
      const { form, el } = await inForm();
      el.value = structuredClone(options.validValue);
      await el.updateComplete;
      el.setAttribute('required', '');
      el.value = (el as unknown as { emptyValue(): unknown }).emptyValue?.() ?? {};
      form.reset();
      await el.updateComplete;
      expect(asSubmitted(el.value)).to.deep.equal(asSubmitted(options.validValue));
      expect(el.checkValidity()).to.equal(true);
    });

    it('formStateRestoreCallback restores the submitted JSON (back/forward navigation) and ignores junk', async () => {
      const { form, el } = await inForm();
      el.formStateRestoreCallback(JSON.stringify(options.validValue), 'restore');
      expect(asSubmitted(el.value)).to.deep.equal(asSubmitted(options.validValue));
      expect(JSON.parse(String(new FormData(form).get('fk-value')))).to.deep.equal(asSubmitted(options.validValue));
      el.formStateRestoreCallback('{not json', 'restore');
      expect(asSubmitted(el.value)).to.deep.equal(asSubmitted(options.validValue));
    });

    it('custom states: :state(valid)/:state(invalid), :state(user-invalid) only after reportValidity, :state(readonly)', async () => {
      const { el } = await inForm();
      el.required = true;
      expect(hasState(el, 'invalid')).to.equal(true);
      expect(hasState(el, 'valid')).to.equal(false);
      expect(hasState(el, 'user-invalid')).to.equal(false);
      el.reportValidity();
      await el.updateComplete;
      expect(hasState(el, 'user-invalid')).to.equal(true);
      el.readonly = true;
      await el.updateComplete;
      expect(hasState(el, 'readonly')).to.equal(true);
      expect(hasState(el, 'invalid')).to.equal(false);
      expect(el.checkValidity()).to.equal(true);
    });
  });
}
