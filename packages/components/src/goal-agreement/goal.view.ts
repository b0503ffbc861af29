import { html, nothing } from 'lit';
import { GOAL_LEVELS, GOAL_STATUSES, WAY_OF_LIFE_RELATIONS, type GoalStatus } from '@fallkit/core';
import { canonical } from '../list-editing/changed-fields.js';
import { onFieldText } from '../base/field-input.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import { LEVEL_RANK, changedContent, type GoalEntry } from './goal-agreement.schema.js';
import type { GoalAgreementView } from './goal-agreement.view.js';
import { agreementPart, historyPart, indicatorsPart } from './goal-details.view.js';

/** One goal: stored goals as a summary until opened, new and opened ones as the editor. */
export function goalPart(v: GoalAgreementView, goal: GoalEntry, index: number) {
  const t = v.t;
  const title = v.field(index, 'title');
  const name = v.goalName(goal, index);
  const before = goal.id ? v.baseline.get(goal.id) : undefined;
  const changed =
    !!before &&
    (changedContent(before, goal).length > 0 ||
      canonical(before.agreement ?? null) !== canonical(goal.agreement ?? null));
  const parents = v.goals.filter((g) => g !== goal && g.id && LEVEL_RANK[g.level]! < LEVEL_RANK[goal.level]!);
  const reason = v.field(index, 'revisionReason');
  const until = v.field(index, 'timeFrame.until');
  const frameError = [v.errorAt(`goals.${index}.timeFrame`), until.error].filter(Boolean).join(' ') || undefined;
  const headingId = `goal-h-${index}`;
  const hasErrors = v.errorAt(`goals.${index}`, true) !== undefined;
  // Stored goals show as a summary until opened: agreed goals are revised deliberately, not in passing.
  const open = !goal.id || changed || v.openGoals.has(goal.id) || (v.showAllErrors && hasErrors);
  const editorId = `goal-editor-${index}`;
  const toggle =
    goal.id && !changed
      ? html`<button
          type="button"
          class="fk-button fk-button--small"
          data-path=${`goals.${index}`}
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${editorId}
          ?disabled=${v.disabled}
          @click=${() => v.toggleGoal(goal.id!, index)}
        >
          ${open ? t.t('goals.close') : v.readonly ? t.t('goals.show') : t.t('goals.edit')}<span
            class="fk-visually-hidden"
            >: ${name}</span
          >
        </button>`
      : nothing;
  if (!open) return goalSummary(v, goal, index, headingId, toggle);
  return html`<section class="section" part="goal" data-goal-index=${index} aria-labelledby=${headingId}>
    <div class="goal-head">
      <h3 id=${headingId}>
        ${t.t('goals.goal', { number: index + 1 })}${goal.title?.trim() ? html`: ${goal.title}` : nothing}
      </h3>
      <span class="badge badge--info">${t.t(`goals.level.${goal.level}`)}</span>
      ${goal.status ? html`<span class="badge ${goal.status === 'achieved' ? 'badge--ok' : ''}">${t.t(`goals.status.${goal.status}`)}</span>` : nothing}
      ${
        !goal.id && !v.locked
          ? html`<button
              type="button"
              class="fk-button fk-button--small"
              aria-label=${t.t('goals.removeLabel', { goal: name })}
              @click=${() => v.removeGoal(index)}
            >
              ${t.t('goals.remove')}
            </button>`
          : nothing
      }
      ${toggle}
    </div>
    <div id=${editorId} class="goal-editor">
      <fk-text-field
        data-path=${title.path}
        label=${t.t('goals.field.title')}
        hint=${t.t('goals.field.titleHint')}
        required
        .value=${goal.title ?? ''}
        .error=${title.error}
        ?disabled=${v.disabled}
        ?readonly=${v.readonly}
        @input=${onFieldText((text) => v.updateGoal(index, { title: text }, 'title'))}
      ></fk-text-field>
      <div class="pair">
        <fk-select
          data-path=${`goals.${index}.level`}
          .error=${v.errorAt(`goals.${index}.level`)}
          label=${t.t('goals.field.level')}
          .options=${GOAL_LEVELS.map((l) => ({ value: l, label: t.t(`goals.level.${l}`) }))}
          .value=${goal.level}
          ?disabled=${v.locked}
          @change=${(e: FkFieldChangeEvent<GoalEntry['level']>) => v.updateGoal(index, { level: e.value }, 'level')}
        ></fk-select>
        ${
          parents.length
            ? html`<fk-select
                data-path=${`goals.${index}.parentGoalId`}
                .error=${v.errorAt(`goals.${index}.parentGoalId`)}
                label=${t.t('goals.field.parent')}
                .options=${[{ value: '', label: t.t('goals.field.parentNone') }, ...parents.map((p) => ({ value: p.id!, label: p.title }))]}
                .value=${goal.parentGoalId ?? ''}
                ?disabled=${v.locked}
                @change=${(e: FkFieldChangeEvent<string>) => v.updateGoal(index, { parentGoalId: e.value || undefined }, 'parentGoalId')}
              ></fk-select>`
            : nothing
        }
      </div>
      <fk-textarea
        data-path=${`goals.${index}.description`}
        .error=${v.errorAt(`goals.${index}.description`)}
        label=${t.t('goals.field.description')}
        rows="2"
        .value=${goal.description ?? ''}
        ?disabled=${v.disabled}
        ?readonly=${v.readonly}
        @input=${onFieldText((text) => v.updateGoal(index, { description: text }, 'description'))}
      ></fk-textarea>
      <fk-checkbox-group
        data-path=${`goals.${index}.domainIds`}
        .error=${v.errorAt(`goals.${index}.domainIds`)}
        label=${t.t('goals.field.domains')}
        inline
        .options=${v.standard.lifeDomains.map((d) => ({ value: d.id, label: d.label[t.lang] }))}
        .value=${goal.domainIds ?? []}
        ?disabled=${v.locked}
        @change=${(e: FkFieldChangeEvent<readonly string[]>) => v.updateGoal(index, { domainIds: [...e.value] }, 'domainIds')}
      ></fk-checkbox-group>
      ${indicatorsPart(v, goal, index)}
      <div class="pair">
        <fk-date-field
          data-path=${`goals.${index}.timeFrame.from`}
          .error=${v.errorAt(`goals.${index}.timeFrame.from`)}
          label=${t.t('goals.timeFrame.from')}
          .value=${goal.timeFrame?.from ?? ''}
          ?disabled=${v.disabled}
          ?readonly=${v.readonly}
          @change=${(e: FkFieldChangeEvent<string>) => v.setTimeFrame(index, 'from', e.value)}
        ></fk-date-field>
        <fk-date-field
          data-path=${until.path}
          label=${t.t('goals.timeFrame.until')}
          ?required=${!!goal.timeFrame}
          .value=${goal.timeFrame?.until ?? ''}
          .error=${frameError}
          ?disabled=${v.disabled}
          ?readonly=${v.readonly}
          @change=${(e: FkFieldChangeEvent<string>) => v.setTimeFrame(index, 'until', e.value)}
        ></fk-date-field>
      </div>
      <fk-radio-group
        data-path=${`goals.${index}.wayOfLife`}
        .error=${v.errorAt(`goals.${index}.wayOfLife`)}
        label=${t.t('goals.wayOfLife')}
        .options=${WAY_OF_LIFE_RELATIONS.map((w) => ({ value: w, label: t.t(`goals.wayOfLife.${w}`), description: t.t(`goals.wayOfLife.${w}.description`) }))}
        .value=${goal.wayOfLife ?? ''}
        ?disabled=${v.locked}
        @change=${(e: FkFieldChangeEvent<NonNullable<GoalEntry['wayOfLife']> | ''>) => v.updateGoal(index, { wayOfLife: e.value || undefined }, 'wayOfLife')}
      ></fk-radio-group>
      ${agreementPart(v, goal, index)}
      ${
        goal.id
          ? html`<fk-select
              data-path=${`goals.${index}.status`}
              .error=${v.errorAt(`goals.${index}.status`)}
              label=${t.t('goals.status')}
              .options=${GOAL_STATUSES.map((s) => ({ value: s, label: t.t(`goals.status.${s}`) }))}
              .value=${goal.status ?? 'open'}
              ?disabled=${v.locked}
              @change=${(e: FkFieldChangeEvent<GoalStatus>) => v.updateGoal(index, { status: e.value }, 'status')}
            ></fk-select>`
          : nothing
      }
      ${
        changed
          ? html`<fk-text-field
              data-path=${reason.path}
              label=${t.t('goals.revision.reason')}
              hint=${t.t('goals.revision.reasonHint')}
              required
              .value=${goal.revisionReason ?? ''}
              .error=${reason.error}
              ?disabled=${v.disabled}
              ?readonly=${v.readonly}
              @input=${onFieldText((text) => v.updateGoal(index, { revisionReason: text }, 'revisionReason'))}
            ></fk-text-field>`
          : nothing
      }
      ${historyPart(v, goal)}
    </div>
  </section>`;
}

/** A stored goal not opened: indicators, time frame, way of life, agreement, history. */
function goalSummary(v: GoalAgreementView, goal: GoalEntry, index: number, headingId: string, toggle: unknown) {
  const t = v.t;
  const tf = goal.timeFrame;
  const frame = tf?.until
    ? tf.from
      ? t.t('goals.print.fromUntil', { from: t.date(tf.from), until: t.date(tf.until) })
      : t.t('goals.print.until', { date: t.date(tf.until) })
    : undefined;
  const indicators = (goal.indicators ?? []).map((i) => (i.target ? `${i.description} – ${i.target}` : i.description));
  return html`<section class="section" part="goal" data-goal-index=${index} aria-labelledby=${headingId}>
    <div class="goal-head">
      <h3 id=${headingId}>${t.t('goals.goal', { number: index + 1 })}: ${goal.title}</h3>
      <span class="badge badge--info">${t.t(`goals.level.${goal.level}`)}</span>
      ${
        goal.status
          ? html`<span class="badge ${goal.status === 'achieved' ? 'badge--ok' : ''}"
              >${t.t(`goals.status.${goal.status}`)}</span
            >`
          : nothing
      }
      ${toggle}
    </div>
    <dl class="summary">
      ${
        indicators.length
          ? html`<dt>${t.t('goals.field.indicators')}</dt>
              <dd>${t.list(indicators)}</dd>`
          : nothing
      }
      ${
        frame
          ? html`<dt>${t.t('goals.field.timeFrame')}</dt>
              <dd>${frame}</dd>`
          : nothing
      }
      ${
        goal.wayOfLife
          ? html`<dt>${t.t('goals.field.wayOfLife')}</dt>
              <dd>${t.t(`goals.wayOfLife.${goal.wayOfLife}`)}</dd>`
          : nothing
      }
      <dt>${t.t('goals.agreement')}</dt>
      <dd>
        ${
          goal.agreement?.agreedOn
            ? `${t.t(`goals.agreement.form.${goal.agreement.form}`)}, ${t.date(goal.agreement.agreedOn)}`
            : t.t('goals.print.notAgreed')
        }
      </dd>
      ${
        goal.agreement?.dissent
          ? html`<dt>${t.t('goals.agreement.dissent')}</dt>
              <dd>${goal.agreement.dissent}</dd>`
          : nothing
      }
    </dl>
    ${historyPart(v, goal)}
  </section>`;
}
