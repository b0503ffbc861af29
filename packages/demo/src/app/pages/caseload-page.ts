/**
 * The start page: the actor's caseload, the worklist (`<fk-worklist>`, or a plain table while that element
 * is missing) and a form to open a new case after a referral.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { EXAMPLE_AGENCIES } from '@fallkit/core/examples';
import {
  CASE_SEARCH_SORTS,
  type CaseIndexEntry,
  type CaseSearchHit,
  type CaseSearchSort,
  type DuplicateHit,
  type CaseService,
  type CaseState,
  type ProcessStandard,
  type WorklistInput,
  type WorklistItem,
} from '@fallkit/core';
import type { DemoActor } from '../demo-actors.js';
import { hrefOf } from '../routes.js';
import { t, type DemoLanguage } from '../texts.js';
import { AGENCY_NAMES, formatDate, isoToday } from '../format.js';
import { missingElement } from './missing-element.js';
import { legalDomainName, plainMessages, stageName } from '@fallkit/components';
import type { DemoSession } from '../demo-session.js';

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
  /**
   * Names and order of the caseload: the core's decided, logged search channel (a name only where the
   * actor's view shows it; the team lead sees none, DP-23).
   */
  readonly hits: readonly CaseSearchHit[] | undefined;
  readonly sort: CaseSearchSort;
  readonly onSort: (sort: CaseSearchSort) => void;
  /** The session: its port for the search and team elements, its views for the duplicate check. */
  readonly session: DemoSession;
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

const SORT_WORDS: Readonly<Record<CaseSearchSort, { de: string; en: string }>> = {
  nextDueDate: { de: 'nächster Frist', en: 'next deadline' },
  name: { de: 'Name', en: 'name' },
  caseNumber: { de: 'Aktenzeichen', en: 'case number' },
  stage: { de: 'Phase', en: 'stage' },
};

function caseTable(props: CaseloadProps, rows: readonly CaseIndexEntry[]): TemplateResult {
  const { lang } = props;
  const stateOf = new Map((props.worklistInput?.cases ?? []).map((state) => [state.caseId, state]));
  if (rows.length === 0) return html`<p class="caseload-empty" role="status">${t(lang, 'noCases')}</p>`;
  const hitOf = new Map((props.hits ?? []).map((hit) => [hit.row.caseId, hit]));
  // The search channel's order (the chosen sort); rows it has not answered yet keep the list's order.
  const order = new Map((props.hits ?? []).map((hit, index) => [hit.row.caseId, index]));
  const sorted = [...rows].sort((a, b) => (order.get(a.caseId) ?? 1e9) - (order.get(b.caseId) ?? 1e9));
  return html`<label class="sort-switch"
      >${t(lang, 'sortBy')}
      <select
        .value=${props.sort}
        @change=${(event: Event) => props.onSort((event.target as HTMLSelectElement).value as CaseSearchSort)}
      >
        ${CASE_SEARCH_SORTS.map(
          (sort) => html`<option value=${sort} ?selected=${sort === props.sort}>${SORT_WORDS[sort][lang]}</option>`,
        )}
      </select></label
    >
    <div class="table-scroll" tabindex="0" role="region" aria-label=${t(lang, 'caseTable')}>
      <table class="caseload">
        <thead>
          <tr>
            <th scope="col">${t(lang, 'colCase')}</th>
            <th scope="col">${t(lang, 'colName')}</th>
            <th scope="col">${t(lang, 'colStage')}</th>
            <th scope="col">${t(lang, 'colLead')}</th>
            <th scope="col">${t(lang, 'colManager')}</th>
            <th scope="col">${t(lang, 'colDomains')}</th>
            <th scope="col">${t(lang, 'colDue')}</th>
          </tr>
        </thead>
        <tbody>
          ${sorted.map((row) => {
            const hit = hitOf.get(row.caseId);
            const name = hit?.name;
            return html`<tr data-case-id=${row.caseId}>
              <th scope="row">
                <a href=${hrefOf({ page: 'case', caseId: row.caseId, section: 'overview' })}
                  >${row.label ?? row.caseId}</a
                >
              </th>
              <td>${name ?? html`<span class="muted">${t(lang, 'nameWithheld')}</span>`}</td>
              <td>
                ${stageName(row.stage, lang)}
                ${row.status === 'closed' ? html`<span class="badge">${t(lang, 'statusClosed')}</span>` : nothing}
              </td>
              <td>${AGENCY_NAMES[row.leadAgencyId ?? ''] ?? row.leadAgencyId ?? '–'}</td>
              <td>${managerOf(stateOf.get(row.caseId))}</td>
              <td>${domainsCell(row.legalDomains, hit?.legalDomainsWithheld === true, lang)}</td>
              <td>${dueCell(row.nextDueDate, hit?.deadlinesWithheld === true, lang)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
}

/**
 * The legal domains the actor's view shows. Where the core says it withholds some (a team lead: they are
 * benefits data), an empty cell would read as "no legal domain": the cell says they are withheld.
 */
function domainsCell(domains: readonly string[], withheld: boolean, lang: DemoLanguage): TemplateResult | string {
  const shown = domains.map((domain) => legalDomainName(domain, lang)).join(', ');
  if (!withheld) return shown;
  const marker = (key: 'domainsWithheld' | 'domainsMoreWithheld') => html`<span class="muted">${t(lang, key)}</span>`;
  return shown === '' ? marker('domainsWithheld') : html`${shown} ${marker('domainsMoreWithheld')}`;
}

/**
 * The next deadline as the actor's view dates it. Where the core says the view withholds dated items (a
 * team lead, a partner agency), "–" would read as "nothing due": the cell says they are withheld (issue 21).
 */
function dueCell(due: string | null, withheld: boolean, lang: DemoLanguage): TemplateResult | string {
  if (!withheld) return formatDate(due, lang);
  const marker = (key: 'dueWithheld' | 'dueMoreWithheld') => html`<span class="muted">${t(lang, key)}</span>`;
  return due === null ? marker('dueWithheld') : html`${formatDate(due, lang)} ${marker('dueMoreWithheld')}`;
}

/** The search across everything the actor may see (`<fk-case-search>`, the core's search channel). */
function searchPanel(props: CaseloadProps): TemplateResult {
  const { lang } = props;
  return html`<details class="case-search-panel">
    <summary>${t(lang, 'searchCases')}</summary>
    <fk-case-provider
      .service=${props.session.port}
      .actor=${props.actor.actor}
      purpose=${props.actor.purpose}
      lang=${lang}
    >
      <fk-case-search
        @fk-open-case=${(event: CustomEvent<{ caseId: string }>) => {
          window.location.hash = hrefOf({ page: 'case', caseId: event.detail.caseId, section: 'overview' });
        }}
      ></fk-case-search>
    </fk-case-provider>
  </details>`;
}

/** The team lead's overview (`<fk-team-overview>`: figures only, DP-23). */
function teamPanel(props: CaseloadProps): TemplateResult | typeof nothing {
  if (props.actor.actor.role !== 'teamLead') return nothing;
  return html`<section class="panel team-panel" aria-label=${t(props.lang, 'teamOverview')}>
    <fk-case-provider
      .service=${props.session.port}
      .actor=${props.actor.actor}
      purpose=${props.actor.purpose}
      lang=${props.lang}
    >
      <fk-team-overview></fk-team-overview>
    </fk-case-provider>
  </section>`;
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

const NEW_CASE_DOMAINS = ['AsylbLG', 'SGB_II', 'SGB_XII', 'SGB_VIII', 'SGB_IX', 'nonStatutory'] as const;

async function openNewCase(event: Event, props: CaseloadProps): Promise<void> {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '').trim();
  const { actor } = props.actor;
  const agency = Object.values(EXAMPLE_AGENCIES).find((candidate) => candidate.agencyId === actor.agencyId);
  const domain = value('legalDomain') as (typeof NEW_CASE_DOMAINS)[number];
  const birthDate = value('birthDate');
  // The duplicate check first (the core's decided channel: only cases this actor may see). A second
  // "Fall anlegen" with the same entries opens the case anyway: namesakes exist.
  const candidate = {
    givenName: value('givenName'),
    familyName: value('familyName'),
    ...(birthDate ? { birthDate } : {}),
    ...(value('label') ? { label: value('label') } : {}),
  };
  const candidateKey = JSON.stringify(candidate);
  const warning = form.querySelector<HTMLElement>('.duplicates')!;
  if (form.dataset['confirmedFor'] !== candidateKey) {
    const duplicates = await props.session.views.checkDuplicates({ purpose: props.actor.purpose, candidate });
    if (duplicates.ok && duplicates.value.length > 0) {
      warning.replaceChildren(duplicateWarning(duplicates.value, props.lang));
      warning.hidden = false;
      form.dataset['confirmedFor'] = candidateKey;
      warning.focus();
      return;
    }
  }
  warning.hidden = true;
  delete form.dataset['confirmedFor'];
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

/** The duplicate check's answer as a list of the matching cases, with what matched. */
function duplicateWarning(hits: readonly DuplicateHit[], lang: DemoLanguage): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const lead = document.createElement('strong');
  lead.textContent = t(lang, 'duplicateLead');
  const list = document.createElement('ul');
  for (const hit of hits) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = hrefOf({ page: 'case', caseId: hit.row.caseId, section: 'overview' });
    link.textContent = hit.row.label ?? hit.row.caseId;
    const what = [hit.name, hit.birthDate ? formatDate(hit.birthDate, lang) : undefined].filter(Boolean).join(', ');
    item.append(link, what ? ` (${what})` : '');
    list.append(item);
  }
  const after = document.createElement('p');
  after.textContent = t(lang, 'duplicateAgain');
  fragment.append(lead, list, after);
  return fragment;
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
          ${NEW_CASE_DOMAINS.map((domain) => html`<option value=${domain}>${legalDomainName(domain, lang)}</option>`)}
        </select>
      </label>
      <div class="duplicates" role="alert" tabindex="-1" hidden></div>
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
              ${searchPanel(props)} ${newCaseForm(props)}
            </section>
            ${teamPanel(props)}
            <section aria-labelledby="worklist-heading" class="panel">
              <h2 id="worklist-heading" class=${customElements.get('fk-worklist') ? 'visually-hidden' : ''}>
                ${t(lang, 'worklist')}
              </h2>
              ${worklistView(props)}
            </section>
          </div>`
    }`;
}
