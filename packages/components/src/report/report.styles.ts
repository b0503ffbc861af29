import { css } from 'lit';
import { token } from '../theme/tokens.js';

/** Styles of `<fk-report>`: the figure (table beside its chart), the filters, bars and withheld cells. */
export const reportStyles = css`
  .wrap {
    display: flex;
    flex-direction: column;
    gap: ${token('space-m')};
  }
  .figure {
    display: grid;
    grid-template-columns: 1fr;
    gap: ${token('space-l')};
    align-items: start;
  }
  .figure > * {
    min-inline-size: 0;
  }
  .table-box {
    overflow-x: auto;
  }
  @container (min-width: 52rem) {
    .figure:not(.figure--wide) {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
  }
  .figure--wide .chart-box {
    max-inline-size: 48rem;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-s')} ${token('space-m')};
    border: ${token('border-width')} solid ${token('color-border-subtle')};
    border-radius: ${token('radius-m')};
    padding: ${token('space-s')} ${token('space-m')};
  }
  .filter label {
    display: block;
    font-size: ${token('font-size-s')};
  }
  .filter select {
    font: inherit;
    padding: ${token('space-3xs')} ${token('space-2xs')};
  }
  caption {
    text-align: start;
    font-weight: ${token('font-weight-strong')};
    padding-block-end: ${token('space-xs')};
  }
  th,
  td {
    padding: ${token('space-xs')} ${token('space-s')};
    border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
    text-align: start;
  }
  td.num,
  th.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  thead th {
    background: ${token('color-surface-raised')};
    font-size: ${token('font-size-s')};
  }
  tfoot th,
  tfoot td {
    font-weight: ${token('font-weight-strong')};
    border-block-start: 2px solid ${token('color-border')};
  }
  .withheld {
    color: ${token('color-redacted')};
    font-weight: ${token('font-weight-strong')};
  }
  .withheld abbr {
    text-decoration: none;
    cursor: help;
  }
  tbody th {
    font-weight: ${token('font-weight-normal')};
  }
  svg {
    inline-size: 100%;
    block-size: auto;
    font-family: inherit;
  }
  .bar {
    fill: var(--fk-color-primary, #0b57a4);
  }
  .bar-withheld {
    fill: var(--fk-color-redacted-subtle, #eceef1);
    stroke: var(--fk-color-redacted, #4a5360);
    stroke-dasharray: 4 3;
  }
  .bar-label {
    fill: var(--fk-color-text, #1b1f24);
    font-size: 13px;
  }
  .bar-value {
    fill: var(--fk-color-text, #1b1f24);
    font-size: 13px;
    font-weight: 600;
  }
  .axis {
    stroke: var(--fk-color-border, #737d8c);
  }
  @media (forced-colors: active) {
    .bar {
      fill: CanvasText;
    }
    .bar-withheld {
      fill: Canvas;
      stroke: CanvasText;
    }
    .bar-label,
    .bar-value {
      fill: CanvasText;
    }
  }
`;
