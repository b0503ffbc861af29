import { css } from 'lit';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';

/** Styles of `<fk-intake-screening>`: the shared form layout, the criteria checklist and the crisis edge. */
export const intakeScreeningStyles = [
  sharedStyles,
  formLayoutStyles,
  css`
    .criteria {
      display: flex;
      flex-direction: column;
      gap: ${token('space-xs')};
    }
    .criterion {
      padding: ${token('space-xs')} ${token('space-s')};
      border-radius: ${token('radius-m')};
      border: ${token('border-width')} solid transparent;
    }
    .criterion[data-met] {
      border-color: ${token('color-primary-subtle')};
      background: ${token('color-primary-subtle')};
    }
    .criterion fk-text-field {
      margin-block-start: ${token('space-2xs')};
      margin-inline-start: ${token('space-l')};
    }
    @container (max-width: 30rem) {
      .criterion fk-text-field {
        margin-inline-start: 0;
      }
    }
    .count {
      font-weight: ${token('font-weight-strong')};
    }
    .crisis[data-flagged] {
      border-inline-start: 4px solid ${token('color-danger')};
    }
  `,
];
