import { css } from 'lit';
import { token } from '../../theme/tokens.js';

/** Styles of the transfer preview and of status badges shared by referrals and handover. */
export const transferPreviewStyles = css`
  .preview {
    display: flex;
    flex-direction: column;
    gap: ${token('space-xs')};
    padding: ${token('space-m')};
    border: ${token('border-width')} solid ${token('color-border-subtle')};
    border-inline-start: 4px solid ${token('color-info')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface-raised')};
  }
  .preview[data-outcome='deny'] {
    border-inline-start-color: ${token('color-danger')};
  }
  .preview[data-outcome='allow-redacted'] {
    border-inline-start-color: ${token('color-warning')};
  }
  .preview p,
  .preview ul {
    margin: 0;
  }
  .preview ul {
    padding-inline-start: ${token('space-l')};
  }
  .preview h5 {
    margin: 0 0 ${token('space-2xs')};
    font-size: ${token('font-size-m')};
  }
  .preview li .fk-hint {
    display: block;
  }
  .preview-line {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-xs')};
    align-items: baseline;
  }
  .badge--danger {
    background: ${token('color-danger-subtle')};
    border-color: ${token('color-danger')};
    color: ${token('color-danger')};
  }
  @media (forced-colors: active) {
    .preview {
      border-color: CanvasText;
    }
  }
`;
