import { css } from 'lit';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';

/** Styles of `<fk-monitoring>`: the shared form layout, the progress table, history lists and the trigger notice. */
export const monitoringStyles = [
  sharedStyles,
  formLayoutStyles,
  css`
    table {
      inline-size: 100%;
      border-collapse: collapse;
      font-size: ${token('font-size-s')};
    }
    th,
    td {
      text-align: start;
      vertical-align: top;
      padding: ${token('space-xs')} ${token('space-s')};
      border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
    }
    th {
      font-weight: ${token('font-weight-strong')};
    }
    thead th {
      background: ${token('color-surface-raised')};
    }
    .table-wrap {
      overflow-x: auto;
    }
    @container (max-width: 36rem) {
      .progress thead {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
      .progress table,
      .progress tbody,
      .progress tr,
      .progress th,
      .progress td {
        display: block;
      }
      .progress tr {
        padding-block: ${token('space-xs')};
        border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
      }
      .progress th,
      .progress td {
        border: 0;
        padding: ${token('space-3xs')} 0;
      }
    }
    .history li {
      display: flex;
      flex-direction: column;
      gap: ${token('space-3xs')};
      padding-block: ${token('space-xs')};
      border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
    }
    .history li:last-child {
      border-block-end: 0;
    }
    .line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-2xs')} ${token('space-xs')};
    }
    .date {
      font-weight: ${token('font-weight-strong')};
      font-variant-numeric: tabular-nums;
    }
    .note {
      margin: 0;
      white-space: pre-wrap;
    }
    .entry {
      display: flex;
      flex-direction: column;
      gap: ${token('space-s')};
      padding: ${token('space-s')} ${token('space-m')};
      border: ${token('border-width')} solid ${token('color-primary')};
      border-inline-start-width: 4px;
      border-radius: ${token('radius-m')};
      background: ${token('color-primary-subtle')};
    }
    .entry-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${token('space-xs')};
    }
    .checks {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-xs')} ${token('space-l')};
    }
    .done-fields {
      padding-inline-start: ${token('space-l')};
    }
    .signs {
      display: grid;
      grid-template-columns: 1fr;
      gap: ${token('space-m')};
    }
    @container (min-width: 56rem) {
      .signs {
        grid-template-columns: repeat(3, 1fr);
      }
    }
    .trigger {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${token('space-s')};
    }
    .trigger p {
      margin: 0;
    }
  `,
];
