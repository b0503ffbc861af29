import { expect } from 'chai';
import { html, render } from 'lit';
import { adminDetails, plainMessage, plainWords, purposeName, showsRawCode } from '@fallkit/components';

describe('plain words for refusals and markers (issue 21 item 5)', () => {
  it('takes codes, rule ids and command names out of the sentences the issue lists, in German and English', () => {
    expect(plainWords('Die Entscheidung trifft eine Fachkraft (DP-27).')).to.equal(
      'Die Entscheidung trifft eine Fachkraft.',
    );
    expect(plainWords('Zurückgehalten (Grund: REDACT_NO_CONSENT, Regel DP-10).')).to.equal('Zurückgehalten.');
    expect(plainWords('Weitere Hinweise als Vermerk (recordNote) festhalten.')).to.equal(
      'Weitere Hinweise als Vermerk festhalten.',
    );
    expect(plainWords('Record later information as a note (recordNote).')).to.equal(
      'Record later information as a note.',
    );
    // Parentheses that carry words stay.
    expect(plainWords('Kinderschutz (§ 8a SGB VIII) geht vor.')).to.equal('Kinderschutz (§ 8a SGB VIII) geht vor.');
    const refusal = {
      code: 'DENY_NOT_ASSIGNED',
      rule: 'DP-23',
      message: { de: 'Nicht zugewiesen (DP-23).', en: 'Not assigned (DP-23).' },
    };
    expect(plainMessage(refusal, 'de')).to.equal('Nicht zugewiesen.');
    expect(plainMessage(refusal, 'en')).to.equal('Not assigned.');
    expect(showsRawCode(plainMessage(refusal, 'de'))).to.equal(false);
    expect(showsRawCode('DENY_NOT_ASSIGNED DP-23')).to.equal(true);
  });

  it('names purposes in words: "Fallsteuerung", not caseManagement', () => {
    expect(purposeName('caseManagement', 'de')).to.equal('Fallsteuerung');
    expect(purposeName('caseManagement', 'en')).to.equal('Case management');
  });

  it('puts codes and rule ids into a closed disclosure for administrators, each once', () => {
    const host = document.createElement('div');
    render(
      adminDetails(
        [
          { code: 'DENY_NOT_ASSIGNED', rule: 'DP-23' },
          { code: 'DENY_NOT_ASSIGNED', rule: 'DP-23' },
        ],
        'de',
      ),
      host,
    );
    const details = host.querySelector<HTMLDetailsElement>('details.fk-admin-details')!;
    expect(details.open).to.equal(false);
    expect(details.querySelector('summary')!.textContent).to.equal('Details für die Administration');
    expect(details.querySelectorAll('li')).to.have.length(1);
    expect(details.textContent).to.contain('DENY_NOT_ASSIGNED').and.to.contain('DP-23');
    render(html`${adminDetails([], 'en')}`, host);
    expect(host.querySelector('details')).to.equal(null);
  });
});
