import { css, html, nothing } from 'lit';
import type { LocalizedText } from '@fallkit/core';
import type { LocalizeController } from '../controllers/localize-controller.js';
import { token } from '../theme/tokens.js';
import { renderDataProtectionBlock, renderLetterhead } from '../print/print-parts.js';
import type { PrintSettings } from '../print/print-settings.js';
import { domainLabel, type AssessmentStandard } from '../shared/assessment-standard.js';
import { categoryName, purposeName } from '../i18n/glossary.js';
import type { goalMessages } from './goal-agreement.messages.js';
import type { GoalEntry } from './goal-agreement.component.js';

/**
 * A consent of the person as the print view states it: the fields of the privacy module's consent
 * record it needs (categories of data, recipients, purposes, validity, who gave it). `statement`, if
 * given, replaces the generated sentence (e.g. the information text the person was shown).
 */
export interface AgreementConsent {
  readonly id: string;
  readonly categories: readonly string[];
  readonly recipients: readonly { readonly agencyId: string; readonly name?: string }[];
  readonly purposes: readonly string[];
  readonly validFrom: string;
  readonly validUntil: string;
  readonly givenBy?: { readonly personId: string; readonly role: string };
  /** Set when revoked; revoked consents are not printed. */
  readonly revokedOn?: string;
  readonly statement?: LocalizedText;
}

/** A measure as the printed agreement states it: what, for which goals, by whom, who pays, when. */
export interface AgreementMeasure {
  readonly id: string;
  readonly title: string;
  readonly goalIds: readonly string[];
  /** Who carries it out (a provider, a partner agency, a helper, the person). */
  readonly by: { readonly name: string };
  /** Who pays (Kostenträger). */
  readonly costCarrier?: string;
  readonly startOn?: string;
  readonly endOn?: string;
}

/** What the print view needs. */
export interface AgreementPrintInput {
  readonly i18n: LocalizeController<typeof goalMessages.de>;
  readonly goals: readonly GoalEntry[];
  readonly consents: readonly AgreementConsent[];
  /** The measures of the help plan, printed under the goals they serve. */
  readonly measures?: readonly AgreementMeasure[];
  readonly personName?: string;
  readonly agencyName?: string;
  readonly caseLabel?: string;
  readonly standard: AssessmentStandard;
  /**
   * The host's letterhead and controller/DPO details (`<fk-print-settings>`): the document then opens with the
   * letterhead and ends with the Art. 13 GDPR block, as the consent does (issue 21, item 10).
   */
  readonly settings?: PrintSettings;
  /** The date the document is printed on (ISO), for the letterhead. */
  readonly date?: string;
  readonly onClose: () => void;
  /** Prints the document (the element renders it into the print root first). */
  readonly onPrint?: () => void;
}

/** Styles of the printable agreement: a calm document on screen, black on white on paper. */
export const agreementPrintStyles = css`
  .doc {
    max-inline-size: 48rem;
    margin-inline: auto;
    padding: ${token('space-xl')};
    border: ${token('border-width')} solid ${token('color-border-subtle')};
    border-radius: ${token('radius-l')};
    background: ${token('color-surface')};
    box-shadow: ${token('shadow-raised')};
  }
  .doc h2 {
    font-size: 1.5rem;
    hyphens: auto;
    overflow-wrap: anywhere;
  }
  .doc h3 {
    margin-block: ${token('space-l')} ${token('space-xs')};
    padding-block-end: ${token('space-2xs')};
    border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
  }
  .doc .parties {
    margin: ${token('space-2xs')} 0 0;
  }
  .doc ol.goals {
    padding-inline-start: ${token('space-l')};
  }
  .doc ol.goals > li {
    margin-block-end: ${token('space-m')};
    break-inside: avoid;
  }
  .doc dl {
    display: grid;
    grid-template-columns: minmax(7rem, 13rem) 1fr;
    gap: ${token('space-3xs')} ${token('space-m')};
    margin: ${token('space-2xs')} 0 0;
    font-size: ${token('font-size-s')};
  }
  .doc dt {
    color: ${token('color-text-muted')};
  }
  .doc dd {
    margin: 0;
  }
  .doc .consent {
    margin-block: ${token('space-xs')};
  }
  .signatures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: ${token('space-l')};
    margin-block-start: ${token('space-xl')};
  }
  .signatures div {
    padding-block-start: 3rem;
  }
  .signatures span {
    display: block;
    padding-block-start: ${token('space-2xs')};
    border-block-start: ${token('border-width')} solid ${token('color-text')};
    font-size: ${token('font-size-s')};
    color: ${token('color-text-muted')};
  }
  .print-bar {
    max-inline-size: 48rem;
    margin-inline: auto;
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-xs')};
    justify-content: flex-end;
    margin-block-end: ${token('space-m')};
  }
  @container (max-width: 36rem) {
    .doc {
      padding: ${token('space-m')};
    }
    .doc dl {
      grid-template-columns: 1fr;
    }
    .doc h2 {
      font-size: ${token('font-size-l')};
    }
    .doc dd {
      margin-block-end: ${token('space-2xs')};
    }
  }
  .signing {
    break-inside: avoid;
  }
  .measures {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  @media print {
    .print-bar,
    .no-print {
      display: none !important;
    }
    .doc {
      border: none;
      box-shadow: none;
      padding: 0;
      max-inline-size: none;
      color: #000;
    }
  }
`;

/** Renders the printable Integrationsvereinbarung (goals plus the person's consents to share data). */
export function renderAgreementPrint(input: AgreementPrintInput) {
  return html`<div class="print-bar">
      <button type="button" class="fk-button" @click=${input.onClose}>${input.i18n.t('goals.print.close')}</button>
      <button type="button" class="fk-button fk-button--primary" @click=${input.onPrint}>
        ${input.i18n.t('goals.print.print')}
      </button>
    </div>
    ${renderAgreementDocument(input)}`;
}

/** The measures serving one goal, in plain words: what, by whom, who pays, when. */
function renderMeasures(input: AgreementPrintInput, goalId: string) {
  const t = input.i18n;
  const measures = (input.measures ?? []).filter((m) => m.goalIds.includes(goalId));
  if (measures.length === 0) return nothing;
  return html`<dt>${t.t('goals.print.measures')}</dt>
    <dd>
      <ul class="measures">
        ${measures.map(
          (m) =>
            html`<li>
              <strong>${m.title}</strong>:
              ${t.t('goals.print.measureBy', { name: m.by.name })}${m.costCarrier ? html`; ${t.t('goals.print.costCarrier', { name: m.costCarrier })}` : nothing}${m.startOn || m.endOn ? html`; ${m.startOn && m.endOn ? t.t('goals.print.fromUntil', { from: t.date(m.startOn), until: t.date(m.endOn) }) : m.endOn ? t.t('goals.print.until', { date: t.date(m.endOn) }) : t.t('goals.print.from', { date: t.date(m.startOn!) })}` : nothing}
            </li>`,
        )}
      </ul>
    </dd>`;
}

/** The agreement itself (no buttons): what the print root prints. */
export function renderAgreementDocument(input: AgreementPrintInput) {
  const { i18n: t, goals, standard } = input;
  const consents = input.consents.filter((c) => !c.revokedOn);
  // The glossary's category names (issue 21), as the consent form names the same consent's categories.
  const category = (c: string) => categoryName(c, t.lang);
  // The glossary's purpose names (issue 21), as the consent manager and its print name them; a measure by its title.
  const titles = Object.fromEntries((input.measures ?? []).map((m) => [`measureDelivery:${m.id}`, m.title]));
  const purpose = (p: string) => purposeName(p, t.lang, titles);
  const person = input.personName ?? t.t('goals.print.person');
  const agency = input.agencyName ?? t.t('goals.print.agency');
  const letterhead = input.settings
    ? renderLetterhead(
        input.settings,
        {
          ...(input.personName ? { person: input.personName } : {}),
          ...(input.caseLabel ? { caseNumber: input.caseLabel } : {}),
          date: t.date(input.date ?? new Date().toISOString().slice(0, 10)),
        },
        t.lang,
      )
    : nothing;
  return html`<article class="doc" part="agreement" aria-labelledby="print-title">
    ${letterhead}
    <h2 id="print-title" tabindex="-1">${t.t('goals.print.title')}</h2>
    <p class="parties">${t.t('goals.print.between', { person, agency })}</p>
    ${
      // With a letterhead the case number stands in it (Aktenzeichen), once.
      input.caseLabel && !input.settings
        ? html`<p class="meta">${t.t('goals.print.case', { label: input.caseLabel })}</p>`
        : nothing
    }
    <p>${t.t('goals.print.intro')}</p>
    <h3>${t.t('goals.print.goalsHeading')}</h3>
    ${
      goals.length === 0
        ? html`<p>${t.t('goals.none')}</p>`
        : html`<ol class="goals">
            ${goals.map((g) => {
              const tf = g.timeFrame;
              const frame = tf?.until
                ? tf.from
                  ? t.t('goals.print.fromUntil', { from: t.date(tf.from), until: t.date(tf.until) })
                  : t.t('goals.print.until', { date: t.date(tf.until) })
                : undefined;
              return html`<li>
                <strong>${g.title}</strong>
                ${g.description ? html`<div>${g.description}</div>` : nothing}
                <dl>
                  <dt>${t.t('goals.field.level')}</dt>
                  <dd>${t.t(`goals.level.${g.level}`)}</dd>
                  ${
                    (g.domainIds ?? []).length
                      ? html`<dt>${t.t('goals.field.domains')}</dt>
                          <dd>${t.list((g.domainIds ?? []).map((id) => domainLabel(standard, id, t.lang)))}</dd>`
                      : nothing
                  }
                  ${
                    (g.indicators ?? []).length
                      ? html`<dt>${t.t('goals.field.indicators')}</dt>
                          <dd>
                            ${(g.indicators ?? []).map((ind) => html`<div>${ind.description}${ind.target ? html` – ${ind.target}` : nothing}</div>`)}
                          </dd>`
                      : nothing
                  }
                  ${
                    frame
                      ? html`<dt>${t.t('goals.field.timeFrame')}</dt>
                          <dd>${frame}</dd>`
                      : nothing
                  }
                  ${g.id ? renderMeasures(input, g.id) : nothing}
                  <dt>${t.t('goals.agreement')}</dt>
                  <dd>
                    ${
                      g.agreement?.agreedOn
                        ? `${t.t(`goals.agreement.form.${g.agreement.form}`)}, ${t.date(g.agreement.agreedOn)}`
                        : t.t('goals.print.notAgreed')
                    }
                  </dd>
                  ${
                    g.agreement?.dissent
                      ? html`<dt>${t.t('goals.agreement.dissent')}</dt>
                          <dd>${g.agreement.dissent}</dd>`
                      : nothing
                  }
                </dl>
              </li>`;
            })}
          </ol>`
    }
    <div class="signing">
      <h3>${t.t('goals.print.consents')}</h3>
      ${
        consents.length === 0
          ? html`<p>${t.t('goals.print.noConsents')}</p>`
          : html`${consents.map(
                (c) =>
                  html`<p class="consent">
                    ☐
                    ${
                      c.statement
                        ? t.text(c.statement)
                        : t.t('goals.print.consent', {
                            categories: t.list(c.categories.map(category)),
                            recipients: t.list(c.recipients.map((r) => r.name ?? r.agencyId)),
                            purposes: t.list(c.purposes.map(purpose)),
                          })
                    }
                    ${t.t('goals.print.consentValid', { from: t.date(c.validFrom), until: t.date(c.validUntil) })}
                  </p>`,
              )}
              <p>${t.t('goals.print.consentRevocable')}</p>`
      }
      <div class="signatures">
        <div><span>${t.t('goals.print.place')}</span></div>
        <div><span>${t.t('goals.print.signPerson')}</span></div>
        <div><span>${t.t('goals.print.signCaseManager')}</span></div>
      </div>
    </div>
    ${renderDataProtectionBlock(input.settings, t.lang)}
  </article>`;
}
