import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Result, TeamOverview } from '@fallkit/core';
import type { CaseRequestContext } from '../context/case-service-port.js';
import { CaseConnectionController } from '../controllers/case-connection-controller.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { plainMessages } from '../i18n/plain-words.js';
import { adminDetails } from '../i18n/admin-details.view.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { teamOverviewMessages } from './team-overview.messages.js';
import { teamOverviewStyles } from './team-overview.styles.js';

/** What an overview source needs: the core port's `loadTeamOverview` (the core's decided channel). */
interface TeamSource {
  loadTeamOverview(request?: CaseRequestContext): Promise<Result<TeamOverview>>;
}

function isTeamSource(service: unknown): service is TeamSource {
  return typeof (service as Partial<TeamSource> | undefined)?.loadTeamOverview === 'function';
}

/**
 * The team lead's overview (issue 22): open cases, cases with overdue items, overdue items and handovers
 * in progress per worker, with the team's totals. Connected, the figures come from the core's decided
 * `teamOverview` channel, which serves the team lead only and holds metadata only: no client's name,
 * no case content (DP-23). The next deadline per worker is shown as the core decided it: a date only,
 * never what is due (`TeamWorkerFigures.nextDeadline`, DP-23). Standalone, a host sets `overview`.
 *
 * @summary Figures per worker for the team lead, no names of clients, no content.
 * @csspart table - The figures table's scroll box.
 */
export class FkTeamOverview extends LitElement {
  static override styles = [sharedStyles, teamOverviewStyles];

  /** Standalone: the overview to show (connected: loaded from the core). */
  @property({ attribute: false }) overview?: TeamOverview;
  /** Text overrides per language. */
  @property({ attribute: false }) messages?: MessageOverrides;

  @state() private loaded?: Result<TeamOverview>;

  private readonly i18n = new LocalizeController(this, {
    catalog: teamOverviewMessages,
    overrides: () => this.messages,
  });
  private loadedFor: unknown;

  private readonly connection = new CaseConnectionController(this, {
    onContext: () => void this.load(),
  });

  /** Loads the figures again from the core (connected). */
  async refresh(): Promise<void> {
    this.loadedFor = undefined;
    await this.load();
  }

  private async load(): Promise<void> {
    const service = this.connection.service;
    const request = this.connection.request;
    const key = request?.actor;
    if (!isTeamSource(service) || !request || this.loadedFor === key) return;
    this.loadedFor = key;
    this.loaded = await service.loadTeamOverview(request);
  }

  override render() {
    const t = this.i18n;
    const result: Result<TeamOverview> | undefined = this.overview ? { ok: true, value: this.overview } : this.loaded;
    return html`<section aria-labelledby="team-title">
      <h2 id="team-title">${t.t('team.title')}</h2>
      ${
        result === undefined
          ? html`<p role="status">${t.t('team.loading')}</p>`
          : !result.ok
            ? html`<div class="fk-refusals" role="status">
                <p>${t.t('team.refused')} ${plainMessages(result.errors, t.lang)}</p>
                ${adminDetails(result.errors, t.lang)}
              </div>`
            : this.renderFigures(result.value)
      }
    </section>`;
  }

  private renderFigures(overview: TeamOverview) {
    const t = this.i18n;
    const n = (value: number) => t.number(value);
    const { totals } = overview;
    return html`<p class="lead">${t.t('team.lead', { date: t.date(overview.day) })}</p>
      ${
        overview.workers.length === 0
          ? html`<p>${t.t('team.empty')}</p>`
          : html`<div class="table-scroll" part="table" tabindex="0" aria-labelledby="team-title">
              <table>
                <caption>
                  ${t.t('team.caption')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${t.t('team.col.worker')}</th>
                    <th scope="col" class="number">${t.t('team.col.open')}</th>
                    <th scope="col" class="number">${t.t('team.col.casesOverdue')}</th>
                    <th scope="col" class="number">${t.t('team.col.overdue')}</th>
                    <th scope="col" class="number">${t.t('team.col.handovers')}</th>
                    <th scope="col">${t.t('team.col.nextDeadline')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${overview.workers.map(
                    (worker) =>
                      html`<tr data-user-id=${worker.userId}>
                        <th scope="row">${worker.name ?? worker.userId}</th>
                        <td class="number">${n(worker.openCases)}</td>
                        <td class=${`number ${worker.casesOverdue > 0 ? 'late' : ''}`}>${n(worker.casesOverdue)}</td>
                        <td class=${`number ${worker.overdueItems > 0 ? 'late' : ''}`}>${n(worker.overdueItems)}</td>
                        <td class="number">${n(worker.handoversInProgress)}</td>
                        ${this.deadlineCell(worker.nextDeadline, overview.day)}
                      </tr>`,
                  )}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">${t.t('team.total')}</th>
                    <td class="number">${n(totals.openCases)}</td>
                    <td class="number">–</td>
                    <td class="number">${n(totals.overdueItems)}</td>
                    <td class="number">${n(totals.handoversInProgress)}</td>
                    ${this.deadlineCell(totals.nextDeadline, overview.day)}
                  </tr>
                </tfoot>
              </table>
            </div>`
      }
      ${totals.unassigned > 0 ? html`<p>${t.t('team.unassigned', { count: n(totals.unassigned) })}</p>` : nothing}
      ${overview.workers.length > 0 ? html`<p class="note">${t.t('team.deadlineNote')}</p>` : nothing}`;
  }

  /** The next deadline's date as the core gives it (no more: DP-23), marked when it has passed. */
  private deadlineCell(date: string | undefined, day: string) {
    const t = this.i18n;
    if (date === undefined) return html`<td class="deadline">${t.t('team.noDeadline')}</td>`;
    return html`<td class=${`deadline ${date < day ? 'late' : ''}`} data-deadline=${date}>${t.date(date)}</td>`;
  }
}
