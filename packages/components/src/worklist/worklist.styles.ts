import { css } from 'lit';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';

/** Styles of `<fk-worklist>`: the filter bar and the table (cards on narrow screens). */
export const worklistStyles = [
  sharedStyles,
  formLayoutStyles,
  css`
    .wrap {
      display: flex;
      flex-direction: column;
      gap: ${token('space-m')};
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: ${token('space-s')} ${token('space-m')};
      padding: ${token('space-s')} ${token('space-m')};
      border-radius: ${token('radius-m')};
      background: ${token('color-surface-raised')};
      border: ${token('border-width')} solid ${token('color-border-subtle')};
    }
    .filters fk-select {
      min-inline-size: 12rem;
      flex: 1 1 12rem;
    }
    .filters fk-checkbox {
      padding-block-end: ${token('space-xs')};
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      inline-size: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      text-align: start;
      vertical-align: top;
      padding: ${token('space-xs')} ${token('space-s')};
      border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
    }
    thead th {
      font-size: ${token('font-size-s')};
      background: ${token('color-surface-raised')};
      border-block-end-width: 2px;
    }
    tr.overdue td:first-child {
      box-shadow: inset 4px 0 0 ${token('color-danger')};
    }
    tr.due td:first-child {
      box-shadow: inset 4px 0 0 ${token('color-warning')};
    }
    .due-date {
      display: block;
      font-variant-numeric: tabular-nums;
      font-weight: ${token('font-weight-strong')};
      white-space: nowrap;
    }
    .badge--danger {
      background: ${token('color-danger-subtle')};
      border-color: ${token('color-danger')};
      color: ${token('color-danger')};
    }
    .open {
      all: unset;
      box-sizing: border-box;
      display: inline-flex;
      align-items: center;
      min-block-size: 2.25rem;
      color: ${token('color-primary')};
      font-weight: ${token('font-weight-strong')};
      text-decoration: underline;
      text-underline-offset: 0.2em;
      white-space: nowrap;
      cursor: pointer;
      border-radius: ${token('radius-s')};
    }
    .open:hover {
      color: ${token('color-primary-hover')};
    }
    .open:focus-visible {
      outline: ${token('focus-ring')};
      outline-offset: 2px;
    }
    .kind {
      font-weight: ${token('font-weight-strong')};
    }
    .explanation {
      display: block;
      color: ${token('color-text-muted')};
      font-size: ${token('font-size-s')};
    }
    @container (max-width: 40rem) {
      thead {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
      table,
      tbody,
      tr,
      td {
        display: block;
      }
      tr {
        padding-block: ${token('space-xs')};
        border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
      }
      td {
        border: 0;
        padding-block: ${token('space-3xs')};
      }
      td[data-label]::before {
        content: attr(data-label) ': ';
        color: ${token('color-text-muted')};
        font-size: ${token('font-size-s')};
      }
    }
    @media (forced-colors: active) {
      .open {
        color: LinkText;
      }
    }
  `,
];
