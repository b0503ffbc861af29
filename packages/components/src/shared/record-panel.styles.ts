import { css } from 'lit';
import { token } from '../theme/tokens.js';

/**
 * What panels that list records and add one below share (`fk-appointments`, `fk-person-record`): headings,
 * muted lead and meta lines, a plain table, the withheld marker, and the add form as a grid of labelled
 * fields that a print leaves out. Each element adds its own rules after these.
 */
export const recordPanelStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  h2 {
    margin: 0 0 ${token('space-2xs')};
    font-size: 1.3rem;
  }
  h3 {
    margin: ${token('space-l')} 0 ${token('space-2xs')};
    font-size: 1.1rem;
  }
  .lead,
  .meta {
    color: ${token('color-text-muted')};
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: ${token('space-2xs')} ${token('space-s')};
    border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
  }
  .withheld {
    font-style: italic;
  }
  form {
    display: grid;
    gap: ${token('space-s')};
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
  }
  form .wide,
  form .actions {
    grid-column: 1 / -1;
  }
  label {
    display: block;
    font-weight: 600;
  }
  input:not([type='checkbox']),
  select {
    font: inherit;
    box-sizing: border-box;
    inline-size: 100%;
    padding: ${token('space-2xs')};
    border: ${token('border-width')} solid ${token('color-border')};
    border-radius: ${token('radius-s')};
  }
  .error {
    font-weight: 600;
  }
  input,
  select {
    font: inherit;
  }
  @media print {
    form {
      display: none;
    }
  }
`;
