/**
 * Reports: aggregated counts over the statistics user's agency's cases, with small cells withheld (DP-33).
 * Read through the core's report channel: statistical skeletons only, for the statistics role only;
 * persons who objected and restricted cases are left out (DP-31). Everyone else sees the refusal.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  buildReport,
  type Report,
  type ReportRequest,
  type ReportTable,
  type StatisticalRecord,
} from '@fallkit/core/reporting';
import { type Result } from '@fallkit/core';
import type { CaseServicePort } from '@fallkit/components';
import type { DemoActor } from '../demo-actors.js';
import { t, type DemoLanguage } from '../texts.js';
import { STAGE_LABELS } from '../sections.js';
import { LEGAL_DOMAIN_LABELS } from '../format.js';
import { missingElement } from './missing-element.js';

/** The demo's smallest published number: the floor the core allows (a real report uses 5 or more). */
export const DEMO_MINIMUM_CELL_SIZE = 3;

/** The reports the page shows. */
export const DEMO_REPORTS: readonly { readonly title: { de: string; en: string }; readonly request: ReportRequest }[] =
  [
    {
      title: { de: 'Fälle nach Status', en: 'Cases by status' },
      request: { dimensions: ['status'], minimumCellSize: DEMO_MINIMUM_CELL_SIZE },
    },
    {
      title: { de: 'Fälle nach Rechtskreis und Status', en: 'Cases by legal domain and status' },
      request: { dimensions: ['legalDomain', 'status'], minimumCellSize: DEMO_MINIMUM_CELL_SIZE },
    },
    {
      title: { de: 'Fälle nach Phase', en: 'Cases by stage' },
      request: { dimensions: ['stage'], minimumCellSize: DEMO_MINIMUM_CELL_SIZE },
    },
    {
      title: { de: 'Ziele nach Zielerreichung', en: 'Goals by attainment' },
      request: { dimensions: ['goalAttainment'], measures: ['goals'], minimumCellSize: DEMO_MINIMUM_CELL_SIZE },
    },
  ];

/** What the reports page needs. */
export interface ReportsProps {
  readonly lang: DemoLanguage;
  /** The report channel's answer: `null` while loading. */
  readonly input: Result<readonly StatisticalRecord[]> | null;
  readonly actor: DemoActor;
  /** The port `<fk-report>` reads the same channel through. */
  readonly port: CaseServicePort;
}

/** Column heads of the report dimensions. */
const DIMENSION_LABELS: Readonly<Record<string, { de: string; en: string }>> = {
  status: { de: 'Status', en: 'Status' },
  stage: { de: 'Phase', en: 'Stage' },
  legalDomain: { de: 'Rechtskreis', en: 'Legal domain' },
  goalAttainment: { de: 'Zielerreichung', en: 'Goal attainment' },
};

/** Values of the goal-attainment dimension. */
const ATTAINMENT_LABELS: Readonly<Record<string, { de: string; en: string }>> = {
  achieved: { de: 'erreicht', en: 'achieved' },
  partlyAchieved: { de: 'teilweise erreicht', en: 'partly achieved' },
  notAchieved: { de: 'nicht erreicht', en: 'not achieved' },
  dropped: { de: 'aufgegeben', en: 'dropped' },
  open: { de: 'offen', en: 'open' },
};

function label(value: string, lang: DemoLanguage, dimension?: string): string {
  if (dimension === 'goalAttainment' && ATTAINMENT_LABELS[value]) return ATTAINMENT_LABELS[value][lang];
  if (value === 'open') return t(lang, 'statusOpen');
  if (value === 'closed') return t(lang, 'statusClosed');
  return STAGE_LABELS[value]?.[lang] ?? LEGAL_DOMAIN_LABELS[value] ?? value;
}

function table(report: ReportTable, lang: DemoLanguage): TemplateResult {
  const multiColumn = report.rowTotals !== null;
  return html`<div class="table-scroll">
    <table class="report-table">
      <thead>
        <tr>
          ${report.rowDimensions.map(
            (dimension) => html`<th scope="col">${DIMENSION_LABELS[dimension]?.[lang] ?? dimension}</th>`,
          )}
          ${report.columns.map(
            (column) =>
              html`<th scope="col">${column === 'total' && !multiColumn ? t(lang, 'total') : label(column, lang)}</th>`,
          )}
          ${multiColumn ? html`<th scope="col">${t(lang, 'total')}</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${report.rows.map(
          (row, index) =>
            html`<tr>
              ${row.map((value, i) => html`<th scope="row">${label(value, lang, report.rowDimensions[i])}</th>`)}
              ${(report.cells[index] ?? []).map(
                (cell) =>
                  html`<td
                    class=${cell.suppressed ? 'suppressed' : ''}
                    title=${cell.suppressed ? t(lang, 'withheld') : ''}
                  >
                    ${cell.display}
                  </td>`,
              )}
              ${multiColumn ? html`<td>${report.rowTotals?.[index]?.display}</td>` : nothing}
            </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colspan=${report.rowDimensions.length}>${t(lang, 'total')}</th>
          ${
            report.columnTotals
              ? report.columnTotals.map((cell) => html`<td>${cell.display}</td>`)
              : report.columns.map(() => html`<td></td>`)
          }
          ${multiColumn || !report.columnTotals ? html`<td>${report.grandTotal.display}</td>` : nothing}
        </tr>
      </tfoot>
    </table>
  </div>`;
}

function reportView(report: Report, lang: DemoLanguage): TemplateResult {
  return html`${report.tables.map((entry) => table(entry, lang))}
    <p class="hint">${report.note[lang]}</p>`;
}

/** The reports page. */
export function renderReportsPage(props: ReportsProps): TemplateResult {
  const { lang, input } = props;
  const head = html`<h1>${t(lang, 'reportsTitle')}</h1>
    <p>${t(lang, 'reportsIntro', { min: DEMO_MINIMUM_CELL_SIZE })}</p>`;
  if (input === null)
    return html`${head}
      <p role="status">${t(lang, 'loading')}</p>`;
  if (!input.ok) {
    return html`${head}
      <p class="info reports-denied" role="note">
        ${t(lang, 'reportsDenied')} ${input.errors.map((error) => html`<code>${error.code}</code>`)}
      </p>`;
  }
  const records = input.value;
  const element = customElements.get('fk-report') !== undefined;
  // With <fk-report> (stages, goal attainment, closure reasons, service gaps, misrouting) the page adds
  // only what it does not offer; without it the demo shows all of its own tables.
  const reports = element ? DEMO_REPORTS.slice(0, 2) : DEMO_REPORTS;
  return html`${head}
    ${
      element
        ? html`<section class="panel report-element">
            <fk-case-provider .service=${props.port} .actor=${props.actor.actor} purpose="statistics" lang=${lang}>
              <fk-report lang=${lang} minimum-cell-size=${DEMO_MINIMUM_CELL_SIZE}></fk-report>
            </fk-case-provider>
          </section>`
        : missingElement(lang, 'fk-report')
    }
    <div class="reports">
      ${reports.map((entry, index) => {
        const built = buildReport([], { ...entry.request, records });
        return html`<section class="panel report" aria-labelledby=${`report-${index}`} data-report=${index}>
          <h2 id=${`report-${index}`}>${entry.title[lang]}</h2>
          ${
            built.ok
              ? reportView(built.value, lang)
              : html`<p class="error">${built.errors.map((error) => error.message[lang]).join(' ')}</p>`
          }
        </section>`;
      })}
    </div>`;
}
