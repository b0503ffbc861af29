import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { CYCLE_PATH, NO_FURTHER_MEASURES_PATH, STAGE_DEFINITIONS, type Stage } from '@fallkit/core';
import { LocalizeController } from '../controllers/localize-controller.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { hostStyles, visuallyHiddenStyles, focusStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { stepperMessages } from './process-stepper.messages.js';
import { FkStepSelectEvent } from '../events/fk-step-select.js';

/** The main path of the cycle as the stepper shows it: the core's stage order. */
export const STEPPER_PATH: readonly Stage[] = CYCLE_PATH;

/** The short path of a case that ends after first counselling. */
export const STEPPER_PATH_NO_FURTHER_MEASURES: readonly Stage[] = NO_FURTHER_MEASURES_PATH;

/** The state of one step. */
export type StepState = 'done' | 'current' | 'upcoming';

/** One step as rendered. */
export interface StepperStep {
  readonly stage: Stage;
  readonly state: StepState;
}

/**
 * The steps for a stage. A re-assessment is shown on the assessment step (the cycle loops back); a
 * case without further measures follows the short path.
 */
export function stepsFor(stage: Stage, branch?: 'noFurtherMeasures'): StepperStep[] {
  const short = branch === 'noFurtherMeasures' || stage === 'noFurtherMeasures';
  const path = short ? STEPPER_PATH_NO_FURTHER_MEASURES : STEPPER_PATH;
  const at = stage === 'reassessment' ? 'assessment' : stage;
  const index = path.indexOf(at);
  return path.map((s, i) => ({ stage: s, state: i < index ? 'done' : i === index ? 'current' : 'upcoming' }));
}

/**
 * Where a case stands in the case-management cycle: Zuweisung → Fallauswahl → Erstberatung → Assessment
 * → Zielvereinbarung → Hilfeplanung → Leistungssteuerung → Monitoring → Abschluss. An ordered list
 * whose current step carries `aria-current="step"`; every step also says in words whether it is done,
 * current or still to come (not colour alone). A re-assessment shows on the assessment step with a
 * note that the cycle loops back; a case closed after first counselling shows the short path.
 *
 * Stage names are the core's (`STAGE_DEFINITIONS`); override any with `messages` key `stage.<id>`.
 * With `selectable`, steps are buttons that fire `fk-step-select`.
 *
 * @tagname fk-process-stepper
 * @summary Accessible stepper of the case-management cycle (aria-current="step").
 *
 * @event fk-step-select - A step was chosen (only with `selectable`). `detail: { stage }`.
 *
 * @csspart list - The ordered list.
 * @csspart step - One step (also `step-done`, `step-current`, `step-upcoming`).
 * @csspart marker - The step's number or check mark.
 * @csspart label - The step's name.
 * @csspart note - The note under the list (re-assessment, short path).
 *
 * @cssproperty --fk-color-primary - Current and done steps.
 * @cssproperty --fk-color-border - Upcoming steps.
 */
export class FkProcessStepper extends LitElement {
  static override styles = [
    hostStyles,
    visuallyHiddenStyles,
    focusStyles,
    css`
      :host {
        container-type: inline-size;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: ${token('space-2xs')};
      }
      li {
        display: flex;
        align-items: center;
        gap: ${token('space-xs')};
        min-block-size: 2rem;
        position: relative;
      }
      .marker {
        position: relative;
        z-index: 1;
        flex: none;
        display: inline-grid;
        place-items: center;
        inline-size: 1.75rem;
        block-size: 1.75rem;
        border-radius: 50%;
        border: 2px solid ${token('color-border')};
        background: ${token('color-surface')};
        color: ${token('color-text-muted')};
        font-size: ${token('font-size-s')};
        font-weight: ${token('font-weight-strong')};
        font-variant-numeric: tabular-nums;
      }
      .done .marker {
        background: ${token('color-primary-subtle')};
        border-color: ${token('color-primary')};
        color: ${token('color-primary')};
      }
      .current .marker {
        background: ${token('color-primary')};
        border-color: ${token('color-primary')};
        color: ${token('color-on-primary')};
        box-shadow: 0 0 0 3px ${token('color-primary-subtle')};
      }
      .label {
        font-size: ${token('font-size-s')};
        line-height: 1.25;
        color: ${token('color-text-muted')};
      }
      .done .label {
        color: ${token('color-text')};
      }
      .current .label {
        color: ${token('color-text')};
        font-weight: ${token('font-weight-strong')};
      }
      button.step {
        all: unset;
        display: flex;
        align-items: center;
        gap: ${token('space-xs')};
        cursor: pointer;
        border-radius: ${token('radius-s')};
        padding: ${token('space-3xs')};
      }
      button.step:focus-visible {
        outline: ${token('focus-ring')};
        outline-offset: 2px;
      }
      .note {
        margin: ${token('space-xs')} 0 0;
        color: ${token('color-text-muted')};
        font-size: ${token('font-size-s')};
      }
      @container (min-width: 48rem) {
        ol {
          flex-direction: row;
          gap: 0;
        }
        li {
          flex: 1 1 0;
          flex-direction: column;
          align-items: center;
          text-align: center;
          gap: ${token('space-2xs')};
          padding-inline: ${token('space-3xs')};
        }
        button.step {
          flex-direction: column;
          text-align: center;
        }
        li:not(:first-child)::before {
          content: '';
          position: absolute;
          inset-block-start: calc(0.875rem - 1px);
          inset-inline-end: calc(50% + 1rem);
          inline-size: calc(100% - 2rem);
          border-block-start: 2px solid ${token('color-border-subtle')};
        }
        li.done:not(:first-child)::before,
        li.current:not(:first-child)::before {
          border-block-start-color: ${token('color-primary')};
        }
      }
      @media (forced-colors: active) {
        .marker {
          border-color: CanvasText;
        }
        .current .marker {
          background: Highlight;
          color: HighlightText;
          forced-color-adjust: none;
        }
      }
    `,
  ];

  /** The case's stage (`CaseState.stage`). */
  @property() stage: Stage = 'referral';

  /** `noFurtherMeasures` when the case left the cycle after first counselling (short path, also once closed). */
  @property() branch?: 'noFurtherMeasures';

  /** Steps become buttons that fire `fk-step-select`. */
  @property({ type: Boolean }) selectable = false;

  /** Text overrides per language (`stage.<id>`, `stepper.*`). */
  @property({ attribute: false }) messages?: MessageOverrides;

  private readonly i18n = new LocalizeController(this, { catalog: stepperMessages, overrides: () => this.messages });

  /** The display name of a stage in the current language. */
  stageLabel(stage: Stage): string {
    const key = `stage.${stage}`;
    return this.i18n.has(key) ? this.i18n.t(key as 'stepper.label') : STAGE_DEFINITIONS[stage].label[this.i18n.lang];
  }

  private select(stage: Stage): void {
    this.dispatchEvent(new FkStepSelectEvent({ stage }));
  }

  override render() {
    const t = this.i18n;
    const steps = stepsFor(this.stage, this.branch);
    const count = steps.length;
    const note =
      this.stage === 'reassessment'
        ? t.t('stepper.reassessment')
        : this.stage === 'noFurtherMeasures' || this.branch === 'noFurtherMeasures'
          ? t.t('stepper.noFurtherMeasures')
          : '';
    return html`<nav aria-label=${t.t('stepper.label')}>
      <ol part="list">
        ${steps.map((step, i) => {
          const label =
            step.stage === 'assessment' && this.stage === 'reassessment'
              ? this.stageLabel('reassessment')
              : this.stageLabel(step.stage);
          const stateText = t.t(
            step.state === 'done' ? 'stepper.done' : step.state === 'current' ? 'stepper.current' : 'stepper.upcoming',
          );
          const inner = html`<span class="marker" part="marker" aria-hidden="true"
              >${step.state === 'done' ? '✓' : i + 1}</span
            >
            <span class="label" part="label">${label}</span>
            <span class="fk-visually-hidden"
              >(${stateText}, ${t.t('stepper.position', { position: i + 1, count })})</span
            >`;
          return html`<li
            class=${step.state}
            part="step step-${step.state}"
            data-stage=${step.stage}
            aria-current=${!this.selectable && step.state === 'current' ? 'step' : nothing}
          >
            ${
              this.selectable
                ? html`<button
                    type="button"
                    class="step"
                    aria-current=${step.state === 'current' ? 'step' : nothing}
                    @click=${() => this.select(step.stage)}
                  >
                    ${inner}
                  </button>`
                : inner
            }
          </li>`;
        })}
      </ol>
      ${note ? html`<p class="note" part="note">${note}</p>` : nothing}
    </nav>`;
  }
}
