/**
 * The start page: the actor's caseload, the worklist (`<fk-worklist>`, or a plain table while that element
 * is missing) and a form to open a new case after a referral.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { EXAMPLE_AGENCIES } from '@fallkit/core/examples';
import {
  type CaseIndexEntry,
  type CaseService,
  type CaseState,
  type ProcessStandard,
  type WorklistInput,
  type WorklistItem,
} from '@fallkit/core';
import type { DemoActor } from '../demo-actors.js';
import { hrefOf } from '../routes.js';
import { STAGE_LABELS } from '../sections.js';
import { t, type DemoLanguage } from '../texts.js';
import { AGENCY_NAMES, LEGAL_DOMAIN_LABELS, formatDate, isoToday } from '../format.js';
import { missingElement } from './missing-element.js';
import { plainMessages } from '@fallkit/components';

/** What the caseload page needs. */
export interface CaseloadProps {
  readonly lang: DemoLanguage;
  readonly actor: DemoActor;
  /**
   * The actor's case list from the core's decided list channel: only the cases it may see, each row
   * with only the columns its view shows (none for statistics, DP-05, DP-23).
   */
  readonly rows: readonly CaseIndexEntry[] | undefined;
  readonly worklist: readonly WorklistItem[];
  /**
   * The worklist input from the core's worklist channel: the same cases as their views show them
   * (`<fk-worklist>` builds its items and the responsible person from them; nothing a view withholds).
   */
  readonly worklistInput: WorklistInput | undefined;
  readonly service: CaseService;
  /** The organisation's process standard new cases are opened under (the toolbar's switch). */
  readonly standard?: ProcessStandard;
  readonly onNotice: (text: string) => void;
}

function heading(props: CaseloadProps): string {
  const role = props.actor.actor.role;
  if (role === 'teamLead') return t(props.lang, 'agencyCases');
  if (role === 'partnerAgency' || role === 'provider') return t(props.lang, 'partnerCases');
  return t(props.lang, 'myCases');
}

/** The current primary case manager of a case, from its state. */
function managerOf(state: CaseState | undefined): string {
  const current = (state?.caseManagers ?? []).filter((manager) => !manager.to);
  const manager = current.find((candidate) => candidate.role === 'primary') ?? current[0];
  return manager?.name ?? manager?.userId ?? '–';
}

function caseTable(props: CaseloadProps, rows: readonly CaseIndexEntry[]): TemplateResult {
  const { lang } = props;
  const stateOf = new Map((props.worklistInput?.cases ?? []).map((state) => [state.caseId, state]));
  if (rows.length === 0) return html`<p class="caseload-empty" role="status">${t(lang, 'noCases')}</p>`;
  return html`<div class="table-scroll">
    <table class="caseload">
      <thead>
        <tr>
          <th scope="col">${t(lang, 'colCase')}</th>
          <th scope="col">${t(lang, 'colStage')}</th>
          <th scope="col">${t(lang, 'colLead')}</th>
          <th scope="col">${t(lang, 'colManager')}</th>
          <th scope="col">${t(lang, 'colDomains')}</th>
          <th scope="col">${t(lang, 'colDue')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr data-case-id=${row.caseId}>
              <th scope="row">
                <a href=${hrefOf({ page: 'case', caseId: row.caseId, section: 'overview' })}
                  >${row.label ?? row.caseId}</a
                >
              </th>
              <td>
                ${STAGE_LABELS[row.stage]?.[lang] ?? row.stage}
                ${row.status === 'closed' ? html`<span class="badge">${t(lang, 'statusClosed')}</span>` : nothing}
              </td>
              <td>${AGENCY_NAMES[row.leadAgencyId ?? ''] ?? row.leadAgencyId ?? '–'}</td>
              <td>${managerOf(stateOf.get(row.caseId))}</td>
              <td>${row.legalDomains.map((domain) => LEGAL_DOMAIN_LABELS[domain] ?? domain).join(', ')}</td>
              <td>${formatDate(row.nextDueDate, lang)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function worklistView(props: CaseloadProps): TemplateResult {
  const { lang } = props;
  if (customElements.get('fk-worklist')) {
    const input = props.worklistInput;
    return html`<fk-worklist
      lang=${lang}
      .cases=${input?.cases ?? []}
      .options=${{ consentsOf: (state: CaseState) => input?.consents[state.caseId] ?? [] }}
      @fk-open-case=${(event: CustomEvent<{ caseId: string }>) => {
        window.location.hash = hrefOf({ page: 'case', caseId: event.detail.caseId, section: 'overview' });
      }}
    ></fk-worklist>`;
  }
  return html`${missingElement(lang, 'fk-worklist')}
  ${
    props.worklist.length === 0
      ? html`<p>${t(lang, 'worklistEmpty')}</p>`
      : html`<table class="worklist">
          <thead>
            <tr>
              <th scope="col">${t(lang, 'colDue')}</th>
              <th scope="col">${t(lang, 'colCase')}</th>
              <th scope="col">${t(lang, 'colWhat')}</th>
            </tr>
          </thead>
          <tbody>
            ${props.worklist.map(
              (item) =>
                html`<tr class=${`severity-${item.severity}`}>
                  <td>${formatDate(item.dueOn, lang)} <span class="badge">${item.severity}</span></td>
                  <td>
                    <a href=${hrefOf({ page: 'case', caseId: item.caseId, section: 'overview' })}>${item.label}</a>
                  </td>
                  <td>${item.explanation[lang]}</td>
                </tr>`,
            )}
          </tbody>
        </table>`
  }`;
}

const NEW_CASE_DOMAINS = ['AsylbLG', 'SGB_II', 'SGB_XII', 'SGB_VIII', 'nonStatutory'] as const;

async function openNewCase(event: Event, props: CaseloadProps): Promise<void> {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '').trim();
  const { actor } = props.actor;
  const agency = Object.values(EXAMPLE_AGENCIES).find((candidate) => candidate.agencyId === actor.agencyId);
  const domain = value('legalDomain') as (typeof NEW_CASE_DOMAINS)[number];
  const birthDate = value('birthDate');
  const result = await props.service.execute({
    type: 'openCase',
    input: {
      ...(value('label') ? { label: value('label') } : {}),
      openedOn: isoToday(),
      addressee: {
        roles: ['addressee'],
        givenName: value('givenName'),
        familyName: value('familyName'),
        ...(birthDate ? { birthDate } : {}),
      },
      leadAgency: {
        agencyId: actor.agencyId,
        name: agency?.name ?? actor.agencyId,
        legalDomain: domain,
      },
      caseManager: { userId: actor.id, agencyId: actor.agencyId, ...(actor.name ? { name: actor.name } : {}) },
      legalDomains: [{ domain }],
      ...(props.standard ? { processStandard: { id: props.standard.id, version: props.standard.version } } : {}),
    },
  });
  if (!result.ok) {
    props.onNotice(plainMessages(result.errors, props.lang));
    return;
  }
  form.reset();
  window.location.hash = hrefOf({ page: 'case', caseId: result.value.caseId, section: 'intake' });
}

function newCaseForm(props: CaseloadProps): TemplateResult | typeof nothing {
  const { lang } = props;
  const role = props.actor.actor.role;
  if (role !== 'caseManager' && role !== 'intake') return nothing;
  const de = lang === 'de';
  return html`<details class="new-case">
    <summary>${de ? 'Neuen Fall nach Zugang anlegen' : 'Open a new case after a referral'}</summary>
    <form class="new-case-form" @submit=${(event: Event) => void openNewCase(event, props)}>
      <label>${de ? 'Vorname' : 'Given name'} <input name="givenName" required autocomplete="off" /></label>
      <label>${de ? 'Nachname' : 'Family name'} <input name="familyName" required autocomplete="off" /></label>
      <label>${de ? 'Geburtsdatum' : 'Date of birth'} <input name="birthDate" type="date" /></label>
      <label
        >${de ? 'Aktenzeichen' : 'File number'} <input name="label" maxlength="80" placeholder="KIM-2026-…"
      /></label>
      <label
        >${de ? 'Rechtskreis' : 'Legal domain'}
        <select name="legalDomain">
          ${NEW_CASE_DOMAINS.map((domain) => html`<option value=${domain}>${LEGAL_DOMAIN_LABELS[domain]}</option>`)}
        </select>
      </label>
      <button type="submit" class="primary">${de ? 'Fall anlegen' : 'Open case'}</button>
    </form>
  </details>`;
}

/** The caseload page. */
export function renderCaseload(props: CaseloadProps): TemplateResult {
  const { lang, rows } = props;
  return html`<h1>${t(lang, 'title')}</h1>
    <p class="acting">${props.actor.actor.name} · ${props.actor.role[lang]} · ${props.actor.agencyName}</p>
    ${
      props.actor.actor.role === 'statistics'
        ? html`<p class="info" role="note">${t(lang, 'statisticsNoCases')}</p>`
        : html`<div class="columns">
            <section aria-labelledby="caseload-heading" class="panel">
              <h2 id="caseload-heading">${heading(props)}</h2>
              ${rows === undefined ? html`<p role="status">${t(lang, 'loading')}</p>` : caseTable(props, rows)}
              ${newCaseForm(props)}
            </section>
            <section aria-labelledby="worklist-heading" class="panel">
              <h2 id="worklist-heading" class=${customElements.get('fk-worklist') ? 'visually-hidden' : ''}>
                ${t(lang, 'worklist')}
              </h2>
              ${worklistView(props)}
            </section>
          </div>`
    }`;
}
