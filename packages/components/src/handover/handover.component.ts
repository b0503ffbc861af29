import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  CATEGORY_LABELS,
  HANDOVER_VARIANTS,
  LEGAL_DOMAINS,
  changeLeadAgencyInput,
  handoverConsequences,
  isRedactionMarker,
  type AccessNotice,
  type CaseCommand,
  type CaseCommandInput,
  type CaseCommandInputIn,
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
import { agencyIdFromName } from '../referrals/referrals.component.js';
import { TransferPreviewLoader } from '../shared/transfer-preview/transfer-preview.loader.js';
import { renderTransferPreview, type PreviewState } from '../shared/transfer-preview/transfer-preview.view.js';
import { transferPreviewStyles } from '../shared/transfer-preview/transfer-preview.styles.js';
import { handoverMessages } from './handover.messages.js';

/** The value of `<fk-handover>`: the input of the core's `changeLeadAgency`. The variant starts unset. */
export type HandoverValue = Omit<CaseCommandInputIn<'changeLeadAgency'>, 'variant'> & {
  variant?: CaseCommandInputIn<'changeLeadAgency'>['variant'];
};

/** The validated data `fk-submit` carries: the parsed `changeLeadAgency` input. */
export type HandoverData = CaseCommandInput<'changeLeadAgency'>;

/** The categories a handover data packet is checked for by default: what a Jobcenter usually asks for. */
export const DEFAULT_PACKET_CATEGORIES: readonly DataCategory[] = [
  'identity',
  'contact',
  'household',
  'residenceStatus',
  'benefits',
  'income',
  'education',
  'employment',
  'housing',
  'debts',
  'goals',
  'helpPlan',
  'measures',
  'health',
  'addiction',
];

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
 *
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

  static override styles = [
    sharedStyles,
    formLayoutStyles,
    transferPreviewStyles,
    css`
      .current {
        margin: 0;
        font-weight: ${token('font-weight-strong')};
      }
      .history {
        margin: 0;
        padding-inline-start: ${token('space-l')};
        color: ${token('color-text-muted')};
        font-size: ${token('font-size-s')};
      }
    `,
  ];

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
    const variant = this.value?.variant;
    return (
      variant === 'municipalityAsContractor' ||
      variant === 'municipalityCoversFurtherNeeds' ||
      (variant === 'warmHandover' && this.alsoCoversFurtherNeeds)
    );
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
    return [
      schemaValidator<HandoverValue>(changeLeadAgencyInput),
      {
        id: 'variant-needs',
        validate: (v): Feedback[] => {
          const out: Feedback[] = [];
          if (
            (v.variant === 'municipalityAsContractor' ||
              v.variant === 'municipalityCoversFurtherNeeds' ||
              (v.variant === 'warmHandover' && this.alsoCoversFurtherNeeds)) &&
            !v.continuingRole?.trim()
          ) {
            out.push({
              type: 'error',
              code: 'CONTINUING_ROLE_MISSING',
              message: { key: 'handover.continuingRoleRequired' },
              path: ['continuingRole'],
              flag: 'valueMissing',
            });
          }
          if (v.variant === 'warmHandover' && !v.conference) {
            out.push({
              type: 'warning',
              code: 'WARM_WITHOUT_CONFERENCE',
              message: { key: 'handover.conferenceMissing' },
              path: ['conference'],
            });
          }
          return out;
        },
      },
    ];
  }

  protected override output(): HandoverData {
    const v = this.value;
    const { continuingRole: _role, ...rest } = v;
    const parsed = changeLeadAgencyInput.safeParse(this.keepsRole ? v : rest);
    return (parsed.success ? parsed.data : v) as HandoverData;
  }

  // ---- preview --------------------------------------------------------------------------------------

  private transferRequest(): TransferRequestLike | undefined {
    const to = this.value.to;
    if (!to?.name?.trim() || !to.agencyId?.trim()) return undefined;
    return {
      recipient: { agencyId: to.agencyId, name: to.name.trim(), kind: 'statutoryAgency' },
      ...(this.value.consentRef ? { legalBasis: `consent:${this.value.consentRef}` } : {}),
      purpose: 'caseManagement',
      categories: [...this.packetCategories],
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
    if (!basis) return t.t('handover.consentNoUse');
    return basis.startsWith('consent:') ? t.t('handover.basisConsent', { id: basis.slice(8) }) : basis;
  };

  // ---- connected mode ----------------------------------------------------------------------------

  protected override valueFromView(view: CaseState): HandoverValue | undefined {
    this.issuable = issuableOf(view);
    this.accessNotices = (view as { accessNotices?: readonly AccessNotice[] }).accessNotices ?? [];
    this.leadAgencies = view.leadAgencies ?? [];
    this.handovers = view.handovers ?? [];
    const fromView = consentsOfView(view);
    if (fromView.consents) this.consents = fromView.consents;
    return undefined;
  }

  /**
   * A change of lead agency cannot be taken back: a valid handover is confirmed in a dialog that names
   * the receiving agency, the day and what the own agency keeps doing, before it is saved (connected;
   * standalone, the host decides what `fk-submit` does).
   */
  /** Whether a submit now would go on to save: valid and without blocking feedback (as the base decides). */
  private readyToSave(): boolean {
    // The last save's refusals are not this submit's: the base clears them too before it decides.
    this.connection.clearRefusals();
    return this.checkValidity() && !this.feedback.some((f) => f.type === 'error');
  }

  override async requestSubmit(): Promise<boolean> {
    if (this.connection.connected && !this.isDisabled && this.readyToSave()) {
      const t = this.i18n;
      const v = this.value;
      const dialog = this.renderRoot.querySelector<FkConfirmDialog>('fk-confirm-dialog');
      const confirmed = await dialog?.ask({
        heading: t.t('handover.confirm.heading', { agency: v.to?.name ?? '' }),
        body: t.t('handover.confirm.body', {
          agency: v.to?.name ?? '',
          date: v.effectiveFrom ? t.date(v.effectiveFrom) : '',
        }),
        // What happens to the own access and open follow-ups is the core's decision (HO-1 to HO-3).
        details: [
          ...(this.keepsRole && v.continuingRole?.trim()
            ? [t.t('handover.confirm.continuing', { role: v.continuingRole.trim() })]
            : []),
          ...(v.variant
            ? handoverConsequences(
                { ...v, variant: v.variant, ...(this.keepsRole ? {} : { continuingRole: undefined }) },
                v.effectiveFrom ?? this.day,
              ).map((line) => t.text(line))
            : []),
        ],
        confirmLabel: t.t('handover.save'),
        cancelLabel: t.t('handover.confirm.cancel'),
      });
      if (!confirmed) return false;
    }
    return super.requestSubmit();
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

  /** The receiving agency from the host's directory, by name; its id comes with it. */
  private renderAgencyChoice() {
    const t = this.i18n;
    const chosen = this.directory.find(this.value.to?.agencyId);
    return html`<fk-select
      data-path="to.name"
      label=${t.t('handover.toName')}
      required
      placeholder=${t.t('handover.directory.pick')}
      .options=${[...this.directory.of('agency').map((e) => ({ value: e.agencyId, label: e.name }))]}
      .value=${chosen?.agencyId ?? ''}
      .error=${this.errorAt('to.name') ?? this.errorAt('to.agencyId')}
      ?disabled=${this.isDisabled}
      ?readonly=${this.readonly}
      @change=${(e: Event) => {
        const entry = this.directory.find((e.target as HTMLSelectElement).value);
        this.agencyIdTouched = entry !== undefined;
        this.setValue(
          { ...this.value, to: entry ? { agencyId: entry.agencyId, name: entry.name } : { agencyId: '', name: '' } },
          'to.name',
        );
      }}
    ></fk-select>`;
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
    const participants = text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((line) => {
        const [name, ...role] = line.split(',');
        const r = role.join(',').trim();
        return r ? { name: name!.trim(), role: r } : { name: name!.trim() };
      });
    this.setField('conference.participants', participants);
  }

  // ---- rendering ------------------------------------------------------------------------------------

  private domainLabel(domain: string): string {
    const key = `handover.domain.${domain}`;
    return this.i18n.has(key) ? this.i18n.t(key as 'handover.title') : domain;
  }

  private renderCurrent() {
    const t = this.i18n;
    const current = [...this.leadAgencies].reverse().find((p) => !p.to);
    const earlier = this.handovers;
    return html`<div part="current-lead">
      <p class="current">
        ${
          current
            ? t.t('handover.currentLead', {
                agency: current.name,
                domain: current.legalDomain
                  ? ` (${current.legalDomain === 'nonStatutory' ? this.domainLabel(current.legalDomain) : current.legalDomain.replace('_', ' ')})`
                  : '',
                date: t.date(current.from),
              })
            : t.t('handover.noLead')
        }
      </p>
      ${
        earlier.length
          ? html`<details>
              <summary>${t.t('handover.history')}</summary>
              <ul class="history">
                ${earlier.map((h) =>
                  isRedactionMarker(h)
                    ? html`<li><fk-redacted label=${t.t('handover.history')} .marker=${h}></fk-redacted></li>`
                    : html`<li>
                        ${t.t('handover.historyItem', {
                          date: t.date(h.effectiveFrom),
                          agency: h.to.name,
                          variant:
                            h.variant === 'warmHandover' && h.continuingRole
                              ? t.t('handover.variant.warmPlusFurtherNeeds')
                              : t.t(`handover.variant.${h.variant}`),
                        })}
                      </li>`,
                )}
              </ul>
            </details>`
          : nothing
      }
    </div>`;
  }

  /** The core's notices about the actor's own access (HO-4): a transition ending soon, a continuing role. */
  private renderAccessNotices() {
    if (this.accessNotices.length === 0) return nothing;
    const t = this.i18n;
    return html`<div
      class="notice notice--warn"
      part="access-notice"
      role="note"
      aria-label=${t.t('handover.accessNotice')}
    >
      ${this.accessNotices.map((n) => html`<p>${t.text(n.message)}</p>`)}
    </div>`;
  }

  private renderConsentCheck() {
    const t = this.i18n;
    const to = this.value.to;
    const agency = to?.name?.trim() || t.t('handover.toUnnamed');
    const covering = to?.agencyId ? this.consents.filter((c) => coversAgency(c, to.agencyId, this.day)) : [];
    return html`<section class="section" part="consent-check" aria-labelledby="consent-heading">
      <h3 id="consent-heading">${t.t('handover.consent')}</h3>
      ${
        covering.length === 0
          ? html`<p class="notice notice--warn">${t.t('handover.consentNone', { agency })}</p>`
          : html`<fk-radio-group
              data-path="consentRef"
              label=${t.t('handover.consentLead', { agency })}
              .options=${[
                ...covering.map((c) => ({
                  value: c.record.id,
                  label: t.t('handover.consentOption', {
                    date: t.date(c.record.validFrom),
                    until: t.date(c.record.validUntil),
                    categories: t.list(c.record.categories.map((k) => t.text(CATEGORY_LABELS[k]))),
                  }),
                })),
                { value: '', label: t.t('handover.consentNoUse') },
              ]}
              .value=${this.value.consentRef ?? ''}
              ?disabled=${this.isDisabled}
              ?readonly=${this.readonly}
              @change=${(e: Event) => this.setField('consentRef', (e.target as HTMLInputElement).value || undefined)}
            ></fk-radio-group>`
      }
    </section>`;
  }

  override render() {
    const t = this.i18n;
    const v = this.value;
    const editable = !this.readonly && !this.isDisabled;
    const continuing = this.keepsRole;
    const roleLabel =
      v.variant === 'municipalityAsContractor'
        ? t.t('handover.continuingRole.municipalityAsContractor')
        : t.t('handover.continuingRole.municipalityCoversFurtherNeeds');
    const domains = LEGAL_DOMAINS.map((d) => ({ value: d, label: this.domainLabel(d) }));
    if (!offers(this.issuable, 'changeLeadAgency'))
      return html`<div class="form" part="form">
        <div class="head" part="header"><h2>${t.t('handover.title')}</h2></div>
        ${this.renderCurrent()} ${this.renderAccessNotices()}
        <p class="fk-hint" part="view-only">${t.t('handover.viewOnly')}</p>
      </div>`;
    return html`<div class="form" part="form">
      <div class="head" part="header"><h2>${t.t('handover.title')}</h2></div>
      ${this.renderAccessNotices()} ${editable ? html`<p class="lead">${t.t('handover.lead')}</p>` : nothing}
      ${this.renderCurrent()} ${this.renderRemoteChanged(t.t('handover.changedElsewhere'), t.t('handover.adoptRemote'))}
      ${this.renderRefusals()}
      <section class="section" part="variant" aria-labelledby="variant-heading">
        <h3 id="variant-heading">${t.t('handover.variant')}</h3>
        <fk-radio-group
          data-path="variant"
          label=${t.t('handover.variant')}
          hide-label
          required
          .options=${HANDOVER_VARIANTS.map((k) => ({ value: k, label: t.t(`handover.variant.${k}`), description: t.t(`handover.variant.${k}.hint`) }))}
          .value=${v.variant ?? ''}
          .error=${this.errorAt('variant')}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @change=${(e: Event) => this.setField('variant', (e.target as HTMLInputElement).value)}
        ></fk-radio-group>
        ${
          v.variant === 'warmHandover'
            ? html`<fk-checkbox
                data-path="alsoCoversFurtherNeeds"
                label=${t.t('handover.alsoCoversFurtherNeeds')}
                hint=${t.t('handover.alsoCoversFurtherNeedsHint')}
                .checked=${this.alsoCoversFurtherNeeds}
                ?disabled=${this.isDisabled}
                ?readonly=${this.readonly}
                @change=${(e: Event) => {
                  this.alsoCoversFurtherNeeds = (e.target as HTMLInputElement).checked;
                  this.setValue({ ...this.value }, 'continuingRole');
                }}
              ></fk-checkbox>`
            : nothing
        }
        ${
          continuing
            ? html`<fk-textarea
                data-path="continuingRole"
                label=${roleLabel}
                hint=${t.t('handover.continuingRoleHint')}
                required
                rows="2"
                .value=${v.continuingRole ?? ''}
                .error=${this.errorAt('continuingRole')}
                ?disabled=${this.isDisabled}
                ?readonly=${this.readonly}
                @input=${(e: Event) => this.setField('continuingRole', (e.target as HTMLTextAreaElement).value)}
              ></fk-textarea>`
            : nothing
        }
        ${
          v.variant
            ? html`<fk-date-field
                data-path="involvedUntil"
                label=${t.t('handover.involvedUntil')}
                hint=${continuing ? t.t('handover.involvedUntilHintContinuing') : t.t('handover.involvedUntilHintWarm')}
                .value=${v.involvedUntil ?? ''}
                .error=${this.errorAt('involvedUntil')}
                ?disabled=${this.isDisabled}
                ?readonly=${this.readonly}
                @change=${(e: Event) => this.setField('involvedUntil', (e.target as HTMLInputElement).value || undefined)}
              ></fk-date-field>`
            : nothing
        }
      </section>
      <section class="section" part="agency" aria-labelledby="agency-heading">
        <h3 id="agency-heading">${t.t('handover.to')}</h3>
        ${
          this.directory.of('agency').length
            ? this.renderAgencyChoice()
            : html` <div class="pair">
                <fk-text-field
                  data-path="to.name"
                  label=${t.t('handover.toName')}
                  required
                  .value=${v.to?.name ?? ''}
                  .error=${this.errorAt('to.name')}
                  ?disabled=${this.isDisabled}
                  ?readonly=${this.readonly}
                  @input=${(e: Event) => this.setAgencyName((e.target as HTMLInputElement).value)}
                ></fk-text-field>
                <fk-text-field
                  data-path="to.agencyId"
                  label=${t.t('handover.toAgencyId')}
                  hint=${t.t('handover.toAgencyIdHint')}
                  required
                  .value=${v.to?.agencyId ?? ''}
                  .error=${this.errorAt('to.agencyId')}
                  ?disabled=${this.isDisabled}
                  ?readonly=${this.readonly}
                  @input=${(e: Event) => {
                    this.agencyIdTouched = true;
                    this.setField('to.agencyId', (e.target as HTMLInputElement).value);
                  }}
                ></fk-text-field>
              </div>`
        }
        <div class="pair">
          <fk-select
            data-path="legalDomain"
            label=${t.t('handover.legalDomain')}
            required
            .options=${domains}
            .value=${v.legalDomain ?? ''}
            ?disabled=${this.isDisabled}
            ?readonly=${this.readonly}
            @change=${(e: Event) => this.setField('legalDomain', (e.target as HTMLSelectElement).value)}
          ></fk-select>
          <fk-select
            data-path="endsLegalDomain"
            label=${t.t('handover.endsLegalDomain')}
            .options=${[{ value: '', label: t.t('handover.noDomain') }, ...domains]}
            .value=${v.endsLegalDomain ?? ''}
            ?disabled=${this.isDisabled}
            ?readonly=${this.readonly}
            @change=${(e: Event) => this.setField('endsLegalDomain', (e.target as HTMLSelectElement).value || undefined)}
          ></fk-select>
        </div>
        <fk-date-field
          data-path="effectiveFrom"
          label=${t.t('handover.effectiveFrom')}
          required
          .value=${v.effectiveFrom ?? ''}
          .error=${this.errorAt('effectiveFrom')}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @change=${(e: Event) => this.setField('effectiveFrom', (e.target as HTMLInputElement).value)}
        ></fk-date-field>
        <fk-textarea
          data-path="reason"
          label=${t.t('handover.reason')}
          hint=${t.t('handover.reasonHint')}
          required
          rows="2"
          .value=${v.reason ?? ''}
          .error=${this.errorAt('reason')}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @input=${(e: Event) => this.setField('reason', (e.target as HTMLTextAreaElement).value)}
        ></fk-textarea>
      </section>
      <section class="section" part="conference" aria-labelledby="conference-heading">
        <h3 id="conference-heading">${t.t('handover.conference')}</h3>
        <fk-checkbox
          data-path="conference"
          label=${t.t('handover.conferenceHeld')}
          .checked=${v.conference !== undefined}
          .warning=${this.warningAt('conference')}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @change=${(e: Event) => this.toggleConference((e.target as HTMLInputElement).checked)}
        ></fk-checkbox>
        ${
          v.conference
            ? html`<fk-date-field
                  data-path="conference.heldOn"
                  label=${t.t('handover.conferenceOn')}
                  .value=${v.conference.heldOn}
                  .error=${this.errorAt('conference.heldOn')}
                  ?disabled=${this.isDisabled}
                  ?readonly=${this.readonly}
                  @change=${(e: Event) => this.setField('conference.heldOn', (e.target as HTMLInputElement).value)}
                ></fk-date-field>
                <fk-textarea
                  data-path="conference.participants"
                  label=${t.t('handover.conferenceParticipants')}
                  required
                  rows="3"
                  .value=${this.participantsText || v.conference.participants.map((p) => (p.role ? `${p.name}, ${p.role}` : p.name)).join('\n')}
                  .error=${this.errorAt('conference.participants') ? t.t('handover.conferenceParticipantsRequired') : undefined}
                  ?disabled=${this.isDisabled}
                  ?readonly=${this.readonly}
                  @input=${(e: Event) => this.setParticipants((e.target as HTMLTextAreaElement).value)}
                ></fk-textarea>
                <fk-textarea
                  data-path="conference.notes"
                  label=${t.t('handover.conferenceNotes')}
                  rows="2"
                  .value=${v.conference.notes ?? ''}
                  ?disabled=${this.isDisabled}
                  ?readonly=${this.readonly}
                  @input=${(e: Event) => this.setField('conference.notes', (e.target as HTMLTextAreaElement).value)}
                ></fk-textarea>`
            : nothing
        }
      </section>
      ${this.renderConsentCheck()}
      <section class="section" part="packet" aria-labelledby="packet-heading">
        <h3 id="packet-heading">${t.t('handover.packet')}</h3>
        <p class="fk-hint">${t.t('handover.packetLead')}</p>
        ${renderTransferPreview(this.preview, this.i18n as never, {
          recipient: v.to?.name?.trim() || t.t('handover.toUnnamed'),
          basis: v.consentRef ? `consent:${v.consentRef}` : undefined,
          basisLabel: this.basisLabel,
          selected: this.packetCategories,
        })}
      </section>
      ${this.renderSubmitActions(t.t('handover.save'))}
      <fk-confirm-dialog></fk-confirm-dialog>
      ${this.renderStatus()}
    </div>`;
  }
}
