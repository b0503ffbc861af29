import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  isRedactionMarker,
  referToProviderInput,
  type CaseCommand,
  type CaseConference,
  type CaseState,
  type ProviderReferral,
  type RedactionMarker,
} from '@fallkit/core';
import { issuableOf, offers, type Issuable } from '../shared/may-issue.js';
import { DirectoryController } from '../directory/directory.js';
import { FkFormElement } from '../base/form-element.js';
import type { Validator } from '../base/validator.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import { todayIso } from '../base/parts-schema.js';
import { agencyIdFromName } from '../shared/agency-id.js';
import { consentsOfView, type ConsentStateLike, type TransferPreviewer } from '../shared/privacy-shapes.js';
import { TransferPreviewLoader } from '../shared/transfer-preview/transfer-preview.loader.js';
import type { PreviewState } from '../shared/transfer-preview/transfer-preview.view.js';
import { FkStatusEvent } from '../events/fk-status.js';
import { FkConsentNeededEvent } from '../events/fk-consent-needed.js';
import { FkConferenceEvent } from '../events/fk-conference.js';
import { referralsMessages } from './referrals.messages.js';
import { referralsStyles } from './referrals.styles.js';
import {
  OUTSIDE_DIRECTORY,
  conferenceDetail,
  emptyConference,
  referralPart,
  referralSchemaValidator,
  shareFeedback,
  statusDetail,
  transferRequestOf,
  type ReferralDraftData,
  type ReferralDraftValue,
  type StatusDraft,
} from './referrals.schema.js';
import type { ReferralsView } from './referrals.view.js';
import { referralList } from './referral-list.view.js';
import { draftSection } from './draft.view.js';
import { conferencesSection } from './conferences.view.js';

export { agencyIdFromName } from '../shared/agency-id.js';
export type {
  CaseConferenceDetail,
  ReferralDraftData,
  ReferralDraftValue,
  ReferralShare,
  ReferralStatusDetail,
} from './referrals.schema.js';

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

  static override styles = referralsStyles;

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
  @state() private statusDraft: StatusDraft = { status: 'accepted', on: todayIso(), note: '' };
  @state() private conference = emptyConference();
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
      { id: 'share', validate: (v) => shareFeedback(v) },
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

  private transferRequest() {
    return transferRequestOf(this.value, this.agencyId);
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
    const detail = statusDetail(this.statusFor, this.statusDraft);
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
    const detail = conferenceDetail(this.conference);
    if (!detail) {
      this.conferenceError = this.i18n.t('referrals.conference.incomplete');
      return;
    }
    const outcome = await this.runSideAction(new FkConferenceEvent(detail), {
      type: 'holdCaseConference',
      caseId: this.connection.caseId,
      input: detail,
    });
    if (outcome === 'cancelled' || outcome === 'refused') return;
    this.conference = emptyConference();
    this.conferenceError = undefined;
    this.announcer.announce(this.i18n.t('referrals.conference.saved'));
  }

  // ---- rendering ------------------------------------------------------------------------------------

  /** What the section views read and may do (see `referrals.view.ts`). */
  private sections(): ReferralsView {
    return {
      t: this.i18n,
      value: this.value,
      disabled: this.isDisabled,
      readonly: this.readonly,
      pending: this.connection.pending,
      day: this.day,
      referrals: this.referrals,
      conferences: this.conferences,
      measures: this.measures,
      consents: this.consents,
      directory: this.directory,
      outsideDirectory: this.providerOutsideDirectory,
      agencyId: this.agencyId,
      preview: this.preview,
      statusFor: this.statusFor,
      statusDraft: this.statusDraft,
      conference: this.conference,
      conferenceError: this.conferenceError,
      basisLabel: this.basisLabel,
      errorAt: (path) => this.errorAt(path),
      warningAt: (path) => this.warningAt(path),
      setField: (path, value) => this.setField(path, value),
      chooseProvider: (agencyId) => this.chooseProvider(agencyId),
      nameOtherProvider: (name) => this.setValue({ ...this.value, provider: { name } }, 'provider.name'),
      askForConsent: () => this.askForConsent(),
      openStatus: (referral) => this.openStatus(referral),
      editStatus: (patch) => (this.statusDraft = { ...this.statusDraft, ...patch }),
      saveStatus: () => void this.saveStatus(),
      cancelStatus: () => (this.statusFor = undefined),
      editConference: (patch) => (this.conference = { ...this.conference, ...patch }),
      saveConference: () => void this.saveConference(),
      submitButton: (label) => this.renderSubmitButton(label),
    };
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

  override render() {
    const t = this.i18n;
    const view = this.sections();
    return html`<div class="form" part="form">
      <div class="head" part="header"><h2>${t.t('referrals.title')}</h2></div>
      <p class="lead">${t.t('referrals.lead')}</p>
      ${this.renderRemoteChanged(t.t('referrals.changedElsewhere'), t.t('referrals.adoptRemote'))}
      ${this.renderRefusals()} ${referralList(view)}
      ${offers(this.issuable, 'referToProvider') ? draftSection(view) : html`<p class="fk-hint" part="view-only">${t.t('referrals.viewOnly')}</p>`}
      ${conferencesSection(view)} ${this.renderStatus()}
    </div>`;
  }
}
