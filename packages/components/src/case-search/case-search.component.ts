import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  CASE_SEARCH_SORTS,
  LEGAL_DOMAINS,
  STAGES,
  type CaseSearchHit,
  type CaseSearchQuery,
  type CaseSearchSort,
  type Language,
  type Result,
} from '@fallkit/core';
import type { CaseRequestContext } from '../context/case-service-port.js';
import { CaseConnectionController } from '../controllers/case-connection-controller.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import { AnnouncerController } from '../controllers/announcer-controller.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { legalDomainName, stageName } from '../i18n/glossary.js';
import { plainMessages } from '../i18n/plain-words.js';
import { adminDetails } from '../i18n/admin-details.view.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { FkOpenCaseEvent } from '../events/fk-open-case.js';
import { FkSearchEvent } from '../events/fk-search.js';
import { caseSearchMessages } from './case-search.messages.js';
import { caseSearchStyles } from './case-search.styles.js';

/** What a search source needs: the core port's `searchCases` (the core's decided, logged search channel). */
interface SearchSource {
  searchCases(request: CaseRequestContext | undefined, query: unknown): Promise<Result<CaseSearchHit[]>>;
}

function isSearchSource(service: unknown): service is SearchSource {
  return typeof (service as Partial<SearchSource> | undefined)?.searchCases === 'function';
}

/** The form's fields as typed (the birth date as the page's language writes it). */
interface SearchForm {
  text: string;
  birthDate: string;
  legalDomain: string;
  stage: string;
  status: string;
  due: string;
  sort: CaseSearchSort;
}

const EMPTY_FORM: SearchForm = {
  text: '',
  birthDate: '',
  legalDomain: '',
  stage: '',
  status: '',
  due: '',
  sort: 'nextDueDate',
};

/** A typed birth date (`16.02.1990` in German, `16/02/1990` in English, or ISO) as ISO, or `undefined`. */
export function parseTypedDate(value: string): string | undefined {
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  const match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(trimmed);
  if (!match) return undefined;
  const [, d, m, y] = match as unknown as [string, string, string, string];
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/**
 * Finds cases across the caseload (issue 22): by name or case number, and in the advanced search by
 * birth date, legal domain, stage, status and due items; sorted by next deadline, name, case number or
 * stage. Connected, every search goes through the core's decided and logged search channel
 * (`searchCases`): only cases the actor may see, names only where the actor's view shows them (DP-23,
 * DP-24). Standalone, a host sets `hits` and answers `fk-search` itself.
 *
 * @summary Case search with an advanced part; results as a table that scrolls in its own box.
 * @fires fk-open-case - The user chose a case (`detail.caseId`).
 * @fires fk-search - A search was asked for (`detail.query`); cancel it to answer it yourself.
 * @csspart results - The results table's scroll box.
 */
export class FkCaseSearch extends LitElement {
  static override styles = [sharedStyles, caseSearchStyles];

  /** Standalone: the hits to show (connected: loaded from the core). */
  @property({ attribute: false }) hits?: readonly CaseSearchHit[];
  /** Text overrides per language. */
  @property({ attribute: false }) messages?: MessageOverrides;

  @state() private form: SearchForm = { ...EMPTY_FORM };
  @state() private loaded?: readonly CaseSearchHit[];
  @state() private refusal?: Extract<Result<unknown>, { ok: false }>;
  @state() private loading = false;
  @state() private dateError = false;

  private readonly i18n = new LocalizeController(this, { catalog: caseSearchMessages, overrides: () => this.messages });
  private readonly announcer = new AnnouncerController(this);
  private generation = 0;
  private searchedFor: unknown;

  private readonly connection = new CaseConnectionController(this, {
    onContext: () => {
      const key = this.connection.request?.actor;
      if (this.searchedFor === key) return;
      this.searchedFor = key;
      void this.search();
    },
  });

  /** The query the form stands for (`undefined` when the typed birth date cannot be read). */
  get query(): CaseSearchQuery | undefined {
    const f = this.form;
    const birthDate = f.birthDate.trim() === '' ? undefined : parseTypedDate(f.birthDate);
    if (f.birthDate.trim() !== '' && birthDate === undefined) return undefined;
    return {
      ...(f.text.trim() ? { text: f.text.trim() } : {}),
      ...(birthDate ? { birthDate } : {}),
      ...(f.legalDomain ? { legalDomain: f.legalDomain as CaseSearchQuery['legalDomain'] } : {}),
      ...(f.stage ? { stage: f.stage as CaseSearchQuery['stage'] } : {}),
      ...(f.status ? { status: f.status as 'open' | 'closed' } : {}),
      ...(f.due ? { due: f.due as 'overdue' | 'soon' } : {}),
      sort: f.sort,
    };
  }

  /** The hits shown: the host's, else the core's. */
  get results(): readonly CaseSearchHit[] {
    return this.hits ?? this.loaded ?? [];
  }

  /** Runs the search for the form's query (connected: through the core's channel). */
  async search(): Promise<void> {
    const query = this.query;
    this.dateError = query === undefined;
    if (query === undefined) {
      this.announcer.announce(this.i18n.t('search.birthDateInvalid'));
      return;
    }
    const proceed = this.dispatchEvent(new FkSearchEvent({ query }));
    const service = this.connection.service;
    if (!proceed || !isSearchSource(service)) return;
    const generation = ++this.generation;
    this.loading = true;
    try {
      const found = await service.searchCases(this.connection.request, query);
      if (generation !== this.generation) return;
      if (found.ok) {
        this.loaded = found.value;
        this.refusal = undefined;
      } else {
        this.loaded = [];
        this.refusal = found;
      }
      this.announcer.announce(this.countText(this.results.length));
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  private countText(count: number): string {
    return count === 0
      ? this.i18n.t('search.none')
      : count === 1
        ? this.i18n.t('search.countOne')
        : this.i18n.t('search.count', { count: this.i18n.number(count) });
  }

  private set(part: Partial<SearchForm>): void {
    this.form = { ...this.form, ...part };
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    void this.search();
  }

  private reset(): void {
    this.form = { ...EMPTY_FORM };
    this.dateError = false;
    void this.search();
  }

  private open(hit: CaseSearchHit): void {
    this.dispatchEvent(new FkOpenCaseEvent({ caseId: hit.row.caseId }));
  }

  private select(name: keyof SearchForm, label: string, options: readonly [string, string][], any = true) {
    return html`<label
      >${label}
      <select
        name=${name}
        .value=${this.form[name]}
        @change=${(event: Event) => this.set({ [name]: (event.target as HTMLSelectElement).value } as Partial<SearchForm>)}
      >
        ${any ? html`<option value="">${this.i18n.t('search.any')}</option>` : nothing}
        ${options.map(([value, text]) => html`<option value=${value} ?selected=${this.form[name] === value}>${text}</option>`)}
      </select>
    </label>`;
  }

  override render() {
    const t = this.i18n;
    const lang = t.lang;
    const f = this.form;
    return html`<section aria-labelledby="search-title">
      <h2 id="search-title">${t.t('search.title')}</h2>
      <form role="search" @submit=${this.onSubmit} novalidate>
        <label class="main-field"
          >${t.t('search.text')}
          <input
            type="search"
            name="text"
            autocomplete="off"
            maxlength="120"
            .value=${f.text}
            @input=${(event: Event) => this.set({ text: (event.target as HTMLInputElement).value })}
          />
        </label>
        ${this.select(
          'sort',
          t.t('search.sort'),
          CASE_SEARCH_SORTS.map((sort) => [sort, t.t(`search.sort.${sort}`)]),
          false,
        )}
        <button type="submit" class="fk-button fk-button--primary">${t.t('search.submit')}</button>
        <button type="button" class="fk-button" @click=${this.reset}>${t.t('search.reset')}</button>
        <details class="advanced">
          <summary>${t.t('search.advanced')}</summary>
          <div>
            <label
              >${t.t('search.birthDate')}
              <input
                name="birthDate"
                inputmode="numeric"
                autocomplete="off"
                maxlength="10"
                placeholder=${t.t('search.birthDateHint')}
                aria-invalid=${this.dateError ? 'true' : 'false'}
                aria-describedby=${this.dateError ? 'birth-error' : nothing}
                .value=${f.birthDate}
                @input=${(event: Event) => this.set({ birthDate: (event.target as HTMLInputElement).value })}
              />
              ${this.dateError ? html`<span id="birth-error" class="error">${t.t('search.birthDateInvalid')}</span>` : nothing}
            </label>
            ${this.select(
              'legalDomain',
              t.t('search.legalDomain'),
              LEGAL_DOMAINS.map((domain) => [domain, legalDomainName(domain, lang)]),
            )}
            ${this.select(
              'stage',
              t.t('search.stage'),
              STAGES.map((stage) => [stage, stageName(stage, lang)]),
            )}
            ${this.select('status', t.t('search.status'), [
              ['open', t.t('search.status.open')],
              ['closed', t.t('search.status.closed')],
            ])}
            ${this.select('due', t.t('search.due'), [
              ['overdue', t.t('search.due.overdue')],
              ['soon', t.t('search.due.soon')],
            ])}
          </div>
        </details>
      </form>
      ${this.renderResults()} ${this.announcer.render()}
    </section>`;
  }

  private renderResults() {
    const t = this.i18n;
    const lang = t.lang;
    if (this.refusal) {
      return html`<div class="fk-refusals" role="status">
        <p>${t.t('search.refused')} ${plainMessages(this.refusal.errors, lang)}</p>
        ${adminDetails(this.refusal.errors, lang)}
      </div>`;
    }
    if (this.loading && this.results.length === 0) return html`<p class="count">${t.t('search.loading')}</p>`;
    const hits = this.results;
    return html`<p class="count" aria-hidden="true">${this.countText(hits.length)}</p>
      ${
        hits.length === 0
          ? nothing
          : html`<div class="table-scroll" part="results" tabindex="0" aria-labelledby="search-title">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${t.t('search.col.case')}</th>
                    <th scope="col">${t.t('search.col.name')}</th>
                    <th scope="col">${t.t('search.col.birthDate')}</th>
                    <th scope="col">${t.t('search.col.stage')}</th>
                    <th scope="col">${t.t('search.col.domains')}</th>
                    <th scope="col">${t.t('search.col.due')}</th>
                    <th scope="col">${t.t('search.col.overdue')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${hits.map((hit) => {
                    const label = hit.row.label ?? hit.row.caseId;
                    return html`<tr data-case-id=${hit.row.caseId}>
                      <th scope="row">
                        <button
                          type="button"
                          class="link"
                          aria-label=${t.t('search.open', { label })}
                          @click=${() => this.open(hit)}
                        >
                          ${label}
                        </button>
                      </th>
                      <td>${hit.name ?? html`<span class="withheld">${t.t('search.nameWithheld')}</span>`}</td>
                      <td>${hit.birthDate ? t.date(hit.birthDate) : '–'}</td>
                      <td>
                        ${stageName(hit.row.stage, lang)}${hit.row.status === 'closed' ? ` (${t.t('search.closed')})` : ''}
                      </td>
                      <td>${this.domainsCell(hit, lang)}</td>
                      ${this.dueCells(hit)}
                    </tr>`;
                  })}
                </tbody>
              </table>
            </div>`
      }`;
  }

  /**
   * The legal domains the view shows. Where it withholds some (a team lead: they are benefits data), an empty
   * cell would read as "no legal domain": it says they are withheld.
   */
  private domainsCell(hit: CaseSearchHit, lang: Language) {
    const t = this.i18n;
    const shown = hit.row.legalDomains.map((domain) => legalDomainName(domain, lang)).join(', ');
    if (hit.legalDomainsWithheld !== true) return shown || '–';
    const marker = (key: 'search.domainsWithheld' | 'search.domainsMoreWithheld') =>
      html`<span class="withheld">${t.t(key)}</span>`;
    return shown === '' ? marker('search.domainsWithheld') : html`${shown} ${marker('search.domainsMoreWithheld')}`;
  }

  /**
   * The deadline and overdue cells. Where the view withholds items that may carry deadlines (a team
   * lead's caseload), they say so instead of "–", which would read as "nothing due" (issue 21).
   */
  private dueCells(hit: CaseSearchHit) {
    const t = this.i18n;
    const withheld = hit.deadlinesWithheld === true;
    const marker = (key: 'search.dueWithheld' | 'search.dueMoreWithheld') =>
      html`<span class="withheld" title=${t.t('search.dueWithheldHint')}>${t.t(key)}</span>`;
    const cell = (shown: string | undefined, overdue = false) =>
      html`<td class=${overdue ? 'overdue' : ''}>
        ${
          shown === undefined
            ? withheld
              ? marker('search.dueWithheld')
              : '–'
            : withheld
              ? html`${shown} ${marker('search.dueMoreWithheld')}`
              : shown
        }
      </td>`;
    return html`${cell(hit.row.nextDueDate ? t.date(hit.row.nextDueDate) : undefined)}
    ${cell(hit.overdue > 0 ? t.number(hit.overdue) : undefined, hit.overdue > 0)}`;
  }
}
