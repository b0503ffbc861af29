import { css } from 'lit';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';

/** Styles of `<fk-case-overview>`: the two columns, next steps, the responsibility tables and the history. */
export const caseOverviewStyles = [
  sharedStyles,
  formLayoutStyles,
  css`
    .layout {
      display: flex;
      flex-direction: column;
      gap: ${token('space-l')};
    }
    .columns {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: ${token('space-l')};
    }
    .columns > * {
      min-inline-size: 0;
    }
    @container (min-width: 56rem) {
      .columns {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      }
    }
    .actions-list {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-xs')};
    }
    .blocked li {
      padding-block: ${token('space-xs')};
      border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
    }
    .blocked li:last-child {
      border-block-end: 0;
    }
    .blocked .why {
      display: block;
      color: ${token('color-text-muted')};
      font-size: ${token('font-size-s')};
    }
    .rule {
      font-family: ${token('font-family-mono')};
      font-size: 0.8125rem;
    }
    table {
      inline-size: 100%;
      border-collapse: collapse;
      font-size: ${token('font-size-s')};
    }
    th,
    td {
      text-align: start;
      vertical-align: top;
      padding: ${token('space-2xs')} ${token('space-xs')};
      border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
    }
    th[scope='col'] {
      background: ${token('color-surface-raised')};
    }
    @container (max-width: 36rem) {
      table thead {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
      table,
      table tbody,
      table tr,
      table th,
      table td {
        display: block;
      }
      table caption {
        display: block;
      }
      table tr {
        padding-block: ${token('space-xs')};
        border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
      }
      table th,
      table td {
        border: 0;
        padding: ${token('space-3xs')} 0;
      }
    }
    td,
    th {
      overflow-wrap: break-word;
      hyphens: auto;
    }
    caption {
      text-align: start;
      font-weight: ${token('font-weight-strong')};
      padding-block: ${token('space-xs')};
    }
    .history li {
      display: grid;
      grid-template-columns: 1fr;
      gap: ${token('space-3xs')};
      padding-block: ${token('space-xs')};
      border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
    }
    @container (min-width: 40rem) {
      .history li {
        grid-template-columns: 11rem 1fr;
        column-gap: ${token('space-m')};
      }
    }
    .history time {
      color: ${token('color-text-muted')};
      font-size: ${token('font-size-s')};
      font-variant-numeric: tabular-nums;
    }
    .history .extra {
      grid-column: -2;
      color: ${token('color-text-muted')};
      font-size: ${token('font-size-s')};
    }
    dl {
      margin: 0;
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: ${token('space-2xs')} ${token('space-m')};
    }
    dt {
      font-weight: ${token('font-weight-strong')};
    }
    dd {
      margin: 0;
    }
  `,
];
