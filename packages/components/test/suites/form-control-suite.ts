import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { runNativeFormControlTests, type NativeControl } from './native-form-control-suite.js';

/** The form-associated surface every Fallkit form has (FkFormElement). */
export interface FormControlLike extends HTMLElement {
  value: unknown;
  name: string;
  disabled: boolean;
  readonly: boolean;
  required: boolean;
  readonly form: HTMLFormElement | null;
  readonly validationMessage: string;
  checkValidity(): boolean;
  reportValidity(): boolean;
  requestSubmit(): Promise<boolean>;
  readonly updateComplete: Promise<boolean>;
}

/** What a form's test hands to {@link runFormControlSuite}. */
export interface FormControlSuiteOptions<E extends FormControlLike> {
  /** A new, unattached element, configured as the test wants (standalone: no provider). */
  create: () => E | Promise<E>;
  /** A value the form's schema accepts. */
  validValue: unknown;
  /** A value the schema refuses (with at least one error a user can see). */
  invalidValue: unknown;
  /** Expected validation message for `invalidValue` (exact string or pattern), per language. */
  invalidMessage?: { de: string | RegExp; en: string | RegExp };
  /**
   * Fills the form by keyboard only, starting with focus on the element (delegatesFocus puts it on the
   * first control). Afterwards the suite expects a `change` event and a value matching `expectAfterKeyboard`.
   */
  fillByKeyboard?: (el: E) => Promise<void>;
  /** Checks the value after `fillByKeyboard`. */
  expectAfterKeyboard?: (value: unknown) => void;
  /** Upper bound of tab stops inside the element (default 60), for the no-keyboard-trap check. */
  maxTabStops?: number;
}

/** Every element below `root`, descending into open shadow roots. */
export function deepQueryAll<T extends Element = Element>(root: ParentNode, selector: string): T[] {
  const found: T[] = [];
  const walk = (node: ParentNode) => {
    found.push(...(Array.from(node.querySelectorAll(selector)) as T[]));
    for (const el of Array.from(node.querySelectorAll('*'))) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(root);
  return found;
}

/** The focused element, descending into shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function composedContains(host: Element, node: Node | null): boolean {
  let current: Node | null = node;
  while (current) {
    if (current === host) return true;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return false;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/**
 * The shared form-control suite (shoelace's form-control-base-tests, lion's test-suites): every
 * Fallkit form calls it with a fixture factory, a valid and an invalid value. It checks axe, form
 * association and JSON submission in a real `<form>`, validity with messages in German and English,
 * reset, disabled (own attribute and `<fieldset disabled>`), readonly, `fk-submit`, the
 * `:state(user-invalid)` custom state, and keyboard operation (focus enters, no keyboard trap); then the
 * native form-control suite (`native-form-control-suite.ts`, after Web Awesome's) on the same element.
 *
 * @example
 * describe('<fk-goal-agreement>', () => {
 *   runFormControlSuite('fk-goal-agreement', {
 *     create: () => document.createElement('fk-goal-agreement'),
 *     validValue: exampleGoals,
 *     invalidValue: { goals: [{ title: '' }] },
 *   });
 * });
 */
export function runFormControlSuite<E extends FormControlLike>(tag: string, options: FormControlSuiteOptions<E>): void {
  /** Mounts in a host form; `required` unless `optional` (an invalid value may be the empty value). */
  async function mount(lang: 'de' | 'en' = 'de', value?: unknown, { optional = false } = {}) {
    const form = await fixture<HTMLFormElement>(
      html`<form lang=${lang}>
        <button type="button" id="before">vorher</button>
        <div id="slot"></div>
        <button type="button" id="after">nachher</button>
      </form>`,
    );
    const el = await options.create();
    el.name = 'fk-value';
    if (!optional) el.required = true;
    if (value !== undefined) el.value = clone(value);
    form.querySelector('#slot')!.append(el);
    await el.updateComplete;
    await el.updateComplete;
    return { form, el };
  }

  describe(`form-control suite: <${tag}>`, () => {
    afterEach(() => fixtureCleanup());

    it('is accessible (axe) empty, filled, and while showing errors', async () => {
      const empty = await mount('de');
      await expect(empty.el).to.be.accessible();
      const filled = await mount('de', options.validValue);
      await expect(filled.el).to.be.accessible();
      const invalid = await mount('de', options.invalidValue);
      invalid.el.reportValidity();
      await invalid.el.updateComplete;
      await expect(invalid.el).to.be.accessible();
    });

    it('is form-associated and submits its value as JSON under its name', async () => {
      const { form, el } = await mount('de', options.validValue);
      expect((el.constructor as unknown as { formAssociated?: boolean }).formAssociated).to.equal(true);
      expect(el.form).to.equal(form);
      const submitted = new FormData(form).get('fk-value');
      expect(submitted, 'FormData entry').to.be.a('string');
      expect(JSON.parse(submitted as string)).to.deep.equal(JSON.parse(JSON.stringify(el.value)));
      expect(JSON.parse(submitted as string)).to.deep.equal(JSON.parse(JSON.stringify(options.validValue)));
    });

    it('lets the host form submit a valid value and blocks an invalid one', async () => {
      const valid = await mount('de', options.validValue);
      let submits = 0;
      valid.form.addEventListener('submit', (e) => {
        e.preventDefault();
        submits++;
      });
      valid.form.requestSubmit();
      expect(submits).to.equal(1);

      const invalid = await mount('de', options.invalidValue);
      let blocked = 0;
      let invalidEvents = 0;
      invalid.form.addEventListener('submit', (e) => {
        e.preventDefault();
        blocked++;
      });
      // Interactive validation fires `invalid` synchronously inside requestSubmit().
      invalid.el.addEventListener('invalid', () => invalidEvents++);
      invalid.form.requestSubmit();
      expect(blocked).to.equal(0);
      expect(invalidEvents).to.equal(1);
    });

    it('checks validity with a German message', async () => {
      const valid = await mount('de', options.validValue);
      expect(valid.el.checkValidity()).to.equal(true);
      expect(valid.el.validationMessage).to.equal('');
      const { el } = await mount('de', options.invalidValue);
      expect(el.checkValidity()).to.equal(false);
      expect(el.reportValidity()).to.equal(false);
      expect(el.validationMessage).to.not.equal('');
      if (options.invalidMessage) expect(el.validationMessage).to.match(asPattern(options.invalidMessage.de));
      await el.updateComplete;
      // The error is also shown in place, inside the element.
      const inPlace = deepQueryAll(el.shadowRoot!, '[part~="error"], .fk-feedback--error').map(
        (n) => n.textContent ?? '',
      );
      expect(inPlace.join(' ')).to.contain(el.validationMessage);
    });

    it('speaks English when lang=en (messages and texts)', async () => {
      const de = await mount('de', options.invalidValue);
      const en = await mount('en', options.invalidValue);
      de.el.reportValidity();
      en.el.reportValidity();
      expect(en.el.validationMessage).to.not.equal('');
      expect(en.el.validationMessage).to.not.equal(de.el.validationMessage);
      if (options.invalidMessage) expect(en.el.validationMessage).to.match(asPattern(options.invalidMessage.en));
      await de.el.updateComplete;
      await en.el.updateComplete;
      expect(deepText(en.el)).to.not.equal(deepText(de.el));
    });

    it('sets :state(user-invalid) after reportValidity', async () => {
      const { el } = await mount('de', options.invalidValue);
      el.reportValidity();
      await el.updateComplete;
      let supported = true;
      try {
        el.matches(':state(user-invalid)');
      } catch {
        supported = false;
      }
      if (supported) expect(el.matches(':state(user-invalid)')).to.equal(true);
      else expect(el.checkValidity()).to.equal(false);
    });

    it('resets to the first value the host set', async () => {
      const { form, el } = await mount('de', options.validValue);
      el.value = clone(options.invalidValue);
      await el.updateComplete;
      form.reset();
      await el.updateComplete;
      expect(JSON.parse(JSON.stringify(el.value))).to.deep.equal(JSON.parse(JSON.stringify(options.validValue)));
      expect(el.checkValidity()).to.equal(true);
    });

    it('is disabled by its attribute: not submitted, valid, controls disabled', async () => {
      const { form, el } = await mount('de', options.invalidValue);
      el.disabled = true;
      await el.updateComplete;
      await el.updateComplete;
      expect(new FormData(form).has('fk-value')).to.equal(false);
      expect(el.checkValidity()).to.equal(true);
      const controls = deepQueryAll<HTMLInputElement>(el.shadowRoot!, 'input, textarea, select');
      expect(controls.filter((c) => !c.disabled).map((c) => c.outerHTML.slice(0, 80))).to.deep.equal([]);
    });

    it('is disabled by a disabled <fieldset>', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><fieldset disabled></fieldset></form>`);
      const el = await options.create();
      el.name = 'fk-value';
      el.value = clone(options.validValue);
      form.querySelector('fieldset')!.append(el);
      await el.updateComplete;
      await el.updateComplete;
      expect(el.matches(':disabled')).to.equal(true);
      expect(new FormData(form).has('fk-value')).to.equal(false);
      const controls = deepQueryAll<HTMLInputElement>(el.shadowRoot!, 'input, textarea, select');
      expect(controls.filter((c) => !c.disabled).length).to.equal(0);
    });

    it('is read-only: no editable text control, always valid, value still submitted', async () => {
      const { form, el } = await mount('de', options.invalidValue);
      el.readonly = true;
      await el.updateComplete;
      await el.updateComplete;
      expect(el.hasAttribute('readonly')).to.equal(true);
      expect(el.checkValidity()).to.equal(true);
      expect(new FormData(form).has('fk-value')).to.equal(true);
      const editable = deepQueryAll<HTMLInputElement>(el.shadowRoot!, 'input, textarea, select').filter(
        (c) => !c.disabled && !c.readOnly && !['hidden'].includes(c.type),
      );
      expect(editable.map((c) => c.outerHTML.slice(0, 80))).to.deep.equal([]);
    });

    it('fires fk-submit with the validated data on requestSubmit()', async () => {
      const { el } = await mount('de', options.validValue);
      const event = oneEvent(el, 'fk-submit');
      const accepted = await el.requestSubmit();
      const { detail } = await event;
      expect(accepted).to.equal(true);
      expect(detail).to.not.equal(undefined);
      const invalid = await mount('de', options.invalidValue);
      let fired = false;
      invalid.el.addEventListener('fk-submit', () => (fired = true));
      expect(await invalid.el.requestSubmit()).to.equal(false);
      expect(fired).to.equal(false);
    });

    it('is keyboard operable: Tab enters the element and leaves it again (no trap)', async () => {
      const { form, el } = await mount('de', options.validValue);
      (form.querySelector('#before') as HTMLButtonElement).focus();
      await sendKeys({ press: 'Tab' });
      expect(composedContains(el, deepActiveElement()), 'focus entered the element').to.equal(true);
      const limit = options.maxTabStops ?? 60;
      let left = false;
      for (let i = 0; i < limit && !left; i++) {
        await sendKeys({ press: 'Tab' });
        left = deepActiveElement() === form.querySelector('#after');
      }
      expect(left, `Tab reaches the next page element within ${limit} stops`).to.equal(true);
    });

    if (options.fillByKeyboard) {
      it('can be filled by keyboard only', async () => {
        const { el } = await mount('de');
        let changes = 0;
        el.addEventListener('change', () => changes++);
        el.focus();
        await options.fillByKeyboard!(el);
        await el.updateComplete;
        expect(changes).to.be.greaterThan(0);
        options.expectAfterKeyboard?.(el.value);
      });
    }
  });

  // Every form-associated element also runs the native suite (ported after Web Awesome's).
  runNativeFormControlTests(tag, {
    create: options.create as unknown as () => NativeControl | Promise<NativeControl>,
    validValue: options.validValue,
  });
}

function asPattern(expected: string | RegExp): RegExp {
  return typeof expected === 'string' ? new RegExp(expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : expected;
}

/** Text of an element's shadow tree (including nested shadow roots). */
export function deepText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of Array.from(node.childNodes)) walk(child);
  };
  if (el.shadowRoot) walk(el.shadowRoot);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
