import { css } from 'lit';
import { token } from './tokens.js';

/**
 * Host basics every Fallkit element shares: the system font, token colours, border-box sizing, the
 * `hidden` attribute honoured, and nothing inherited from the page beyond custom properties and font
 * size (shadow DOM keeps page styles out; these rules keep ours in).
 */
export const hostStyles = css`
  :host {
    box-sizing: border-box;
    display: block;
    color: ${token('color-text')};
    font-family: ${token('font-family')};
    font-size: ${token('font-size-m')};
    font-weight: ${token('font-weight-normal')};
    line-height: ${token('line-height')};
    text-align: start;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;

/** Visually hidden but read by screen readers (live regions, extra labels). */
export const visuallyHiddenStyles = css`
  .fk-visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
`;

/** A visible focus indicator on everything focusable; forced-colours mode gets a system outline. */
export const focusStyles = css`
  :focus {
    outline: none;
  }
  :focus-visible {
    outline: ${token('focus-ring')};
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline: 3px solid Highlight;
    }
  }
`;

/** Buttons: `.fk-button` (secondary), `.fk-button--primary`, `.fk-button--icon`. */
export const buttonStyles = css`
  .fk-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: ${token('space-2xs')};
    min-block-size: ${token('control-height')};
    min-inline-size: 2.75rem;
    padding-block: ${token('space-2xs')};
    padding-inline: ${token('space-m')};
    border: ${token('border-width')} solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface')};
    color: ${token('color-text')};
    font: inherit;
    font-weight: ${token('font-weight-strong')};
    cursor: pointer;
  }
  .fk-button:hover:not(:disabled) {
    background: ${token('color-surface-sunken')};
  }
  .fk-button--primary {
    background: ${token('color-primary')};
    border-color: ${token('color-primary')};
    color: ${token('color-on-primary')};
  }
  .fk-button--primary:hover:not(:disabled) {
    background: ${token('color-primary-hover')};
  }
  .fk-button--icon {
    padding-inline: ${token('space-xs')};
    min-inline-size: ${token('control-height')};
  }
  .fk-button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  @media (forced-colors: active) {
    .fk-button {
      border-color: ButtonText;
    }
    .fk-button:disabled {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;

/**
 * A field: label above control, hint and error below, all in one shadow root so `aria-describedby`
 * works. Errors carry an icon-like prefix as well as colour (not colour alone).
 */
export const fieldStyles = css`
  .fk-field {
    display: flex;
    flex-direction: column;
    gap: ${token('space-2xs')};
    min-inline-size: 0;
  }
  .fk-label {
    font-weight: ${token('font-weight-strong')};
  }
  .fk-label__marker {
    font-weight: ${token('font-weight-normal')};
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
    margin-inline-start: ${token('space-2xs')};
  }
  .fk-hint {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
    margin: 0;
  }
  .fk-feedback {
    display: flex;
    gap: ${token('space-2xs')};
    align-items: baseline;
    margin: 0;
    font-size: ${token('font-size-s')};
  }
  .fk-feedback--error {
    color: ${token('color-danger')};
    font-weight: ${token('font-weight-strong')};
  }
  .fk-feedback--warning {
    color: ${token('color-warning')};
  }
  .fk-feedback--info {
    color: ${token('color-text-muted')};
  }
  .fk-feedback--success {
    color: ${token('color-success')};
  }
  .fk-feedback__icon {
    flex: none;
    font-weight: ${token('font-weight-strong')};
  }
  .fk-control {
    inline-size: 100%;
    min-block-size: ${token('control-height')};
    padding-block: ${token('space-xs')};
    padding-inline: ${token('space-s')};
    border: ${token('border-width')} solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface')};
    color: ${token('color-text')};
    font: inherit;
  }
  textarea.fk-control {
    resize: vertical;
    min-block-size: 6rem;
  }
  .fk-control:focus-visible {
    outline: ${token('focus-ring')};
    outline-offset: 1px;
  }
  .fk-control[aria-invalid='true'] {
    border-color: ${token('color-danger')};
    box-shadow: inset 0 0 0 1px ${token('color-danger')};
  }
  .fk-control:disabled {
    background: ${token('color-surface-sunken')};
    color: ${token('color-text-muted')};
    cursor: not-allowed;
  }
  .fk-control[readonly] {
    background: ${token('color-surface-raised')};
    border-style: dashed;
  }
  fieldset.fk-field {
    border: 0;
    margin: 0;
    padding: 0;
  }
  fieldset.fk-field > legend {
    padding: 0;
    margin-block-end: ${token('space-2xs')};
  }
  .fk-choices {
    display: flex;
    flex-direction: column;
    gap: ${token('space-2xs')};
  }
  .fk-choices--inline {
    flex-direction: row;
    flex-wrap: wrap;
    gap: ${token('space-xs')} ${token('space-m')};
  }
  .fk-choice {
    display: inline-flex;
    align-items: flex-start;
    gap: ${token('space-xs')};
    min-block-size: 1.75rem;
    cursor: pointer;
  }
  .fk-choice input {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    margin-block-start: 0.2em;
    flex: none;
    accent-color: ${token('color-primary')};
  }
  .fk-choice__text {
    display: flex;
    flex-direction: column;
  }
  .fk-choice__description {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }
  @media (forced-colors: active) {
    .fk-control {
      border-color: FieldText;
    }
    .fk-control[aria-invalid='true'] {
      border-width: 3px;
    }
  }
`;

/** The visible status line of the announcer (`render({ visible: true })`). */
export const statusStyles = css`
  .fk-status:empty {
    display: none;
  }
  .fk-status {
    padding-block: ${token('space-xs')};
    padding-inline: ${token('space-s')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface-raised')};
    border-inline-start: 4px solid ${token('color-primary')};
  }
  /* The confirmation of a stored save: visible, beside the save bar, focused after the save. */
  .fk-saved {
    margin: ${token('space-s')} 0 0;
    padding-block: ${token('space-xs')};
    padding-inline: ${token('space-s')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface-raised')};
    border-inline-start: 4px solid ${token('color-success')};
  }
  .fk-saved:focus-visible {
    outline: 2px solid ${token('color-primary')};
    outline-offset: 2px;
  }
`;

/** The in-place refusals block of a form (`renderRefusals()`). */
export const refusalStyles = css`
  .fk-refusals {
    padding-block: ${token('space-s')};
    padding-inline: ${token('space-m')};
    border: ${token('border-width')} solid ${token('color-danger')};
    border-inline-start-width: 4px;
    border-radius: ${token('radius-m')};
    background: ${token('color-danger-subtle')};
  }
  .fk-refusals ul {
    margin: ${token('space-2xs')} 0 0;
    padding-inline-start: ${token('space-l')};
  }
  .fk-refusals li + li {
    margin-block-start: ${token('space-2xs')};
  }
  .fk-refusals .fk-hint {
    display: block;
  }
  @media (forced-colors: active) {
    .fk-refusals {
      border-color: CanvasText;
    }
  }
`;

/** Everything above, for elements that want the whole kit in one line. */
export const sharedStyles = [
  hostStyles,
  visuallyHiddenStyles,
  focusStyles,
  buttonStyles,
  fieldStyles,
  statusStyles,
  refusalStyles,
];
