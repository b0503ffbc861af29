import { css } from 'lit';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';

/** Styles of `<fk-first-counselling>`: the shared form layout and the person's language facts. */
export const firstCounsellingStyles = [
  sharedStyles,
  formLayoutStyles,
  css`
    .facts {
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-xs')};
    }
  `,
];
