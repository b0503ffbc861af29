import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DEFAULT_CONSENT_MONTHS, ageOn, type CaseState } from '@fallkit/core';
import { offers, type Issuable } from '../shared/may-issue.js';
import { DirectoryController } from '../directory/directory.js';
import { PrintSettingsController } from '../print/print-settings.js';
import { mountPrintRoot } from '../print/print-root.js';
import { printStyles } from '../print/print-parts.js';
import { FkFormElement } from '../base/form-element.js';
import type { Validator } from '../base/validator.js';
import type { Feedback } from '../base/feedback.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import { todayIso } from '../base/parts-schema.js';
import type { ConsentStateLike, RecipientRefLike, ReleaseRecordLike } from '../shared/privacy-shapes.js';
import { FkWithdrawEvent } from '../events/fk-withdraw.js';
import { FkPrintEvent } from '../events/fk-print.js';
import { consentManagerStyles } from './consent-manager.styles.js';
import { consentManagerMessages } from './consent-manager.messages.js';
import { INFORMATION_SECTIONS, informationParts, type InformationPart } from './consent-information.js';
import { InformationWalkthrough } from './information-walkthrough.js';
import {
  emptyDraft,
  draftFeedback,
  draftOutput,
  firstPerAgency,
  informationSubjectOf,
  professionalsOf,
  withRecipientNamed,
  type ConsentDraftValue,
  type ConsentPerson,
} from './consent-manager.schema.js';
import { consentFromCase, type ConsentCase } from './consent-manager.from-case.js';
import { consentSheet } from './consent-print.view.js';
import { withdrawalDetail, type ConsentManagerView, type WithdrawalDraft } from './consent-manager.view.js';
import { consentList } from './consent-list.view.js';
import { draftSection } from './draft.view.js';

export type { ConsentDraftValue, ConsentPerson, ConsentWithdrawDetail } from './consent-manager.schema.js';

/** A withdrawal as it opens: of the whole consent, nothing picked, no note. */
const NO_WITHDRAWAL: WithdrawalDraft = { scope: 'whole', categories: [], recipients: [], note: '' };

/**
 * Records, shows and withdraws consents and confidentiality releases (PRIVACY.md DP-07..DP-15).
 *
 * - Every consent is specific (DP-07): data categories one by one, recipient agencies, purposes, a
 *   time limit of at most 12 months (configurable, never open-ended, DP-11), the form and who gives
 *   it in which role: the person, persons with parental responsibility (the child's view recorded
 *   under 15), a young person from 15 with an assessed capacity, or a legal guardian within scope
 *   (DP-12, DP-13).
 * - Informed first (DP-09): a plain-language information for the person, built from exactly what is
 *   selected, in six sections (purpose, recipients, data, duration, effect of refusing, withdrawal).
 *   Confirming stays disabled until every section was shown; the record stores the text's SHA-256.
 *   Changing the selection afterwards asks to show the changed text again.
 * - Voluntary and partial (DP-10): nothing is ticked at the start.
 * - Withdrawal as easy as consenting (DP-14): one button on each consent, wholly or in part.
 * - Expiring consents are flagged 30 days ahead (DP-11); a printable consent form (print CSS).
 *
 * Standalone: `value` is the draft; `fk-submit` carries it; `fk-withdraw` carries a withdrawal. The
 * host sets `persons`, `recipientOptions` and `consents`. Connected: persons, agencies and purposes
 * come from the case; consents from a view that carries them (`privacy` or `consents`), else from the
 * `consents` property; saves with `recordConsent`, `recordConfidentialityRelease`, `withdrawConsent`.
 *
 * @tagname fk-consent-manager
 * @summary Consents and confidentiality releases: record (informed, specific, partial), show, flag expiry, withdraw, print.
 *
 * @event change - The user changed the draft. `detail: { value, valid }`.
 * @event fk-submit - A valid, informed consent to record. `detail`: the draft (with `informationTextHash`). Cancelable.
 * @event fk-withdraw - The user withdraws a consent. `detail: { consentId, categories?, recipientAgencyIds?, note? }`. Cancelable (connected: stops the command).
 * @event fk-print - Before the consent form is printed. Cancelable.
 * @event fk-saved - Connected save succeeded.
 * @event fk-refused - Connected save refused; `detail: { errors, value }`; the draft stays.
 *
 * @csspart view-only - The sentence shown instead of a form when the core says the actor may not record here (DP-40).
 * @csspart form - The outer container.
 * @csspart list - The recorded consents.
 * @csspart consent - One recorded consent.
 * @csspart consent-status - A consent's status badge (valid, expiring, expired, withdrawn).
 * @csspart explanation - The plain-language explanation of a recorded consent.
 * @csspart withdraw - A consent's withdraw button.
 * @csspart withdrawal - The withdrawal panel.
 * @csspart draft - The new-consent section.
 * @csspart information - The information for the person (DP-09).
 * @csspart information-step - One section button of the information.
 * @csspart submit - The confirm button.
 * @csspart print - The print button.
 * @csspart print-sheet - The printable consent form (shown only in print).
 * @csspart status - The live region.
 * @csspart refusals - Refusals of the last save.
 *
 * @cssproperty --fk-color-warning - Expiring consents.
 * @cssproperty --fk-color-success - Shown information sections.
 *
 * @cssstate user-invalid - Invalid after interaction.
 * @cssstate dirty - Unsaved changes.
 */
export class FkConsentManager extends FkFormElement<ConsentDraftValue, ConsentDraftValue, CaseState, unknown> {
  static override catalog = consentManagerMessages;

  static override styles = consentManagerStyles;

  constructor() {
    super();
    this.addEventListener('fk-saved', (e) => {
      if (e.target === this) this.startOver();
    });
  }

  declare protected readonly i18n: LocalizeController<typeof consentManagerMessages.de>;

  /** Persons of the case who may be subject or giver (connected: from the case). */
  @property({ attribute: false }) persons: readonly ConsentPerson[] = [];

  /** Recorded consents with their withdrawals (connected: from the view, if it carries them). */
  @property({ attribute: false }) consents: readonly ConsentStateLike[] = [];

  /** Recorded confidentiality releases (Schweigepflichtentbindungen, DP-15): they name professionals, no purposes. */
  @property({ attribute: false }) releases: readonly ReleaseRecordLike[] = [];

  /** The agencies offered as recipients (connected: lead agencies and providers of the case are added). */
  @property({ attribute: false }) recipientOptions: readonly RecipientRefLike[] = [];

  /**
   * The purposes offered (purpose strings of the privacy module). `measureDelivery` is the core's purpose
   * family for referrals to the named providers, also for measures planned later (DP-05, DP-07).
   */
  @property({ attribute: false }) purposeOptions: readonly string[] = ['caseManagement', 'measureDelivery'];

  /** Today as ISO date (expiry flags, minors' age); defaults to the browser's date. */
  @property() today?: string;

  /** Longest validity in months (DP-11; the process standard's `consent.defaultDurationMonths`). */
  @property({ type: Number, attribute: 'max-months' }) maxMonths = DEFAULT_CONSENT_MONTHS;

  @state() private withdrawing?: string;
  @state() private withdrawal: WithdrawalDraft = NO_WITHDRAWAL;
  @state() private otherRecipient = '';
  @state() private professionalsText = '';
  /** What the core says this actor may issue (DP-40); `undefined` when the view does not say. */
  @state() private issuable: Issuable;

  /** The host's directory (`<fk-directory>`): its agencies and providers are offered as recipients by name. */
  private readonly directory = new DirectoryController(this);

  /** The host's letterhead and controller/DPO details for the printed document (`<fk-print-settings>`). */
  private readonly printSettings = new PrintSettingsController(this);

  /** The information for the person, section by section, and the hash of what was shown (DP-09). */
  private readonly information = new InformationWalkthrough(this, {
    parts: () => this.parts,
    hash: () => this.value.informationTextHash,
    setHash: (hash) => {
      if (hash !== undefined) {
        this.setValue({ ...this.value, informationTextHash: hash }, 'information');
        this.announcer.announce(this.i18n.t('consent.info.shown'));
      } else {
        const { informationTextHash: _drop, ...rest } = this.value;
        this.setValue(rest);
      }
    },
  });

  /** What the last case view gave (connected mode). */
  private fromCase: Partial<ConsentCase> = {};

  private get day(): string {
    return this.today ?? todayIso();
  }

  protected override emptyValue(): ConsentDraftValue {
    return emptyDraft(this.today ?? todayIso(), this.maxMonths ?? DEFAULT_CONSENT_MONTHS, this.fromCase.addresseeId);
  }

  // ---- validation ------------------------------------------------------------------------------

  private subject(value: ConsentDraftValue = this.value): ConsentPerson | undefined {
    const id = value.subjectId ?? this.fromCase.addresseeId ?? this.persons[0]?.id;
    return this.persons.find((p) => p.id === id);
  }

  private ageOfSubject(value: ConsentDraftValue = this.value): number | undefined {
    const birth = this.subject(value)?.birthDate;
    return birth ? ageOn(birth, value.validFrom ?? this.day) : undefined;
  }

  protected override validators(): readonly Validator<ConsentDraftValue>[] {
    return [
      {
        id: 'consent',
        validate: (v): Feedback[] =>
          draftFeedback(v, {
            persons: this.persons,
            day: this.day,
            maxMonths: this.maxMonths,
            subjectId: (value) => this.subject(value)?.id,
            date: (iso) => this.i18n.date(iso),
            giverChosen: () => Boolean(this.value.givenBy?.personId),
          }),
      },
    ];
  }

  /** The data `fk-submit` carries: the draft without fields that do not apply. */
  protected override output(): ConsentDraftValue {
    const v = this.value;
    return draftOutput(v, this.ageOfSubject(v), v.subjectId ?? this.subject(v)?.id);
  }

  // ---- information (DP-09) ------------------------------------------------------------------------

  private get parts(): InformationPart[] {
    return informationParts(informationSubjectOf(this.value), this.i18n, this.fromCase.purposeTitles);
  }

  /** Whether every information section was shown for the current text. */
  get informationShown(): boolean {
    return this.information.complete;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The hash follows the information text: a text that changed takes its hash out before this render, not
    // after it (which scheduled a second render from within the first). First, so the value it changes is
    // seen by the form's own bookkeeping in this same update.
    void this.information.syncHash();
    super.willUpdate(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Again after the render: the language resolves during the update (an ancestor's `lang` inside a shadow
    // root), and the text follows it. Nothing changed since `willUpdate`: a no-op.
    void this.information.syncHash();
  }

  // ---- connected mode ----------------------------------------------------------------------------

  protected override valueFromView(view: CaseState): ConsentDraftValue | undefined {
    const found = consentFromCase(view);
    this.fromCase = found;
    this.issuable = found.issuable;
    this.persons = found.persons;
    if (found.consents) this.consents = found.consents;
    if (found.releases) this.releases = found.releases;
    if (!this.dirty && this.value.subjectId === undefined) return { ...this.value, subjectId: view.addresseeId };
    return undefined;
  }

  protected override commandsFor(data: ConsentDraftValue) {
    const { kind, ...input } = data;
    return {
      type: kind === 'release' ? 'recordConfidentialityRelease' : 'recordConsent',
      caseId: this.connection.caseId,
      input,
    };
  }

  /**
   * After a stored consent the next one starts empty (DP-10), and an empty form is not a wrong one:
   * no errors until the user works on it again.
   */
  private startOver(): void {
    this.formResetCallback();
    this.value = this.emptyValue();
    this.information.reset();
    this.professionalsText = '';
  }

  // ---- withdrawal (DP-14) ---------------------------------------------------------------------------

  private openWithdraw(consentId: string): void {
    this.withdrawing = consentId;
    this.withdrawal = NO_WITHDRAWAL;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="withdrawal"] h4')?.focus());
  }

  private async submitWithdraw(): Promise<void> {
    const consentId = this.withdrawing;
    if (!consentId) return;
    const detail = withdrawalDetail(consentId, this.withdrawal);
    if (!detail) {
      this.withdrawal = { ...this.withdrawal, error: this.i18n.t('consent.withdraw.pickSomething') };
      return;
    }
    const outcome = await this.runSideAction(new FkWithdrawEvent(detail), {
      type: 'withdrawConsent',
      caseId: this.connection.caseId,
      input: detail,
    });
    if (outcome === 'done' || outcome === 'standalone') {
      this.withdrawing = undefined;
      this.announcer.announce(this.i18n.t('consent.withdraw.done'));
    }
  }

  // ---- edits ----------------------------------------------------------------------------------------

  private get allRecipients(): RecipientRefLike[] {
    const fromDirectory = this.directory.entries.map((e) => ({ agencyId: e.agencyId, name: e.name }));
    return firstPerAgency([
      ...this.recipientOptions,
      ...fromDirectory,
      ...(this.fromCase.recipients ?? []),
      ...(this.value.recipients ?? []),
    ]);
  }

  private addOtherRecipient(): void {
    const name = this.otherRecipient.trim();
    if (!name) return;
    this.setValue({ ...this.value, recipients: withRecipientNamed(this.value.recipients ?? [], name) }, 'recipients');
    this.otherRecipient = '';
  }

  private setProfessionals(text: string): void {
    this.professionalsText = text;
    this.setField('professionals', professionalsOf(text));
  }

  // ---- rendering ------------------------------------------------------------------------------------

  /** What the section views read and may do (see `consent-manager.view.ts`). */
  private sections(): ConsentManagerView {
    const parts = this.parts;
    const shown = this.information.shown(parts);
    const complete = shown.size === INFORMATION_SECTIONS.length;
    return {
      t: this.i18n,
      value: this.value,
      disabled: this.isDisabled,
      readonly: this.readonly,
      pending: this.connection.pending,
      day: this.day,
      maxMonths: this.maxMonths,
      persons: this.persons,
      issuable: this.issuable,
      consents: this.consents,
      releases: this.releases,
      recipients: this.allRecipients,
      purposes: [
        ...new Set([...this.purposeOptions, ...(this.fromCase.purposes ?? []), ...(this.value.purposes ?? [])]),
      ],
      purposeTitles: this.fromCase.purposeTitles ?? {},
      otherRecipient: this.otherRecipient,
      professionalsText: this.professionalsText,
      information: { parts, current: this.information.current, shown, complete },
      withdrawing: this.withdrawing,
      withdrawal: this.withdrawal,
      printing: {
        settings: this.printSettings.settings,
        // The case's Aktenzeichen as people know it; the internal id only for a case without one.
        caseId: this.fromCase.caseLabel ?? this.connection.caseId,
        addressOf: (agencyId) => this.directory.find(agencyId)?.address,
      },
      subject: () => this.subject(),
      ageOfSubject: () => this.ageOfSubject(),
      personName: (id) => this.persons.find((p) => p.id === id)?.name ?? id,
      errorAt: (path) => this.errorAt(path),
      setField: (path, value) => this.setField(path, value),
      setOtherRecipient: (text) => (this.otherRecipient = text),
      addOtherRecipient: () => this.addOtherRecipient(),
      setProfessionals: (text) => this.setProfessionals(text),
      display: (index) => void this.information.display(index),
      advance: () => void this.information.advance(),
      openWithdraw: (consentId) => this.openWithdraw(consentId),
      editWithdrawal: (patch) => (this.withdrawal = { ...this.withdrawal, ...patch }),
      submitWithdraw: () => void this.submitWithdraw(),
      cancelWithdraw: () => (this.withdrawing = undefined),
      print: () => this.print(),
      submit: () => void this.requestSubmit(),
    };
  }

  private print(): void {
    const proceed = this.dispatchEvent(new FkPrintEvent());
    if (!proceed) return;
    this.preparePrint();
    window.print();
  }

  /**
   * Renders the consent document into the page's print root (see `mountPrintRoot`): what the
   * browser's print (or a PDF renderer switching to print media) then prints, without the host's
   * screen around it. `print()` calls it; a host that prints itself calls it first.
   */
  preparePrint(): HTMLElement {
    return mountPrintRoot(consentSheet(this.sections()), [printStyles], this.i18n.lang);
  }

  override render() {
    const t = this.i18n;
    const view = this.sections();
    return html`<div class="form" part="form">
      <div class="screen-only">
        <div class="head" part="header"><h2>${t.t('consent.title')}</h2></div>
      </div>
      <div class="form screen-only">
        ${this.renderRefusals()} ${consentList(view)}
        ${offers(this.issuable, 'recordConsent') ? draftSection(view) : html`<p class="fk-hint" part="view-only">${t.t('consent.viewOnly')}</p>`}
      </div>
      <div class="print-sheet" part="print-sheet">${consentSheet(view)}</div>
      ${this.renderStatus()}
    </div>`;
  }
}
