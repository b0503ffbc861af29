import { css } from 'lit';
import { token } from '../../theme/tokens.js';

/**
 * A file picker in the page's language. The native `<input type="file">` names its button and its "no file"
 * line in the browser's language (English on most machines), so the input is hidden visually, still focusable
 * and in the tab order, and its `<label class="fk-button file-button">` is the visible button, followed by the
 * chosen file's name in the page's words. Markup: `<input class="file-input" type="file" id=…>` directly
 * followed by `<label for=… class="fk-button file-button">` (the focus ring moves to the label).
 */
export const filePickerStyles = css`
  /* \`input.\` to outweigh the record panel's \`input:not([type='checkbox'])\` (full width: the hidden picker
     stuck out at 375 px). */
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
`;
