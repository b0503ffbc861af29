import { css } from 'lit';
import { token } from '../theme/tokens.js';

/** Styles of `<fk-team-overview>`: a figures table that scrolls in its own box. */
export const teamOverviewStyles = css`
  :host {
    display: block;
    min-inline-size: 0;
  }
  h2 {
    margin: 0 0 ${token('space-2xs')};
    font-size: 1.2rem;
  }
  .lead {
    color: ${token('color-text-muted')};
    margin: 0 0 ${token('space-xs')};
  }
  .table-scroll {
    overflow-x: auto;
    max-inline-size: 100%;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    /* Six columns do not fit 375 px: below this width the table scrolls in its own box (part="table"),
       instead of breaking a worker's name into single letters ("Sa bi ne Krü ger"). */
    min-inline-size: 36rem;
  }
  th,
  td {
    overflow-wrap: normal;
  }
  tbody th,
  tfoot th {
    white-space: nowrap;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: ${token('space-2xs')};
  }
  th,
  td {
    text-align: start;
    padding: 0.35rem 0.5rem;
    border-block-end: 1px solid ${token('color-border-subtle')};
  }
  td.number,
  th.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  tfoot th,
  tfoot td {
    font-weight: 700;
  }
  td.deadline {
    white-space: nowrap;
  }
  .note {
    color: ${token('color-text-muted')};
    font-size: 0.9rem;
  }
  .late {
    color: ${token('color-danger')};
    font-weight: 600;
  }
`;
