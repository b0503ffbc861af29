import { css } from 'lit';
import { token } from '../theme/tokens.js';

/** Styles of `<fk-notes>`: the list of notes above the write form. */
export const notesStyles = css`
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
  .meta,
  .hint-text {
    color: ${token('color-text-muted')};
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: ${token('space-s')};
  }
  li {
    padding: ${token('space-s')} ${token('space-m')};
    border: ${token('border-width')} solid ${token('color-border-subtle')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface')};
  }
  li[data-withheld] {
    border-style: dashed;
  }
  .meta {
    margin: 0;
    font-size: ${token('font-size-s')};
  }
  .text {
    margin: ${token('space-3xs')} 0 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .withheld {
    margin: ${token('space-3xs')} 0 0;
    font-style: italic;
  }
  form {
    display: grid;
    gap: ${token('space-s')};
  }
  label {
    display: block;
    font-weight: 600;
  }
  textarea,
  input[type='date'],
  input[type='text'] {
    font: inherit;
    box-sizing: border-box;
    inline-size: 100%;
    padding: ${token('space-2xs')};
    border: ${token('border-width')} solid ${token('color-border')};
    border-radius: ${token('radius-s')};
  }
  input[type='date'] {
    inline-size: auto;
  }
  textarea {
    min-block-size: 6rem;
  }
  fieldset {
    margin: 0;
    padding: ${token('space-2xs')} ${token('space-s')};
    border: ${token('border-width')} solid ${token('color-border-subtle')};
    border-radius: ${token('radius-s')};
  }
  fieldset label {
    display: inline-flex;
    gap: ${token('space-3xs')};
    margin-inline-end: ${token('space-m')};
    font-weight: normal;
  }
  .hint,
  .refusal {
    padding: ${token('space-2xs')} ${token('space-s')};
    border-inline-start: 0.25rem solid ${token('color-border')};
  }
  .error {
    font-weight: 600;
  }
`;
