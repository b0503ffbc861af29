import { html, nothing } from 'lit';
import { CLOSURE_REASONS } from '@fallkit/core';
import { onFieldText } from '../base/field-input.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import { categoryOfMarker } from '../shared/case-of-view.js';
import type { ClosureInput } from './case-closure.schema.js';
import type { CaseClosureView } from './case-closure.view.js';

/** The human decision to close: the case manager confirms it, nothing closes on its own. */
export function decisionPart(v: CaseClosureView) {
  if (v.closed) return nothing;
  const t = v.t;
  return html`<section class="section section--quiet decision" part="decision" aria-labelledby="decision-title">
    <h3 id="decision-title">${t.t('closure.decision.title')}</h3>
    <p class="lead">${t.t('closure.decision.note')}</p>
    <fk-checkbox
      data-path="decisionConfirmed"
      label=${t.t('closure.decision.confirm')}
      required
      .checked=${v.value.decisionConfirmed ?? false}
      .error=${v.errorAt('decisionConfirmed')}
      ?disabled=${v.locked}
      @change=${(e: FkFieldChangeEvent<boolean>) => v.confirmDecision(e.value)}
    ></fk-checkbox>
  </section>`;
}

/** Why the case closes (nothing preselected), the note, the date and who continues. */
export function reasonPart(v: CaseClosureView) {
  const t = v.t;
  const c = v.value.closure;
  const needsSuccessor = c.reason === 'handedOver' || c.reason === 'movedAway' || !!c.continuedBy;
  return html`<section class="section" part="reason" aria-labelledby="reason-title">
    <h3 id="reason-title">${t.t('closure.reason')}</h3>
    <fk-radio-group
      data-path="closure.reason"
      label=${t.t('closure.reason')}
      hide-label
      required
      .options=${CLOSURE_REASONS.map((r) => ({ value: r, label: t.t(`closure.reason.${r}`), description: t.t(`closure.reason.${r}.description`) }))}
      .value=${c.reason ?? ''}
      .error=${v.errorAt('closure.reason')}
      ?disabled=${v.closureLocked}
      @change=${(e: FkFieldChangeEvent<ClosureInput['reason']>) => v.setClosure({ reason: e.value }, 'reason')}
    ></fk-radio-group>
    <fk-textarea
      data-path="closure.reasonNote"
      label=${t.t('closure.reasonNote')}
      rows="3"
      .value=${c.reasonNote ?? ''}
      .error=${v.errorAt('closure.reasonNote')}
      ?disabled=${v.disabled}
      ?readonly=${v.readonly || v.closed}
      @input=${onFieldText((text) => v.setClosure({ reasonNote: text }, 'reasonNote'))}
    ></fk-textarea>
    <div class="pair">
      <fk-date-field
        data-path="closure.closedOn"
        label=${t.t('closure.on')}
        .value=${c.closedOn ?? ''}
        .error=${v.errorAt('closure.closedOn')}
        ?disabled=${v.disabled}
        ?readonly=${v.readonly || v.closed}
        @change=${(e: FkFieldChangeEvent<string>) => v.setClosure({ closedOn: e.value || undefined }, 'closedOn')}
      ></fk-date-field>
      ${
        needsSuccessor
          ? html`<fk-text-field
              data-path="closure.continuedBy"
              label=${t.t('closure.continuedBy')}
              hint=${t.t('closure.continuedByHint')}
              .value=${c.continuedBy ?? ''}
              ?disabled=${v.disabled}
              ?readonly=${v.readonly || v.closed}
              @input=${onFieldText((text) => v.setClosure({ continuedBy: text }, 'continuedBy'))}
            ></fk-text-field>`
          : nothing
      }
    </div>
  </section>`;
}

/** A closed case: the closure as it was decided, read-only and compact (it cannot change any more). */
export function closedSummary(v: CaseClosureView) {
  const t = v.t;
  const c = v.value.closure;
  const signs = c.readinessSigns ?? [];
  const attainment = c.goalAttainment ?? [];
  const title = (id: string) => v.goals.find((g) => g.id === id)?.title ?? id;
  return html`<section class="section section--quiet" part="reason" aria-labelledby="summary-title">
    <h3 id="summary-title">${t.t('closure.reason')}: ${t.t(`closure.reason.${c.reason}` as 'closure.reason.other')}</h3>
    <dl class="summary">
      ${
        c.reasonNote
          ? html`<dt>${t.t('closure.reasonNote')}</dt>
              <dd>${c.reasonNote}</dd>`
          : nothing
      }
      ${
        c.continuedBy
          ? html`<dt>${t.t('closure.continuedBy')}</dt>
              <dd>${c.continuedBy}</dd>`
          : nothing
      }
      <dt>${t.t('readiness.title')}</dt>
      <dd>
        ${signs.length ? t.list(signs.map((s) => t.t(`readiness.sign.${s}` as 'readiness.sign.decidesAlone'))) : '–'}
      </dd>
      <dt>${t.t('attainment.title')}</dt>
      <dd>
        ${
          attainment.length
            ? html`<ul class="plain">
                ${attainment.map((g) => html`<li>${title(g.goalId)}: <strong>${t.t(`attainment.${g.attainment}`)}</strong>${g.note ? ` (${g.note})` : ''}</li>`)}
              </ul>`
            : '–'
        }
      </dd>
    </dl>
    ${v.redactions.map((m) => html`<fk-redacted label=${t.t('closure.hidden')} category=${categoryOfMarker(m) ?? 'goals'} .marker=${m}></fk-redacted>`)}
  </section>`;
}
