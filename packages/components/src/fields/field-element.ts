import { LitElement, html, nothing, type CSSResultGroup, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { FkFieldChangeEvent } from '../events/fk-field-change.js';

/** What every internal field fires when the user commits a change (bubbles, stays in the form's root). */
export const FIELD_CHANGE = 'change';

/**
 * Shared shape of Fallkit's internal fields. Label, control, hint and feedback live in one shadow root,
 * so `aria-describedby` points at real ids (ARIA cannot cross shadow roots). `delegatesFocus` lets a
 * form focus the field (and anchor its validity there) by focusing the element.
 *
 * A field fires the native `input` (composed) while typing and a non-composed `change` on commit, so
 * field events stay inside the form's shadow root and the form decides what the page sees.
 *
 * @csspart label - The label or legend.
 * @csspart control - The native control.
 * @csspart hint - The hint text.
 * @csspart error - The error text.
 * @csspart warning - The warning text.
 */
export abstract class FkFieldElement<T = string> extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles: CSSResultGroup = sharedStyles;

  /**
   * Whether a read-only form shows this field disabled (choices, checkboxes: a native control has no
   * read-only state for them) rather than read-only (text, dates). The base form's `bind()` asks it.
   */
  readonly locksAsDisabled: boolean = false;

  /**
   * The field's value in its own type, the one its `change` carries (`FkFieldChangeEvent<T>`): the
   * text, the picked option, `checked` for a checkbox. The base form's `bind()` reads and writes it, so
   * no form casts a field to a native element type.
   */
  abstract get fieldValue(): T;
  abstract set fieldValue(next: T);

  /** The value that stands for "nothing entered" (`''`, `false`, `[]`, `null`). */
  abstract get emptyFieldValue(): T;

  /** The visible label (required for accessibility). */
  @property() label = '';
  /** Help text under the control. */
  @property() hint?: string;
  /** A blocking error, already localized; sets `aria-invalid`. */
  @property() error?: string;
  /** A non-blocking warning or note, already localized. */
  @property() warning?: string;
  /** Marks the field as required (visible marker and `aria-required`). */
  @property({ type: Boolean, reflect: true }) required = false;
  /** Disables the control. */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** Shows the value without allowing edits. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** Hides the label visually (still read by screen readers), for table cells. */
  @property({ type: Boolean, attribute: 'hide-label' }) hideLabel = false;

  protected readonly i18n = new LocalizeController(this);

  /** Ids the control is described by (hint and feedback, when present). */
  protected describedBy(): string | undefined {
    const ids = [this.hint ? 'hint' : '', this.error ? 'error' : '', this.warning ? 'warning' : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : undefined;
  }

  /** The label's required/read-only marker. */
  protected renderMarker() {
    if (this.readonly) return html`<span class="fk-label__marker">(${this.i18n.t('field.readonly')})</span>`;
    return this.required ? html`<span class="fk-label__marker">(${this.i18n.t('field.required')})</span>` : nothing;
  }

  /** The `<label>` of the inner control (`id="control"`), with its marker; visually hidden with `hide-label`. */
  protected renderLabel(): TemplateResult {
    return html`<label for="control" part="label" class=${this.hideLabel ? 'fk-visually-hidden' : 'fk-label'}
      >${this.label}${this.required || this.readonly ? ' ' : ''}${this.renderMarker()}</label
    >`;
  }

  /** The `<legend>` of a group field (`<fieldset>`), with its marker; visually hidden with `hide-label`. */
  protected renderLegend(): TemplateResult {
    return html`<legend part="label" class=${this.hideLabel ? 'fk-visually-hidden' : 'fk-label'}>
      ${this.label}${this.required || this.readonly ? ' ' : ''}${this.renderMarker()}
    </legend>`;
  }

  /** The hint, between label and control (read before the control, as GOV.UK forms do). */
  protected renderHint() {
    return this.hint ? html`<p id="hint" part="hint" class="fk-hint">${this.hint}</p>` : nothing;
  }

  /** Error and warning under the control, each with the id the control refers to. */
  protected renderDescriptions(): TemplateResult {
    return html`${
      this.error
        ? html`<p id="error" part="error" class="fk-feedback fk-feedback--error">
            <span class="fk-feedback__icon" aria-hidden="true">!</span><span>${this.error}</span>
          </p>`
        : nothing
    }${
      this.warning
        ? html`<p id="warning" part="warning" class="fk-feedback fk-feedback--warning">
            <span class="fk-feedback__icon" aria-hidden="true">i</span><span>${this.warning}</span>
          </p>`
        : nothing
    }`;
  }

  /** Fires the field's typed `change` (bubbles inside the form's shadow root, not composed). */
  protected emitChange(): void {
    this.dispatchEvent(new FkFieldChangeEvent<T>(this.fieldValue));
  }
}
