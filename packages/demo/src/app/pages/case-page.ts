/**
 * A case: its header, the actor's view with the reasons (what is withheld and why), the course of the
 * cycle (`<fk-process-stepper>` or the demo's plain list), the tabs of the stages and the element of the
 * open tab inside `<fk-case-provider>`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { adminDetails, plainMessage, plainWords, purposeName } from '@fallkit/components';
import { DEMO_DIRECTORY, DEMO_PRINT_SETTINGS } from '../demo-directory.js';
import { keyed } from 'lit/directives/keyed.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import {
  DEFAULT_PROCESS_STANDARD,
  allowedActions,
  createStandardRegistry,
  isRedactionMarker,
  visibleState,
  type CaseConsents,
  type CaseHistory,
  type CaseIndexEntry,
  type CaseState,
  type CaseView,
  type Result,
} from '@fallkit/core';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';
import type { DemoActor } from '../demo-actors.js';
import { worksOnCase, type DemoSession } from '../demo-session.js';
import { hrefOf, type CaseSectionKey } from '../routes.js';
import { CYCLE_STAGES, SECTIONS, STAGE_LABELS, sectionInfo, sectionOfCommand, sectionOfStage } from '../sections.js';
import { t, type DemoLanguage } from '../texts.js';
import { AGENCY_NAMES, formatDate } from '../format.js';
import { DEMO_LETTERHEAD, DEMO_LETTERS } from '../demo-letters.js';
import { missingElement } from './missing-element.js';
import { renderData } from './view-data.js';

/** What the case page needs. */
export interface CasePageData {
  readonly lang: DemoLanguage;
  readonly session: DemoSession;
  readonly actor: DemoActor;
  readonly caseId: string;
  readonly section: CaseSectionKey;
  /** The live view: `null` while loading, `undefined` when there is no such case. */
  readonly view: Result<CaseView> | undefined | null;
  /** The history tab: the core's decided history channel (`null` while loading or not asked for). */
  readonly history: Result<CaseHistory> | undefined | null;
  /** The consent tab without its element: the core's decided consents channel. */
  readonly consents: Result<CaseConsents> | undefined | null;
  /** The case's row of the actor's decided case list. */
  readonly entry: CaseIndexEntry | undefined;
}

/**
 * The case as the actor's view shows it, withheld items left out: what the stepper and the next-step
 * rules read. The demo never reads a case unfiltered.
 */
function stateOf(data: CasePageData): CaseState | undefined {
  return data.view?.ok === true ? visibleState(data.view.value) : undefined;
}

/** Parts of the case each tab shows when its element is missing. */
const SECTION_FIELDS: Partial<Record<CaseSectionKey, readonly (keyof CaseState)[]>> = {
  overview: ['persons', 'leadAgencies', 'caseManagers', 'legalDomains', 'residenceStatuses'],
  intake: ['referrals', 'casefindingChecks', 'admission', 'crises'],
  counselling: ['firstCounselling'],
  assessment: ['assessments', 'reassessments'],
  goals: ['goals'],
  helpPlan: ['measures'],
  plan: ['plans'],
  referrals: ['providerReferrals', 'caseConferences'],
  monitoring: ['contacts', 'followUps', 'progressJudgements', 'deviations', 'readinessObservations'],
  handover: ['handovers', 'leadAgencies', 'caseManagers'],
  closure: ['closure', 'evaluation'],
};

function addresseeName(view: CaseView): string {
  const state = view.case;
  const person = state.persons.find(
    (p: unknown) => !isRedactionMarker(p) && (p as { id?: unknown }).id === state.addresseeId,
  );
  if (!person || isRedactionMarker(person)) return '';
  const given = isRedactionMarker(person.givenName) ? '' : person.givenName;
  const family = isRedactionMarker(person.familyName) ? '' : person.familyName;
  return `${given ?? ''} ${family ?? ''}`.trim();
}

/**
 * The name of the process standard the case was opened under (PR-00: it keeps it whatever the organisation
 * works under now), from the view's header; nothing while loading or where the standard is not shipped.
 */
function standardOf(data: CasePageData): string | undefined {
  const ref = data.view?.ok === true ? data.view.value.case.processStandard : undefined;
  if (ref === undefined || ref === null || isRedactionMarker(ref)) return undefined;
  const { id, version } = ref;
  if (typeof id !== 'string' || typeof version !== 'string') return undefined;
  const standard = createStandardRegistry().get({ id, version });
  // "(1)" alone read as a count: the version is named as such (PR-00: old cases keep the version they began under).
  return standard
    ? `${standard.name[data.lang]}, ${data.lang === 'de' ? 'Fassung' : 'version'} ${standard.version}`
    : undefined;
}

function viewPanel(data: CasePageData): TemplateResult {
  const { lang, view } = data;
  if (view === null) return html`<p role="status">${t(lang, 'loading')}</p>`;
  if (view === undefined) return html`<p class="error" role="alert">${t(lang, 'noCases')}</p>`;
  const reasons = view.ok ? view.value.decision.reasons : view.errors;
  const summary = !view.ok
    ? t(lang, 'viewRefused')
    : view.value.redacted > 0
      ? t(lang, 'viewRedacted', { n: view.value.redacted })
      : t(lang, 'viewAllowed');
  return html`<aside
    class=${`view-panel ${view.ok ? (view.value.redacted > 0 ? 'view-redacted' : 'view-allowed') : 'view-refused'}`}
    aria-labelledby="view-heading"
    data-outcome=${view.ok ? view.value.decision.outcome : 'deny'}
  >
    <h2 id="view-heading">${t(lang, 'viewTitle')}</h2>
    <p>
      <strong>${summary}</strong> ${t(lang, 'purpose')}: ${purposeName(data.actor.purpose, lang)} ·
      ${data.actor.actor.name} (${data.actor.role[lang]})
    </p>
    <details ?open=${!view.ok || (view.ok && view.value.redacted > 0)}>
      <summary>${t(lang, 'viewReasons')}</summary>
      <ul class="reasons">
        ${[...new Set(reasons.map((reason) => plainMessage(reason, lang)))].map((line) => html`<li>${line}</li>`)}
      </ul>
      ${adminDetails(reasons, lang)}
    </details>
  </aside>`;
}

function stepperFallback(data: CasePageData): TemplateResult {
  const { lang } = data;
  const state = stateOf(data);
  const stage = state?.stage ?? data.entry?.stage ?? '';
  const actions = state ? allowedActions(state, DEFAULT_PROCESS_STANDARD, { actor: data.actor.actor }) : [];
  const allowed = actions.filter((action) => action.allowed);
  const blocked = actions.filter((action) => !action.allowed && action.reason);
  const stages: readonly string[] = CYCLE_STAGES.includes(stage as never)
    ? CYCLE_STAGES
    : [...CYCLE_STAGES.slice(0, -2), stage];
  const current = stages.indexOf(stage);
  return html`${missingElement(lang, 'fk-process-stepper')}
    <ol class="stepper">
      ${stages.map(
        (name, index) =>
          html`<li
            class=${index < current ? 'done' : index === current ? 'current' : 'todo'}
            aria-current=${index === current ? 'step' : nothing}
          >
            ${STAGE_LABELS[name]?.[lang] ?? name}
          </li>`,
      )}
    </ol>
    ${
      state
        ? html`<details class="next-steps">
            <summary>${t(lang, 'nextSteps')}: ${allowed.length}</summary>
            <ul>
              ${blocked
                .slice(0, 12)
                .map(
                  (action) =>
                    html`<li>
                      ${t(lang, 'notAllowed')} – ${plainWords(action.reason?.[lang] ?? '')}
                      ${adminDetails([{ code: action.command, rule: action.ruleId }], lang)}
                    </li>`,
                )}
            </ul>
          </details>`
        : nothing
    }`;
}

function provider(data: CasePageData, content: TemplateResult): TemplateResult {
  // Keyed by actor: another actor gets a freshly connected element with a freshly decided view.
  return html`${keyed(
    `${data.caseId}|${data.actor.key}`,
    html`<fk-case-provider
      .service=${data.session.port}
      .drafts=${data.session.drafts}
      .actor=${data.actor.actor}
      purpose=${data.actor.purpose}
      lang=${data.lang}
      case-id=${data.caseId}
      @fk-action=${(event: CustomEvent<{ command: string }>) => {
        // The overview's next-step buttons open the tab where that step is entered.
        window.location.hash = hrefOf({
          page: 'case',
          caseId: data.caseId,
          section: sectionOfCommand(event.detail.command),
        });
      }}
      ><fk-print-settings .settings=${DEMO_PRINT_SETTINGS}
        ><fk-directory .entries=${DEMO_DIRECTORY}>${content}</fk-directory></fk-print-settings
      ></fk-case-provider
    >`,
  )}`;
}

/**
 * A stage's element. Who does not work on the case (partner agency, team lead, statistics) reads it only:
 * the elements show their read-only state, and the core would refuse their commands anyway.
 */
function element(tag: string, readonly: boolean): TemplateResult {
  const name = unsafeStatic(tag);
  return staticHtml`<${name} class="stage-element" ?readonly=${readonly}></${name}>`;
}

function historyTab(data: CasePageData): TemplateResult {
  const { lang, history } = data;
  if (history === null || history === undefined) {
    return html`<h2>${t(lang, 'history')}</h2>
      <p role="status">${t(lang, 'loading')}</p>`;
  }
  if (!history.ok) {
    return html`<h2>${t(lang, 'history')}</h2>
      <p class="info" role="note">${t(lang, 'historyDenied')} ${adminDetails(history.errors, lang)}</p>`;
  }
  return html`<h2>${t(lang, 'history')}</h2>
    <p class="hint">${t(lang, 'historyNote')}</p>
    <table class="history">
      <tbody>
        ${[...history.value.entries].reverse().map(
          (entry) =>
            html`<tr>
              <td>${entry.seq}</td>
              <td>${formatDate(entry.at, lang, true)}</td>
              <td>${entry.title[lang]}</td>
              <td>${entry.actorName ?? entry.actorId} (${AGENCY_NAMES[entry.agencyId] ?? entry.agencyId})</td>
              <td>${entry.reason ?? ''}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

function consentFallback(data: CasePageData): TemplateResult {
  const { consents } = data;
  if (consents === null || consents === undefined) return html`<p role="status">${t(data.lang, 'loading')}</p>`;
  if (!consents.ok) return html`<p class="error">${consents.errors.map((e) => e.message[data.lang]).join(' ')}</p>`;
  if (consents.value.consents.length === 0) return html`<p>${t(data.lang, 'nothingRecorded')}</p>`;
  return html`${renderData(consents.value.consents, data.lang)}`;
}

/**
 * The staff who can take over a case (the demo's "staff directory": the example agencies' case managers).
 * `<fk-handover>` offers those of the lead agency and confirms the assignment itself (issue 21).
 */
const ASSIGNEES = Object.values(EXAMPLE_ACTORS)
  .filter((actor) => actor.role === 'caseManager')
  .map((actor) => ({ userId: actor.id, name: actor.name, agencyId: actor.agencyId }));

function sectionBody(data: CasePageData, view: CaseView): TemplateResult {
  const { lang, section } = data;
  if (section === 'history') return historyTab(data);
  const info = sectionInfo(section);
  if (section === 'handover' && info.tag && customElements.get(info.tag)) {
    return provider(
      data,
      html`<fk-handover
        class="stage-element"
        ?readonly=${!worksOnCase(data.actor.actor)}
        .assignees=${ASSIGNEES}
      ></fk-handover>`,
    );
  }
  if (section === 'helpPlan' && info.tag && customElements.get(info.tag)) {
    // The printed help plan (letterhead, measures by goal with provider, period and cost carrier, signatures)
    // beside the form: the help plan had no print (issue 21 item 10).
    return provider(
      data,
      html`${element(info.tag, !worksOnCase(data.actor.actor))}
        <fk-help-plan-print class="stage-element"></fk-help-plan-print>`,
    );
  }
  if (section === 'letter' && info.tag && customElements.get(info.tag)) {
    // The office's letterhead and templates are the host's configuration (demo-letters.ts).
    return provider(
      data,
      html`<fk-letter class="stage-element" .templates=${DEMO_LETTERS} .letterhead=${DEMO_LETTERHEAD}></fk-letter>`,
    );
  }
  if (section === 'plan' && info.tag && customElements.get(info.tag) && view.case.plans.length > 0) {
    // The profile's plan: the form, and below it the recorded plan as its printed document (issue 20).
    return provider(
      data,
      html`${element(info.tag, !worksOnCase(data.actor.actor))}
        <fk-connected-plan-document class="plan-print"></fk-connected-plan-document>`,
    );
  }
  if (info.tag && customElements.get(info.tag)) {
    return provider(data, element(info.tag, !worksOnCase(data.actor.actor)));
  }
  const fields = SECTION_FIELDS[section] ?? [];
  const content = view.case as unknown as Record<string, unknown>;
  const parts = fields
    .map((field) => [field, content[field]] as const)
    .filter(([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0));
  return html`${info.tag ? missingElement(lang, info.tag) : nothing}
    <div class="fallback-view">
      ${
        section === 'consent'
          ? consentFallback(data)
          : parts.length === 0
            ? html`<p>${t(lang, 'nothingRecorded')}</p>`
            : parts.map(
                ([field, value]) =>
                  html`<h3>${field}</h3>
                    ${renderData(value, lang)}`,
              )
      }
    </div>`;
}

/** The case page. */
export function renderCasePage(data: CasePageData): TemplateResult {
  const { lang, view } = data;
  const state = stateOf(data);
  const stage = state?.stage ?? data.entry?.stage ?? '';
  const working = sectionOfStage(stage)?.key;
  const label = data.entry?.label ?? data.caseId;
  const name = view && view.ok ? addresseeName(view.value) : '';
  return html`<p><a href=${hrefOf({ page: 'caseload' })}>← ${t(lang, 'back')}</a></p>
    <h1>${label}${name ? html` · ${name}` : nothing}</h1>
    <p class="case-meta">
      ${STAGE_LABELS[stage]?.[lang] ?? stage} ·
      ${AGENCY_NAMES[data.entry?.leadAgencyId ?? ''] ?? data.entry?.leadAgencyId ?? ''}
      ${standardOf(data) ? html` · <span class="case-standard">${standardOf(data)}</span>` : nothing}
    </p>
    ${
      // The core's notices about the actor's own access (a transition after a handover ending soon, HO-4).
      view && view.ok && view.value.accessNotices?.length
        ? html`<div class="info access-notice" role="note">
            ${view.value.accessNotices.map((notice) => html`<p>${notice.message[lang]}</p>`)}
          </div>`
        : nothing
    }
    ${viewPanel(data)}
    ${
      data.section === 'overview' && customElements.get('fk-case-overview')
        ? nothing
        : html`<section class="panel stepper-panel" aria-labelledby="stepper-heading">
            <h2 id="stepper-heading">${t(lang, 'stepper')}</h2>
            ${
              customElements.get('fk-process-stepper')
                ? html`<fk-process-stepper
                    lang=${lang}
                    stage=${stage || 'referral'}
                    branch=${
                      state?.firstCounselling?.decision.kind === 'noFurtherMeasures' ? 'noFurtherMeasures' : nothing
                    }
                  ></fk-process-stepper>`
                : stepperFallback(data)
            }
          </section>`
    }
    <nav class="case-tabs" aria-label=${t(lang, 'caseTabs')}>
      <ul>
        ${SECTIONS.map(
          (section) =>
            html`<li>
              <a
                href=${hrefOf({ page: 'case', caseId: data.caseId, section: section.key })}
                aria-current=${section.key === data.section ? 'page' : nothing}
                class=${section.key === working ? 'working' : ''}
                data-section=${section.key}
                >${section.label[lang]}${
                  section.key === working
                    ? html` <span class="visually-hidden">(${t(lang, 'currentStage')})</span>`
                    : nothing
                }</a
              >
            </li>`,
        )}
      </ul>
    </nav>
    <section
      class="panel section-panel"
      data-section=${data.section}
      aria-label=${sectionInfo(data.section).label[lang]}
    >
      ${
        view === null || view === undefined
          ? nothing
          : view.ok
            ? sectionBody(data, view.value)
            : html`<p class="error" role="alert">
                ${t(lang, 'refused')}: ${view.errors.map((e) => e.message[lang]).join(' ')}
              </p>`
      }
    </section>`;
}
