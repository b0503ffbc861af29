import { css } from 'lit';
import { token } from '../theme/tokens.js';

/**
 * Layout shared by the three planning forms (assessment, goal agreement, help plan): a header with
 * title and status line, sections as quiet cards, two columns side by side when the element is wide
 * enough (a container query, so a narrow side panel gets one column even on a wide screen), an
 * action bar, badges. Logical properties only.
 */
export const formLayoutStyles = css`
  :host {
    container-type: inline-size;
  }
  .form {
    display: flex;
    flex-direction: column;
    gap: ${token('space-l')};
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: ${token('space-xs')} ${token('space-m')};
    padding-block-end: ${token('space-s')};
    border-block-end: 2px solid ${token('color-border-subtle')};
  }
  h2 {
    margin: 0;
    font-size: ${token('font-size-xl')};
    line-height: 1.3;
  }
  h3 {
    margin: 0;
    font-size: ${token('font-size-l')};
    line-height: 1.3;
  }
  h4 {
    margin: 0;
    font-size: ${token('font-size-m')};
  }
  .meta {
    margin: 0;
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }
  .lead {
    margin: 0;
    color: ${token('color-text-muted')};
    max-inline-size: 70ch;
  }
  .section {
    display: flex;
    flex-direction: column;
    gap: ${token('space-m')};
    padding: ${token('space-m')};
    border: ${token('border-width')} solid ${token('color-border-subtle')};
    border-radius: ${token('radius-l')};
    background: ${token('color-surface')};
    box-shadow: ${token('shadow-raised')};
  }
  .section--quiet {
    background: ${token('color-surface-raised')};
    box-shadow: none;
  }
  .section-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: ${token('space-xs')};
  }
  .pair {
    display: grid;
    grid-template-columns: 1fr;
    gap: ${token('space-m')};
  }
  @container (min-width: 44rem) {
    .pair {
      grid-template-columns: 1fr 1fr;
    }
    .triple {
      grid-template-columns: 1fr 1fr 1fr;
    }
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-xs')};
    align-items: center;
  }
  .actions--end {
    justify-content: flex-end;
    padding-block-start: ${token('space-s')};
    border-block-start: ${token('border-width')} solid ${token('color-border-subtle')};
  }
  .badge {
    display: inline-block;
    padding-block: ${token('space-3xs')};
    padding-inline: ${token('space-xs')};
    border-radius: 999px;
    border: ${token('border-width')} solid ${token('color-border-subtle')};
    background: ${token('color-surface-sunken')};
    color: ${token('color-text')};
    font-size: ${token('font-size-s')};
    font-weight: ${token('font-weight-strong')};
    white-space: nowrap;
  }
  .badge--ok {
    background: ${token('color-success-subtle')};
    border-color: ${token('color-success')};
    color: ${token('color-success')};
  }
  .badge--warn {
    background: ${token('color-warning-subtle')};
    border-color: ${token('color-warning')};
    color: ${token('color-warning')};
  }
  .badge--info {
    background: ${token('color-primary-subtle')};
    border-color: ${token('color-primary')};
    color: ${token('color-primary')};
  }
  .notice {
    margin: 0;
    padding: ${token('space-s')} ${token('space-m')};
    border-inline-start: 4px solid ${token('color-info')};
    background: ${token('color-info-subtle')};
    border-radius: ${token('radius-s')};
  }
  .notice--warn {
    border-inline-start-color: ${token('color-warning')};
    background: ${token('color-warning-subtle')};
  }
  .fk-refusals {
    padding: ${token('space-s')} ${token('space-m')};
    border: ${token('border-width')} solid ${token('color-danger')};
    border-inline-start-width: 4px;
    border-radius: ${token('radius-m')};
    background: ${token('color-danger-subtle')};
  }
  .fk-refusals ul {
    margin: ${token('space-2xs')} 0 0;
    padding-inline-start: ${token('space-l')};
  }
  .fk-refusals:focus-visible {
    outline: ${token('focus-ring')};
    outline-offset: 2px;
  }
  ul.plain,
  ol.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  details > summary {
    cursor: pointer;
    font-weight: ${token('font-weight-strong')};
    display: list-item;
    /* 1.5rem line + 2 × 0.5rem padding = the 2.5rem touch target */
    padding-block: ${token('space-xs')};
  }
  details > summary:focus-visible {
    outline: ${token('focus-ring')};
    outline-offset: 2px;
    border-radius: ${token('radius-s')};
  }
  .fk-button--danger {
    color: ${token('color-danger')};
    border-color: ${token('color-danger')};
  }
  .fk-button--small {
    min-block-size: 2rem;
    padding-inline: ${token('space-s')};
    font-size: ${token('font-size-s')};
  }
  [data-path][tabindex='-1']:focus {
    outline: none;
  }
  [data-path][tabindex='-1']:focus-visible {
    outline: ${token('focus-ring')};
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    .section,
    .badge,
    .notice {
      border-color: CanvasText;
    }
  }
`;
