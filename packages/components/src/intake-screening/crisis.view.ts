import { html, nothing } from 'lit';
import { bind } from '../base/field-binding.js';
import { sameJson, todayIso } from '../base/parts-schema.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import { redactedPart, type IntakeScreeningView } from './intake-screening.view.js';

// Choices are bound by hand, not with bind(): a read-only form shows them read-only (with the marker); so are
// the optional texts that show no feedback of their own.

/** The crisis flag; an open crisis from the case is shown, not edited. */
export function crisisSection(v: IntakeScreeningView) {
  const t = v.t;
  const c = v.value.crisis;
  const fromCase = v.loaded?.crisis !== undefined && sameJson(c, v.loaded.crisis);
  return html`<section
    class="section crisis"
    part="crisis"
    aria-labelledby="crisis-heading"
    ?data-flagged=${c !== undefined}
  >
    <h3 id="crisis-heading">${t.t('intake.crisis')}</h3>
    ${
      redactedPart(v, 'crisis', t.t('intake.crisis')) ??
      html`<fk-checkbox
          data-path="crisis"
          label=${t.t('intake.crisisFlag')}
          hint=${t.t('intake.crisisHint')}
          .checked=${c !== undefined}
          ?disabled=${v.disabled || fromCase}
          ?readonly=${v.readonly}
          @change=${(e: FkFieldChangeEvent<boolean>) => v.toggleCrisis(e.value)}
        ></fk-checkbox>
        ${c && fromCase ? html`<p class="badge badge--warn">${t.t('intake.crisisOpen', { date: t.date(c.flaggedOn ?? todayIso()) })}</p>` : nothing}
        ${
          c
            ? html`<fk-textarea
                  label=${t.t('intake.crisisDescription')}
                  required
                  rows="2"
                  ${bind({ ...v.field(['crisis', 'description']), readonly: v.readonly || fromCase })}
                ></fk-textarea>
                <fk-textarea
                  data-path="crisis.immediateHelp"
                  label=${t.t('intake.crisisHelp')}
                  rows="2"
                  .value=${c.immediateHelp ?? ''}
                  ?disabled=${v.disabled}
                  ?readonly=${v.readonly || fromCase}
                  @input=${(e: Event) => v.setField('crisis.immediateHelp', (e.target as HTMLTextAreaElement).value)}
                ></fk-textarea>`
            : nothing
        }`
    }
  </section>`;
}
