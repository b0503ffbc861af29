/**
 * `<fallkit-demo>`: the intranet page of the demo. Unlock → caseload and worklist → a case with its stages
 * (each a Fallkit element inside `<fk-case-provider>`) → reports. Renders into the light DOM so the page's
 * stylesheet applies; the Fallkit elements keep their own shadow DOM.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import {
  buildWorklist,
  type CaseConsents,
  type CaseHistory,
  type CaseIndexEntry,
  type CaseSearchHit,
  type CaseSearchSort,
  type CaseView,
  type Result,
  type Unsubscribable,
  type WorklistInput,
  type WorklistItem,
} from '@fallkit/core';
import { type StatisticalRecord } from '@fallkit/core/reporting';
import { DEMO_ACTORS, demoActor, type DemoActor } from './demo-actors.js';
import {
  DEMO_PASSPHRASE,
  closeDemoSession,
  openDemoSession,
  refusalText,
  resetDemoSession,
  type DemoSession,
} from './demo-session.js';
import { hrefOf, parseHash, type Route } from './routes.js';
import { t, type DemoLanguage } from './texts.js';
import { DEMO_STANDARDS, demoStandard, standardKey } from './demo-standard.js';
import { renderCaseload } from './pages/caseload-page.js';
import { renderCasePage, type CasePageData } from './pages/case-page.js';
import { renderReportsPage } from './pages/reports-page.js';
import { renderUnlock } from './pages/unlock-page.js';
import { isoToday } from './format.js';
import '../sync/demo-sign-in.js';
import type { SyncedDemoSession } from '../sync/synced-session.js';
import { renderHandover } from '../sync/handover-page.js';

type Phase = 'locked' | 'opening' | 'ready';

/** How often the page looks whether the store locked itself (idle lock, DP-37). */
const LOCK_CHECK_MS = 5_000;

/** Options a test or host passes before the element connects. */
export interface DemoAppOptions {
  /** IndexedDB database name (tests use their own). */
  databaseName?: string;
  /** Unlock at once with this passphrase (tests, screenshots); otherwise the page asks. */
  passphrase?: string;
}

/**
 * The demo application element.
 * @tagname fallkit-demo
 */
export class FallkitDemo extends LitElement {
  /** Set before connecting; see {@link DemoAppOptions}. */
  options: DemoAppOptions = {};

  @state() private phase: Phase = 'locked';
  @state() private unlockError = '';
  @state() private pageLang: DemoLanguage = 'de';
  @state() private route: Route = { page: 'caseload' };
  @state() private session: DemoSession | undefined;
  @state() private actorKey = DEMO_ACTORS[0]!.key;
  /** The organisation's process standard new cases are opened under (`id@version`). */
  @state() private standardKey = standardKey(DEMO_STANDARDS[0]!);
  /** The actor's case list (the core's decided list channel: only rows and columns it may see). */
  @state() private cases: readonly CaseIndexEntry[] | undefined;
  /** The worklist input of the same cases (the core's worklist channel: the cases as the views show them). */
  @state() private worklist: WorklistInput | undefined;
  @state() private caseView: Result<CaseView> | undefined | null = null;
  /** The open case's history and consents, read through their channels when their tab needs them. */
  @state() private caseHistory: Result<CaseHistory> | undefined | null = null;
  @state() private caseConsents: Result<CaseConsents> | undefined | null = null;
  /** Report input (the core's report channel: statistical skeletons, statistics role only). */
  @state() private reportInput: Result<readonly StatisticalRecord[]> | null = null;
  @state() private notice = '';
  /** s15-start: the sync client once the page works synced (signed in through npm start's provider). */
  @state() private syncClient: SyncedDemoSession['sync'] | undefined;
  private synced: SyncedDemoSession | undefined;
  private accessToken: string | undefined;
  /** The caseload's names and order: the core's decided, logged search channel (names only where the view shows them). */
  @state() private hits: readonly CaseSearchHit[] | undefined;
  @state() private sort: CaseSearchSort = 'nextDueDate';

  private casesSubscription: Unsubscribable | undefined;
  private casesKey = '';
  private viewSubscription: Unsubscribable | undefined;
  private viewKey = '';
  private extrasKey = '';
  private viewCount = 0;
  private reportKey = '';
  private loadToken = 0;
  /** The passphrase the store was opened with, to reopen it after a reset. */
  private passphrase = DEMO_PASSPHRASE;
  private readonly onHashChange = () => this.readLocation();

  /** The open session (tests drive the core through it where an element is missing). */
  get demoSession(): DemoSession | undefined {
    return this.session;
  }

  /** The page language. */
  get pageLanguage(): DemoLanguage {
    return this.pageLang;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    this.readLocation();
    const fromUrl = new URLSearchParams(window.location.search).get('demo-passphrase');
    const passphrase = this.options.passphrase ?? fromUrl ?? undefined;
    if (passphrase !== undefined && this.session === undefined) void this.unlock(passphrase);
    // The store locks itself when idle (DP-37) without telling anyone; found only by the next read, the
    // case page stayed open on stale data and every element's read failed. Look for the lock instead.
    this.lockWatch = setInterval(this.checkLocked, LOCK_CHECK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    clearInterval(this.lockWatch);
    this.casesSubscription?.unsubscribe();
    this.viewSubscription?.unsubscribe();
    if (this.session) closeDemoSession(this.session);
  }

  private lockWatch: ReturnType<typeof setInterval> | undefined;

  /** The store locked itself: ask for the passphrase again (drafts stay sealed for the next unlock). */
  private readonly checkLocked = (): void => {
    const session = this.session;
    if (this.phase === 'ready' && session && session.store.encrypted && session.store.locked)
      this.onStoreError({ refusal: { code: 'STORE_LOCKED' } });
  };

  private readLocation(): void {
    const location = parseHash(window.location.hash);
    this.route = location.route;
    if (location.lang) this.pageLang = location.lang;
    if (location.actor) this.setActor(location.actor);
  }

  private get actor(): DemoActor {
    return demoActor(this.actorKey);
  }

  private setActor(key: string): void {
    this.actorKey = demoActor(key).key;
    if (this.session) this.session.actor = this.actor;
    // A new actor sees the list and the case anew: drop the old reads and decide again.
    this.viewKey = '';
    this.casesKey = '';
    this.reportKey = '';
    this.requestUpdate();
  }

  /** Opens the encrypted store with the passphrase (the unlock form, or options for tests). */
  async unlock(passphrase: string): Promise<void> {
    this.phase = 'opening';
    this.unlockError = '';
    const opened = await openDemoSession({
      passphrase,
      ...(this.options.databaseName ? { databaseName: this.options.databaseName } : {}),
    });
    if (!opened.ok) {
      this.phase = 'locked';
      this.unlockError = refusalText(opened.errors, this.pageLang);
      return;
    }
    this.passphrase = passphrase;
    this.adopt(opened.value);
    if (this.accessToken) void this.goSynced();
  }

  /** s15-start: switches to the signed-in person's synced device store (packages/demo/src/sync/). */
  private async goSynced(): Promise<void> {
    if (this.synced || !this.accessToken || !this.session) return;
    const { openSyncedDemoSession } = await import('../sync/synced-session.js');
    const opened = await openSyncedDemoSession({
      accessToken: () => this.accessToken,
      passphrase: this.passphrase,
      onHandoverDesk: () => this.requestUpdate(),
    });
    if (!opened.ok) {
      this.notice = refusalText(opened.errors, this.pageLang);
      return;
    }
    if (this.session) closeDemoSession(this.session);
    this.synced = opened.value;
    this.syncClient = opened.value.sync;
    this.adopt(opened.value.session);
  }

  private adopt(session: DemoSession): void {
    this.session = session;
    session.actor = this.actor;
    this.phase = 'ready';
    if (session.seed && session.seed.failed.length > 0) {
      this.notice = t(this.pageLang, 'seedFailed', {
        list: session.seed.failed.map((failure) => `${failure.title[this.pageLang]} (${failure.error})`).join('; '),
      });
    }
    this.casesKey = '';
    this.requestUpdate();
  }

  private onStoreError(error: unknown): void {
    const refusal = (error as { refusal?: { code?: string } }).refusal;
    if (refusal?.code === 'STORE_LOCKED') {
      // The store locked itself after being idle (DP-37): ask for the passphrase again.
      if (this.session) closeDemoSession(this.session);
      this.session = undefined;
      this.phase = 'locked';
      this.unlockError = '';
      return;
    }
    this.notice = error instanceof Error ? error.message : String(error);
  }

  /** A read of a session that is still the page's (not one closed by a reset or by leaving the page). */
  private onReadError(session: DemoSession, error: unknown): void {
    if (session === this.session && this.isConnected) this.onStoreError(error);
  }

  /** Keeps the actor's live case list and its worklist input, both from the core's decided channels. */
  private syncCaseList(): void {
    const session = this.session;
    const key = session ? this.actorKey : '';
    if (key === this.casesKey) return;
    this.casesKey = key;
    this.casesSubscription?.unsubscribe();
    this.casesSubscription = undefined;
    this.cases = undefined;
    this.hits = undefined;
    this.worklist = undefined;
    if (!session) return;
    const purpose = this.actor.purpose;
    this.casesSubscription = session.views.observeCaseList({ purpose }).subscribe({
      next: (rows) => {
        this.cases = rows.ok ? rows.value : [];
        void this.loadWorklist(session, purpose, key);
        void this.loadHits(session, purpose, key);
      },
      error: (error) => this.onReadError(session, error),
    });
  }

  /** Names and order of the caseload, from the core's search channel (an empty query: every visible case). */
  private async loadHits(session: DemoSession, purpose: string, key: string): Promise<void> {
    let found: Result<CaseSearchHit[]>;
    try {
      found = await session.views.searchCases({ purpose, query: { sort: this.sort, limit: 500 } });
    } catch (error) {
      this.onReadError(session, error);
      return;
    }
    if (key !== this.casesKey) return;
    this.hits = found.ok ? found.value : [];
  }

  private setSort(sort: CaseSearchSort): void {
    this.sort = sort;
    const session = this.session;
    if (session) void this.loadHits(session, this.actor.purpose, this.casesKey);
  }

  private async loadWorklist(session: DemoSession, purpose: string, key: string): Promise<void> {
    const token = ++this.loadToken;
    let input: Result<WorklistInput>;
    try {
      input = await session.views.worklistInput({ purpose });
    } catch (error) {
      if (token === this.loadToken) this.onReadError(session, error);
      return;
    }
    if (token !== this.loadToken || key !== this.casesKey) return;
    this.worklist = input.ok ? input.value : { cases: [], consents: {} };
  }

  /** The open case's history or consents, through their channels, when the tab shows them. */
  private syncCaseExtras(): void {
    const session = this.session;
    const route = this.route;
    const view = this.caseView;
    const wanted = route.page === 'case' && (route.section === 'history' || route.section === 'consent');
    const key =
      session && wanted && view?.ok === true
        ? `${route.caseId}|${this.actorKey}|${route.section}|${this.viewCount}`
        : '';
    if (key === this.extrasKey) return;
    this.extrasKey = key;
    this.caseHistory = null;
    this.caseConsents = null;
    if (!session || key === '' || route.page !== 'case') return;
    const { caseId, section } = route;
    const purpose = this.actor.purpose;
    if (section === 'history') {
      void session.views.history(caseId, purpose).then(
        (history) => {
          if (key === this.extrasKey) this.caseHistory = history;
        },
        (error: unknown) => this.onReadError(session, error),
      );
    } else if (!customElements.get('fk-consent-manager')) {
      void session.views.consents(caseId, purpose).then(
        (consents) => {
          if (key === this.extrasKey) this.caseConsents = consents;
        },
        (error: unknown) => this.onReadError(session, error),
      );
    }
  }

  /** Report input for the reports page (the demo's own tables; `<fk-report>` reads the channel itself). */
  private syncReports(): void {
    const session = this.session;
    const key = session && this.route.page === 'reports' ? this.actorKey : '';
    if (key === this.reportKey) return;
    this.reportKey = key;
    this.reportInput = null;
    if (!session || key === '') return;
    void session.views.reportInput().then(
      (input) => {
        if (key === this.reportKey) this.reportInput = input;
      },
      (error: unknown) => this.onReadError(session, error),
    );
  }

  private async reset(): Promise<void> {
    const session = this.session;
    if (!session || !window.confirm(t(this.pageLang, 'resetConfirm'))) return;
    await this.resetNow();
  }

  /** Deletes the demo database and seeds it again (the reset button, without its confirmation). */
  async resetNow(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.casesSubscription?.unsubscribe();
    this.casesSubscription = undefined;
    this.casesKey = '';
    this.viewSubscription?.unsubscribe();
    this.viewKey = '';
    this.reportKey = '';
    this.phase = 'opening';
    const reopened = await resetDemoSession(session, this.passphrase);
    if (!reopened.ok) {
      this.session = undefined;
      this.phase = 'locked';
      this.unlockError = refusalText(reopened.errors, this.pageLang);
      return;
    }
    this.adopt(reopened.value);
    this.notice = t(this.pageLang, 'resetDone');
    window.location.hash = '#/';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pageLang' as keyof FallkitDemo)) document.documentElement.lang = this.pageLang;
    this.syncCaseList();
    this.syncCaseView();
    this.syncCaseExtras();
    this.syncReports();
  }

  /** Keeps one live, data-protected view of the open case for the current actor (logged, DP-28). */
  private syncCaseView(): void {
    const session = this.session;
    const route = this.route;
    const key = session && route.page === 'case' ? `${route.caseId}|${this.actorKey}` : '';
    if (key === this.viewKey) return;
    this.viewKey = key;
    this.viewSubscription?.unsubscribe();
    this.viewSubscription = undefined;
    this.caseView = null;
    if (!session || route.page !== 'case') return;
    this.viewSubscription = session.views.observeCaseView(route.caseId, this.actor.purpose).subscribe({
      next: (view: Result<CaseView> | undefined) => {
        this.caseView = view;
        this.viewCount += 1;
      },
      error: (error: unknown) => this.onStoreError(error),
    });
  }

  private worklistItems(input: WorklistInput | undefined): WorklistItem[] {
    if (!input) return [];
    return buildWorklist(input.cases, isoToday(), undefined, {
      consentsOf: (state) => input.consents[state.caseId] ?? [],
    });
  }

  override render(): TemplateResult {
    const lang = this.pageLang;
    return html`
      <a class="skip-link" href="#main" @click=${(event: Event) => this.skipToMain(event)}
        >${t(lang, 'skipToContent')}</a
      >
      <header class="intranet-bar">
        <a class="intranet-brand" href="#/">${t(lang, 'brand')}</a>
        <span class="intranet-unit">${t(lang, 'unit')}</span>
        <nav aria-label="Intranet">
          <a href=${hrefOf({ page: 'caseload' })} aria-current=${this.route.page !== 'reports' ? 'page' : nothing}
            >${t(lang, 'navCases')}</a
          >
          <a href=${hrefOf({ page: 'reports' })} aria-current=${this.route.page === 'reports' ? 'page' : nothing}
            >${t(lang, 'navReports')}</a
          >
        </nav>
        ${this.renderToolbar()}
      </header>
      <main id="main" lang=${lang} tabindex="-1">
        ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
        ${
          this.syncClient
            ? html`<fk-sync-status lang=${lang} .source=${this.syncClient}></fk-sync-status>
                <fk-sync-conflicts lang=${lang} .source=${this.syncClient}></fk-sync-conflicts>`
            : nothing
        }
        ${this.renderPage()}
        ${this.synced ? renderHandover({ lang, route: this.route, desk: this.synced.handover() }) : nothing}
      </main>
      <footer class="intranet-footer">
        <p>${t(lang, 'footer')}</p>
        ${
          this.session
            ? html`<p class="store-note">
                ${t(lang, 'store')}: „${this.session.databaseName}“, ${t(lang, 'storeEncrypted')}
              </p>`
            : nothing
        }
      </footer>
    `;
  }

  /** s15-start: the person signed in through `npm start`'s identity provider acts (DP-40: the server names them). */
  private onIdentity(event: CustomEvent<{ userId: string | undefined; accessToken: string | undefined }>): void {
    const entry = DEMO_ACTORS.find((candidate) => candidate.actor.id === event.detail.userId);
    if (entry) this.setActor(entry.key);
    // Signed out: the device's key material of the person goes with the session (issue 16); first, while the
    // token is still at hand, its encryption key is withdrawn from the server's directory.
    if (event.detail.userId === undefined) void this.synced?.forgetKeys();
    this.accessToken = event.detail.userId ? event.detail.accessToken : undefined;
    if (this.accessToken && this.phase === 'ready') void this.goSynced();
  }

  /** The skip link moves focus into the page's content (the hash routes pages, so it must not navigate). */
  private skipToMain(event: Event): void {
    event.preventDefault();
    const main = this.querySelector<HTMLElement>('#main');
    // The first heading of the page, or the main region itself.
    const target = main?.querySelector<HTMLElement>('h1') ?? main;
    if (target && target !== main) target.tabIndex = -1;
    target?.focus();
  }

  private renderToolbar(): TemplateResult {
    const lang = this.pageLang;
    return html`<div class="toolbar">
      <fallkit-demo-sign-in
        lang=${lang}
        @fallkit-demo-identity=${(
          event: CustomEvent<{ userId: string | undefined; accessToken: string | undefined }>,
        ) => this.onIdentity(event)}
      ></fallkit-demo-sign-in>
      <label
        >${t(lang, 'actingAs')}
        <select
          class="actor-switch"
          .value=${this.actorKey}
          @change=${(event: Event) => this.setActor((event.target as HTMLSelectElement).value)}
        >
          ${DEMO_ACTORS.map(
            (entry) =>
              html`<option value=${entry.key} ?selected=${entry.key === this.actorKey}>
                ${entry.actor.name} – ${entry.role[lang]}
              </option>`,
          )}
        </select>
      </label>
      <label
        >${t(lang, 'standard')}
        <select
          class="standard-switch"
          .value=${this.standardKey}
          @change=${(event: Event) => {
            this.standardKey = (event.target as HTMLSelectElement).value;
          }}
        >
          ${DEMO_STANDARDS.map(
            (standard) =>
              html`<option value=${standardKey(standard)} ?selected=${standardKey(standard) === this.standardKey}>
                ${standard.name[lang]}
              </option>`,
          )}
        </select>
      </label>
      <label
        >${t(lang, 'language')}
        <select
          class="language-switch"
          .value=${lang}
          @change=${(event: Event) => {
            this.pageLang = (event.target as HTMLSelectElement).value === 'en' ? 'en' : 'de';
          }}
        >
          <option value="de" ?selected=${lang === 'de'}>Deutsch</option>
          <option value="en" ?selected=${lang === 'en'}>English</option>
        </select>
      </label>
      <button type="button" class="reset-button" ?disabled=${!this.session} @click=${() => void this.reset()}>
        ${t(lang, 'reset')}
      </button>
    </div>`;
  }

  private renderPage(): TemplateResult {
    const lang = this.pageLang;
    if (this.phase !== 'ready' || !this.session) {
      return renderUnlock({
        lang,
        busy: this.phase === 'opening',
        error: this.unlockError,
        onUnlock: (passphrase) => void this.unlock(passphrase),
      });
    }
    const session = this.session;
    const rows = this.cases;
    switch (this.route.page) {
      case 'caseload':
        return renderCaseload({
          lang,
          actor: this.actor,
          rows,
          worklist: this.worklistItems(this.worklist),
          worklistInput: this.worklist,
          hits: this.hits,
          sort: this.sort,
          onSort: (sort) => this.setSort(sort),
          session,
          standard: demoStandard(this.standardKey),
          service: session.service,
          onNotice: (text) => {
            this.notice = text;
          },
        });
      case 'reports':
        return renderReportsPage({ lang, input: this.reportInput, actor: this.actor, port: session.port });
      case 'case': {
        const caseId = this.route.caseId;
        const data: CasePageData = {
          lang,
          session,
          actor: this.actor,
          caseId,
          section: this.route.section,
          view: this.caseView,
          history: this.caseHistory,
          consents: this.caseConsents,
          entry: rows?.find((row) => row.caseId === caseId),
        };
        return renderCasePage(data);
      }
    }
  }
}

customElements.define('fallkit-demo', FallkitDemo);

declare global {
  interface HTMLElementTagNameMap {
    'fallkit-demo': FallkitDemo;
  }
}
