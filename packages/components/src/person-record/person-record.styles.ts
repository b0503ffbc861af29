import { css } from 'lit';
import { token } from '../theme/tokens.js';

/** Styles of `<fk-person-record>`: one card per person, the household table, then the forms. */
export const personRecordStyles = css`
  /* Headings, table, withheld marker and the add form come from shared/record-panel.styles.ts. */
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
`;
