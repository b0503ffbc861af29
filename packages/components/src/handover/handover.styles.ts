import { css } from 'lit';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';
import { transferPreviewStyles } from '../shared/transfer-preview/transfer-preview.styles.js';

/** Styles of `<fk-handover>`: the shared form layout, the transfer preview, the current lead and its history. */
export const handoverStyles = [
  sharedStyles,
  formLayoutStyles,
  transferPreviewStyles,
  css`
    .current {
      margin: 0;
      font-weight: ${token('font-weight-strong')};
    }
    .history {
      margin: 0;
      padding-inline-start: ${token('space-l')};
      color: ${token('color-text-muted')};
      font-size: ${token('font-size-s')};
    }
  `,
];
