import { html, nothing } from 'lit';
import { onFieldText } from '../base/field-input.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import { dropEmpty, numberOrText } from './case-closure.schema.js';
import type { CaseClosureView } from './case-closure.view.js';

/**
 * The evaluation (optional until the case manager includes it): help plan against goals, methods and
 * cooperation, effort, the person's satisfaction and feedback to providers.
 */
export function evaluationPart(v: CaseClosureView) {
  const t = v.t;
  const ev = v.value.evaluation;
  const text = (key: 'planVersusGoals' | 'methods' | 'cooperation', hint?: string) =>
    html`<fk-textarea
      data-path=${`evaluation.${key}`}
      label=${t.t(`evaluation.${key}`)}
      hint=${hint ?? nothing}
      rows="3"
      .value=${ev?.[key] ?? ''}
      .error=${v.errorAt(`evaluation.${key}`)}
      ?disabled=${v.disabled}
      ?readonly=${v.readonly}
      @input=${onFieldText((typed) => v.setEvaluation({ [key]: typed }, key))}
    ></fk-textarea>`;

  return html`<section class="section" part="evaluation" aria-labelledby="evaluation-title">
    <h3 id="evaluation-title">${t.t('evaluation.title')}</h3>
    <fk-checkbox
      data-path="evaluation"
      label=${t.t('evaluation.include')}
      hint=${t.t('evaluation.includeHint')}
      .checked=${ev !== undefined}
      ?disabled=${v.locked}
      @change=${(e: FkFieldChangeEvent<boolean>) => v.toggleEvaluation(e.value)}
    ></fk-checkbox>
    ${
      ev === undefined
        ? nothing
        : html`${text('planVersusGoals', t.t('evaluation.planVersusGoalsHint'))}
            <div class="pair">${text('methods')} ${text('cooperation')}</div>
            <fieldset class="fk-field">
              <legend class="fk-label">${t.t('evaluation.effort')}</legend>
              <div class="pair">
                <fk-text-field
                  data-path="evaluation.effort.contacts"
                  label=${t.t('evaluation.effort.contacts')}
                  .value=${ev.effort?.contacts === undefined ? '' : String(ev.effort.contacts)}
                  .error=${v.errorAt('evaluation.effort.contacts')}
                  ?disabled=${v.disabled}
                  ?readonly=${v.readonly}
                  @input=${onFieldText((text) => v.setEvaluation({ effort: dropEmpty({ ...ev.effort, contacts: numberOrText(text) as number }) }, 'effort.contacts'))}
                ></fk-text-field>
                <fk-text-field
                  data-path="evaluation.effort.hours"
                  label=${t.t('evaluation.effort.hours')}
                  .value=${ev.effort?.hours === undefined ? '' : String(ev.effort.hours)}
                  .error=${v.errorAt('evaluation.effort.hours')}
                  ?disabled=${v.disabled}
                  ?readonly=${v.readonly}
                  @input=${onFieldText((text) => v.setEvaluation({ effort: dropEmpty({ ...ev.effort, hours: numberOrText(text) as number }) }, 'effort.hours'))}
                ></fk-text-field>
              </div>
              <fk-text-field
                data-path="evaluation.effort.note"
                label=${t.t('evaluation.effort.note')}
                .value=${ev.effort?.note ?? ''}
                ?disabled=${v.disabled}
                ?readonly=${v.readonly}
                @input=${onFieldText((text) => v.setEvaluation({ effort: dropEmpty({ ...ev.effort, note: text }) }, 'effort.note'))}
              ></fk-text-field>
            </fieldset>
            <fieldset class="fk-field">
              <legend class="fk-label">${t.t('evaluation.satisfaction')}</legend>
              <fk-rating
                data-path="evaluation.satisfaction.rating"
                label=${t.t('evaluation.satisfaction.rating')}
                min="1"
                max="5"
                .stepLabels=${[1, 2, 3, 4, 5].map((n) => t.t(`evaluation.satisfaction.${n}` as 'evaluation.satisfaction.1'))}
                .value=${ev.satisfaction?.rating ?? null}
                ?disabled=${v.locked}
                @change=${(e: FkFieldChangeEvent<number | null>) => {
                  const rating = e.value;
                  v.setEvaluation(
                    { satisfaction: dropEmpty({ ...ev.satisfaction, rating: rating ?? undefined }) },
                    'satisfaction.rating',
                  );
                }}
              ></fk-rating>
              <fk-textarea
                data-path="evaluation.satisfaction.statement"
                label=${t.t('evaluation.satisfaction.statement')}
                rows="2"
                .value=${ev.satisfaction?.statement ?? ''}
                ?disabled=${v.disabled}
                ?readonly=${v.readonly}
                @input=${onFieldText((text) => v.setEvaluation({ satisfaction: dropEmpty({ ...ev.satisfaction, statement: text }) }, 'satisfaction.statement'))}
              ></fk-textarea>
              <fk-checkbox
                data-path="evaluation.satisfaction.laterSurveyPlanned"
                label=${t.t('evaluation.satisfaction.survey')}
                .checked=${ev.satisfaction?.laterSurveyPlanned ?? false}
                ?disabled=${v.locked}
                @change=${(e: FkFieldChangeEvent<boolean>) => v.setEvaluation({ satisfaction: dropEmpty({ ...ev.satisfaction, laterSurveyPlanned: e.value || undefined }) }, 'satisfaction.laterSurveyPlanned')}
              ></fk-checkbox>
            </fieldset>
            ${feedbackPart(v)}`
    }
  </section>`;
}

/** Feedback to each provider (known ones by their referral, others typed in). */
function feedbackPart(v: CaseClosureView) {
  const t = v.t;
  const list = v.value.evaluation?.providerFeedback ?? [];
  return html`<div class="subsection" role="group" aria-labelledby="feedback-title">
    <h4 id="feedback-title">${t.t('evaluation.feedback')}</h4>
    <p class="meta">${t.t('evaluation.feedback.lead')}</p>
    ${list.map((f, i) => {
      const name = f.provider || t.t('evaluation.feedback.unnamed', { number: i + 1 });
      const known = !!f.providerReferralId;
      return html`<div class="feedback-entry">
        ${
          known
            ? html`<strong>${f.provider}</strong>`
            : html`<div class="section-head">
                <fk-text-field
                  data-path=${`evaluation.providerFeedback.${i}.provider`}
                  label=${t.t('evaluation.feedback.provider')}
                  required
                  .value=${f.provider ?? ''}
                  .error=${v.errorAt(`evaluation.providerFeedback.${i}.provider`)}
                  ?disabled=${v.disabled}
                  ?readonly=${v.readonly}
                  @input=${onFieldText((text) => v.setFeedback(i, { provider: text }))}
                ></fk-text-field>
                ${
                  v.locked
                    ? nothing
                    : html`<button type="button" class="fk-button fk-button--small" @click=${() => v.removeFeedback(i)}>
                        ${t.t('evaluation.feedback.remove')}<span class="fk-visually-hidden">: ${name}</span>
                      </button>`
                }
              </div>`
        }
        <div class="pair">
          <fk-textarea
            data-path=${`evaluation.providerFeedback.${i}.positive`}
            label=${t.t('evaluation.feedback.positive', { provider: name })}
            rows="2"
            .value=${f.positive ?? ''}
            ?disabled=${v.disabled}
            ?readonly=${v.readonly}
            @input=${onFieldText((text) => v.setFeedback(i, { positive: text }))}
          ></fk-textarea>
          <fk-textarea
            data-path=${`evaluation.providerFeedback.${i}.negative`}
            label=${t.t('evaluation.feedback.negative', { provider: name })}
            rows="2"
            .value=${f.negative ?? ''}
            ?disabled=${v.disabled}
            ?readonly=${v.readonly}
            @input=${onFieldText((text) => v.setFeedback(i, { negative: text }))}
          ></fk-textarea>
        </div>
      </div>`;
    })}
    ${
      v.locked
        ? nothing
        : html`<div class="actions">
            <button type="button" class="fk-button fk-button--small" data-add-feedback @click=${() => v.addFeedback()}>
              <span aria-hidden="true">+</span> ${t.t('evaluation.feedback.add')}
            </button>
          </div>`
    }
  </div>`;
}
