import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import '../../src/define/foundation.js';
import type { FkTextField } from '../../src/fields/text-field.component.js';
import type { FkTextarea } from '../../src/fields/textarea.component.js';
import type { FkSelect } from '../../src/fields/select.component.js';
import type { FkCheckbox } from '../../src/fields/checkbox.component.js';
import type { FkCheckboxGroup } from '../../src/fields/checkbox-group.component.js';
import type { FkRadioGroup } from '../../src/fields/radio-group.component.js';
import type { FkRating } from '../../src/fields/rating.component.js';
import type { FkDateField } from '../../src/fields/date-field.component.js';
import { defineElement } from '../../src/define/define-element.js';
import { FkTextField as TextFieldClass } from '../../src/fields/text-field.component.js';
import { deepActiveElement } from '../suites/form-control-suite.js';

const options = [
  { value: 'wohnen', label: 'Wohnen' },
  { value: 'arbeit', label: 'Arbeit', description: 'Beschäftigung und Ausbildung' },
  { value: 'gesundheit', label: 'Gesundheit' },
];

const control = (el: Element, selector = '#control') => el.shadowRoot!.querySelector<HTMLElement>(selector)!;

describe('internal fields', () => {
  it('fk-text-field: labelled, error linked by aria-describedby in the same root, typing updates value', async () => {
    const el = await fixture<FkTextField>(
      html`<fk-text-field label="Name" hint="Wie die Person genannt werden möchte" required></fk-text-field>`,
    );
    await expect(el).to.be.accessible();
    el.error = 'Bitte füllen Sie dieses Feld aus.';
    await el.updateComplete;
    const input = control(el) as HTMLInputElement;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    for (const id of input.getAttribute('aria-describedby')!.split(' '))
      expect(el.shadowRoot!.getElementById(id), id).to.exist;
    expect(el.shadowRoot!.getElementById('error')!.textContent).to.contain('Bitte füllen');
    await expect(el).to.be.accessible();
    el.focus();
    await sendKeys({ type: 'Aylin' });
    expect(el.value).to.equal('Aylin');
    const change = oneEvent(el, 'change');
    await sendKeys({ press: 'Tab' });
    const event = await change;
    expect(event.composed).to.equal(false);
  });

  it('fk-textarea: counts characters left, typing works', async () => {
    const el = await fixture<FkTextarea>(html`<fk-textarea label="Anliegen" maxlength="20"></fk-textarea>`);
    await expect(el).to.be.accessible();
    el.focus();
    await sendKeys({ type: 'Miete' });
    await el.updateComplete;
    expect(el.value).to.equal('Miete');
    expect(el.shadowRoot!.textContent).to.contain('noch 15 Zeichen');
  });

  it('fk-select: keyboard selection fires change', async () => {
    const el = await fixture<FkSelect>(html`<fk-select label="Lebensbereich" .options=${options}></fk-select>`);
    await expect(el).to.be.accessible();
    el.focus();
    const change = oneEvent(el, 'change');
    await sendKeys({ press: 'ArrowDown' });
    await change;
    expect(el.value).to.equal('wohnen');
  });

  it('fk-checkbox: Space toggles', async () => {
    const el = await fixture<FkCheckbox>(html`<fk-checkbox label="Mit der Person besprochen"></fk-checkbox>`);
    await expect(el).to.be.accessible();
    el.focus();
    await sendKeys({ press: 'Space' });
    expect(el.checked).to.equal(true);
  });

  it('fk-checkbox-group: Tab and Space select several, in option order', async () => {
    const el = await fixture<FkCheckboxGroup>(
      html`<fk-checkbox-group label="Bereiche" .options=${options}></fk-checkbox-group>`,
    );
    await expect(el).to.be.accessible();
    el.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    expect(el.value).to.deep.equal(['wohnen', 'gesundheit']);
    el.error = 'Bitte wählen Sie eine Möglichkeit.';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('issue 21: a radio or checkbox option with a description is named by its label alone and described by its description', async () => {
    for (const tag of ['radio', 'checkbox'] as const) {
      const el = await fixture<HTMLElement>(
        tag === 'radio'
          ? html`<fk-radio-group id="choice" label="Bereich" .options=${options}></fk-radio-group>`
          : html`<fk-checkbox-group id="choice" label="Bereich" .options=${options}></fk-checkbox-group>`,
      );
      await expect(el).to.be.accessible();
      type Node = { role: string; name: string; description?: string; children?: Node[] };
      const snapshot = (await a11ySnapshot({})) as unknown as Node;
      const arbeit = findAccessibilityNode<Node>(
        snapshot as never,
        (n) => n.role === tag && n.name.startsWith('Arbeit'),
      );
      expect(arbeit !== null, `${tag} "Arbeit" in the accessibility tree`).to.equal(true);
      expect(arbeit!.name, `${tag}: the name is the label alone`).to.equal('Arbeit');
      expect(arbeit!.description ?? '', `${tag}: the description`).to.contain('Beschäftigung und Ausbildung');
      el.remove();
    }
  });

  it('fk-radio-group: arrow keys move the choice', async () => {
    const el = await fixture<FkRadioGroup>(
      html`<fk-radio-group label="Haltung" .options=${options} value="wohnen"></fk-radio-group>`,
    );
    await expect(el).to.be.accessible();
    el.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(el.value).to.equal('arbeit');
  });

  it('fk-rating: arrow keys rate, steps are spoken, "keine Bewertung" is offered', async () => {
    const el = await fixture<FkRating>(html`<fk-rating label="Wohnen" max="5"></fk-rating>`);
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.textContent).to.contain('3 von 5').and.to.contain('keine Bewertung');
    (el.shadowRoot!.querySelector('input[value="2"]') as HTMLInputElement).focus();
    await sendKeys({ press: 'Space' });
    expect(el.value).to.equal(2);
    await sendKeys({ press: 'ArrowRight' });
    expect(el.value).to.equal(3);
  });

  it('fk-date-field: ISO value, readonly and disabled reach the input', async () => {
    const el = await fixture<FkDateField>(html`<fk-date-field label="Seit" value="2026-03-01"></fk-date-field>`);
    await expect(el).to.be.accessible();
    const input = control(el) as HTMLInputElement;
    // Shown in the page's language (German: TT.MM.JJJJ), the value stays ISO.
    expect(input.value).to.equal('01.03.2026');
    expect(el.value).to.equal('2026-03-01');
    el.readonly = true;
    await el.updateComplete;
    expect(input.readOnly).to.equal(true);
    expect(el.shadowRoot!.textContent).to.contain('nur lesen');
    el.disabled = true;
    await el.updateComplete;
    expect(input.disabled).to.equal(true);
  });

  it('fk-date-field: types and reads dates in the page language, not the browser locale; ISO value', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div lang="en"><fk-date-field label="Since" value="2026-03-01"></fk-date-field></div>`,
    );
    const el = wrap.querySelector<FkDateField>('fk-date-field')!;
    await el.updateComplete;
    const input = control(el) as HTMLInputElement;
    expect(input.type).to.equal('text');
    expect(input.value).to.equal('01/03/2026');
    expect(el.shadowRoot!.textContent).to.contain('DD/MM/YYYY');
    const changes: string[] = [];
    el.addEventListener('change', () => changes.push(el.value));
    input.focus();
    input.select();
    await sendKeys({ type: '24/12/2026' });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.value).to.equal('2026-12-24');
    expect(changes).to.deep.equal(['2026-12-24']);
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(el.value).to.equal('2026-12-25');
    expect(input.value).to.equal('25/12/2026');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.value).to.equal('2026-12-23');
    await expect(el).to.be.accessible();
    wrap.setAttribute('lang', 'de');
    await aTimeout(0);
    await el.updateComplete;
    expect(input.value).to.equal('23.12.2026');
  });

  it('fk-date-field: text that is no date says so in the page language and leaves the value empty', async () => {
    const el = await fixture<FkDateField>(html`<fk-date-field label="Seit" value="2026-03-01"></fk-date-field>`);
    const input = control(el) as HTMLInputElement;
    input.focus();
    input.select();
    await sendKeys({ type: '31.02.2026' });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(input.value).to.equal('31.02.2026');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.textContent).to.contain('Bitte ein Datum als TT.MM.JJJJ eingeben');
    await expect(el).to.be.accessible();
    input.select();
    await sendKeys({ type: '1.3.2026' });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.value).to.equal('2026-03-01');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
  });

  it('fk-date-field (issue 21): a typed date before min or after max is refused like the arrow keys stop there, naming the limit in the page language', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div lang="de">
        <fk-date-field label="Fällig am" min="2026-06-10" max="2026-12-31"></fk-date-field>
      </div>`,
    );
    const el = wrap.querySelector<FkDateField>('fk-date-field')!;
    await el.updateComplete;
    const input = control(el) as HTMLInputElement;
    const type = async (text: string) => {
      input.focus();
      input.select();
      await sendKeys({ type: text });
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
    };
    await type('09.06.2026');
    expect(el.value).to.equal('');
    expect(input.value).to.equal('09.06.2026');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.textContent).to.contain('Das Datum darf nicht vor dem 10.06.2026 liegen.');
    await expect(el).to.be.accessible();
    await type('2027-01-01');
    expect(el.value).to.equal('');
    expect(el.shadowRoot!.textContent).to.contain('Das Datum darf nicht nach dem 31.12.2026 liegen.');
    await type('10.06.2026');
    expect(el.value).to.equal('2026-06-10');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    wrap.setAttribute('lang', 'en');
    await waitUntil(() => input.value === '10/06/2026', 'the field in English');
    await type('09/06/2026');
    expect(input.value).to.equal('09/06/2026');
    expect(el.shadowRoot!.textContent).to.contain('The date must not be before 10/06/2026.');
  });

  it('delegates focus to the native control', async () => {
    const el = await fixture<FkTextField>(html`<fk-text-field label="Ort"></fk-text-field>`);
    el.focus();
    expect(deepActiveElement()).to.equal(control(el));
  });

  it('defineElement guards against double definition', () => {
    expect(() => defineElement('fk-text-field', TextFieldClass)).to.not.throw();
    expect(customElements.get('fk-text-field')).to.equal(TextFieldClass);
  });

  it('speaks English markers when lang=en', async () => {
    const wrapper = await fixture(html`<div lang="en"><fk-text-field label="Name" required></fk-text-field></div>`);
    const el = wrapper.querySelector('fk-text-field')!;
    expect(el.shadowRoot!.textContent).to.contain('(required)');
  });
});
