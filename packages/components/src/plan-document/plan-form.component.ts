import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import {
  applicablePlanItems,
  createStandardRegistry,
  isRedactionMarker,
  recordPlanInput,
  sourceLabel,
  type CaseCommand,
  type CaseCommandInput,
  type CaseState,
  type PlanItem,
  type ProcessStandard,
} from '@fallkit/core';
import { FkFormElement } from '../base/form-element.js';
import { schemaValidator, type Validator } from '../base/validator.js';
import type { Feedback } from '../base/feedback.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';
import { todayIso } from '../base/parts-schema.js';
import { planMessages } from './plan-document.messages.js';

/** A participant row as the form edits it. */
export interface PlanFormParticipant {
  name: string;
  role: string;
  personId?: string;
}

/**
 * The value of `<fk-plan-form>`: the input of the core's `recordPlan`, with the section texts keyed
 * by the profile's item id (the form shows one field per item; the command carries a list).
 */
export interface PlanFormValue {
  recordedOn?: string;
  participants: PlanFormParticipant[];
  sections: Record<string, string>;
  personsOwnWords: string;
  helpOutsideFamily: boolean;
  reviewOn?: string;
}

/** The validated data `fk-submit` carries: the parsed `recordPlan` input. */
export type PlanFormData = CaseCommandInput<'recordPlan'>;

/** What the plan takes from the rest of the case: agreed open case goals, measures not cancelled. */
function caseCounts(view: CaseState | undefined): { goals: number; measures: number } {
  if (view === undefined) return { goals: 0, measures: 0 };
  const goals = (view.goals ?? []).filter(
    (g) => !isRedactionMarker(g) && g.level === 'case' && g.status === 'open' && g.agreement !== undefined,
  ).length;
  const measures = (view.measures ?? []).filter((m) => !isRedactionMarker(m) && m.status !== 'cancelled').length;
  return { goals, measures };
}

/**
 * The plan of a legal profile (stage 4 with its statute): Kooperationsplan (§ 15 SGB II), Hilfeplan
 * (§ 36 SGB VIII), Gesamtplan (§ 121 SGB IX). The form adapts to the case's standard: one field per
 * content item of the profile's plan document, with its label, whether the statute requires it
 * ("Pflicht"), expects it ("Soll") or allows it ("Kann"), and the provision it comes from (marked
 * where the value is not checked against the statute). Goals and measures come from the goal
 * agreement and the help plan; the form shows whether the plan has them. Missing required content
 * blocks the save (the core refuses it as PR-33 too); missing "should" content is a warning (PR-34).
 *
 * `together`: the shared-screen mode for planning with the person: plain German labels, large type,
 * the person's own words first.
 *
 * Standalone: pass `standard` (a legal profile); `value` is the form's value, `fk-submit` carries the
 * parsed `recordPlan` input. Connected: the standard is the case's own (by its recorded id and
 * version), the latest plan is the starting point, and saving sends `recordPlan`.
 *
 * @tagname fk-plan-form
 * @summary The plan document of the case's legal profile: required content per statute, the person's words first.
 *
 * @event change - The user changed the value. `detail: { value, valid }`.
 * @event fk-submit - Valid data to save. `detail`: the parsed `recordPlan` input. Cancelable.
 * @event fk-saved - Connected save succeeded.
 * @event fk-refused - Connected save refused; `detail: { errors, value }`; the typed text stays.
 *
 * @csspart form - The outer container.
 * @csspart own-words - The person's own words.
 * @csspart items - The content items.
 * @csspart participants - The participants.
 * @csspart actions - The save bar.
 * @csspart submit - The save button.
 * @csspart status - The live region.
 * @csspart refusals - Refusals of the last save.
 *
 * @cssstate user-invalid - Invalid after interaction.
 * @cssstate dirty - Unsaved changes.
 */
export class FkPlanForm extends FkFormElement<PlanFormValue, PlanFormData, CaseState, CaseCommand> {
  static override catalog = planMessages;

  static override styles = [
    sharedStyles,
    formLayoutStyles,
    css`
      .item-head {
        display: flex;
        flex-wrap: wrap;
        gap: ${token('space-2xs')} ${token('space-xs')};
        align-items: baseline;
      }
      .para {
        font-size: ${token('font-size-s')};
        color: ${token('color-text-muted')};
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: ${token('space-s')};
        align-items: end;
      }
      .row fk-text-field {
        flex: 1 1 12rem;
      }
      :host([together]) {
        font-size: 1.3rem;
      }
      :host([together]) .form {
        gap: ${token('space-xl')};
      }
    `,
  ];

  declare protected readonly i18n: LocalizeController<typeof planMessages.de>;
  protected override schema = recordPlanInput;

  /** The case's process standard (a legal profile). Connected: resolved from the case's recorded standard. */
  @property({ attribute: false }) standard?: ProcessStandard;

  /** Shared-screen mode: plain language, large type, the person's own words first. */
  @property({ type: Boolean, reflect: true }) together = false;

  /** The case as the view shows it (connected: set from the view); the form counts its goals and measures. */
  @property({ attribute: false }) caseState?: CaseState;

  protected override emptyValue(): PlanFormValue {
    return { recordedOn: todayIso(), participants: [], sections: {}, personsOwnWords: '', helpOutsideFamily: false };
  }

  /** The value as `recordPlan` takes it: sections as a list, empty texts and rows left out. */
  protected override forParsing(value: PlanFormValue): unknown {
    const sections = Object.entries(value.sections ?? {})
      .filter(([, text]) => text.trim() !== '')
      .map(([itemId, text]) => ({ itemId, text }));
    const participants = (value.participants ?? [])
      .filter((p) => p.name.trim() !== '' || p.role.trim() !== '')
      .map((p) => ({ name: p.name, role: p.role, ...(p.personId ? { personId: p.personId } : {}) }));
    return {
      ...(value.recordedOn ? { recordedOn: value.recordedOn } : {}),
      participants,
      sections,
      ...(value.personsOwnWords?.trim() ? { personsOwnWords: value.personsOwnWords } : {}),
      ...(this.hasOutsideFamilyItems() ? { helpOutsideFamily: value.helpOutsideFamily === true } : {}),
      ...(value.reviewOn ? { reviewOn: value.reviewOn } : {}),
    };
  }

  private hasOutsideFamilyItems(): boolean {
    return (this.standard?.plan?.items ?? []).some((i) => i.appliesWhen === 'helpOutsideFamily');
  }

  private items(): PlanItem[] {
    return this.standard
      ? applicablePlanItems(this.standard, { helpOutsideFamily: this.value?.helpOutsideFamily === true })
      : [];
  }

  private itemPresent(item: PlanItem, value: PlanFormValue): boolean {
    const counts = caseCounts(this.caseState);
    switch (item.from) {
      case 'text':
        return (value.sections?.[item.id] ?? '').trim() !== '';
      case 'participants':
        return (value.participants ?? []).some((p) => p.name.trim() !== '');
      case 'goals':
        return counts.goals > 0;
      case 'measures':
        return counts.measures > 0;
    }
  }

  private itemPath(item: PlanItem): string[] {
    return item.from === 'text' ? ['sections', item.id] : item.from === 'participants' ? ['participants'] : [item.from];
  }

  protected override validators(): readonly Validator<PlanFormValue>[] {
    const schema = schemaValidator<unknown>(recordPlanInput);
    return [
      { id: 'schema', validate: (value) => schema.validate(this.forParsing(value)) },
      {
        // The same content rule the core applies (PR-33 / PR-34), shown while typing.
        id: 'plan-content',
        validate: (value): Feedback[] =>
          this.items().flatMap((item): Feedback[] => {
            if (item.obligation === 'may' || this.itemPresent(item, value)) return [];
            const params = { label: this.i18n.text(item.label), paragraph: this.i18n.text(sourceLabel(item.source)) };
            return [
              item.obligation === 'must'
                ? {
                    type: 'error',
                    code: 'PROCESS_PLAN_CONTENT_MISSING',
                    rule: 'PR-33',
                    message: { key: 'plan.form.required', params },
                    path: this.itemPath(item),
                    flag: 'valueMissing',
                  }
                : {
                    type: 'warning',
                    code: 'PROCESS_PLAN_CONTENT_SHOULD',
                    rule: 'PR-34',
                    message: { key: 'plan.form.should', params },
                    path: this.itemPath(item),
                  },
            ];
          }),
      },
    ];
  }

  // ---- connected mode ----------------------------------------------------------------------------

  protected override valueFromView(view: CaseState): PlanFormValue {
    this.caseState = view;
    const own = createStandardRegistry(this.standard ? [this.standard] : []).get(view.processStandard);
    if (own !== undefined) this.standard = own;
    const latest = (view.plans ?? []).filter((p) => !isRedactionMarker(p)).at(-1);
    if (latest === undefined) return this.emptyValue();
    return {
      recordedOn: todayIso(),
      participants: latest.participants.map((p) => ({ ...p })),
      sections: Object.fromEntries(latest.sections.map((s) => [s.itemId, s.text])),
      personsOwnWords: latest.personsOwnWords ?? '',
      helpOutsideFamily: latest.helpOutsideFamily === true,
      ...(latest.reviewOn ? { reviewOn: latest.reviewOn } : {}),
    };
  }

  protected override commandsFor(data: PlanFormData): CaseCommand {
    return { type: 'recordPlan', caseId: this.connection.caseId, input: data };
  }

  // ---- rendering ------------------------------------------------------------------------------------

  private label(item: PlanItem): string {
    return this.i18n.text(this.together && item.plainLabel ? item.plainLabel : item.label);
  }

  private renderItem(item: PlanItem) {
    const t = this.i18n;
    const path = this.itemPath(item).join('.');
    const badge = html`<span class="badge ${item.obligation === 'must' ? 'badge--warn' : 'badge--info'}"
      >${t.t(`plan.obligation.${item.obligation}`)}</span
    >`;
    const source = html`<span class="para">${t.text(sourceLabel(item.source))}</span>`;
    if (item.from === 'text')
      return html`<div class="item" data-item=${item.id}>
        <div class="item-head">${badge} ${source}</div>
        <fk-textarea
          data-path=${path}
          label=${this.label(item)}
          ?required=${item.obligation === 'must'}
          rows=${this.together ? 4 : 3}
          .value=${this.value.sections?.[item.id] ?? ''}
          .error=${this.errorAt(path)}
          .warning=${this.warningAt(path)}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @input=${(e: Event) =>
            this.setValue(
              {
                ...this.value,
                sections: { ...this.value.sections, [item.id]: (e.target as HTMLTextAreaElement).value },
              },
              ['sections', item.id],
            )}
        ></fk-textarea>
      </div>`;
    if (item.from === 'participants') return nothing;
    const counts = caseCounts(this.caseState);
    const count = item.from === 'goals' ? counts.goals : counts.measures;
    const error = this.errorAt(path);
    return html`<div class="item" data-item=${item.id} data-path=${path}>
      <div class="item-head"><strong>${this.label(item)}</strong> ${badge} ${source}</div>
      <p class="meta">
        ${
          count > 0
            ? t.t(item.from === 'goals' ? 'plan.form.fromGoals' : 'plan.form.fromMeasures', { count })
            : t.t('plan.form.fromCaseMissing')
        }
      </p>
      ${
        error
          ? html`<p class="fk-feedback fk-feedback--error" part="error">
              <span class="fk-feedback__icon" aria-hidden="true">!</span>${error}
            </p>`
          : nothing
      }
    </div>`;
  }

  private renderParticipants() {
    const t = this.i18n;
    const rows = this.value.participants ?? [];
    const item = this.items().find((i) => i.from === 'participants');
    const set = (index: number, field: 'name' | 'role', text: string) => {
      const next = rows.map((r, i) => (i === index ? { ...r, [field]: text } : r));
      this.setValue({ ...this.value, participants: next }, ['participants', index, field]);
    };
    const error = this.errorAt('participants');
    return html`<section
      class="section"
      part="participants"
      aria-labelledby="participants-heading"
      data-path="participants"
    >
      <div class="item-head">
        <h3 id="participants-heading">${item ? this.label(item) : t.t('plan.form.participants')}</h3>
        ${
          item
            ? html`<span class="badge badge--warn">${t.t(`plan.obligation.${item.obligation}`)}</span>
                <span class="para">${t.text(sourceLabel(item.source))}</span>`
            : nothing
        }
      </div>
      ${rows.map(
        (row, index) =>
          html`<div class="row">
            <fk-text-field
              data-path=${`participants.${index}.name`}
              label=${t.t('plan.form.participantName')}
              .value=${row.name}
              .error=${this.errorAt(`participants.${index}.name`)}
              ?disabled=${this.isDisabled}
              ?readonly=${this.readonly}
              @input=${(e: Event) => set(index, 'name', (e.target as HTMLInputElement).value)}
            ></fk-text-field>
            <fk-text-field
              data-path=${`participants.${index}.role`}
              label=${t.t('plan.form.participantRole')}
              .value=${row.role}
              .error=${this.errorAt(`participants.${index}.role`)}
              ?disabled=${this.isDisabled}
              ?readonly=${this.readonly}
              @input=${(e: Event) => set(index, 'role', (e.target as HTMLInputElement).value)}
            ></fk-text-field>
            ${
              this.readonly || this.isDisabled
                ? nothing
                : html`<button
                    type="button"
                    class="fk-button"
                    @click=${() =>
                      this.setValue({ ...this.value, participants: rows.filter((_, i) => i !== index) }, [
                        'participants',
                      ])}
                  >
                    ${t.t('plan.form.removeParticipant', { name: row.name || String(index + 1) })}
                  </button>`
            }
          </div>`,
      )}
      ${
        error
          ? html`<p class="fk-feedback fk-feedback--error" part="error">
              <span class="fk-feedback__icon" aria-hidden="true">!</span>${error}
            </p>`
          : nothing
      }
      ${
        this.readonly || this.isDisabled
          ? nothing
          : html`<div>
              <button
                type="button"
                class="fk-button"
                @click=${() =>
                  this.setValue({ ...this.value, participants: [...rows, { name: '', role: '' }] }, ['participants'])}
              >
                ${t.t('plan.form.addParticipant')}
              </button>
            </div>`
      }
    </section>`;
  }

  override render() {
    const t = this.i18n;
    const plan = this.standard?.plan;
    if (plan === undefined)
      return html`<div class="form" part="form">
        <p class="lead">${t.t('plan.noDocument')}</p>
        ${this.renderStatus()}
      </div>`;
    const v = this.value;
    return html`<div class="form" part="form">
      <div class="head" part="header">
        <h2>${t.text(plan.title)}</h2>
        <p class="meta">${t.text(this.standard!.name)}</p>
      </div>
      <p class="lead">
        ${this.together ? t.t('plan.form.togetherLead') : t.t('plan.form.lead', { title: t.text(sourceLabel(plan.source)) })}
      </p>
      ${this.renderRemoteChanged(t.t('plan.form.changedElsewhere'), t.t('plan.form.adoptRemote'))}
      ${this.renderRefusals()}
      <section class="section" part="own-words" aria-labelledby="own-words-heading">
        <h3 id="own-words-heading">${t.t('plan.ownWords')}</h3>
        <fk-textarea
          data-path="personsOwnWords"
          label=${t.t('plan.ownWordsLabel')}
          hint=${t.t('plan.ownWordsHint')}
          rows=${this.together ? 4 : 3}
          .value=${v.personsOwnWords ?? ''}
          .error=${this.errorAt('personsOwnWords')}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @input=${(e: Event) => this.setField('personsOwnWords', (e.target as HTMLTextAreaElement).value)}
        ></fk-textarea>
      </section>
      ${
        this.hasOutsideFamilyItems()
          ? html`<fk-checkbox
              data-path="helpOutsideFamily"
              label=${t.t('plan.form.helpOutsideFamily')}
              .checked=${v.helpOutsideFamily === true}
              ?disabled=${this.isDisabled}
              ?readonly=${this.readonly}
              @change=${(e: Event) => this.setField('helpOutsideFamily', (e.target as HTMLInputElement).checked)}
            ></fk-checkbox>`
          : nothing
      }
      ${this.renderParticipants()}
      <section class="section" part="items" aria-labelledby="items-heading">
        <h3 id="items-heading">${t.t('plan.content')}</h3>
        ${this.items().map((item) => this.renderItem(item))}
      </section>
      <div class="pair">
        <fk-date-field
          data-path="recordedOn"
          label=${t.t('plan.form.recordedOn')}
          .value=${v.recordedOn ?? ''}
          .error=${this.errorAt('recordedOn')}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @change=${(e: Event) => this.setField('recordedOn', (e.target as HTMLInputElement).value || undefined)}
        ></fk-date-field>
        <fk-date-field
          data-path="reviewOn"
          label=${t.t('plan.form.reviewOn')}
          .value=${v.reviewOn ?? ''}
          .error=${this.errorAt('reviewOn')}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @change=${(e: Event) => this.setField('reviewOn', (e.target as HTMLInputElement).value || undefined)}
        ></fk-date-field>
      </div>
      ${this.renderSubmitActions(t.t('plan.form.save'))} ${this.renderStatus()}
    </div>`;
  }
}
