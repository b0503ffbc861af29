import { css } from 'lit';
import { token } from '../theme/tokens.js';

/**
 * Styles of `<fk-letter>`: the choices above a DIN 5008-like page (letterhead, address window,
 * place and date, subject, body). In print only the page remains, black on white, without borders.
 */
export const letterStyles = css`
  :host {
    display: block;
  }
  h2 {
    margin: 0 0 ${token('space-2xs')};
    font-size: 1.3rem;
  }
  .lead {
    color: ${token('color-text-muted')};
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-s')} ${token('space-m')};
    align-items: end;
    margin-block: ${token('space-s')};
  }
  label {
    display: block;
    font-weight: 600;
  }
  /* A long template title or appointment must not push the controls past a narrow screen (375 px). */
  .controls > div {
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  select {
    font: inherit;
    padding: ${token('space-2xs')};
    max-inline-size: 100%;
  }
  .page {
    max-inline-size: 210mm;
    box-sizing: border-box;
    padding: 15mm 20mm;
    border: ${token('border-width')} solid ${token('color-border-subtle')};
    background: #fff;
    color: #000;
    font-family: Arial, Helvetica, sans-serif;
    font-size: 11pt;
    line-height: 1.4;
  }
  .letterhead {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    border-block-end: 1px solid #000;
    padding-block-end: 4mm;
    margin-block-end: 8mm;
  }
  .letterhead .office {
    font-weight: 700;
    font-size: 13pt;
  }
  .sender-line {
    font-size: 8pt;
    text-decoration: underline;
    margin: 0 0 2mm;
  }
  .address {
    min-block-size: 27mm;
    white-space: pre-line;
    margin: 0 0 8mm;
  }
  .date {
    text-align: end;
    margin: 0 0 6mm;
  }
  .subject {
    font-weight: 700;
    margin: 0 0 6mm;
  }
  .body p {
    margin: 0 0 4mm;
    white-space: pre-line;
  }
  .footer {
    margin-block-start: 12mm;
    font-size: 8pt;
    border-block-start: 1px solid #000;
    padding-block-start: 2mm;
  }
  .warnings {
    padding: ${token('space-2xs')} ${token('space-s')};
    border-inline-start: 0.25rem solid ${token('color-warning')};
  }
  @media print {
    .controls,
    .warnings,
    h2,
    .lead {
      display: none !important;
    }
    .page {
      border: none;
      padding: 0;
      max-inline-size: none;
    }
  }
`;
