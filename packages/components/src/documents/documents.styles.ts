import { css } from 'lit';
import { token } from '../theme/tokens.js';

/** What `<fk-documents>` adds to the record panels' styles: badges, the actions column, the remove reason. */
export const documentsStyles = css`
  .badge {
    display: inline-block;
    margin-inline-end: ${token('space-3xs')};
    padding: 0 ${token('space-2xs')};
    border: ${token('border-width')} solid ${token('color-border')};
    border-radius: ${token('radius-s')};
    font-size: ${token('font-size-s')};
  }
  .actions-cell {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-2xs')};
  }
  /* Visually hidden, still in the tab order: its label is the visible button. \`input.\` to outweigh the record
     panel's \`input:not([type='checkbox'])\` (full width: the hidden picker stuck out at 375 px). */
  input.file-input {
    position: absolute;
    inline-size: 1px;
    padding: 0;
    border: 0;
    clip-path: inset(50%);
    block-size: 1px;
    opacity: 0;
    overflow: hidden;
  }
  .file-input:focus-visible + .file-button {
    outline: 3px solid ${token('color-focus')};
    outline-offset: 2px;
  }
  .file-button {
    display: inline-block;
    margin-inline-end: ${token('space-s')};
    font-weight: 600;
    cursor: pointer;
  }
  .removed {
    color: ${token('color-text-muted')};
  }
  fieldset {
    grid-column: 1 / -1;
    border: ${token('border-width')} solid ${token('color-border-subtle')};
    border-radius: ${token('radius-s')};
  }
  fieldset label {
    display: inline-flex;
    gap: ${token('space-3xs')};
    align-items: center;
    margin-inline-end: ${token('space-s')};
    font-weight: normal;
  }
  @container (max-width: 36rem) {
    thead {
      display: none;
    }
    tr,
    td {
      display: block;
    }
  }
`;
