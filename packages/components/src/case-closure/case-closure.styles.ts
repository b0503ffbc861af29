import { css } from 'lit';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';

/** Styles of `<fk-case-closure>`: the shared form layout, the readiness groups, goals, evaluation and the closed summary. */
export const caseClosureStyles = [
  sharedStyles,
  formLayoutStyles,
  css`
    .groups {
      display: grid;
      grid-template-columns: 1fr;
      gap: ${token('space-m')};
    }
    @container (min-width: 60rem) {
      .groups {
        grid-template-columns: repeat(3, 1fr);
      }
    }
    .group {
      padding: ${token('space-s')} ${token('space-m')};
      border: ${token('border-width')} solid ${token('color-border-subtle')};
      border-radius: ${token('radius-m')};
      background: ${token('color-surface-raised')};
    }
    .goal {
      display: flex;
      flex-direction: column;
      gap: ${token('space-xs')};
      padding-block: ${token('space-s')};
      border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
    }
    .goal:last-child {
      border-block-end: 0;
    }
    .triple {
      display: grid;
      grid-template-columns: 1fr;
      gap: ${token('space-m')};
    }
    .feedback-entry {
      display: flex;
      flex-direction: column;
      gap: ${token('space-s')};
      padding-block: ${token('space-s')};
      border-block-start: ${token('border-width')} dashed ${token('color-border-subtle')};
    }
    .subsection {
      display: flex;
      flex-direction: column;
      gap: ${token('space-s')};
      padding-block-start: ${token('space-s')};
      border-block-start: ${token('border-width')} solid ${token('color-border-subtle')};
    }
    fieldset.fk-field {
      display: flex;
      flex-direction: column;
      gap: ${token('space-s')};
    }
    .summary {
      display: grid;
      grid-template-columns: 1fr;
      gap: ${token('space-3xs')} ${token('space-m')};
      margin: 0;
    }
    @container (min-width: 44rem) {
      .summary {
        grid-template-columns: minmax(12rem, max-content) 1fr;
      }
    }
    .summary dt {
      font-weight: ${token('font-weight-strong')};
    }
    .summary dd {
      margin: 0 0 ${token('space-xs')};
    }
    .decision {
      border-inline-start: 4px solid ${token('color-primary')};
    }
  `,
];
