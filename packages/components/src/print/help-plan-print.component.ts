import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { isRedactionMarker, type CaseState } from '@fallkit/core';
import { todayIso } from '../base/parts-schema.js';
import { CaseConnectionController } from '../controllers/case-connection-controller.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { buttonStyles, hostStyles } from '../theme/shared-styles.js';
import { PrintSettingsController } from './print-settings.js';
import { mountPrintRoot } from './print-root.js';
import { printStyles, renderLetterhead } from './print-parts.js';
import { helpPlanPrintMessages } from './help-plan-print.messages.js';

/** A measure row of the printed help plan. */
interface PlanRow {
  readonly goal: string;
  readonly title: string;
  readonly by: string;
  readonly when: string;
  readonly costCarrier?: string;
}

/**
 * The printed help plan (Hilfeplan): who does what by when for which goal, who pays, with the host's
 * letterhead and the signatures on the page of the plan. It reads the help plan from the case view
 * (connected, the decided view: withheld measures are left out and said so) or from `state`; it
 * edits nothing. The button renders the plan into the page's print root and prints only it.
 *
 * @tagname fk-help-plan-print
 * @summary Printable help plan: measures by goal with provider, period and cost carrier, letterhead, signatures.
 * @csspart print - The print button.
 */
export class FkHelpPlanPrint extends LitElement {
  static override styles = [
    hostStyles,
    buttonStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  /** The case (standalone); connected, the case view of the provider. */
  @property({ attribute: false }) state?: CaseState;

  /** The case to print when connected; defaults to the provider's. */
  @property({ attribute: 'case-id' }) caseId?: string;

  /** Text overrides per language. */
  @property({ attribute: false }) messages?: MessageOverrides;

  private readonly i18n = new LocalizeController(this, {
    catalog: helpPlanPrintMessages,
    overrides: () => this.messages,
  });
  private readonly connection = new CaseConnectionController<CaseState>(this, { caseId: () => this.caseId });
  private readonly printSettings = new PrintSettingsController(this);

  private get source(): CaseState | undefined {
    return this.connection.connected ? this.connection.view : this.state;
  }

  private rows(state: CaseState): { rows: PlanRow[]; withheld: boolean } {
    const t = this.i18n;
    const goals = new Map<string, string>();
    for (const g of state.goals ?? [])
      if (!isRedactionMarker(g) && !isRedactionMarker(g.title)) goals.set(g.id, g.title);
    let withheld = false;
    const rows: PlanRow[] = [];
    for (const m of state.measures ?? []) {
      if (isRedactionMarker(m) || isRedactionMarker(m.title)) {
        withheld = true;
        continue;
      }
      if (m.status === 'cancelled') continue;
      const when =
        m.startOn && m.endOn
          ? t.t('hpp.fromUntil', { from: t.date(m.startOn), until: t.date(m.endOn) })
          : m.startOn
            ? t.t('hpp.from', { date: t.date(m.startOn) })
            : m.endOn
              ? t.t('hpp.until', { date: t.date(m.endOn) })
              : t.t('hpp.open');
      rows.push({
        goal:
          t.list(m.goalIds.map((id) => goals.get(id)).filter((x): x is string => x !== undefined)) || t.t('hpp.noGoal'),
        title: m.title,
        by: isRedactionMarker(m.by) ? '' : m.by.name,
        when,
        ...(typeof m.costCarrier === 'string' ? { costCarrier: m.costCarrier } : {}),
      });
    }
    return { rows, withheld };
  }

  private document(state: CaseState) {
    const t = this.i18n;
    const person = state.persons?.find((p) => p.id === state.addresseeId);
    const name = person && !isRedactionMarker(person) ? `${person.givenName} ${person.familyName}` : undefined;
    const birth =
      person && !isRedactionMarker(person) && typeof person.birthDate === 'string' ? person.birthDate : undefined;
    const { rows, withheld } = this.rows(state);
    return html`<article class="document" lang=${t.lang}>
      ${renderLetterhead(
        this.printSettings.settings,
        {
          ...(name ? { person: name } : {}),
          ...(birth ? { birthDate: t.date(birth) } : {}),
          caseNumber: state.label ?? state.caseId,
          date: t.date(todayIso()),
        },
        t.lang,
      )}
      <h2>${t.t('hpp.title')}</h2>
      <p>${t.t('hpp.intro')}</p>
      ${withheld ? html`<p>${t.t('hpp.withheld')}</p>` : nothing}
      <div class="signing">
        ${
          rows.length === 0
            ? html`<p>${t.t('hpp.none')}</p>`
            : html`<table>
                <thead>
                  <tr>
                    <th>${t.t('hpp.goal')}</th>
                    <th>${t.t('hpp.measure')}</th>
                    <th>${t.t('hpp.by')}</th>
                    <th>${t.t('hpp.when')}</th>
                    <th>${t.t('hpp.costCarrier')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows.map(
                    (r) =>
                      html`<tr>
                        <td>${r.goal}</td>
                        <td>${r.title}</td>
                        <td>${r.by}</td>
                        <td>${r.when}</td>
                        <td>${r.costCarrier ?? ''}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
        }
        <p class="signature">${t.t('hpp.place')}</p>
        <p class="signature">${t.t('hpp.signPerson')}</p>
        <p class="signature">${t.t('hpp.signStaff')}</p>
      </div>
    </article>`;
  }

  /** Renders the help plan into the page's print root (only the document prints); `undefined` without a case. */
  preparePrint(): HTMLElement | undefined {
    const state = this.source;
    if (!state) return undefined;
    return mountPrintRoot(this.document(state), [printStyles, tableStyles], this.i18n.lang);
  }

  override render() {
    return html`<button
      type="button"
      class="fk-button"
      part="print"
      ?disabled=${!this.source}
      @click=${() => {
        if (this.preparePrint()) window.print();
      }}
    >
      ${this.i18n.t('hpp.print')}
    </button>`;
  }
}

const tableStyles = css`
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: 10pt;
  }
  th,
  td {
    border: 1px solid #000;
    padding: 0.3em 0.4em;
    text-align: start;
    vertical-align: top;
  }
  tr {
    break-inside: avoid;
  }
`;
