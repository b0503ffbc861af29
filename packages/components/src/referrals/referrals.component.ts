import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  CATEGORY_LABELS,
  DATA_CATEGORIES,
  PROVIDER_REFERRAL_STATUSES,
  isRedactionMarker,
  referToProviderInput,
  type CaseCommand,
  type CaseCommandInput,
  type CaseCommandInputIn,
  type CaseConference,
  type CaseState,
  type DataCategory,
  type ProviderReferral,
  type ProviderReferralStatus,
  type RedactionMarker,
} from '@fallkit/core';
import { issuableOf, offers, type Issuable } from '../shared/may-issue.js';
import { DirectoryController } from '../directory/directory.js';
import { FkFormElement } from '../base/form-element.js';
import { schemaValidator, type Validator } from '../base/validator.js';
import type { Feedback } from '../base/feedback.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';
import { todayIso } from '../base/parts-schema.js';
import { coversAgency } from '../shared/consent-status.js';
import {
  consentsOfView,
  type ConsentStateLike,
  type TransferPreviewer,
  type TransferRequestLike,
} from '../shared/privacy-shapes.js';
import { referralsMessages } from './referrals.messages.js';
import { TransferPreviewLoader } from '../shared/transfer-preview/transfer-preview.loader.js';
import { renderTransferPreview, type PreviewState } from '../shared/transfer-preview/transfer-preview.view.js';
import { transferPreviewStyles } from '../shared/transfer-preview/transfer-preview.styles.js';
import { FkStatusEvent } from '../events/fk-status.js';
import { FkConsentNeededEvent } from '../events/fk-consent-needed.js';
import { FkConferenceEvent } from '../events/fk-conference.js';

/** What goes along with a referral: data categories and the legal basis (`consent:<id>`, `sgb10_69`). */
export interface ReferralShare {
  categories: DataCategory[];
  legalBasis?: string;
}

/**
 * The value of `<fk-referrals>`: the input of the core's `referToProvider` for a new referral, plus
 * `share`, the data that would go to the provider (the core's `transferData`).
 */
export type ReferralDraftValue = CaseCommandInputIn<'referToProvider'> & { share?: ReferralShare };

/**
 * The part of the draft that is the `referToProvider` input. `share` is the form's own (it becomes a
 * `transferData`); the core's input schema is strict and would refuse it as an unknown field.
 */
function referralPart(value: ReferralDraftValue): CaseCommandInputIn<'referToProvider'> {
  const { share: _share, ...referral } = value;
  return referral;
}

const referralSchemaValidator = schemaValidator<CaseCommandInputIn<'referToProvider'>>(referToProviderInput);

/** The validated data `fk-submit` carries. */
export type ReferralDraftData = CaseCommandInput<'referToProvider'> & { share?: ReferralShare };

/** Detail of `fk-status`: the input of the core's `updateReferralStatus`. */
export type ReferralStatusDetail = CaseCommandInput<'updateReferralStatus'>;

/** Detail of `fk-conference`: the input of the core's `holdCaseConference`. */
export type CaseConferenceDetail = CaseCommandInput<'holdCaseConference'>;

/** The directory choice "not in the directory". */
const OUTSIDE_DIRECTORY = '__outside-directory__';

/** Builds an agency id from a name where none is given. */
export function agencyIdFromName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\w]+/g, '-')
    .replace(/^-|-$/g, '');
}

const STATUS_CLASS: Readonly<Record<ProviderReferralStatus, string>> = {
  requested: 'badge--info',
  accepted: 'badge--ok',
  waiting: 'badge--warn',
  started: 'badge--ok',
  interrupted: 'badge--danger',
  completed: '',
  declined: 'badge--danger',
};

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * Leistungssteuerung (stage 5, DOMAIN.md 4.6): referrals of the person to providers with their
 * status (requested, accepted, waiting, started, interrupted, completed, declined) and history, the
 * feedback arrangement agreed with the provider (never assumed), and case conferences with
 * participants and decisions. Before a referral is sent it shows which data would go to the provider
 * and on what basis: the privacy module's transfer preview, item by item, with what stays behind and
 * why (DP-16, DP-17, DP-24).
 *
 * Standalone: `value` is a new referral (`referToProvider` input plus `share`); `fk-submit` carries
 * it; `fk-status` and `fk-conference` carry status changes and conferences. Set `previewer` to compute
 * previews (e.g. the core's `previewTransfer` bound to the case). Connected: lists the case's
 * referrals and conferences live, saves with `referToProvider` (then `transferData` when data go
 * along), `updateReferralStatus` and `holdCaseConference`; previews through the service's
 * `previewTransfer` where it has one.
 *
 * @tagname fk-referrals
 * @summary Referrals to providers with status and feedback, case conferences, transfer preview before sending.
 *
 * @event change - The user changed the new referral. `detail: { value, valid }`.
 * @event fk-submit - A valid new referral. `detail`: the parsed `referToProvider` input plus `share`. Cancelable.
 * @event fk-status - A status change. `detail`: the `updateReferralStatus` input. Cancelable.
 * @event fk-conference - A case conference. `detail`: the `holdCaseConference` input. Cancelable.
 * @event fk-consent-needed - No consent covers the chosen provider and the user asks to record one. `detail: { recipient: { agencyId, name }, purposes, categories }`; the host opens its consent form.
 * @event fk-saved - Connected save succeeded.
 * @event fk-refused - Connected save refused; `detail: { errors, value }`; the draft stays.
 *
 * @csspart view-only - The sentence shown instead of a form when the core says the actor may not record here (DP-40).
 * @csspart consent-needed - The button that asks the host to record a consent for the provider.
 * @csspart form - The outer container.
 * @csspart list - The referrals list.
 * @csspart referral - One referral.
 * @csspart referral-status - A referral's status badge.
 * @csspart history - A referral's status history.
 * @csspart status-panel - The status-change panel.
 * @csspart draft - The new-referral section.
 * @csspart share - The data-sharing choice.
 * @csspart preview - The transfer preview.
 * @csspart preview-outcome - The preview's outcome badge.
 * @csspart preview-send - What would be passed on.
 * @csspart preview-withheld - What stays behind, with reasons.
 * @csspart conferences - The case conferences.
 * @csspart submit - The create button.
 * @csspart status - The live region.
 * @csspart refusals - Refusals of the last save.
 *
 * @cssproperty --fk-color-info - Edge of the transfer preview.
 *
 * @cssstate user-invalid - Invalid after interaction.
 * @cssstate dirty - Unsaved changes.
 */
export class FkReferrals extends FkFormElement<
  ReferralDraftValue,
  ReferralDraftData,
  CaseState,
  CaseCommand | { type: string; caseId?: string; input: unknown }
> {
  static override catalog = referralsMessages;

  constructor() {
    super();
    this.addEventListener('fk-saved', (e) => {
      if (e.target === this) this.startOver();
    });
  }

  static override styles = [
    sharedStyles,
    formLayoutStyles,
    transferPreviewStyles,
    css`
      .cards {
        display: flex;
        flex-direction: column;
        gap: ${token('space-s')};
      }
      .card {
        padding: ${token('space-s')} ${token('space-m')};
        border: ${token('border-width')} solid ${token('color-border-subtle')};
        border-radius: ${token('radius-m')};
      }
      .card-head {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: baseline;
        gap: ${token('space-xs')};
      }
      .card-title {
        margin: 0;
        font-weight: ${token('font-weight-strong')};
      }
      .card p {
        margin: ${token('space-3xs')} 0;
      }
      .history {
        margin: ${token('space-2xs')} 0 0;
        padding-inline-start: ${token('space-l')};
        font-size: ${token('font-size-s')};
        color: ${token('color-text-muted')};
      }
    `,
  ];

  declare protected readonly i18n: LocalizeController<typeof referralsMessages.de>;
  protected override schema = referToProviderInput;

  /** The case's referrals to providers (connected: from the case, live). */
  @property({ attribute: false }) referrals: readonly (ProviderReferral | RedactionMarker)[] = [];

  /** The case's conferences (connected: from the case, live). */
  @property({ attribute: false }) conferences: readonly (CaseConference | RedactionMarker)[] = [];

  /** Measures a referral can carry out (connected: from the help plan). */
  @property({ attribute: false }) measures: readonly { id: string; title: string }[] = [];

  /** Consents on record, for the legal basis of passing data on (connected: from a view that carries them). */
  /** What the core says this actor may issue (DP-40); `undefined` when the view does not say. */
  @state() private issuable: Issuable;

  /** The host's directory of agencies and providers (`<fk-directory>`): providers are chosen by name. */
  private readonly directory = new DirectoryController(this);

  /** The user chose "not in the directory" and types the provider's name. */
  @state() private providerOutsideDirectory = false;

  @property({ attribute: false }) consents: readonly ConsentStateLike[] = [];

  /** Computes a transfer preview (e.g. the core's `previewTransfer` bound to case, actor and clock). */
  @property({ attribute: false }) previewer?: TransferPreviewer;

  /** Today as ISO date (consent validity); defaults to the browser's date. */
  @property() today?: string;

  @state() private preview: PreviewState = { kind: 'empty' };
  @state() private statusFor?: string;
  @state() private statusDraft: { status: ProviderReferralStatus; on: string; note: string } = {
    status: 'accepted',
    on: todayIso(),
    note: '',
  };
  @state() private conference = {
    heldOn: todayIso(),
    topic: '',
    participants: '',
    decisions: '',
    nextConferenceOn: '',
  };
  @state() private conferenceError?: string;

  private readonly previewLoader = new TransferPreviewLoader(this, (state) => {
    this.preview = state;
  });

  private get day(): string {
    return this.today ?? todayIso();
  }

  protected override emptyValue(): ReferralDraftValue {
    return {
      provider: { name: '' },
      referredOn: todayIso(),
      purpose: '',
      feedback: { agreed: false },
      share: { categories: [] },
    };
  }

  protected override validators(): readonly Validator<ReferralDraftValue>[] {
    return [
      { id: 'schema', validate: (v) => referralSchemaValidator.validate(referralPart(v)) },
      {
        id: 'share',
        validate: (v): Feedback[] => {
          const out: Feedback[] = [];
          if ((v.share?.categories.length ?? 0) > 0 && !v.share?.legalBasis) {
            out.push({
              type: 'error',
              code: 'DENY_NO_LEGAL_BASIS',
              rule: 'DP-16',
              message: { key: 'referrals.basisRequired' },
              path: ['share', 'legalBasis'],
            });
          }
          if (!v.feedback?.agreed && v.provider?.name?.trim()) {
            out.push({
              type: 'warning',
              code: 'FEEDBACK_NOT_AGREED',
              message: { key: 'referrals.feedbackMissing' },
              path: ['feedback', 'agreed'],
            });
          }
          return out;
        },
      },
    ];
  }

  protected override forParsing(value: ReferralDraftValue): unknown {
    return referralPart(value);
  }

  protected override output(): ReferralDraftData {
    const parsed = referToProviderInput.safeParse(referralPart(this.value));
    const base = (parsed.success ? parsed.data : this.value) as ReferralDraftData;
    const share = this.value.share;
    return share && share.categories.length > 0 && share.legalBasis
      ? { ...base, share: { categories: [...share.categories], legalBasis: share.legalBasis } }
      : base;
  }

  // ---- preview ----------------------------------------------------------------------------------------

  private get agencyId(): string {
    return this.value.provider?.agencyId?.trim() || agencyIdFromName(this.value.provider?.name ?? '');
  }

  private transferRequest(): TransferRequestLike | undefined {
    const v = this.value;
    const categories = v.share?.categories ?? [];
    if (!v.provider?.name?.trim() || categories.length === 0) return undefined;
    return {
      recipient: {
        agencyId: this.agencyId,
        name: v.provider.name.trim(),
        kind: 'provider',
        ...(v.provider.contactPerson ? { contactPerson: v.provider.contactPerson } : {}),
      },
      ...(v.share?.legalBasis ? { legalBasis: v.share.legalBasis } : {}),
      purpose: v.measureId ? `measureDelivery:${v.measureId}` : 'caseManagement',
      categories,
    };
  }

  // In willUpdate, not updated: the loader sets the preview state synchronously ("loading", "empty"),
  // and state set there joins the pending render instead of scheduling a second update.
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.previewLoader.refresh(this.transferRequest(), this.previewer, this.connection, changed.has('previewer'));
  }

  private basisLabel = (basis: string | undefined): string => {
    const t = this.i18n;
    if (!basis) return t.t('preview.noBasis');
    if (basis.startsWith('consent:')) return t.t('referrals.basisLabel.consent', { id: basis.slice(8) });
    if (basis === 'sgb10_69') return t.t('referrals.basis.sgb10_69');
    return basis;
  };

  // ---- connected mode ----------------------------------------------------------------------------

  protected override valueFromView(view: CaseState): ReferralDraftValue | undefined {
    this.issuable = issuableOf(view);
    this.referrals = view.providerReferrals ?? [];
    this.conferences = view.caseConferences ?? [];
    this.measures = (view.measures ?? [])
      .filter((m) => !isRedactionMarker(m))
      .map((m) => ({ id: m.id, title: isRedactionMarker(m.title) ? m.id : m.title }));
    const fromView = consentsOfView(view);
    if (fromView.consents) this.consents = fromView.consents;
    return undefined;
  }

  protected override commandsFor(data: ReferralDraftData) {
    const caseId = this.connection.caseId;
    const { share, ...input } = data;
    const commands: { type: string; caseId?: string; input: unknown }[] = [{ type: 'referToProvider', caseId, input }];
    const request = this.transferRequest();
    if (share && request)
      commands.push({ type: 'transferData', caseId, input: { ...request, legalBasis: share.legalBasis } });
    return commands as CaseCommand[];
  }

  /** After a stored referral the form starts empty, and an empty form is not a wrong one: no errors shown. */
  private startOver(): void {
    this.formResetCallback();
    this.value = this.emptyValue();
  }

  // ---- status and conferences ----------------------------------------------------------------------

  private openStatus(referral: ProviderReferral): void {
    this.statusFor = referral.id;
    this.statusDraft = { status: referral.status, on: this.day, note: '' };
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[part~="status-panel"] h4')?.focus(),
    );
  }

  private async saveStatus(): Promise<void> {
    if (!this.statusFor) return;
    const d = this.statusDraft;
    const detail: ReferralStatusDetail = {
      providerReferralId: this.statusFor,
      status: d.status,
      on: d.on || undefined,
      ...(d.note.trim() ? { note: d.note.trim() } : {}),
    } as ReferralStatusDetail;
    const outcome = await this.runSideAction(new FkStatusEvent(detail), {
      type: 'updateReferralStatus',
      caseId: this.connection.caseId,
      input: detail,
    });
    if (outcome === 'cancelled' || outcome === 'refused') return;
    this.statusFor = undefined;
    this.announcer.announce(this.i18n.t('referrals.statusSaved'));
  }

  private async saveConference(): Promise<void> {
    const c = this.conference;
    const participants = lines(c.participants).map((line) => {
      const [name, ...role] = line.split(',');
      const r = role.join(',').trim();
      return r ? { name: name!.trim(), role: r } : { name: name!.trim() };
    });
    if (!c.topic.trim() || participants.length === 0) {
      this.conferenceError = this.i18n.t('referrals.conference.incomplete');
      return;
    }
    const detail: CaseConferenceDetail = {
      heldOn: c.heldOn || undefined,
      participants,
      topic: c.topic.trim(),
      decisions: lines(c.decisions),
      ...(c.nextConferenceOn ? { nextConferenceOn: c.nextConferenceOn } : {}),
    } as CaseConferenceDetail;
    const outcome = await this.runSideAction(new FkConferenceEvent(detail), {
      type: 'holdCaseConference',
      caseId: this.connection.caseId,
      input: detail,
    });
    if (outcome === 'cancelled' || outcome === 'refused') return;
    this.conference = { heldOn: todayIso(), topic: '', participants: '', decisions: '', nextConferenceOn: '' };
    this.conferenceError = undefined;
    this.announcer.announce(this.i18n.t('referrals.conference.saved'));
  }

  // ---- rendering ------------------------------------------------------------------------------------

  private renderReferral(item: ProviderReferral | RedactionMarker, index: number) {
    const t = this.i18n;
    if (isRedactionMarker(item)) {
      return html`<li class="card" part="referral">
        <fk-redacted label=${t.t('referrals.list')} .marker=${item}></fk-redacted>
      </li>`;
    }
    const r = item;
    const f = r.feedback;
    const feedback = f?.agreed
      ? [
          f.description,
          f.intervalDays ? t.t('referrals.feedbackEvery', { days: f.intervalDays }) : '',
          f.nextFeedbackOn ? t.t('referrals.feedbackNext', { date: t.date(f.nextFeedbackOn) }) : '',
        ]
          .filter(Boolean)
          .join(', ')
      : undefined;
    const editable = !this.readonly && !this.isDisabled;
    return html`<li class="card" part="referral" data-referral=${r.id} data-index=${index}>
      <div class="card-head">
        <p class="card-title">${r.provider.name}</p>
        <span class="badge ${STATUS_CLASS[r.status]}" part="referral-status"
          >${t.t(`referrals.status.${r.status}`)}</span
        >
      </div>
      <p>${r.purpose}</p>
      <p class="fk-hint">
        ${t.t('referrals.referredOn', { date: t.date(r.referredOn) })}${r.provider.contactPerson ? ` · ${r.provider.contactPerson}` : ''}
      </p>
      ${
        feedback !== undefined
          ? html`<p class="fk-hint">${t.t('referrals.feedbackAgreed', { description: feedback })}</p>`
          : html`<p class="fk-feedback fk-feedback--warning">
              <span class="fk-feedback__icon" aria-hidden="true">i</span>${t.t('referrals.feedbackNone')}
            </p>`
      }
      ${
        r.statusHistory?.length
          ? html`<details>
              <summary>${t.t('referrals.history')}</summary>
              <ol class="history" part="history">
                ${r.statusHistory.map((h) => html`<li>${t.date(h.on)}: ${t.t(`referrals.status.${h.status}`)}${h.note ? ` – ${h.note}` : ''}</li>`)}
              </ol>
            </details>`
          : nothing
      }
      ${
        editable && this.statusFor !== r.id
          ? html`<div class="actions">
              <button
                type="button"
                class="fk-button fk-button--small"
                aria-label=${t.t('referrals.changeStatusLabel', { provider: r.provider.name })}
                @click=${() => this.openStatus(r)}
              >
                ${t.t('referrals.changeStatus')}
              </button>
            </div>`
          : nothing
      }
      ${this.statusFor === r.id ? this.renderStatusPanel() : nothing}
    </li>`;
  }

  private renderStatusPanel() {
    const t = this.i18n;
    const d = this.statusDraft;
    return html`<div class="section section--quiet" part="status-panel">
      <h4 tabindex="-1">${t.t('referrals.changeStatus')}</h4>
      <div class="pair">
        <fk-select
          label=${t.t('referrals.newStatus')}
          .options=${PROVIDER_REFERRAL_STATUSES.map((s) => ({ value: s, label: t.t(`referrals.status.${s}`) }))}
          .value=${d.status}
          @change=${(e: Event) => (this.statusDraft = { ...d, status: (e.target as HTMLSelectElement).value as ProviderReferralStatus })}
        ></fk-select>
        <fk-date-field
          label=${t.t('referrals.statusOn')}
          .value=${d.on}
          @change=${(e: Event) => (this.statusDraft = { ...d, on: (e.target as HTMLInputElement).value })}
        ></fk-date-field>
      </div>
      <fk-textarea
        label=${t.t('referrals.statusNote')}
        rows="2"
        .value=${d.note}
        @input=${(e: Event) => (this.statusDraft = { ...this.statusDraft, note: (e.target as HTMLTextAreaElement).value })}
      ></fk-textarea>
      <div class="actions">
        <button
          type="button"
          class="fk-button fk-button--primary"
          ?disabled=${this.connection.pending}
          @click=${() => this.saveStatus()}
        >
          ${t.t('referrals.statusSave')}
        </button>
        <button type="button" class="fk-button" @click=${() => (this.statusFor = undefined)}>
          ${t.t('referrals.cancel')}
        </button>
      </div>
    </div>`;
  }

  /**
   * There is no consent covering the provider: asks the host to open the consent form for it
   * (`fk-consent-needed`, the recipient and the purpose that would cover the referral). The host
   * decides where the consent manager is; nothing is recorded here.
   */
  private askForConsent(): void {
    const v = this.value;
    this.dispatchEvent(
      new FkConsentNeededEvent({
        recipient: { agencyId: this.agencyId, name: v.provider?.name?.trim() ?? '' },
        purposes: [v.measureId ? `measureDelivery:${v.measureId}` : 'measureDelivery'],
        categories: [...(v.share?.categories ?? [])],
      }),
    );
  }

  private renderShare() {
    const t = this.i18n;
    const v = this.value;
    const share = v.share ?? { categories: [] };
    const provider = v.provider?.name?.trim() || t.t('referrals.provider');
    const consents = this.consents.filter((c) => coversAgency(c, this.agencyId, this.day));
    const options = [
      { value: '', label: t.t('referrals.basis.none') },
      ...consents.map((c) => ({
        value: `consent:${c.record.id}`,
        label: t.t('referrals.basis.consent', { date: t.date(c.record.validFrom), until: t.date(c.record.validUntil) }),
      })),
      { value: 'sgb10_69', label: t.t('referrals.basis.sgb10_69') },
    ];
    return html`<section class="section section--quiet" part="share" aria-labelledby="share-heading">
      <h4 id="share-heading">${t.t('referrals.share')}</h4>
      <p class="fk-hint">${t.t('referrals.shareLead')}</p>
      <fk-checkbox-group
        data-path="share.categories"
        label=${t.t('referrals.shareCategories')}
        inline
        .options=${DATA_CATEGORIES.map((c) => ({ value: c, label: t.text(CATEGORY_LABELS[c]) }))}
        .value=${share.categories}
        .warning=${this.warningAt('share')}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        @change=${(e: Event) => this.setField('share', { ...share, categories: [...(e.target as HTMLElement & { value: DataCategory[] }).value] })}
      ></fk-checkbox-group>
      <fk-radio-group
        data-path="share.legalBasis"
        label=${t.t('referrals.basis')}
        hint=${consents.length === 0 && v.provider?.name?.trim() ? t.t('referrals.noConsent', { provider }) : nothing}
        .options=${options}
        .value=${share.legalBasis ?? ''}
        .error=${this.errorAt('share.legalBasis')}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        @change=${(e: Event) => {
          const basis = (e.target as HTMLInputElement).value;
          this.setField(
            'share',
            basis ? { ...share, legalBasis: basis } : { categories: basis === '' ? [] : share.categories },
          );
        }}
      ></fk-radio-group>
      ${
        consents.length === 0 && v.provider?.name?.trim() && !this.readonly && !this.isDisabled
          ? html`<p class="actions">
              <button type="button" class="fk-button" part="consent-needed" @click=${() => this.askForConsent()}>
                ${t.t('referrals.addConsent', { provider })}
              </button>
            </p>`
          : nothing
      }
      ${renderTransferPreview(this.preview, this.i18n as never, { recipient: provider, basis: share.legalBasis, basisLabel: this.basisLabel, selected: share.categories })}
    </section>`;
  }

  /** Choosing the provider from the host's directory by name; "not in the directory" lets the user type one. */
  private renderProviderChoice() {
    const t = this.i18n;
    const v = this.value;
    const chosen = this.directory.find(v.provider?.agencyId);
    const other = this.providerOutsideDirectory && chosen === undefined;
    const providers = [...this.directory.of('provider'), ...this.directory.of('agency')];
    return html`<div class="pair">
      <fk-select
        data-path=${other ? 'provider.directory' : 'provider.name'}
        label=${t.t('referrals.provider')}
        hint=${chosen?.offers ?? nothing}
        required
        placeholder=${t.t('referrals.directory.pick')}
        .options=${[
          ...providers.map((e) => ({ value: e.agencyId, label: e.name })),
          { value: OUTSIDE_DIRECTORY, label: t.t('referrals.directory.other') },
        ]}
        .value=${other ? OUTSIDE_DIRECTORY : (chosen?.agencyId ?? '')}
        .error=${other ? undefined : this.errorAt('provider.name')}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        @change=${(e: Event) => this.chooseProvider((e.target as HTMLSelectElement).value)}
      ></fk-select>
      ${
        other
          ? html`<fk-text-field
              data-path="provider.name"
              label=${t.t('referrals.directory.otherName')}
              required
              .value=${v.provider?.name ?? ''}
              .error=${this.errorAt('provider.name')}
              ?disabled=${this.isDisabled}
              ?readonly=${this.readonly}
              @input=${(e: Event) => this.setValue({ ...this.value, provider: { name: (e.target as HTMLInputElement).value } }, 'provider.name')}
            ></fk-text-field>`
          : nothing
      }
      <fk-text-field
        data-path="provider.contactPerson"
        label=${t.t('referrals.contactPerson')}
        .value=${v.provider?.contactPerson ?? ''}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        @input=${(e: Event) => this.setField('provider.contactPerson', (e.target as HTMLInputElement).value || undefined)}
      ></fk-text-field>
    </div>`;
  }

  private chooseProvider(agencyId: string): void {
    this.providerOutsideDirectory = agencyId === OUTSIDE_DIRECTORY;
    const entry = this.directory.find(agencyId);
    const provider = entry
      ? {
          name: entry.name,
          agencyId: entry.agencyId,
          ...(entry.contactPerson ? { contactPerson: entry.contactPerson } : {}),
        }
      : { name: '' };
    this.setValue({ ...this.value, provider }, 'provider.name');
  }

  private renderDraft() {
    const t = this.i18n;
    const v = this.value;
    const f = v.feedback ?? { agreed: false };
    const common = { disabled: this.isDisabled, readonly: this.readonly };
    return html`<section class="section" part="draft" aria-labelledby="draft-heading">
      <h3 id="draft-heading">${t.t('referrals.new')}</h3>
      ${
        this.directory.entries.length
          ? this.renderProviderChoice()
          : html` <div class="pair">
              <fk-text-field
                data-path="provider.name"
                label=${t.t('referrals.provider')}
                required
                .value=${v.provider?.name ?? ''}
                .error=${this.errorAt('provider.name')}
                ?disabled=${common.disabled}
                ?readonly=${common.readonly}
                @input=${(e: Event) => this.setField('provider.name', (e.target as HTMLInputElement).value)}
              ></fk-text-field>
              <fk-text-field
                data-path="provider.contactPerson"
                label=${t.t('referrals.contactPerson')}
                .value=${v.provider?.contactPerson ?? ''}
                ?disabled=${common.disabled}
                ?readonly=${common.readonly}
                @input=${(e: Event) => this.setField('provider.contactPerson', (e.target as HTMLInputElement).value || undefined)}
              ></fk-text-field>
            </div>`
      }
      <div class="pair">
        ${
          this.directory.entries.length
            ? nothing
            : html` <fk-text-field
                data-path="provider.agencyId"
                label=${t.t('referrals.providerAgency')}
                hint=${t.t('referrals.providerAgencyHint')}
                .value=${v.provider?.agencyId ?? ''}
                ?disabled=${common.disabled}
                ?readonly=${common.readonly}
                @input=${(e: Event) => this.setField('provider.agencyId', (e.target as HTMLInputElement).value || undefined)}
              ></fk-text-field>`
        }
        <fk-select
          data-path="measureId"
          label=${t.t('referrals.measure')}
          .options=${[{ value: '', label: t.t('referrals.noMeasure') }, ...this.measures.map((m) => ({ value: m.id, label: m.title }))]}
          .value=${v.measureId ?? ''}
          ?disabled=${common.disabled}
          ?readonly=${common.readonly}
          @change=${(e: Event) => this.setField('measureId', (e.target as HTMLSelectElement).value || undefined)}
        ></fk-select>
      </div>
      <fk-textarea
        data-path="purpose"
        label=${t.t('referrals.purpose')}
        hint=${t.t('referrals.purposeHint')}
        required
        rows="2"
        .value=${v.purpose ?? ''}
        .error=${this.errorAt('purpose')}
        ?disabled=${common.disabled}
        ?readonly=${common.readonly}
        @input=${(e: Event) => this.setField('purpose', (e.target as HTMLTextAreaElement).value)}
      ></fk-textarea>
      <div class="pair">
        <fk-textarea
          data-path="modalities"
          label=${t.t('referrals.modalities')}
          rows="2"
          .value=${v.modalities ?? ''}
          ?disabled=${common.disabled}
          ?readonly=${common.readonly}
          @input=${(e: Event) => this.setField('modalities', (e.target as HTMLTextAreaElement).value)}
        ></fk-textarea>
        <fk-date-field
          data-path="referredOn"
          label=${t.t('referrals.on')}
          .value=${v.referredOn ?? ''}
          .error=${this.errorAt('referredOn')}
          ?disabled=${common.disabled}
          ?readonly=${common.readonly}
          @change=${(e: Event) => this.setField('referredOn', (e.target as HTMLInputElement).value || undefined)}
        ></fk-date-field>
      </div>
      <h4>${t.t('referrals.feedback')}</h4>
      <fk-checkbox
        data-path="feedback.agreed"
        label=${t.t('referrals.feedbackAgreedLabel')}
        .checked=${f.agreed}
        .warning=${this.warningAt('feedback.agreed')}
        ?disabled=${common.disabled}
        ?readonly=${common.readonly}
        @change=${(e: Event) => this.setField('feedback.agreed', (e.target as HTMLInputElement).checked)}
      ></fk-checkbox>
      ${
        f.agreed
          ? html`<fk-text-field
                data-path="feedback.description"
                label=${t.t('referrals.feedbackDescription')}
                .value=${f.description ?? ''}
                ?disabled=${common.disabled}
                ?readonly=${common.readonly}
                @input=${(e: Event) => this.setField('feedback.description', (e.target as HTMLInputElement).value)}
              ></fk-text-field>
              <div class="pair">
                <fk-text-field
                  data-path="feedback.intervalDays"
                  label=${t.t('referrals.feedbackInterval')}
                  .value=${f.intervalDays === undefined ? '' : String(f.intervalDays)}
                  .error=${this.errorAt('feedback.intervalDays')}
                  ?disabled=${common.disabled}
                  ?readonly=${common.readonly}
                  @input=${(e: Event) => {
                    const raw = (e.target as HTMLInputElement).value.trim();
                    this.setField('feedback.intervalDays', raw === '' ? undefined : Number(raw));
                  }}
                ></fk-text-field>
                <fk-date-field
                  data-path="feedback.nextFeedbackOn"
                  label=${t.t('referrals.feedbackNextOn')}
                  .value=${f.nextFeedbackOn ?? ''}
                  ?disabled=${common.disabled}
                  ?readonly=${common.readonly}
                  @change=${(e: Event) => this.setField('feedback.nextFeedbackOn', (e.target as HTMLInputElement).value || undefined)}
                ></fk-date-field>
              </div>`
          : nothing
      }
      ${this.renderShare()}
      ${
        this.readonly || this.isDisabled
          ? nothing
          : html`<div class="actions actions--end">${this.renderSubmitButton(t.t('referrals.save'))}</div>`
      }
    </section>`;
  }

  private renderConferences() {
    const t = this.i18n;
    const c = this.conference;
    const editable = !this.readonly && !this.isDisabled;
    return html`<section class="section" part="conferences" aria-labelledby="conf-heading">
      <h3 id="conf-heading">${t.t('referrals.conferences')}</h3>
      ${
        this.conferences.length === 0
          ? html`<p class="fk-hint">${t.t('referrals.conferencesEmpty')}</p>`
          : html`<ul class="plain cards">
              ${this.conferences.map((k) =>
                isRedactionMarker(k)
                  ? html`<li class="card">
                      <fk-redacted label=${t.t('referrals.conferences')} .marker=${k}></fk-redacted>
                    </li>`
                  : html`<li class="card">
                      <p class="card-title">
                        ${k.topic}
                        <span class="fk-hint">${t.t('referrals.conference.heldOn', { date: t.date(k.heldOn) })}</span>
                      </p>
                      <p>
                        <strong>${t.t('referrals.conference.participants')}:</strong>
                        ${t.list(k.participants.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)))}
                      </p>
                      ${
                        k.decisions.length
                          ? html`<p><strong>${t.t('referrals.conference.decisions')}:</strong></p>
                              <ul>
                                ${k.decisions.map((d) => html`<li>${d}</li>`)}
                              </ul>`
                          : nothing
                      }
                      ${k.nextConferenceOn ? html`<p class="fk-hint">${t.t('referrals.conference.next', { date: t.date(k.nextConferenceOn) })}</p>` : nothing}
                    </li>`,
              )}
            </ul>`
      }
      ${
        editable
          ? html`<details>
              <summary>${t.t('referrals.conference.new')}</summary>
              <div class="form">
                <div class="pair">
                  <fk-text-field
                    label=${t.t('referrals.conference.topic')}
                    required
                    .value=${c.topic}
                    .error=${this.conferenceError}
                    @input=${(e: Event) => (this.conference = { ...this.conference, topic: (e.target as HTMLInputElement).value })}
                  ></fk-text-field>
                  <fk-date-field
                    label=${t.t('referrals.conference.date')}
                    .value=${c.heldOn}
                    @change=${(e: Event) => (this.conference = { ...this.conference, heldOn: (e.target as HTMLInputElement).value })}
                  ></fk-date-field>
                </div>
                <fk-textarea
                  label=${t.t('referrals.conference.participantsInput')}
                  required
                  rows="3"
                  .value=${c.participants}
                  @input=${(e: Event) => (this.conference = { ...this.conference, participants: (e.target as HTMLTextAreaElement).value })}
                ></fk-textarea>
                <fk-textarea
                  label=${t.t('referrals.conference.decisionsInput')}
                  rows="3"
                  .value=${c.decisions}
                  @input=${(e: Event) => (this.conference = { ...this.conference, decisions: (e.target as HTMLTextAreaElement).value })}
                ></fk-textarea>
                <fk-date-field
                  label=${t.t('referrals.conference.nextOn')}
                  .value=${c.nextConferenceOn}
                  @change=${(e: Event) => (this.conference = { ...this.conference, nextConferenceOn: (e.target as HTMLInputElement).value })}
                ></fk-date-field>
                <div class="actions">
                  <button
                    type="button"
                    class="fk-button"
                    part="conference-submit"
                    ?disabled=${this.connection.pending}
                    @click=${() => this.saveConference()}
                  >
                    ${t.t('referrals.conference.save')}
                  </button>
                </div>
              </div>
            </details>`
          : nothing
      }
    </section>`;
  }

  override render() {
    const t = this.i18n;
    return html`<div class="form" part="form">
      <div class="head" part="header"><h2>${t.t('referrals.title')}</h2></div>
      <p class="lead">${t.t('referrals.lead')}</p>
      ${this.renderRemoteChanged(t.t('referrals.changedElsewhere'), t.t('referrals.adoptRemote'))}
      ${this.renderRefusals()}
      <section class="section" part="list" aria-labelledby="list-heading">
        <h3 id="list-heading">${t.t('referrals.list')}</h3>
        ${
          this.referrals.length === 0
            ? html`<p class="fk-hint">${t.t('referrals.empty')}</p>`
            : html`<ul class="plain cards">
                ${repeat(
                  this.referrals,
                  (r, i) => (isRedactionMarker(r) ? `m${i}` : r.id),
                  (r, i) => this.renderReferral(r, i),
                )}
              </ul>`
        }
      </section>
      ${offers(this.issuable, 'referToProvider') ? this.renderDraft() : html`<p class="fk-hint" part="view-only">${t.t('referrals.viewOnly')}</p>`}
      ${this.renderConferences()} ${this.renderStatus()}
    </div>`;
  }
}
