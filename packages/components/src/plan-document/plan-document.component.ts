import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import {
  isRedactionMarker,
  planDocumentLayout,
  sourceLabel,
  type CaseState,
  type LegalSource,
  type PlanDocumentLayout,
  type PlanDocumentLine,
  type PlanDocumentSection,
  type ProcessStandard,
} from '@fallkit/core';
import { LocalizeController } from '../controllers/localize-controller.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { planMessages } from './plan-document.messages.js';

/** The addressee's name as the document prints it; absent when the view withheld it. */
export function addresseeName(state: CaseState): string | undefined {
  const person = state.persons.find((p) => !isRedactionMarker(p) && p.id === state.addresseeId);
  if (person === undefined) return undefined;
  const parts = [person.givenName, person.familyName].filter((s) => typeof s === 'string' && s !== '');
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/**
 * The printed plan document of a case's legal profile: the Kooperationsplan (§ 15 SGB II, text form,
 * no signature line), the Hilfeplan (§ 36 SGB VIII, with the participants and, for help outside the
 * family, the perspective of § 37c) or the Gesamtplan (§ 121 SGB IX with the minimum content of
 * Abs. 4). Every item names its provision, and where that value is not checked against the statute,
 * says so. The person's own words come first.
 *
 * `together`: the shared-screen mode: plain German labels, large type, and the person's copy printed
 * at the end (a page of its own).
 *
 * Read-only: the layout is the core's (`planDocumentLayout`); the host passes the decided view of
 * the case and the case's standard.
 *
 * @tagname fk-plan-document
 * @summary The printable Kooperationsplan / Hilfeplan / Gesamtplan of a case, with the person's copy.
 *
 * @csspart document - The document.
 * @csspart person-copy - The person's copy (together mode).
 * @csspart print - The print button.
 */
export class FkPlanDocument extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        container-type: inline-size;
      }
      .doc {
        max-inline-size: 50rem;
        margin-inline: auto;
        padding: ${token('space-xl')};
        border: ${token('border-width')} solid ${token('color-border-subtle')};
        border-radius: ${token('radius-l')};
        background: ${token('color-surface')};
        line-height: 1.5;
      }
      h2 {
        margin: 0;
        font-size: 1.6rem;
      }
      h3 {
        margin-block: ${token('space-l')} ${token('space-2xs')};
        font-size: 1.05rem;
        padding-block-end: ${token('space-3xs')};
        border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
      }
      .meta {
        margin: ${token('space-3xs')} 0 0;
        color: ${token('color-text-muted')};
      }
      .para {
        font-weight: normal;
        font-size: ${token('font-size-s')};
        color: ${token('color-text-muted')};
      }
      .own-words blockquote {
        margin: 0;
        padding: ${token('space-s')} ${token('space-m')};
        border-inline-start: 0.3rem solid ${token('color-border')};
        font-size: 1.15em;
      }
      .item {
        break-inside: avoid;
      }
      .item p,
      .item ul {
        margin-block: ${token('space-3xs')};
      }
      .missing {
        font-weight: bold;
      }
      .withheld {
        font-style: italic;
        color: ${token('color-text-muted')};
      }
      .statements {
        font-size: ${token('font-size-s')};
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
      }
      .copy {
        margin-block-start: ${token('space-xl')};
        padding-block-start: ${token('space-l')};
        border-block-start: 0.2rem dashed ${token('color-border')};
        break-before: page;
      }
      :host([together]) .doc {
        font-size: 1.3rem;
        line-height: 1.6;
      }
      :host([together]) h3 {
        font-size: 1.35rem;
      }
      .bar {
        display: flex;
        justify-content: flex-end;
        max-inline-size: 50rem;
        margin: 0 auto ${token('space-s')};
      }
      @media print {
        .bar {
          display: none !important;
        }
        .doc {
          border: none;
          padding: 0;
          max-inline-size: none;
          color: #000;
        }
      }
    `,
  ];

  /** The decided view of the case (its plans, goals, measures, persons). */
  @property({ attribute: false }) state?: CaseState;

  /** The case's process standard (a legal profile with a plan document). */
  @property({ attribute: false }) standard?: ProcessStandard;

  /** The plan version to print; the latest when absent. */
  @property({ attribute: 'plan-id' }) planId?: string;

  /** Shared-screen mode: plain language, large type, the person's copy at the end. */
  @property({ type: Boolean, reflect: true }) together = false;

  /** Host overrides of the texts. */
  @property({ attribute: false }) messages?: MessageOverrides;

  private readonly i18n = new LocalizeController(this, { catalog: planMessages, overrides: () => this.messages });

  private source(source: LegalSource): string {
    return this.i18n.text(sourceLabel(source));
  }

  private renderLines(section: PlanDocumentSection) {
    const t = this.i18n;
    // The core's view withheld (part of) this section: say so, never "missing" (DP-03).
    const withheld = section.withheld ? html`<p class="withheld">${t.t('plan.withheld')}</p>` : nothing;
    if (!section.present && section.withheld) return withheld;
    if (!section.present)
      return html`<p class=${section.item.obligation === 'must' ? 'missing' : ''}>
        ${section.item.obligation === 'must' ? t.t('plan.missing') : t.t('plan.notStated')}
      </p>`;
    if (section.lines.length === 1 && section.item.from === 'text')
      return html`<p>${section.lines[0]!.text}</p>
        ${withheld}`;
    return html`<ul>
        ${section.lines.map((line) => html`<li>${this.line(line)}</li>`)}
      </ul>
      ${withheld}`;
  }

  /** "Title (details, 01.02.2026 – 20.02.2026)". */
  private line(line: PlanDocumentLine): string {
    const t = this.i18n;
    const dates =
      line.from !== undefined && line.until !== undefined
        ? `${t.date(line.from)} – ${t.date(line.until)}`
        : line.until !== undefined
          ? t.t('plan.until', { date: t.date(line.until) })
          : line.from !== undefined
            ? t.t('plan.from', { date: t.date(line.from) })
            : undefined;
    const extra = [...(line.details ?? []), ...(dates === undefined ? [] : [dates])];
    return extra.length === 0 ? line.text : `${line.text} (${extra.join(', ')})`;
  }

  private renderSection(section: PlanDocumentSection, plain: boolean) {
    const { item } = section;
    const label = this.i18n.text(plain && item.plainLabel ? item.plainLabel : item.label);
    return html`<section class="item" data-item=${item.id}>
      <h3>${label} ${plain ? nothing : html`<span class="para">(${this.source(item.source)})</span>`}</h3>
      ${this.renderLines(section)}
    </section>`;
  }

  private renderParticipants(layout: PlanDocumentLayout) {
    if (layout.sections.some((s) => s.item.from === 'participants') || layout.participants.length === 0) return nothing;
    return html`<section class="item" data-item="participants">
      <h3>${this.i18n.t('plan.participants')}</h3>
      <ul>
        ${layout.participants.map((p) => html`<li>${p.name} (${p.role})</li>`)}
      </ul>
    </section>`;
  }

  private renderOwnWords(layout: PlanDocumentLayout) {
    // A view that withheld the person's words holds a marker there, not a string.
    const own = layout.plan.personsOwnWords as unknown;
    const words = typeof own === 'string' ? own.trim() : undefined;
    if (!words) return nothing;
    return html`<section class="own-words" data-item="ownWords">
      <h3>${this.i18n.t('plan.ownWords')}</h3>
      <blockquote>${words}</blockquote>
    </section>`;
  }

  private renderCopy(layout: PlanDocumentLayout) {
    const t = this.i18n;
    return html`<section class="copy" part="person-copy" aria-labelledby="copy-title">
      <h2 id="copy-title">${t.t('plan.personCopy')}: ${t.text(layout.document.title)}</h2>
      <p>${t.t('plan.personCopyLead')}</p>
      ${this.renderOwnWords(layout)} ${layout.sections.filter((s) => s.present).map((s) => this.renderSection(s, true))}
      ${layout.plan.reviewOn ? html`<p>${t.t('plan.review', { date: t.date(layout.plan.reviewOn) })}</p>` : nothing}
    </section>`;
  }

  override render() {
    const t = this.i18n;
    const { state, standard } = this;
    if (state === undefined || standard === undefined) return nothing;
    if (standard.plan === undefined) return html`<p>${t.t('plan.noDocument')}</p>`;
    const layout = planDocumentLayout(state, standard, this.planId);
    if (layout === undefined) return html`<p>${t.t('plan.none')}</p>`;
    const { document, plan } = layout;
    const person = addresseeName(state);
    const agency = state.leadAgencies.at(-1)?.name;
    return html`<div class="bar">
        <button type="button" class="fk-button" part="print" @click=${() => window.print()}>
          ${t.t('plan.print')}
        </button>
      </div>
      <article class="doc" part="document" aria-labelledby="doc-title" lang=${t.lang}>
        <h2 id="doc-title">${t.text(document.title)}</h2>
        <p class="meta">${t.text(layout.standard.name)}</p>
        <p class="meta">
          ${
            // A plan record the view withheld whole is a marker with its id: no version, no date.
            typeof plan.recordedOn === 'string'
              ? t.t('plan.version', { version: plan.version, date: t.date(plan.recordedOn) })
              : html`<span class="withheld">${t.t('plan.withheld')}</span>`
          }
        </p>
        ${
          person || agency
            ? html`<p class="meta">${t.t('plan.between', { person: person ?? '–', agency: agency ?? '–' })}</p>`
            : nothing
        }
        ${typeof state.label === 'string' ? html`<p class="meta">${t.t('plan.case', { label: state.label })}</p>` : nothing}
        ${this.renderOwnWords(layout)} ${this.renderParticipants(layout)}
        ${layout.sections.map((s) => this.renderSection(s, this.together))}
        ${plan.reviewOn ? html`<p><strong>${t.t('plan.review', { date: t.date(plan.reviewOn) })}</strong></p>` : nothing}
        <h3>${t.t('plan.sources')}</h3>
        <ul class="statements">
          ${layout.statements.map((s) => html`<li>${t.text(s.label)} (${this.source(s.source)})</li>`)}
          <li>
            ${document.form === 'text' ? t.t('plan.textForm') : t.t('plan.writtenForm')}
            ${document.legallyBinding ? nothing : t.t('plan.notBinding')}
          </li>
        </ul>
        ${
          document.signatureLine
            ? html`<div class="signatures">
                <div><span>${t.t('plan.place')}</span></div>
                <div><span>${t.t('plan.signPerson')}</span></div>
                <div><span>${t.t('plan.signAgency')}</span></div>
              </div>`
            : nothing
        }
        ${this.together ? this.renderCopy(layout) : nothing}
      </article>`;
  }
}
