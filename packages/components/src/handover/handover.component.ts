import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  changeLeadAgencyInput,
  type AccessNotice,
  type CaseCommand,
  type CaseState,
  type DataCategory,
  type Handover,
  type LeadAgencyPeriod,
  type RedactionMarker,
} from '@fallkit/core';
import type { FkConfirmDialog } from '../dialogs/confirm-dialog.component.js';
import { issuableOf, offers, type Issuable } from '../shared/may-issue.js';
import { DirectoryController } from '../directory/directory.js';
import { FkFormElement } from '../base/form-element.js';
import type { Validator } from '../base/validator.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import { todayIso } from '../base/parts-schema.js';
import { consentsOfView, type ConsentStateLike, type TransferPreviewer } from '../shared/privacy-shapes.js';
import { agencyIdFromName } from '../referrals/referrals.component.js';
import { TransferPreviewLoader } from '../shared/transfer-preview/transfer-preview.loader.js';
import type { PreviewState } from '../shared/transfer-preview/transfer-preview.view.js';
import { handoverMessages } from './handover.messages.js';
import { handoverStyles } from './handover.styles.js';
import {
  DEFAULT_PACKET_CATEGORIES,
  handoverValidators,
  keepsContinuingRole,
  participantsFromText,
  type HandoverData,
  type HandoverValue,
} from './handover.schema.js';
import { accessNotices, currentLead, type HandoverView } from './handover.view.js';
import { assignQuestion, basisLabel, domainLabel, handoverQuestion, transferRequestOf } from './handover.model.js';
import { variantSection } from './variant.view.js';
import { agencySection } from './agency.view.js';
import { conferenceSection } from './conference.view.js';
import { consentCheckSection, packetSection } from './transfer.view.js';
import {
  assignmentCandidates,
  assignmentDetail,
  assignmentSection,
  type Assignee,
  type AssignmentView,
} from './assignment.view.js';
import { FkAssignEvent } from '../events/fk-assign.js';

export { DEFAULT_PACKET_CATEGORIES } from './handover.schema.js';
export type { HandoverData, HandoverValue } from './handover.schema.js';
export type { Assignee, AssignmentDetail } from './assignment.view.js';

/**
 * Rechtskreiswechsel (DOMAIN.md 3): when responsibility moves (AsylbLG → SGB II after a residence
 * permit), records which of the three ways applies (warm handover with a cooperation agreement; the
 * municipality as contractor of the new lead; the municipality covering further needs such as
 * § 16a SGB II while the other agency leads), the receiving agency, the legal domain, from when it
 * leads, the handover conversation and what the municipality keeps doing. The consent check shows
 * which consent covers the receiving agency, and the data packet preview shows what it would get and
 * what stays behind, with reasons (DP-14, DP-16, DP-17, DP-24), before anything is recorded.
 *
 * Standalone: `value` is the input of `changeLeadAgency`; `fk-submit` carries it parsed; set
 * `consents` and `previewer`. Connected: shows the current lead and earlier handovers, takes consents
 * from a view that carries them, previews through the service's `previewTransfer` where it has one,
 * saves with `changeLeadAgency`.
 *
 * @tagname fk-handover
 * @summary Change of lead agency in three variants, handover conversation, consent check and data packet preview.
 *
 * @event change - The user changed the value. `detail: { value, valid }`.
 * @event fk-submit - Valid data to save. `detail`: the parsed `changeLeadAgency` input. Cancelable.
 * @event fk-saved - Connected save succeeded.
 * @event fk-refused - Connected save refused; `detail: { errors, value }`; the typed text stays.
 * @event fk-assign - The user confirmed naming a case manager; `detail`: the `assignCaseManager` input. Cancelable.
 *
 * @csspart assignment - Naming the case manager of the lead agency (after a handover), with its confirmation.
 * @csspart assign - The button that asks to name the chosen case manager.
 * @csspart assign-done - The visible confirmation of a stored assignment.
 * @csspart access-notice - The core's notice that the actor's own access ends soon or continues after a handover (HO-4).
 * @csspart view-only - The sentence shown instead of a form when the core says the actor may not record here (DP-40).
 * @csspart form - The outer container.
 * @csspart current-lead - The current lead agency line.
 * @csspart variant - The choice of variant.
 * @csspart agency - Receiving agency, legal domains, date, reason.
 * @csspart conference - The handover conversation.
 * @csspart consent-check - The consent check.
 * @csspart packet - The data packet section.
 * @csspart preview - The data packet preview.
 * @csspart preview-send - What the receiving agency would get.
 * @csspart preview-withheld - What stays behind, with reasons.
 * @csspart submit - The save button.
 * @csspart status - The live region.
 * @csspart refusals - Refusals of the last save.
 *
 * @cssproperty --fk-color-info - Edge of the data packet preview.
 *
 * @cssstate user-invalid - Invalid after interaction.
 * @cssstate dirty - Unsaved changes.
 */
export class FkHandover extends FkFormElement<HandoverValue, HandoverData, CaseState, CaseCommand> {
  static override catalog = handoverMessages;

  constructor() {
    super();
    this.addEventListener('fk-saved', (e) => {
      if (e.target === this) this.startOver();
    });
  }

  static override styles = handoverStyles;

  declare protected readonly i18n: LocalizeController<typeof handoverMessages.de>;
  protected override schema = changeLeadAgencyInput;

  /** Consents on record (connected: from a view that carries them). */
  @property({ attribute: false }) consents: readonly ConsentStateLike[] = [];

  /** What the core says this actor may issue (DP-40); `undefined` when the view does not say. */
  @state() private issuable: Issuable;

  /** Notices about the actor's own access, as the core decided them (connected: the view's `accessNotices`, HO-4). */
  @property({ attribute: false }) accessNotices: readonly AccessNotice[] = [];

  /** The lead agency periods so far (connected: from the case). */
  @property({ attribute: false }) leadAgencies: readonly LeadAgencyPeriod[] = [];

  /** Earlier handovers (connected: from the case). */
  @property({ attribute: false }) handovers: readonly (Handover | RedactionMarker)[] = [];

  /** Categories the data packet is checked for. */
  @property({ attribute: false }) packetCategories: readonly DataCategory[] = DEFAULT_PACKET_CATEGORIES;

  /** Computes a transfer preview (e.g. the core's `previewTransfer` bound to case, actor and clock). */
  @property({ attribute: false }) previewer?: TransferPreviewer;

  /**
   * Staff who may take over the case as its case manager (the host's staff list). Those of the lead
   * agency in force are offered under "Fallverantwortung übertragen"; the choice is confirmed in a dialog
   * that says, in the core's words, who gets the case and who loses access when; the core decides the
   * write (`assignCaseManager`, DP-23, DP-40).
   */
  @property({ attribute: false }) assignees: readonly Assignee[] = [];

  @state() private assignTo = '';
  @state() private assignDone: string | undefined;
  /** The case as the actor's view shows it (connected): what the assignment's consequences are read from. */
  @state() private caseState: CaseState | undefined;

  /** Today as ISO date (consent validity); defaults to the browser's date. */
  @property() today?: string;

  @state() private preview: PreviewState = { kind: 'empty' };
  @state() private participantsText = '';

  /**
   * Variant 1 together with variant 3: a warm handover while the municipality keeps covering needs
   * beyond the new lead's remit (DOMAIN.md 3). The core takes it as a warm handover with a
   * `continuingRole`.
   */
  @state() private alsoCoversFurtherNeeds = false;

  /** Whether the value keeps a continuing role: variants 2 and 3, or 1 together with 3. */
  private get keepsRole(): boolean {
    return keepsContinuingRole(this.value, this.alsoCoversFurtherNeeds);
  }
  private agencyIdTouched = false;

  /** The host's directory (`<fk-directory>`): the receiving agency is chosen by name. */
  private readonly directory = new DirectoryController(this);
  private readonly previewLoader = new TransferPreviewLoader(this, (state) => {
    this.preview = state;
  });

  private get day(): string {
    return this.today ?? todayIso();
  }

  protected override emptyValue(): HandoverValue {
    return { to: { agencyId: '', name: '' }, legalDomain: 'SGB_II', effectiveFrom: todayIso(), reason: '' };
  }

  protected override validators(): readonly Validator<HandoverValue>[] {
    return handoverValidators(() => this.alsoCoversFurtherNeeds);
  }

  protected override output(): HandoverData {
    const v = this.value;
    const { continuingRole: _role, ...rest } = v;
    const parsed = changeLeadAgencyInput.safeParse(this.keepsRole ? v : rest);
    return (parsed.success ? parsed.data : v) as HandoverData;
  }

  // ---- preview --------------------------------------------------------------------------------------

  // In willUpdate, not updated: the loader sets the preview state synchronously ("loading", "empty"),
  // and state set there joins the pending render instead of scheduling a second update.
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.previewLoader.refresh(
      transferRequestOf(this.value, this.packetCategories),
      this.previewer,
      this.connection,
      changed.has('previewer'),
    );
  }

  private basisLabel = (basis: string | undefined): string => basisLabel(this.i18n, basis);

  // ---- connected mode ----------------------------------------------------------------------------

  protected override valueFromView(view: CaseState): HandoverValue | undefined {
    this.issuable = issuableOf(view);
    this.caseState = view;
    this.accessNotices = (view as { accessNotices?: readonly AccessNotice[] }).accessNotices ?? [];
    this.leadAgencies = view.leadAgencies ?? [];
    this.handovers = view.handovers ?? [];
    const fromView = consentsOfView(view);
    if (fromView.consents) this.consents = fromView.consents;
    return undefined;
  }

  /** Whether a submit now would go on to save: valid and without blocking feedback (as the base decides). */
  private readyToSave(): boolean {
    // The last save's refusals are not this submit's: the base clears them too before it decides.
    this.connection.clearRefusals();
    return this.checkValidity() && !this.feedback.some((f) => f.type === 'error');
  }

  // A change of lead agency cannot be taken back: a valid handover is confirmed in a dialog that names
  // the receiving agency, the day and what the own agency keeps doing, before it is saved (connected;
  // standalone, the host decides what `fk-submit` does).
  override async requestSubmit(): Promise<boolean> {
    if (this.connection.connected && !this.isDisabled && this.readyToSave()) {
      const dialog = this.renderRoot.querySelector<FkConfirmDialog>('fk-confirm-dialog');
      const confirmed = await dialog?.ask(handoverQuestion(this.i18n, this.value, this.keepsRole, this.day));
      if (!confirmed) return false;
    }
    return super.requestSubmit();
  }

  // ---- naming the case manager ------------------------------------------------------------------------

  /** The assignment section's reads and actions (offered only where the core lets the actor assign). */
  private assignmentView(): AssignmentView {
    const candidates =
      offers(this.issuable, 'assignCaseManager') && !this.readonly && !this.isDisabled
        ? assignmentCandidates(this.assignees, this.caseState, this.day)
        : [];
    return {
      t: this.i18n,
      candidates,
      chosen: candidates.some((c) => c.userId === this.assignTo) ? this.assignTo : (candidates[0]?.userId ?? ''),
      pending: this.connection.pending,
      done: this.assignDone,
      choose: (userId) => {
        this.assignTo = userId;
        this.assignDone = undefined;
      },
      assign: () => void this.assign(candidates),
    };
  }

  // Naming a case manager cannot be taken back (a new one can only follow): it is confirmed in the same
  // dialog as the handover, with the core's sentences of who gets the case and who loses access when.
  private async assign(candidates: readonly Assignee[]): Promise<void> {
    const t = this.i18n;
    const chosen = candidates.find((c) => c.userId === this.assignTo) ?? candidates[0];
    if (!chosen) return;
    const detail = assignmentDetail(chosen, this.caseState, this.day);
    const dialog = this.renderRoot.querySelector<FkConfirmDialog>('fk-confirm-dialog');
    const confirmed = await dialog?.ask(assignQuestion(t, chosen, detail, this.caseState, this.day));
    if (!confirmed) return;
    const outcome = await this.runSideAction(new FkAssignEvent(detail), {
      type: 'assignCaseManager',
      caseId: this.connection.caseId,
      input: detail,
    });
    if (outcome === 'cancelled' || outcome === 'refused') return;
    this.assignDone = t.t('assign.done', { name: chosen.name });
    this.announcer.announce(this.assignDone);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="assign-done"]')?.focus();
  }

  protected override commandsFor(data: HandoverData): CaseCommand {
    return { type: 'changeLeadAgency', caseId: this.connection.caseId, input: data };
  }

  /** After a stored handover the form starts empty, and an empty form is not a wrong one: no errors shown. */
  private startOver(): void {
    this.formResetCallback();
    this.value = this.emptyValue();
    this.participantsText = '';
    this.alsoCoversFurtherNeeds = false;
    this.agencyIdTouched = false;
  }

  // ---- edits ----------------------------------------------------------------------------------------

  private setAgencyName(name: string): void {
    const to = { ...this.value.to, name };
    if (!this.agencyIdTouched) to.agencyId = agencyIdFromName(name);
    this.setValue({ ...this.value, to }, 'to.name');
  }

  private pickAgency(agencyId: string): void {
    const entry = this.directory.find(agencyId);
    this.agencyIdTouched = entry !== undefined;
    this.setValue(
      { ...this.value, to: entry ? { agencyId: entry.agencyId, name: entry.name } : { agencyId: '', name: '' } },
      'to.name',
    );
  }

  private toggleConference(on: boolean): void {
    if (on) this.setValue({ ...this.value, conference: { heldOn: this.day, participants: [] } }, 'conference');
    else {
      const { conference: _drop, ...rest } = this.value;
      this.participantsText = '';
      this.setValue(rest as HandoverValue, 'conference');
    }
  }

  private setParticipants(text: string): void {
    this.participantsText = text;
    this.setField('conference.participants', participantsFromText(text));
  }

  // ---- rendering ------------------------------------------------------------------------------------

  /** What the section views read and may do (see `handover.view.ts`). */
  private view(): HandoverView {
    return {
      t: this.i18n,
      value: this.value,
      disabled: this.isDisabled,
      readonly: this.readonly,
      today: this.day,
      keepsRole: this.keepsRole,
      alsoCoversFurtherNeeds: this.alsoCoversFurtherNeeds,
      participantsText: this.participantsText,
      consents: this.consents,
      accessNotices: this.accessNotices,
      leadAgencies: this.leadAgencies,
      handovers: this.handovers,
      packetCategories: this.packetCategories,
      preview: this.preview,
      directory: this.directory,
      field: (path, options) => this.fieldAt(path, options),
      errorAt: (path) => this.errorAt(path),
      warningAt: (path) => this.warningAt(path),
      setField: (path, value) => this.setField(path, value),
      pickAgency: (agencyId) => this.pickAgency(agencyId),
      setAgencyName: (name) => this.setAgencyName(name),
      setAgencyId: (agencyId) => {
        this.agencyIdTouched = true;
        this.setField('to.agencyId', agencyId);
      },
      setAlsoCoversFurtherNeeds: (on) => {
        this.alsoCoversFurtherNeeds = on;
        this.setValue({ ...this.value }, 'continuingRole');
      },
      toggleConference: (on) => this.toggleConference(on),
      setParticipants: (text) => this.setParticipants(text),
      domainLabel: (domain) => domainLabel(this.i18n, domain),
      basisLabel: this.basisLabel,
    };
  }

  override render() {
    const t = this.i18n;
    const view = this.view();
    const editable = !this.readonly && !this.isDisabled;
    if (!offers(this.issuable, 'changeLeadAgency'))
      return html`<div class="form" part="form">
        <div class="head" part="header"><h2>${t.t('handover.title')}</h2></div>
        ${currentLead(view)} ${accessNotices(view)}
        <p class="fk-hint" part="view-only">${t.t('handover.viewOnly')}</p>
        ${this.renderRefusals()} ${assignmentSection(this.assignmentView())}
        <fk-confirm-dialog></fk-confirm-dialog>
      </div>`;
    return html`<div class="form" part="form">
      <div class="head" part="header"><h2>${t.t('handover.title')}</h2></div>
      ${accessNotices(view)} ${editable ? html`<p class="lead">${t.t('handover.lead')}</p>` : nothing}
      ${currentLead(view)} ${this.renderRemoteChanged(t.t('handover.changedElsewhere'), t.t('handover.adoptRemote'))}
      ${this.renderRefusals()} ${variantSection(view)} ${agencySection(view)} ${conferenceSection(view)}
      ${consentCheckSection(view)} ${packetSection(view)} ${this.renderSubmitActions(t.t('handover.save'))}
      ${this.renderStatus()}
      <!-- Below the handover's own confirmation: naming the case manager is the next step, with its own. -->
      ${assignmentSection(this.assignmentView())}
      <fk-confirm-dialog></fk-confirm-dialog>
    </div>`;
  }
}
