import { css } from 'lit';
import { token } from '../theme/tokens.js';

/** Styles of `<fk-case-search>`: the search form, the advanced part, the results table scrolling in its own box. */
export const caseSearchStyles = css`
  :host {
    display: block;
    min-inline-size: 0;
  }
  h2 {
    margin: 0 0 ${token('space-xs')};
    font-size: 1.2rem;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-xs')};
    align-items: end;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 2px;
    font-weight: 600;
    min-inline-size: 0;
  }
  .main-field {
    flex: 1 1 14rem;
  }
  input,
  select {
    font: inherit;
    padding: 0.35rem 0.5rem;
    max-inline-size: 100%;
    box-sizing: border-box;
  }
  details.advanced {
    flex-basis: 100%;
  }
  details.advanced > div {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-xs')};
    margin-block-start: ${token('space-xs')};
  }
  .error {
    color: ${token('color-danger')};
    font-weight: 400;
  }
  .count {
    margin: ${token('space-xs')} 0;
  }
  .table-scroll {
    overflow-x: auto;
    max-inline-size: 100%;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.35rem 0.5rem;
    border-block-end: 1px solid ${token('color-border-subtle')};
    vertical-align: top;
  }
  .withheld {
    color: ${token('color-text-muted')};
    font-style: italic;
  }
  .overdue {
    color: ${token('color-danger')};
    font-weight: 600;
  }
  button.link {
    background: none;
    border: none;
    padding: 0;
    font: inherit;
    color: ${token('color-primary')};
    text-decoration: underline;
    cursor: pointer;
    text-align: start;
  }
`;
