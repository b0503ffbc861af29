import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/fk-redacted.js';
import type { FkRedacted } from '../../src/fields/redacted.component.js';

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

describe('<fk-redacted>', () => {
  it('DP-24: explains a withheld health field with sentence and reason code', async () => {
    const el = await fixture<FkRedacted>(
      html`<fk-redacted reason="REDACT_NO_CONSENT" category="health"></fk-redacted>`,
    );
    expect(text(el)).to.contain('ausgeblendet: keine Einwilligung für Gesundheitsdaten');
    expect(text(el)).to.contain('REDACT_NO_CONSENT');
    await expect(el).to.be.accessible();
  });

  it('DP-24: speaks English and names the field when given', async () => {
    const el = await fixture<FkRedacted>(
      html`<fk-redacted lang="en" label="Health" reason="REDACT_NEED_TO_KNOW"></fk-redacted>`,
    );
    expect(text(el)).to.contain('Health: withheld: not needed for your role');
  });

  it("DP-24: takes the core's marker, shows its rule, and uses the core's sentence for unknown codes", async () => {
    const known = await fixture<FkRedacted>(
      html`<fk-redacted
        category="health"
        .marker=${{ redacted: true, code: 'REDACT_NO_CONSENT', rule: 'DP-10', message: { de: 'Zurückgehalten: …', en: 'Withheld: …' } }}
      ></fk-redacted>`,
    );
    expect(text(known)).to.contain('ausgeblendet: keine Einwilligung für Gesundheitsdaten');
    // Codes and rule ids only in the administrators' details (issue 21 item 5), closed by default.
    const details = known.shadowRoot!.querySelector<HTMLDetailsElement>('details.fk-admin-details')!;
    expect(details.open).to.equal(false);
    expect(details.textContent).to.contain('REDACT_NO_CONSENT').and.to.contain('DP-10');
    expect(known.shadowRoot!.querySelector('[part="reason"]')!.textContent).to.not.match(/DP-10|REDACT_/);
    const own = await fixture<FkRedacted>(
      html`<fk-redacted
        .marker=${{ redacted: true, code: 'REDACT_NEW_RULE', rule: 'DP-99', message: { de: 'Zurückgehalten: neue Regel.', en: 'Withheld: new rule.' } }}
      ></fk-redacted>`,
    );
    expect(text(own)).to.contain('Zurückgehalten: neue Regel.').and.to.contain('REDACT_NEW_RULE');
    const unknown = await fixture<FkRedacted>(html`<fk-redacted reason="SOMETHING_NEW"></fk-redacted>`);
    expect(text(unknown)).to.contain('ausgeblendet: aus Datenschutzgründen').and.to.contain('SOMETHING_NEW');
  });
});
