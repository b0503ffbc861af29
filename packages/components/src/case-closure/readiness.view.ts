import { html, nothing } from 'lit';
import { GOAL_ATTAINMENTS, READINESS_SIGNS } from '@fallkit/core';
import { onFieldText } from '../base/field-input.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import { categoryOfMarker } from '../shared/case-of-view.js';
import { ALL_SIGNS, GROUPS } from './case-closure.schema.js';
import type { CaseClosureView } from './case-closure.view.js';

/** The Ballew/Mink signs of readiness to close, in their three groups (signs seen in monitoring marked). */
export function readinessPart(v: CaseClosureView) {
  const t = v.t;
  const picked = v.value.closure.readinessSigns ?? [];
  const groups = GROUPS.filter((g) => READINESS_SIGNS[g].some((s) => picked.includes(s))).length;
  const warning = v.warningAt('closure.readinessSigns');
  return html`<section class="section" part="readiness" aria-labelledby="readiness-title">
    <div>
      <h3 id="readiness-title">${t.t('readiness.title')}</h3>
      <p class="lead">${t.t('readiness.lead')}</p>
    </div>
    <div class="groups">
      ${GROUPS.map(
        (group) =>
          html`<div class="group">
            <fk-checkbox-group
              data-path=${`closure.readinessSigns.${group}`}
              label=${t.t(`readiness.group.${group}`)}
              hint=${t.t(`readiness.group.${group}.description`)}
              .options=${READINESS_SIGNS[group].map((s) => ({
                value: s,
                label: t.t(`readiness.sign.${s}`),
                description: v.observedSigns.includes(s)
                  ? `${t.t(`readiness.sign.${s}.description`)} · ${t.t('readiness.observed')}`
                  : t.t(`readiness.sign.${s}.description`),
              }))}
              .value=${picked.filter((s) => (READINESS_SIGNS[group] as readonly string[]).includes(s))}
              ?disabled=${v.closureLocked}
              @change=${(e: FkFieldChangeEvent<readonly string[]>) => v.setSigns(group, e.value)}
            ></fk-checkbox-group>
          </div>`,
      )}
    </div>
    <p class="meta" aria-live="polite">
      ${t.t('readiness.count', { count: picked.length, total: ALL_SIGNS.length, groups })}
    </p>
    ${
      warning && !v.closed
        ? html`<p class="fk-feedback fk-feedback--warning">
            <span class="fk-feedback__icon" aria-hidden="true">i</span>${warning}
          </p>`
        : nothing
    }
  </section>`;
}

/** Goal attainment per open case goal (addressed by the goal's id), with a note. */
export function attainmentPart(v: CaseClosureView) {
  const t = v.t;
  const list = v.value.closure.goalAttainment ?? [];
  const warning = v.warningAt('closure.goalAttainment');
  const error = v.errorAt('closure.goalAttainment');
  return html`<section
    class="section"
    part="attainment"
    aria-labelledby="attainment-title"
    data-path="closure.goalAttainment"
    tabindex="-1"
  >
    <div>
      <h3 id="attainment-title">${t.t('attainment.title')}</h3>
      <p class="meta">${t.t('attainment.lead')}</p>
    </div>
    ${v.goals.length === 0 && v.redactions.length === 0 ? html`<p class="meta">${t.t('attainment.none')}</p>` : nothing}
    ${v.goals.map((goal) => {
      const entry = list.find((g) => g.goalId === goal.id);
      const index = list.indexOf(entry!);
      return html`<div class="goal">
        <fk-radio-group
          data-path=${`closure.goalAttainment.${goal.id}`}
          label=${goal.title}
          inline
          .options=${GOAL_ATTAINMENTS.map((a) => ({ value: a, label: t.t(`attainment.${a}`) }))}
          .value=${entry?.attainment ?? ''}
          .error=${index >= 0 ? v.errorAt(`closure.goalAttainment.${index}`, true) : undefined}
          ?disabled=${v.closureLocked}
          @change=${(e: FkFieldChangeEvent<string>) => v.setAttainment(goal.id, { attainment: e.value })}
        ></fk-radio-group>
        ${
          entry
            ? html`<fk-text-field
                data-path=${`closure.goalAttainment.${goal.id}.note`}
                label=${t.t('attainment.note', { goal: goal.title })}
                .value=${entry.note ?? ''}
                ?disabled=${v.disabled}
                ?readonly=${v.readonly || v.closed}
                @input=${onFieldText((text) => v.setAttainment(goal.id, { note: text }))}
              ></fk-text-field>`
            : nothing
        }
      </div>`;
    })}
    ${v.redactions.map((m) => html`<fk-redacted label=${t.t('closure.hidden')} category=${categoryOfMarker(m) ?? 'goals'} .marker=${m}></fk-redacted>`)}
    ${error ? html`<p class="fk-feedback fk-feedback--error"><span class="fk-feedback__icon" aria-hidden="true">!</span>${error}</p>` : nothing}
    ${
      warning && !v.closed
        ? html`<p class="fk-feedback fk-feedback--warning">
            <span class="fk-feedback__icon" aria-hidden="true">i</span>${warning}
          </p>`
        : nothing
    }
  </section>`;
}
