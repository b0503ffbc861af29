import { html, nothing } from 'lit';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import { redactedPart, type IntakeScreeningView } from './intake-screening.view.js';

// Choices are bound by hand, not with bind(): a read-only form shows them read-only (with the marker); so are
// the optional texts that show no feedback of their own.

function criterionText(
  v: IntakeScreeningView,
  c: {
    id: string;
    label: { de: string; en: string };
    description?: { de: string; en: string };
  },
) {
  const t = v.t;
  const key = `intake.criterion.${c.id}`;
  return c.description ? t.text(c.description) : t.has(key) ? t.t(key as 'intake.title') : undefined;
}

function criteriaList(v: IntakeScreeningView, list: 'criteria' | 'targetGroupCriteria') {
  const defs = list === 'criteria' ? v.standard.criteria : v.standard.targetGroupCriteria;
  const items = v.value.check[list] ?? [];
  const t = v.t;
  return items.map((item, i) => {
    const def = defs.find((d) => d.id === item.criterionId);
    const label = def ? t.text(def.label) : item.criterionId;
    const path = `check.${list}.${i}`;
    return html`<li class="criterion" part="criterion" ?data-met=${item.met === true}>
      <fk-checkbox
        data-path=${`${path}.met`}
        label=${label}
        hint=${(def && criterionText(v, def)) ?? nothing}
        .checked=${item.met === true}
        ?disabled=${v.disabled}
        ?readonly=${v.readonly}
        @change=${(e: FkFieldChangeEvent<boolean>) => v.setCriterion(list, i, { met: e.value })}
      ></fk-checkbox>
      ${
        item.met === true
          ? html`<fk-text-field
              data-path=${`${path}.explanation`}
              label=${t.t('intake.explanation')}
              .value=${item.explanation ?? ''}
              ?disabled=${v.disabled}
              ?readonly=${v.readonly}
              @input=${(e: Event) => v.setCriterion(list, i, { explanation: (e.target as HTMLInputElement).value })}
            ></fk-text-field>`
          : nothing
      }
    </li>`;
  });
}

/** The casefinding criteria as a checklist with explanations, and the overall judgement. */
export function criteriaSection(v: IntakeScreeningView) {
  const t = v.t;
  const check = v.value.check;
  const met = check.criteria.filter((c) => c.met === true).length;
  const blocked = redactedPart(v, 'check', t.t('intake.criteria'));
  return html`<section class="section" part="criteria" aria-labelledby="criteria-heading">
    <div class="section-head">
      <h3 id="criteria-heading">${t.t('intake.criteria')}</h3>
      ${blocked ? nothing : html`<span class="badge badge--info count">${t.t('intake.criteriaCount', { met, count: check.criteria.length })}</span>`}
    </div>
    ${
      blocked ??
      html`<p class="lead">${t.t('intake.criteriaLead')}</p>
        <ul class="plain criteria">
          ${criteriaList(v, 'criteria')}
        </ul>
        ${
          (check.targetGroupCriteria ?? []).length
            ? html`<h4>${t.t('intake.targetGroup')}</h4>
                <ul class="plain criteria">
                  ${criteriaList(v, 'targetGroupCriteria')}
                </ul>`
            : nothing
        }
        ${v.standard.minimumMet ? html`<p class="fk-hint">${t.t('intake.criteriaMinimum', { minimum: v.standard.minimumMet })}</p>` : nothing}
        <fk-radio-group
          data-path="check.complexNeeds"
          label=${t.t('intake.complexNeeds')}
          hint=${t.t('intake.complexNeedsHint')}
          required
          inline
          .options=${[
            { value: 'yes', label: t.t('intake.complexNeeds.yes') },
            { value: 'no', label: t.t('intake.complexNeeds.no') },
          ]}
          .value=${check.complexNeeds === undefined ? '' : check.complexNeeds ? 'yes' : 'no'}
          .error=${v.errorAt('check.complexNeeds')}
          ?disabled=${v.disabled}
          ?readonly=${v.readonly}
          @change=${(e: FkFieldChangeEvent<string>) => v.setField('check.complexNeeds', e.value === 'yes')}
        ></fk-radio-group>
        <fk-textarea
          data-path="check.summary"
          label=${t.t('intake.summary')}
          rows="2"
          .value=${check.summary ?? ''}
          ?disabled=${v.disabled}
          ?readonly=${v.readonly}
          @input=${(e: Event) => v.setField('check.summary', (e.target as HTMLTextAreaElement).value)}
        ></fk-textarea>`
    }
  </section>`;
}
