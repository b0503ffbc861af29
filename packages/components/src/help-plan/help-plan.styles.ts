import { css } from 'lit';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';
import { togetherStyles } from '../shared/profile-hint.js';

/** Styles of `<fk-help-plan>`: the shared form layout, rows, the editor, the timeline and the pager. */
export const helpPlanStyles = [
  sharedStyles,
  formLayoutStyles,
  togetherStyles,
  css`
    fk-reorder-list::part(item) {
      align-items: start;
      content-visibility: auto;
      contain-intrinsic-size: auto 5rem;
    }
    fk-reorder-list::part(position) {
      line-height: 1.75rem;
    }
    .row {
      display: flex;
      flex-direction: column;
      gap: ${token('space-s')};
    }
    .row-top {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-xs')} ${token('space-m')};
      align-items: flex-start;
      justify-content: space-between;
    }
    .row-main {
      flex: 1 1 18rem;
      min-inline-size: 0;
    }
    .row-title {
      font-weight: ${token('font-weight-strong')};
      margin-inline-end: ${token('space-xs')};
    }
    .row .meta {
      margin-block-start: ${token('space-3xs')};
    }
    .badges {
      display: inline-flex;
      flex-wrap: wrap;
      gap: ${token('space-2xs')};
      vertical-align: middle;
    }
    .editor[hidden] {
      display: none;
    }
    .timeline-box {
      display: block;
    }
    .timeline-box > :not(summary) {
      margin-block-start: ${token('space-s')};
    }
    .editor {
      display: flex;
      flex-direction: column;
      gap: ${token('space-m')};
      padding-block-start: ${token('space-m')};
      border-block-start: ${token('border-width')} solid ${token('color-border-subtle')};
    }
    .line {
      display: grid;
      grid-template-columns: 1fr;
      gap: ${token('space-xs')};
      align-items: end;
    }
    @container (min-width: 44rem) {
      .line {
        grid-template-columns: 2fr 1fr auto;
      }
      .line--two {
        grid-template-columns: 1fr auto;
      }
    }
    .subsection {
      display: flex;
      flex-direction: column;
      gap: ${token('space-s')};
    }
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
    }
    .step {
      display: grid;
      grid-template-columns: 2rem 1fr;
      gap: ${token('space-s')};
      padding-block-end: ${token('space-m')};
      position: relative;
    }
    .step:not(:last-child)::before {
      content: '';
      position: absolute;
      inset-block: 2rem 0;
      inset-inline-start: calc(1rem - 1px);
      border-inline-start: 2px solid ${token('color-border-subtle')};
    }
    .step-no {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      inline-size: 2rem;
      block-size: 2rem;
      border-radius: 50%;
      background: ${token('color-primary')};
      color: ${token('color-on-primary')};
      font-weight: ${token('font-weight-strong')};
    }
    .step-title {
      margin: 0;
      line-height: 2rem;
    }
    .step ul {
      margin: ${token('space-2xs')} 0 0;
      padding: 0;
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-xs')};
    }
    .step li {
      padding: ${token('space-2xs')} ${token('space-s')};
      border: ${token('border-width')} solid ${token('color-border-subtle')};
      border-radius: ${token('radius-m')};
      background: ${token('color-surface-raised')};
      font-size: ${token('font-size-s')};
    }
    .pager {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-xs')};
      align-items: center;
      justify-content: space-between;
    }
    @media (forced-colors: active) {
      .step-no {
        border: 1px solid CanvasText;
      }
    }
  `,
];
