import { html, nothing } from 'lit';
import type { InformationPart } from './consent-information.js';
import type { PrintSettings } from '../print/print-settings.js';
import type { ConsentManagerView } from './consent-manager.view.js';
import { renderDataProtectionBlock, renderLetterhead } from '../print/print-parts.js';

/** What the printed consent (or release) shows: the person, the file, the recipients, the six sections. */
export interface ConsentDocument {
  readonly release: boolean;
  readonly lang: string;
  readonly settings: PrintSettings | undefined;
  readonly person?: string;
  readonly birthDate?: string;
  readonly caseNumber?: string;
  readonly date: string;
  /** Each recipient with its postal address where the host's directory has one. */
  readonly recipients: readonly { readonly name: string; readonly address?: string }[];
  readonly parts: readonly InformationPart[];
  readonly words: {
    readonly heading: string;
    readonly person?: string;
    readonly recipients: string;
    readonly signature: string;
    readonly staff: string;
  };
}

/**
 * The consent or release as printed for signing: letterhead with the person, the date of birth, the
 * file and the day; the title of what is signed (a release under its own title); the recipients with
 * their addresses; the six information sections; the two signatures kept on one page with what they
 * sign; the Art. 13 GDPR information with the controller and the data-protection officer.
 */
export function renderConsentDocument(d: ConsentDocument) {
  return html`<article class="document" lang=${d.lang}>
    ${renderLetterhead(d.settings, { ...(d.person ? { person: d.person } : {}), ...(d.birthDate ? { birthDate: d.birthDate } : {}), ...(d.caseNumber ? { caseNumber: d.caseNumber } : {}), date: d.date }, d.lang)}
    <h2>${d.words.heading}</h2>
    ${d.words.person ? html`<p>${d.words.person}</p>` : nothing}
    ${
      d.recipients.length
        ? html`<section class="addresses">
            <h3>${d.words.recipients}</h3>
            <ul>
              ${d.recipients.map((r) => html`<li>${r.name}${r.address ? html`, ${r.address}` : nothing}</li>`)}
            </ul>
          </section>`
        : nothing
    }
    ${d.parts.map(
      (p) =>
        html`<section class="information">
          <h3>${p.heading}</h3>
          <p>${p.text}</p>
        </section>`,
    )}
    <div class="signing">
      <p class="signature">${d.words.signature}</p>
      <p class="signature">${d.words.staff}</p>
    </div>
    ${renderDataProtectionBlock(d.settings, d.lang)}
  </article>`;
}

/** The printed consent of the draft as it stands (the print sheet and `preparePrint()`). */
export function consentSheet(v: ConsentManagerView) {
  const t = v.t;
  const subject = v.subject();
  const { settings, caseId, addressOf } = v.printing;
  return renderConsentDocument({
    release: v.value.kind === 'release',
    lang: t.lang,
    settings,
    ...(subject ? { person: subject.name } : {}),
    ...(subject?.birthDate ? { birthDate: t.date(subject.birthDate) } : {}),
    ...(caseId ? { caseNumber: caseId } : {}),
    date: t.date(v.day),
    recipients: (v.value.recipients ?? []).map((r) => {
      const address = addressOf(r.agencyId);
      return { name: r.name ?? r.agencyId, ...(address ? { address } : {}) };
    }),
    parts: v.information.parts,
    words: {
      heading: v.value.kind === 'release' ? t.t('consent.printHeadingRelease') : t.t('consent.printHeading'),
      ...(subject ? { person: t.t('consent.printPerson', { name: subject.name }) } : {}),
      recipients: t.t('consent.printRecipients'),
      signature: t.t('consent.printSignature'),
      staff: t.t('consent.printStaff'),
    },
  });
}
