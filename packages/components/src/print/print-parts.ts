import { css, html, nothing } from 'lit';
import type { PrintSettings } from './print-settings.js';

/** The words the print parts need, in the document's language (German first, English second). */
export interface PrintWords {
  readonly lang: string;
}

const WORDS = {
  de: {
    caseNumber: 'Aktenzeichen',
    birthDate: 'geboren am',
    date: 'Datum',
    art13: 'Informationen zum Datenschutz (Art. 13 DSGVO)',
    controller: 'Verantwortlich',
    dpo: 'Datenschutzbeauftragte Stelle',
    rights:
      'Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung sowie auf Widerspruch (Art. 15 bis 21 DSGVO). Eine Einwilligung können Sie jederzeit für die Zukunft widerrufen.',
    complaint: 'Sie können sich bei der Aufsichtsbehörde beschweren:',
    complaintDefault: 'bei der Datenschutzaufsichtsbehörde Ihres Bundeslandes.',
  },
  en: {
    caseNumber: 'Case number',
    birthDate: 'born',
    date: 'Date',
    art13: 'Data protection information (Art. 13 GDPR)',
    controller: 'Controller',
    dpo: 'Data protection officer',
    rights:
      'You have the right of access, rectification, erasure and restriction of processing and the right to object (Art. 15 to 21 GDPR). You may withdraw a consent at any time for the future.',
    complaint: 'You may complain to the supervisory authority:',
    complaintDefault: 'the data protection authority of your federal state.',
  },
} as const;

function words(lang: string) {
  return lang.startsWith('en') ? WORDS.en : WORDS.de;
}

/** The letterhead with the case facts a signed document needs: whose case, which file, which day. */
export function renderLetterhead(
  settings: PrintSettings | undefined,
  facts: { readonly person?: string; readonly birthDate?: string; readonly caseNumber?: string; readonly date: string },
  lang: string,
) {
  const w = words(lang);
  return html`<header class="letterhead">
    ${
      settings
        ? html`<div class="sender">
            <strong>${settings.letterhead.name}</strong>
            ${settings.letterhead.unit ? html`<br />${settings.letterhead.unit}` : nothing}
            ${settings.letterhead.address.map((line) => html`<br />${line}`)}
          </div>`
        : nothing
    }
    <div class="facts">
      ${facts.person ? html`<strong>${facts.person}</strong>${facts.birthDate ? html`, ${w.birthDate} ${facts.birthDate}` : nothing}<br />` : nothing}
      ${facts.caseNumber ? html`${w.caseNumber}: ${facts.caseNumber}<br />` : nothing} ${w.date}: ${facts.date}
    </div>
  </header>`;
}

/** The Art. 13 GDPR information: controller, data-protection officer, rights, complaint. */
export function renderDataProtectionBlock(settings: PrintSettings | undefined, lang: string) {
  if (!settings) return nothing;
  const w = words(lang);
  const { controller, dataProtectionOfficer: dpo } = settings;
  return html`<section class="art13">
    <h3>${w.art13}</h3>
    <p>
      <strong>${w.controller}:</strong>
      ${[controller.name, ...controller.address].join(', ')}${controller.email ? `, ${controller.email}` : ''}
    </p>
    <p><strong>${w.dpo}:</strong> ${[dpo.name, ...(dpo.address ?? []), dpo.email].filter(Boolean).join(', ')}</p>
    <p>${w.rights}</p>
    <p>${w.complaint} ${settings.supervisoryAuthority ?? w.complaintDefault}</p>
  </section>`;
}

/** Styles of a printed document: A4, black on white, signatures kept with what they sign. */
export const printStyles = css`
  :host,
  .document {
    color: #000;
    background: #fff;
    font:
      11pt/1.4 system-ui,
      sans-serif;
  }
  @page {
    size: A4;
    margin: 18mm 18mm 20mm;
  }
  .letterhead {
    display: flex;
    justify-content: space-between;
    gap: 1em;
    border-block-end: 1px solid #000;
    padding-block-end: 0.5em;
    margin-block-end: 1em;
    font-size: 10pt;
  }
  .facts {
    text-align: end;
  }
  h2 {
    font-size: 15pt;
    margin: 0 0 0.6em;
  }
  h3 {
    font-size: 11.5pt;
    margin: 0.8em 0 0.2em;
  }
  section {
    break-inside: avoid;
  }
  .art13 {
    font-size: 9.5pt;
    border-block-start: 1px solid #000;
    margin-block-start: 1.2em;
  }
  .signing {
    break-inside: avoid;
    margin-block-start: 1.5em;
  }
  .signature {
    margin-block-start: 2.5em;
    border-block-start: 1px solid #000;
    padding-block-start: 0.2em;
    inline-size: 60%;
  }
`;
