import { issuableOf, offers, type Issuable } from '../shared/may-issue.js';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  recordAssessmentInput,
  type Assessment,
  type AssessmentConfirmation,
  type CaseCommand,
  type CaseCommandInput,
  type CaseCommandInputIn,
  type CaseState,
  type RedactionMarker,
  isRedactionMarker,
} from '@fallkit/core';
import { FkFormElement } from '../base/form-element.js';
import { todayIso } from '../base/parts-schema.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { Feedback } from '../base/feedback.js';
import { schemaValidator, type Validator } from '../base/validator.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';
import { assessmentMessages } from './assessment-form.messages.js';
import {
  DEFAULT_ASSESSMENT_STANDARD,
  SPECIAL_CATEGORY_DOMAINS,
  domainLabel,
  type AssessmentStandard,
} from '../shared/assessment-standard.js';
import { compareDomain, droppedDomains, type DomainTextField } from './assessment-compare.js';
import { markerCategory, withoutMarkers, type Redactions } from '../shared/view-redactions.js';
import { FkConfirmEvent } from '../events/fk-confirm.js';

/** The value of `<fk-assessment-form>`: the input of the core's `recordAssessment` command. */
export type AssessmentFormValue = CaseCommandInputIn<'recordAssessment'>;

/** The validated data `fk-submit` carries: the parsed `recordAssessment` input. */
export type AssessmentFormData = CaseCommandInput<'recordAssessment'>;

/** One life domain as the form holds it. */
export type AssessmentDomainValue = AssessmentFormValue['domains'][number];

/** Detail of `fk-confirm`: the confirmation of an assessment version with the person. */
export interface AssessmentConfirmDetail {
  readonly assessmentId: string;
  readonly confirmation: AssessmentConfirmation;
}

/** The earlier version a re-assessment is compared with. */
export type PreviousAssessment = Pick<Assessment, 'version' | 'recordedOn' | 'domains'>;

const TEXT_FIELD_ROWS: Readonly<Record<DomainTextField, number>> = {
  resources: 3,
  problems: 3,
  personView: 3,
  caseManagerView: 3,
  agreedInterpretation: 2,
  dissent: 2,
};

function emptyDomain(domainId: string): AssessmentDomainValue {
  const special = SPECIAL_CATEGORY_DOMAINS[domainId];
  return {
    domainId,
    resources: '',
    problems: '',
    personView: '',
    caseManagerView: '',
    ...(special ? { categories: [special] } : {}),
  };
}

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

  static override styles = [
    sharedStyles,
    formLayoutStyles,
    css`
      .domains {
        display: flex;
        flex-direction: column;
        gap: ${token('space-s')};
      }
      .domains .section-head p {
        margin: 0;
      }
      .domain-list {
        display: flex;
        flex-direction: column;
        gap: ${token('space-m')};
      }
      .domain h4 {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: ${token('space-xs')};
        font-size: ${token('font-size-l')};
      }
      .domain h4 .badge {
        font-size: ${token('font-size-s')};
      }
      .picker {
        display: flex;
        flex-direction: column;
        gap: ${token('space-xs')};
      }
      .picker .actions .fk-button {
        font-weight: ${token('font-weight-normal')};
      }
      .compare {
        margin: 0;
        font-size: ${token('font-size-s')};
        color: ${token('color-text-muted')};
      }
      .earlier {
        font-size: ${token('font-size-s')};
      }
      .earlier dl {
        margin: 0;
        padding: ${token('space-xs')} ${token('space-s')};
        border-inline-start: 3px solid ${token('color-border-subtle')};
        background: ${token('color-surface-raised')};
      }
      .earlier dt {
        font-weight: ${token('font-weight-strong')};
      }
      .earlier dd {
        margin: 0 0 ${token('space-2xs')};
        white-space: pre-wrap;
      }
      .special {
        border-block-start: ${token('border-width')} dashed ${token('color-border-subtle')};
        padding-block-start: ${token('space-2xs')};
      }
      .special p {
        margin-block: 0 ${token('space-xs')};
      }
    `,
  ];

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
    if (value.mode === 'narrative') return { ...value, domains: [] };
    const { narrative, ...rest } = value;
    return narrative?.trim() ? value : rest;
  }

  protected override validators(): readonly Validator<AssessmentFormValue>[] {
    const schema = schemaValidator<unknown>(recordAssessmentInput);
    return [
      {
        id: 'schema',
        validate: (value) =>
          schema
            .validate(this.forParsing(value))
            .map((f): Feedback =>
              f.path.length === 1 && f.path[0] === 'domains'
                ? { ...f, message: { key: 'assessment.domainsRequired' } }
                : f.path.length === 1 && f.path[0] === 'narrative'
                  ? { ...f, message: { key: 'assessment.narrativeRequired' } }
                  : f,
            ),
      },
      {
        // Incomplete is not wrong: a domain without the person's view is a warning, not an error.
        id: 'person-view',
        validate: (value) =>
          (value.domains ?? []).flatMap((d, i): Feedback[] =>
            (d.personView ?? '').trim() === '' && (d.problems ?? '').trim() + (d.resources ?? '').trim() !== ''
              ? [
                  {
                    type: 'warning',
                    code: 'PERSON_VIEW_MISSING',
                    message: { key: 'assessment.personViewMissing' },
                    path: ['domains', i, 'personView'],
                  },
                ]
              : [],
          ),
      },
    ];
  }

  // ---- connected mode ----------------------------------------------------------------------------

  protected override valueFromView(view: CaseState): AssessmentFormValue | undefined {
    // Whether a new version may be saved is the core's decision (mayIssue, DP-40); withheld parts are
    // carried forward by the core and may not be written (ASSESSMENT_PART_WITHHELD).
    this.issuable = issuableOf(view);
    const versions = (view.assessments ?? []).filter((a) => !isRedactionMarker(a));
    const latest = versions[versions.length - 1];
    const redactions: Record<string, RedactionMarker> = {};
    (view.assessments ?? []).forEach((a, i) => {
      if (isRedactionMarker(a)) redactions[`assessment:${i}`] = a;
    });
    if (!latest) {
      this.record = undefined;
      this.previous = undefined;
      this.redactions = redactions;
      return this.emptyValue();
    }
    // A re-assessment started after the latest version: the form prepares the next version from it.
    const lastStart = (view.reassessments ?? [])[view.reassessments.length - 1];
    const preparing = lastStart !== undefined && lastStart.recordedAt > latest.recordedAt;
    const domains: AssessmentDomainValue[] = [];
    latest.domains.forEach((d, i) => {
      if (isRedactionMarker(d)) {
        redactions[`domain:${(d as { domainId?: string }).domainId ?? i}`] = d;
        return;
      }
      domains.push(withoutMarkers(d, `domains.${domains.length}`, redactions, ''));
    });
    if (isRedactionMarker(latest.wishesAndDreams)) redactions['wishesAndDreams'] = latest.wishesAndDreams;
    this.redactions = redactions;
    this.record = preparing ? undefined : latest;
    const before = preparing ? latest : versions[versions.length - 2];
    this.previous = before && !isRedactionMarker(before) ? before : undefined;
    this.confirmedByIds = [view.addresseeId];
    return {
      recordedOn: preparing ? todayIso() : latest.recordedOn,
      participantIds: latest.participantIds,
      ...(latest.mode === undefined ? {} : { mode: latest.mode }),
      ...(latest.narrative === undefined || isRedactionMarker(latest.narrative) ? {} : { narrative: latest.narrative }),
      domains,
      wishesAndDreams: isRedactionMarker(latest.wishesAndDreams) ? '' : latest.wishesAndDreams,
    };
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

  private renderMode() {
    const t = this.i18n;
    return html`<fk-radio-group
      data-path="mode"
      label=${t.t('assessment.mode')}
      hint=${t.t('assessment.modeHint')}
      inline
      .options=${[
        { value: 'structured', label: t.t('assessment.mode.structured') },
        { value: 'narrative', label: t.t('assessment.mode.narrative') },
      ]}
      .value=${this.value.mode ?? 'structured'}
      ?disabled=${this.isDisabled}
      ?readonly=${this.readonly}
      @change=${(e: Event) => this.setField('mode', (e.target as HTMLInputElement).value)}
    ></fk-radio-group>`;
  }

  private renderNarrative() {
    const t = this.i18n;
    return html`<section class="section" part="narrative" aria-labelledby="narrative-heading">
      <h3 id="narrative-heading">${t.t('assessment.narrative')}</h3>
      <fk-textarea
        data-path="narrative"
        label=${t.t('assessment.narrativeLabel')}
        hint=${t.t('assessment.narrativeHint')}
        required
        rows="10"
        .value=${this.value.narrative ?? ''}
        .error=${this.errorAt('narrative')}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        @input=${(e: Event) => this.setField('narrative', (e.target as HTMLTextAreaElement).value)}
      ></fk-textarea>
    </section>`;
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

  private renderHeader() {
    const r = this.record;
    const t = this.i18n;
    const parts: string[] = [];
    if (r) {
      parts.push(t.t('assessment.version', { version: t.number(r.version) }));
      parts.push(t.t(r.kind === 'reassessment' ? 'assessment.kind.reassessment' : 'assessment.kind.initial'));
      parts.push(t.t('assessment.recordedOn', { date: t.date(r.recordedOn) }));
    } else if (this.previous) {
      parts.push(t.t('assessment.version', { version: t.number(this.previous.version + 1) }));
      parts.push(t.t('assessment.kind.reassessment'));
    }
    const badge = !r
      ? this.previous
        ? html`<span class="badge badge--info">${t.t('assessment.status.new')}</span>`
        : nothing
      : r.status === 'confirmed' && r.confirmation
        ? html`<span class="badge badge--ok"
            >${t.t('assessment.status.confirmed', { date: t.date(r.confirmation.confirmedOn) })}</span
          >`
        : html`<span class="badge badge--warn">${t.t('assessment.status.recorded')}</span>`;
    return html`<div class="head" part="header">
      <div>
        <h2>${t.t('assessment.title')}</h2>
        ${parts.length ? html`<p class="meta">${parts.join(' · ')}</p>` : nothing}
      </div>
      ${badge}
    </div>`;
  }

  private renderRedacted(key: string, label: string, category?: string) {
    const marker = this.redactions[key];
    if (!marker) return nothing;
    const named = markerCategory(marker) ?? category;
    return html`<fk-redacted label=${label} category=${named ?? nothing} .marker=${marker}></fk-redacted>`;
  }

  private renderTextField(index: number, field: DomainTextField) {
    const path = `domains.${index}.${field}`;
    const t = this.i18n;
    const label = t.t(`assessment.${field}` as 'assessment.resources');
    if (this.redactions[path]) return this.renderRedacted(path, label, this.domains[index]?.categories?.[0]);
    const hint =
      field === 'agreedInterpretation'
        ? t.t('assessment.agreedHint')
        : field === 'dissent'
          ? t.t('assessment.dissentHint')
          : undefined;
    return html`<fk-textarea
      data-path=${path}
      label=${label}
      hint=${hint ?? nothing}
      rows=${TEXT_FIELD_ROWS[field]}
      .value=${(this.domains[index]?.[field] as string | undefined) ?? ''}
      .error=${this.errorAt(path)}
      .warning=${this.warningAt(path)}
      ?disabled=${this.isDisabled}
      ?readonly=${this.readonly}
      @input=${(e: Event) => this.setField(['domains', index, field], (e.target as HTMLTextAreaElement).value)}
    ></fk-textarea>`;
  }

  private ratingText(value: string | number): string {
    const step = this.standard.ratingScale.values.find((v) => v.value === value);
    return step ? `${value} – ${step.label[this.i18n.lang]}` : String(value);
  }

  private renderRating(index: number) {
    const scale = this.standard.ratingScale;
    const t = this.i18n;
    const domain = this.domains[index];
    const label = t.t('assessment.rating', { scale: scale.label[t.lang] });
    const path = `domains.${index}.rating`;
    if (this.redactions[path]) return this.renderRedacted(path, label);
    const numbers = scale.values.map((v) => v.value);
    const consecutive =
      numbers.every((n): n is number => typeof n === 'number' && Number.isInteger(n)) &&
      numbers.every((n, i) => i === 0 || n === (numbers[i - 1] as number) + 1);
    if (consecutive) {
      return html`<fk-rating
        data-path=${path}
        label=${label}
        min=${numbers[0] as number}
        max=${numbers[numbers.length - 1] as number}
        .stepLabels=${scale.values.map((v) => v.label[t.lang])}
        .value=${typeof domain?.rating?.value === 'number' ? domain.rating.value : null}
        .error=${this.errorAt(path, true)}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        @change=${(e: Event) => this.setRating(index, (e.target as HTMLElement & { value: number | null }).value)}
      ></fk-rating>`;
    }
    return html`<fk-radio-group
      data-path=${path}
      .error=${this.errorAt(path)}
      label=${label}
      inline
      .options=${scale.values.map((v) => ({ value: String(v.value), label: v.label[t.lang] }))}
      .value=${domain?.rating ? String(domain.rating.value) : ''}
      ?disabled=${this.isDisabled}
      ?readonly=${this.readonly}
      @change=${(e: Event) => this.setRating(index, (e.target as HTMLElement & { value: string }).value)}
    ></fk-radio-group>`;
  }

  private renderCompare(domain: AssessmentDomainValue) {
    const previous = this.previous;
    if (!previous) return nothing;
    const t = this.i18n;
    const before = previous.domains.find((d) => !isRedactionMarker(d) && d.domainId === domain.domainId);
    const change = compareDomain(domain, before);
    let text: string;
    if (change.kind === 'new') text = t.t('assessment.compare.new');
    else if (change.kind === 'same') text = t.t('assessment.compare.same');
    else {
      const fields = change.fields.map((f) => t.t(`assessment.field.${f}` as 'assessment.field.resources'));
      if (change.rating) {
        const show = (v: string | number | undefined) => (v === undefined ? '–' : String(v));
        fields.push(t.t('assessment.compare.rating', { from: show(change.rating.from), to: show(change.rating.to) }));
      }
      text = t.t('assessment.compare.changed', { fields: t.list(fields) });
    }
    const earlier =
      change.kind === 'changed' && before && !isRedactionMarker(before)
        ? change.fields.filter((f) => typeof before[f] === 'string' && (before[f] as string).trim())
        : [];
    return html`<p class="compare" part="compare">
        <span class="badge ${change.kind === 'same' ? '' : 'badge--info'}">${text}</span>
        ${t.t('assessment.compare.title', { version: t.number(previous.version), date: t.date(previous.recordedOn) })}
      </p>
      ${
        earlier.length
          ? html`<details class="earlier" part="compare-earlier">
              <summary>${t.t('assessment.compare.earlier', { version: t.number(previous.version) })}</summary>
              <dl>
                ${earlier.map(
                  (f) =>
                    html`<dt>${t.t(`assessment.${f}` as 'assessment.resources')}</dt>
                      <dd>${before![f]}</dd>`,
                )}
              </dl>
            </details>`
          : nothing
      }`;
  }

  private renderDomain(domain: AssessmentDomainValue, index: number) {
    const t = this.i18n;
    const name = this.label(domain.domainId);
    const headingId = `domain-${domain.domainId}`;
    const editable = !this.readonly && !this.isDisabled;
    return html`<section
      class="section domain"
      part="domain"
      aria-labelledby=${headingId}
      data-domain=${domain.domainId}
    >
      <div class="section-head">
        <h4 id=${headingId}>
          ${name}
          ${
            domain.rating
              ? html`<span class="badge ${Number(domain.rating.value) >= 4 ? 'badge--warn' : ''}"
                  >${this.ratingText(domain.rating.value)}</span
                >`
              : nothing
          }
        </h4>
        ${
          editable
            ? html`<button
                type="button"
                class="fk-button fk-button--small"
                aria-label=${t.t('assessment.removeDomain', { domain: name })}
                @click=${() => this.removeDomain(index)}
              >
                ${t.t('assessment.remove')}
              </button>`
            : nothing
        }
      </div>
      ${this.renderCompare(domain)}
      <div class="pair">${this.renderTextField(index, 'resources')} ${this.renderTextField(index, 'problems')}</div>
      <div class="pair">
        ${this.renderTextField(index, 'personView')} ${this.renderTextField(index, 'caseManagerView')}
      </div>
      <div class="pair">
        ${this.renderTextField(index, 'agreedInterpretation')} ${this.renderTextField(index, 'dissent')}
      </div>
      ${this.renderRating(index)}
    </section>`;
  }

  private renderPicker() {
    const t = this.i18n;
    const opened = new Set(this.domains.map((d) => d.domainId));
    const closed = this.standard.lifeDomains.filter((d) => !opened.has(d.id));
    const ordinary = closed.filter((d) => !SPECIAL_CATEGORY_DOMAINS[d.id]);
    const special = closed.filter((d) => SPECIAL_CATEGORY_DOMAINS[d.id]);
    const error = this.errorAt('domains');
    const editable = !this.readonly && !this.isDisabled;
    const button = (d: { id: string; label: { de: string; en: string } }) =>
      html`<button
        type="button"
        class="fk-button fk-button--small"
        aria-label=${t.t('assessment.openDomain', { domain: this.label(d.id) })}
        @click=${() => this.openDomain(d.id)}
      >
        <span aria-hidden="true">+</span> ${this.label(d.id)}
      </button>`;
    if (!editable && !error) return nothing;
    return html`<div
      class="picker section section--quiet"
      part="domain-picker"
      data-path="domains"
      tabindex="-1"
      aria-describedby=${error ? 'domains-error' : nothing}
    >
      ${
        editable && ordinary.length
          ? html`<h4>${this.domains.length ? t.t('assessment.addDomains') : t.t('assessment.firstDomain')}</h4>
              <div class="actions">${ordinary.map(button)}</div>`
          : nothing
      }
      ${
        error
          ? html`<p id="domains-error" class="fk-feedback fk-feedback--error" part="error">
              <span class="fk-feedback__icon" aria-hidden="true">!</span>${error}
            </p>`
          : nothing
      }
      ${
        editable && special.length
          ? html`<details class="special" part="special-domains">
              <summary>${t.t('assessment.special')}</summary>
              <p class="fk-hint">${t.t('assessment.specialHint')}</p>
              <div class="actions">${special.map(button)}</div>
            </details>`
          : nothing
      }
    </div>`;
  }

  private renderConfirm() {
    const r = this.record;
    if (!r || r.status !== 'recorded' || this.readonly || this.isDisabled || this.dirty) return nothing;
    const t = this.i18n;
    return html`<section class="section section--quiet" part="confirm" aria-labelledby="confirm-heading">
      <h3 id="confirm-heading">${t.t('assessment.confirm.title')}</h3>
      <p class="lead">${t.t('assessment.confirm.lead')}</p>
      <div class="pair">
        <fk-date-field
          label=${t.t('assessment.confirm.on')}
          required
          .value=${this.confirmOn}
          @change=${(e: Event) => (this.confirmOn = (e.target as HTMLInputElement).value)}
        ></fk-date-field>
        <fk-radio-group
          label=${t.t('assessment.confirm.form')}
          inline
          .options=${(['oral', 'written', 'signed'] as const).map((f) => ({ value: f, label: t.t(`assessment.confirm.form.${f}`) }))}
          .value=${this.confirmForm}
          @change=${(e: Event) => (this.confirmForm = (e.target as HTMLElement & { value: AssessmentConfirmation['form'] }).value)}
        ></fk-radio-group>
      </div>
      <fk-textarea
        label=${t.t('assessment.confirm.note')}
        rows="2"
        .value=${this.confirmNote}
        @input=${(e: Event) => (this.confirmNote = (e.target as HTMLTextAreaElement).value)}
      ></fk-textarea>
      <div class="actions">
        <button
          type="button"
          class="fk-button"
          part="confirm-button"
          ?disabled=${!this.confirmOn || this.connection.pending}
          @click=${() => this.confirm()}
        >
          ${t.t('assessment.confirm.submit')}
        </button>
      </div>
    </section>`;
  }

  override render() {
    const t = this.i18n;
    const editable = !this.readonly && !this.isDisabled;
    const hidden = Object.entries(this.redactions).filter(
      ([k]) => k.startsWith('domain:') || k.startsWith('assessment:'),
    );
    const dropped = this.previous
      ? droppedDomains(
          this.domains,
          this.previous.domains.filter((d) => !isRedactionMarker(d)),
        )
      : [];
    return html`<div class="form" part="form">
      ${this.renderHeader()} ${editable ? html`<p class="lead">${t.t('assessment.lead')}</p>` : nothing}
      ${this.renderRemoteChanged(t.t('assessment.changedElsewhere'), t.t('assessment.adoptRemote'))}
      ${this.renderRefusals()}
      <section class="section" part="wishes" aria-labelledby="wishes-heading">
        <h3 id="wishes-heading" class="fk-visually-hidden">${t.t('assessment.wishes')}</h3>
        ${
          this.redactions['wishesAndDreams']
            ? this.renderRedacted('wishesAndDreams', t.t('assessment.wishes'))
            : html`<fk-textarea
                data-path="wishesAndDreams"
                label=${t.t('assessment.wishes')}
                hint=${t.t('assessment.wishesHint')}
                rows="4"
                .value=${this.value.wishesAndDreams ?? ''}
                .error=${this.errorAt('wishesAndDreams')}
                ?disabled=${this.isDisabled}
                ?readonly=${this.readonly}
                @input=${(e: Event) => this.setField('wishesAndDreams', (e.target as HTMLTextAreaElement).value)}
              ></fk-textarea>`
        }
        <fk-date-field
          data-path="recordedOn"
          label=${t.t('assessment.conversationDate')}
          .value=${this.value.recordedOn ?? ''}
          .error=${this.errorAt('recordedOn')}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @change=${(e: Event) => this.setField('recordedOn', (e.target as HTMLInputElement).value || undefined)}
        ></fk-date-field>
        ${this.renderMode()}
      </section>
      ${this.narrative ? this.renderNarrative() : nothing}
      <section class="domains" part="domains" aria-labelledby="domains-heading" ?hidden=${this.narrative}>
        <div class="section-head">
          <div>
            <h3 id="domains-heading" tabindex="-1">${t.t('assessment.domains')}</h3>
            ${editable ? html`<p class="fk-hint">${t.t('assessment.domainsHint')}</p>` : nothing}
          </div>
        </div>
        <div class="domain-list">
          ${repeat(
            this.domains,
            (d) => d.domainId,
            (d, i) => this.renderDomain(d, i),
          )}
          ${hidden.map(
            ([key, marker]) =>
              html`<fk-redacted
                label=${key.startsWith('domain:') ? this.label(key.slice(7)) : t.t('assessment.title')}
                category=${markerCategory(marker) ?? SPECIAL_CATEGORY_DOMAINS[key.slice(7)] ?? nothing}
                .marker=${marker}
              ></fk-redacted>`,
          )}
          ${
            dropped.length
              ? html`<p class="compare">
                  ${t.t('assessment.compare.dropped', { domains: t.list(dropped.map((id) => this.label(id))) })}
                </p>`
              : nothing
          }
        </div>
        ${this.renderPicker()}
      </section>
      ${this.renderConfirm()}
      ${
        editable
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
