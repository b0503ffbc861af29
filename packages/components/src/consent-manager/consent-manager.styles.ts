import { css } from 'lit';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';

/** The styles of `<fk-consent-manager>`: cards of recorded consents, the information steps, the print sheet. */
export const consentManagerStyles = [
  sharedStyles,
  formLayoutStyles,
  css`
    h2,
    h3,
    h4 {
      overflow-wrap: anywhere;
      hyphens: auto;
    }
    .cards {
      display: flex;
      flex-direction: column;
      gap: ${token('space-s')};
    }
    .card {
      padding: ${token('space-s')} ${token('space-m')};
      border: ${token('border-width')} solid ${token('color-border-subtle')};
      border-radius: ${token('radius-m')};
      background: ${token('color-surface')};
    }
    .card[data-status='expiring'] {
      border-inline-start: 4px solid ${token('color-warning')};
    }
    .card[data-status='expired'],
    .card[data-status='withdrawn'] {
      background: ${token('color-surface-raised')};
    }
    .card-head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: ${token('space-xs')};
      align-items: baseline;
    }
    .card-title {
      margin: 0;
      font-weight: ${token('font-weight-strong')};
    }
    dl.facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: ${token('space-3xs')} ${token('space-s')};
      margin: ${token('space-xs')} 0;
      font-size: ${token('font-size-s')};
    }
    dl.facts dt {
      color: ${token('color-text-muted')};
    }
    dl.facts dd {
      margin: 0;
    }
    .badge--danger {
      background: ${token('color-danger-subtle')};
      border-color: ${token('color-danger')};
      color: ${token('color-danger')};
    }
    .steps {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-2xs')};
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .step[data-shown] {
      border-color: ${token('color-success')};
      color: ${token('color-success')};
    }
    .step[aria-current='step'] {
      background: ${token('color-primary-subtle')};
      border-color: ${token('color-primary')};
      color: ${token('color-primary')};
    }
    .info-panel {
      padding: ${token('space-m')};
      border-radius: ${token('radius-m')};
      background: ${token('color-surface-raised')};
      font-size: ${token('font-size-l')};
      max-inline-size: 70ch;
    }
    .info-panel h4 {
      font-size: ${token('font-size-l')};
      margin-block-end: ${token('space-xs')};
    }
    .info-panel p {
      margin: 0;
    }
    .info-panel:focus-visible {
      outline: ${token('focus-ring')};
      outline-offset: 2px;
    }
    .inline-add {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-xs')};
      align-items: end;
    }
    .inline-add fk-text-field {
      flex: 1 1 16rem;
    }
    .print-sheet {
      display: none;
    }
    @media print {
      .screen-only {
        display: none !important;
      }
      .print-sheet {
        display: block;
        color: #000;
        font-size: 11pt;
      }
      .print-sheet h2 {
        font-size: 16pt;
      }
      .print-sheet section {
        break-inside: avoid;
        margin-block: 0.6em;
      }
      .signature {
        margin-block-start: 2.5em;
        border-block-start: 1px solid #000;
        padding-block-start: 0.2em;
        inline-size: 60%;
      }
    }
  `,
];
