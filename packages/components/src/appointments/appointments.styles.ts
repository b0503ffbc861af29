import { css } from 'lit';
import { token } from '../theme/tokens.js';

/** Styles of `<fk-appointments>`: toolbar, list or week grid, then the plan form. */
export const appointmentsStyles = css`
  /* Headings, table, withheld marker and the add form come from shared/record-panel.styles.ts. */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: ${token('space-s')} ${token('space-m')};
    margin-block: ${token('space-s')};
  }
  .toolbar [role='group'] {
    display: inline-flex;
    gap: ${token('space-3xs')};
  }
  .week {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
    gap: ${token('space-2xs')};
  }
  @container (inline-size < 40rem) {
    .week {
      grid-template-columns: 1fr;
    }
  }
  .day {
    border: ${token('border-width')} solid ${token('color-border-subtle')};
    border-radius: ${token('radius-s')};
    padding: ${token('space-2xs')};
    min-block-size: 4rem;
  }
  .day h3 {
    margin: 0 0 ${token('space-3xs')};
    font-size: ${token('font-size-s')};
  }
  .day ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: ${token('space-3xs')};
  }
  .day li {
    font-size: ${token('font-size-s')};
    overflow-wrap: anywhere;
  }
  @media print {
    .toolbar {
      display: none;
    }
  }
`;
