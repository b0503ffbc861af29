import { css } from 'lit';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';

/** Styles of `<fk-assessment-form>`: the shared form layout, life domains, the picker and the comparison. */
export const assessmentFormStyles = [
  sharedStyles,
  formLayoutStyles,
  css`
    .domains {
      display: flex;
      flex-direction: column;
      gap: ${token('space-s')};
    }
    .domains .section-head p {
      margin: 0;
    }
    .domain-list {
      display: flex;
      flex-direction: column;
      gap: ${token('space-m')};
    }
    .domain h4 {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-xs')};
      font-size: ${token('font-size-l')};
    }
    .domain h4 .badge {
      font-size: ${token('font-size-s')};
    }
    .picker {
      display: flex;
      flex-direction: column;
      gap: ${token('space-xs')};
    }
    .picker .actions .fk-button {
      font-weight: ${token('font-weight-normal')};
    }
    .compare {
      margin: 0;
      font-size: ${token('font-size-s')};
      color: ${token('color-text-muted')};
    }
    .earlier {
      font-size: ${token('font-size-s')};
    }
    .earlier dl {
      margin: 0;
      padding: ${token('space-xs')} ${token('space-s')};
      border-inline-start: 3px solid ${token('color-border-subtle')};
      background: ${token('color-surface-raised')};
    }
    .earlier dt {
      font-weight: ${token('font-weight-strong')};
    }
    .earlier dd {
      margin: 0 0 ${token('space-2xs')};
      white-space: pre-wrap;
    }
    .special {
      border-block-start: ${token('border-width')} dashed ${token('color-border-subtle')};
      padding-block-start: ${token('space-2xs')};
    }
    .special p {
      margin-block: 0 ${token('space-xs')};
    }
  `,
];
