import { css } from 'lit';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';

/** Styles of `<fk-plan-form>`: the shared form layout, the plan items and the participant rows. */
export const planFormStyles = [
  sharedStyles,
  formLayoutStyles,
  css`
    .item-head {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-2xs')} ${token('space-xs')};
      align-items: baseline;
    }
    .para {
      font-size: ${token('font-size-s')};
      color: ${token('color-text-muted')};
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-s')};
      align-items: end;
    }
    .row fk-text-field {
      flex: 1 1 12rem;
    }
    :host([together]) {
      font-size: 1.3rem;
    }
    :host([together]) .form {
      gap: ${token('space-xl')};
    }
  `,
];
