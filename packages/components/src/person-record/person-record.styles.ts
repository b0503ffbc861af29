import { css } from 'lit';
import { token } from '../theme/tokens.js';

/** Styles of `<fk-person-record>`: one card per person, the household table, then the forms. */
export const personRecordStyles = css`
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
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: ${token('space-s')} ${token('space-m')};
    margin-block: ${token('space-s')};
  }
  .toolbar [role='group'] {
    display: inline-flex;
    gap: ${token('space-3xs')};
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
  .week {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
    gap: ${token('space-2xs')};
  }
  @container (inline-size < 40rem) {
    .week {
      grid-template-columns: 1fr;
    }
  }
  .day {
    border: ${token('border-width')} solid ${token('color-border-subtle')};
    border-radius: ${token('radius-s')};
    padding: ${token('space-2xs')};
    min-block-size: 4rem;
  }
  .day h3 {
    margin: 0 0 ${token('space-3xs')};
    font-size: ${token('font-size-s')};
  }
  .day ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: ${token('space-3xs')};
  }
  .day li {
    font-size: ${token('font-size-s')};
    overflow-wrap: anywhere;
  }
  .withheld {
    font-style: italic;
  }
  .people {
    display: grid;
    gap: ${token('space-s')};
  }
  article {
    padding: ${token('space-s')} ${token('space-m')};
    border: ${token('border-width')} solid ${token('color-border-subtle')};
    border-radius: ${token('radius-m')};
  }
  article[data-withheld] {
    border-style: dashed;
  }
  article h3 {
    margin: 0;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: ${token('space-3xs')} ${token('space-s')};
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  dd ul {
    margin: 0;
    padding-inline-start: 1.1rem;
  }
  .address {
    white-space: pre-line;
  }
  textarea {
    font: inherit;
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 4rem;
  }
  .check label,
  label.inline {
    display: inline-flex;
    gap: ${token('space-3xs')};
    font-weight: normal;
    margin-inline-end: ${token('space-m')};
  }
  fieldset {
    border: ${token('border-width')} solid ${token('color-border-subtle')};
    border-radius: ${token('radius-s')};
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
  @media print {
    form,
    .toolbar {
      display: none;
    }
  }
`;
