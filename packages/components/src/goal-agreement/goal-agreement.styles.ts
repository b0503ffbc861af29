import { css } from 'lit';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';
import { togetherStyles } from '../shared/profile-hint.js';
import { agreementPrintStyles } from './agreement-print.js';

/** Styles of `<fk-goal-agreement>`: the shared form layout, the print view, goal cards, indicators, derive list, summaries. */
export const goalAgreementStyles = [
  sharedStyles,
  formLayoutStyles,
  agreementPrintStyles,
  togetherStyles,
  css`
    .goal-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-xs')};
    }
    .goal-head h3 {
      flex: 1 1 16rem;
    }
    .indicator {
      display: grid;
      grid-template-columns: 1fr;
      gap: ${token('space-xs')};
      align-items: end;
      padding-block-end: ${token('space-xs')};
      border-block-end: ${token('border-width')} dashed ${token('color-border-subtle')};
    }
    @container (min-width: 44rem) {
      .indicator {
        grid-template-columns: 2fr 1fr auto;
      }
    }
    .derive-list li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${token('space-xs')};
      padding-block: ${token('space-xs')};
      border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
    }
    .derive-list .excerpt {
      display: block;
      color: ${token('color-text-muted')};
      font-size: ${token('font-size-s')};
    }
    .history ol {
      margin: 0;
      padding-inline-start: ${token('space-l')};
      font-size: ${token('font-size-s')};
    }
    .goal-editor {
      display: flex;
      flex-direction: column;
      gap: ${token('space-m')};
    }
    .summary {
      display: grid;
      grid-template-columns: minmax(7rem, 12rem) 1fr;
      gap: ${token('space-3xs')} ${token('space-m')};
      margin: 0;
      font-size: ${token('font-size-s')};
    }
    .summary dt {
      color: ${token('color-text-muted')};
    }
    .summary dd {
      margin: 0;
    }
    @container (max-width: 36rem) {
      .summary {
        grid-template-columns: 1fr;
      }
      .summary dd {
        margin-block-end: ${token('space-2xs')};
      }
    }
    .subsection {
      display: flex;
      flex-direction: column;
      gap: ${token('space-s')};
      padding-block-start: ${token('space-s')};
      border-block-start: ${token('border-width')} solid ${token('color-border-subtle')};
    }
  `,
];
