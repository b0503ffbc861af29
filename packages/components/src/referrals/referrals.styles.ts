import { css } from 'lit';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';
import { transferPreviewStyles } from '../shared/transfer-preview/transfer-preview.styles.js';

/** Styles of `<fk-referrals>`: the shared form layout, the transfer preview, referral and conference cards. */
export const referralsStyles = [
  sharedStyles,
  formLayoutStyles,
  transferPreviewStyles,
  css`
    .cards {
      display: flex;
      flex-direction: column;
      gap: ${token('space-s')};
    }
    .card {
      padding: ${token('space-s')} ${token('space-m')};
      border: ${token('border-width')} solid ${token('color-border-subtle')};
      border-radius: ${token('radius-m')};
    }
    .card-head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: baseline;
      gap: ${token('space-xs')};
    }
    .card-title {
      margin: 0;
      font-weight: ${token('font-weight-strong')};
    }
    .card p {
      margin: ${token('space-3xs')} 0;
    }
    .history {
      margin: ${token('space-2xs')} 0 0;
      padding-inline-start: ${token('space-l')};
      font-size: ${token('font-size-s')};
      color: ${token('color-text-muted')};
    }
  `,
];
