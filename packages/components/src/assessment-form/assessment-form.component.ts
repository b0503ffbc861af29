import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  recordAssessmentInput,
  type Assessment,
  type AssessmentConfirmation,
  type CaseCommand,
  type CaseState,
} from '@fallkit/core';
import { issuableOf, offers, type Issuable } from '../shared/may-issue.js';
import { FkFormElement } from '../base/form-element.js';
import { todayIso } from '../base/parts-schema.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { Validator } from '../base/validator.js';
import { DEFAULT_ASSESSMENT_STANDARD, domainLabel, type AssessmentStandard } from '../shared/assessment-standard.js';
import type { Redactions } from '../shared/view-redactions.js';
import { FkConfirmEvent } from '../events/fk-confirm.js';
import { assessmentMessages } from './assessment-form.messages.js';
import { assessmentFormStyles } from './assessment-form.styles.js';
import {
  assessmentForParsing,
  assessmentValidators,
  emptyDomain,
  type AssessmentConfirmDetail,
  type AssessmentDomainValue,
  type AssessmentFormData,
  type AssessmentFormValue,
  type PreviousAssessment,
} from './assessment-form.schema.js';
import { assessmentFromCase } from './assessment-form.from-case.js';
import { assessmentHeader, type AssessmentFormView } from './assessment-form.view.js';
import { narrativeSection, wishesSection } from './wishes.view.js';
import { domainsSection } from './domains.view.js';
import { confirmSection } from './confirm.view.js';

export type {
  AssessmentConfirmDetail,
  AssessmentDomainValue,
  AssessmentFormData,
  AssessmentFormValue,
  PreviousAssessment,
} from './assessment-form.schema.js';

/**
 * The assessment of the case-management cycle (stage 2): a differentiated picture of problems and
 * resources per life domain, the person's and the case manager's view side by side, the interpretation
 * agreed with the person and recorded dissent, a rating on the process standard's scale, and wishes
 * and dreams in the person's words.
 *
 * Free text first, structure optional (DOMAIN.md 4.3 and 5): the form opens with the person's wishes,
 * and a life domain is opened only when it came up, never worked through as a questionnaire. Life
 * domains of special categories (health, GDPR Art. 9) are optional and collapsed by default (DP-02).
 * A recorded version is confirmed with the person (`confirmAssessment`); on re-assessment each domain
 * shows what changed against the previous version.
 *
 * Standalone: `value` is the input of the core's `recordAssessment`; `fk-submit` carries the parsed
 * input; `fk-confirm` carries a confirmation when `record` (the stored version) is not yet confirmed.
 * Connected (inside `<fk-case-provider>`): shows the latest version of the case, saves a new version
 * with `recordAssessment` and confirms with `confirmAssessment`; withheld fields show why (DP-24).
 *
 * @tagname fk-assessment-form
 * @summary Assessment: life domains, both views, agreed interpretation, dissent, rating, wishes; confirmation and comparison.
 *
 * @event change - The user changed the value. `detail: { value, valid }`.
 * @event fk-submit - Valid data to save. `detail`: the parsed `recordAssessment` input. Cancelable.
 * @event fk-confirm - The user confirmed the stored version with the person. `detail: { assessmentId, confirmation }`. Cancelable (connected: cancel to stop the command).
 * @event fk-saved - Connected save succeeded.
 * @event fk-refused - Connected save refused; `detail: { errors, value }`; the typed text stays.
 *
 * @csspart form - The form's outer container.
 * @csspart header - Title and version line.
 * @csspart wishes - The wishes-and-dreams section.
 * @csspart withheld-carried - Says that the parts withheld from the actor are carried into the new version unchanged.
 * @csspart domains - The life-domains section.
 * @csspart domain - One opened life domain.
 * @csspart domain-picker - The buttons that open further domains.
 * @csspart special-domains - The collapsed Art. 9 domains.
 * @csspart compare - The "changed against version N" line of a domain.
 * @csspart confirm - The confirm-with-person step.
 * @csspart actions - The save button bar.
 * @csspart submit - The save button.
 * @csspart status - The live region.
 * @csspart refusals - Refusals of the last save.
 *
 * @cssproperty --fk-color-primary - Buttons and the current-version badge.
 * @cssproperty --fk-color-surface-raised - Background of quiet sections.
 *
 * @cssstate user-invalid - Invalid after interaction.
 * @cssstate dirty - Unsaved changes.
 */
export class FkAssessmentForm extends FkFormElement<AssessmentFormValue, AssessmentFormData, CaseState, CaseCommand> {
  static override catalog = assessmentMessages;

  static override styles = assessmentFormStyles;

  declare protected readonly i18n: LocalizeController<typeof assessmentMessages.de>;
  protected override schema = recordAssessmentInput;

  /** What the core says this actor may issue (DP-40); `undefined` when the view does not say. */
  @state() private issuable: Issuable;

  /** The assessment part of the process standard: life domains and rating scale. */
  @property({ attribute: false }) standard: AssessmentStandard = DEFAULT_ASSESSMENT_STANDARD;

  /**
   * The stored version the value came from (connected: set from the case). Shows version and status,
   * and offers the confirm-with-person step while it is `recorded`.
   */
  @property({ attribute: false }) record?: Pick<
    Assessment,
    'id' | 'version' | 'kind' | 'recordedOn' | 'status' | 'confirmation'
  >;

  /** The earlier version to compare with (re-assessment). Connected: set from the case. */
  @property({ attribute: false }) previous?: PreviousAssessment;

  /** Fields and domains the data-protection view withheld, keyed by path (`domains.1.problems`, `domain:health`). */
  @property({ attribute: false }) redactions: Redactions = {};

  /** Person ids who confirm (default: the case's addressee). */
  @property({ attribute: false }) confirmedByIds?: readonly string[];

  @state() private confirmOn = todayIso();
  @state() private confirmForm: AssessmentConfirmation['form'] = 'oral';
  @state() private confirmNote = '';

  protected override adoptStoredAfterSave = true;

  protected override emptyValue(): AssessmentFormValue {
    return { domains: [], wishesAndDreams: '' };
  }

  /** Whether the form records a narrative (free-text) assessment instead of life domains. */
  private get narrative(): boolean {
    return this.value?.mode === 'narrative';
  }

  /**
   * The value as the core's schema sees it: a narrative assessment sends no life domains (the form
   * hides them), a structured one no empty narrative.
   */
  protected override forParsing(value: AssessmentFormValue): unknown {
    return assessmentForParsing(value);
  }

  protected override validators(): readonly Validator<AssessmentFormValue>[] {
    return assessmentValidators();
  }

  // ---- connected mode ----------------------------------------------------------------------------

  protected override valueFromView(view: CaseState): AssessmentFormValue | undefined {
    // Whether a new version may be saved is the core's decision (mayIssue, DP-40); withheld parts are
    // carried forward by the core and may not be written (ASSESSMENT_PART_WITHHELD).
    this.issuable = issuableOf(view);
    const found = assessmentFromCase(view, this.emptyValue());
    this.redactions = found.redactions;
    this.record = found.record;
    this.previous = found.previous;
    if (found.confirmedByIds) this.confirmedByIds = found.confirmedByIds;
    return found.value;
  }

  protected override commandsFor(data: AssessmentFormData): CaseCommand {
    return { type: 'recordAssessment', caseId: this.connection.caseId, input: data };
  }

  // ---- edits ----------------------------------------------------------------------------------------

  private get domains(): readonly AssessmentDomainValue[] {
    return this.value.domains ?? [];
  }

  private label(domainId: string): string {
    // ICF areas (SGB IX) carry their chapter code: "d5 Selbstversorgung".
    const code = this.standard.lifeDomains.find((d) => d.id === domainId)?.code;
    const label = domainLabel(this.standard, domainId, this.i18n.lang);
    return code ? `${code} ${label}` : label;
  }

  private async openDomain(domainId: string): Promise<void> {
    const order = this.standard.lifeDomains.map((d) => d.id);
    const next = [...this.domains, emptyDomain(domainId)].sort(
      (a, b) => (order.indexOf(a.domainId) + 1 || 999) - (order.indexOf(b.domainId) + 1 || 999),
    );
    this.setValue({ ...this.value, domains: next });
    this.announcer.announce(this.i18n.t('assessment.opened', { domain: this.label(domainId) }));
    await this.updateComplete;
    const index = next.findIndex((d) => d.domainId === domainId);
    this.renderRoot.querySelector<HTMLElement>(`[data-path="domains.${index}.resources"]`)?.focus();
  }

  private async removeDomain(index: number): Promise<void> {
    const domain = this.domains[index];
    if (!domain) return;
    this.setValue({ ...this.value, domains: this.domains.filter((_, i) => i !== index) }, 'domains');
    this.announcer.announce(this.i18n.t('assessment.removed', { domain: this.label(domain.domainId) }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#domains-heading')?.focus();
  }

  private setRating(index: number, raw: number | string | null): void {
    const domain = this.domains[index];
    if (!domain) return;
    const scale = this.standard.ratingScale;
    const { rating: _old, ...rest } = domain;
    const next = raw === null || raw === '' ? rest : { ...rest, rating: { scaleId: scale.id, value: raw } };
    this.setValue({ ...this.value, domains: this.domains.map((d, i) => (i === index ? next : d)) }, [
      'domains',
      index,
      'rating',
    ]);
  }

  private async confirm(): Promise<void> {
    const record = this.record;
    if (!record) return;
    const confirmation: AssessmentConfirmation = {
      confirmedOn: this.confirmOn,
      confirmedByIds: [...(this.confirmedByIds ?? [])],
      form: this.confirmForm,
      ...(this.confirmNote.trim() ? { note: this.confirmNote.trim() } : {}),
    };
    const detail: AssessmentConfirmDetail = { assessmentId: record.id, confirmation };
    const outcome = await this.runSideAction(new FkConfirmEvent(detail), {
      type: 'confirmAssessment',
      caseId: this.connection.caseId,
      input: detail,
    });
    if (outcome === 'done') {
      this.confirmNote = '';
      this.announcer.announce(this.i18n.t('assessment.confirm.done'));
    }
  }

  // ---- rendering ------------------------------------------------------------------------------------

  private get hasRedactions(): boolean {
    return Object.keys(this.redactions).length > 0;
  }

  /** What the section views read and may do (see `assessment-form.view.ts`). */
  private view(): AssessmentFormView {
    return {
      t: this.i18n,
      value: this.value,
      domains: this.domains,
      editable: !this.readonly && !this.isDisabled,
      disabled: this.isDisabled,
      readonly: this.readonly,
      dirty: this.dirty,
      pending: this.connection.pending,
      narrative: this.narrative,
      standard: this.standard,
      record: this.record,
      previous: this.previous,
      redactions: this.redactions,
      confirmInput: { on: this.confirmOn, form: this.confirmForm, note: this.confirmNote },
      field: (path, options) => this.fieldAt(path, options),
      errorAt: (path, nested) => this.errorAt(path, nested),
      setField: (path, value) => this.setField(path, value),
      label: (domainId) => this.label(domainId),
      openDomain: (domainId) => void this.openDomain(domainId),
      removeDomain: (index) => void this.removeDomain(index),
      setRating: (index, raw) => this.setRating(index, raw),
      setConfirmInput: (patch) => {
        if (patch.on !== undefined) this.confirmOn = patch.on;
        if (patch.form !== undefined) this.confirmForm = patch.form;
        if (patch.note !== undefined) this.confirmNote = patch.note;
      },
      confirm: () => void this.confirm(),
    };
  }

  override render() {
    const t = this.i18n;
    const view = this.view();
    return html`<div class="form" part="form">
      ${assessmentHeader(view)} ${view.editable ? html`<p class="lead">${t.t('assessment.lead')}</p>` : nothing}
      ${this.renderRemoteChanged(t.t('assessment.changedElsewhere'), t.t('assessment.adoptRemote'))}
      ${this.renderRefusals()} ${wishesSection(view)} ${this.narrative ? narrativeSection(view) : nothing}
      ${domainsSection(view)} ${confirmSection(view)}
      ${
        view.editable
          ? html`<div class="actions actions--end" part="actions">
              ${this.hasRedactions ? html`<p class="notice" part="withheld-carried">${t.t('assessment.redactedCarried')}</p>` : nothing}
              ${this.renderSubmitButton(this.record && this.connection.connected ? t.t('assessment.saveNewVersion') : t.t('assessment.save'), !offers(this.issuable, 'recordAssessment'))}
            </div>`
          : nothing
      }
      ${this.renderStatus()}
    </div>`;
  }
}
