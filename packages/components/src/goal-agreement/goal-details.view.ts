import { html, nothing } from 'lit';
import { AGREEMENT_FORMS } from '@fallkit/core';
import { onFieldText } from '../base/field-input.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import { changedContent, type ContentKey, type GoalEntry } from './goal-agreement.schema.js';
import type { GoalAgreementView } from './goal-agreement.view.js';

/** How a goal was agreed (oral, written, signed integration agreement). */
type AgreementForm = NonNullable<GoalEntry['agreement']>['form'];

/** A goal's measurable indicators: description and target each, add and remove. */
export function indicatorsPart(v: GoalAgreementView, goal: GoalEntry, index: number) {
  const t = v.t;
  const indicators = goal.indicators ?? [];
  const group = v.field(index, 'indicators');
  return html`<div class="subsection" part="indicators" role="group" aria-labelledby=${`ind-h-${index}`}>
    <h4 id=${`ind-h-${index}`}>${t.t('goals.indicators')}</h4>
    ${indicators.map((ind, at) => {
      const d = v.field(index, `indicators.${at}.description`);
      const tg = v.field(index, `indicators.${at}.target`);
      return html`<div class="indicator">
        <fk-text-field
          data-path=${d.path}
          label=${t.t('goals.indicator.description', { number: at + 1 })}
          required
          .value=${ind.description ?? ''}
          .error=${d.error}
          ?disabled=${v.disabled}
          ?readonly=${v.readonly}
          @input=${onFieldText((text) => v.setIndicator(index, at, { description: text }))}
        ></fk-text-field>
        <fk-text-field
          data-path=${tg.path}
          .error=${v.errorAt(tg.path)}
          label=${t.t('goals.indicator.target')}
          hint=${t.t('goals.indicator.targetHint')}
          .value=${ind.target ?? ''}
          ?disabled=${v.disabled}
          ?readonly=${v.readonly}
          @input=${onFieldText((text) => v.setIndicator(index, at, { target: text }))}
        ></fk-text-field>
        ${
          v.locked
            ? nothing
            : html`<button
                type="button"
                class="fk-button fk-button--small"
                @click=${() => v.removeIndicator(index, at)}
              >
                ${t.t('goals.remove')}<span class="fk-visually-hidden"
                  >: ${t.t('goals.indicator.remove', { number: at + 1 })}</span
                >
              </button>`
        }
      </div>`;
    })}
    ${
      group.error
        ? html`<p class="fk-feedback fk-feedback--error" part="error">
            <span class="fk-feedback__icon" aria-hidden="true">!</span>${group.error}
          </p>`
        : nothing
    }
    ${
      group.warning && !group.error
        ? html`<p class="fk-feedback fk-feedback--warning" part="warning">
            <span class="fk-feedback__icon" aria-hidden="true">i</span>${group.warning}
          </p>`
        : nothing
    }
    ${
      v.locked
        ? nothing
        : html`<div class="actions">
            <button
              type="button"
              class="fk-button fk-button--small"
              data-add-indicator
              @click=${() => v.addIndicator(index)}
            >
              <span aria-hidden="true">+</span> ${t.t('goals.indicator.add')}
            </button>
          </div>`
    }
  </div>`;
}

/** How and when the goal was agreed with the person, and the person's dissent. */
export function agreementPart(v: GoalAgreementView, goal: GoalEntry, index: number) {
  const t = v.t;
  const a = goal.agreement;
  const on = v.field(index, 'agreement.agreedOn');
  return html`<div class="subsection" part="agreement-fields" role="group" aria-labelledby=${`agr-h-${index}`}>
    <h4 id=${`agr-h-${index}`}>${t.t('goals.agreement')}</h4>
    <fk-checkbox
      data-path=${`goals.${index}.agreement.agreedByPerson`}
      .error=${v.errorAt(`goals.${index}.agreement.agreedByPerson`)}
      label=${t.t('goals.agreement.byPerson')}
      .checked=${a?.agreedByPerson ?? false}
      ?disabled=${v.locked}
      @change=${(e: FkFieldChangeEvent<boolean>) => v.setAgreement(index, { agreedByPerson: e.value }, 'agreedByPerson')}
    ></fk-checkbox>
    <div class="pair">
      <fk-date-field
        data-path=${on.path}
        label=${t.t('goals.agreement.on')}
        ?required=${!!a || goal.level === 'case'}
        .value=${a?.agreedOn ?? ''}
        .error=${on.error}
        ?disabled=${v.disabled}
        ?readonly=${v.readonly}
        @change=${(e: FkFieldChangeEvent<string>) => v.setAgreement(index, { agreedOn: e.value || undefined }, 'agreedOn')}
      ></fk-date-field>
      <fk-select
        data-path=${`goals.${index}.agreement.form`}
        .error=${v.errorAt(`goals.${index}.agreement.form`)}
        label=${t.t('goals.agreement.form')}
        .options=${AGREEMENT_FORMS.map((f) => ({ value: f, label: t.t(`goals.agreement.form.${f}`) }))}
        .value=${a?.form ?? 'oral'}
        ?disabled=${v.locked}
        @change=${(e: FkFieldChangeEvent<AgreementForm>) => v.setAgreement(index, { form: e.value }, 'form')}
      ></fk-select>
    </div>
    <fk-textarea
      data-path=${`goals.${index}.agreement.dissent`}
      .error=${v.errorAt(`goals.${index}.agreement.dissent`)}
      label=${t.t('goals.agreement.dissent')}
      rows="2"
      .value=${a?.dissent ?? ''}
      ?disabled=${v.disabled}
      ?readonly=${v.readonly}
      @input=${onFieldText((text) => v.setAgreement(index, { dissent: text }, 'dissent'))}
    ></fk-textarea>
  </div>`;
}

/** The read-only history under a goal: agreed, each revision with its fields and reason, status changes. */
export function historyPart(v: GoalAgreementView, goal: GoalEntry) {
  const t = v.t;
  const revisions = goal.revisions ?? [];
  const statuses = goal.statusHistory ?? [];
  const count = revisions.length + statuses.length;
  if (count === 0) return nothing;
  const items: { on: string; text: string }[] = [];
  if (goal.agreement?.agreedOn)
    items.push({
      on: goal.agreement.agreedOn,
      text: t.t('goals.history.agreed', {
        date: t.date(goal.agreement.agreedOn),
        form: t.t(`goals.agreement.form.${goal.agreement.form}`),
      }),
    });
  revisions.forEach((r, i) => {
    const after = revisions[i + 1]?.previous ?? goal;
    const fields = changedContent(r.previous, after).map((k) => fieldName(v, k));
    const was = r.previous.title !== after.title ? ` ${t.t('goals.history.was', { title: r.previous.title })}` : '';
    items.push({
      on: r.revisedOn,
      text: `${t.t('goals.history.revision', { date: t.date(r.revisedOn), fields: t.list(fields), reason: r.reason })}${was}`,
    });
  });
  for (const s of statuses)
    items.push({
      on: s.on,
      text: t.t('goals.history.status', { date: t.date(s.on), status: t.t(`goals.status.${s.status}`) }),
    });
  items.sort((a, b) => a.on.localeCompare(b.on));
  return html`<details class="history" part="history">
    <summary>${t.t('goals.history', { count })}</summary>
    <ol>
      ${items.map((i) => html`<li>${i.text}</li>`)}
    </ol>
  </details>`;
}

function fieldName(v: GoalAgreementView, key: ContentKey): string {
  const t = v.t;
  switch (key) {
    case 'title':
      return t.t('goals.field.title');
    case 'level':
      return t.t('goals.field.level');
    case 'parentGoalId':
      return t.t('goals.field.parent');
    case 'description':
      return t.t('goals.field.description');
    case 'indicators':
      return t.t('goals.field.indicators');
    case 'timeFrame':
      return t.t('goals.field.timeFrame');
    case 'domainIds':
      return t.t('goals.field.domains');
    case 'wayOfLife':
      return t.t('goals.field.wayOfLife');
  }
}
