import { css } from 'lit';
import { token } from '../theme/tokens.js';

/** What `<fk-documents>` adds to the record panels' styles: badges, the actions column, the remove reason. */
export const documentsStyles = css`
  .badge {
    display: inline-block;
    margin-inline-end: ${token('space-3xs')};
    padding: 0 ${token('space-2xs')};
    border: ${token('border-width')} solid ${token('color-border')};
    border-radius: ${token('radius-s')};
    font-size: ${token('font-size-s')};
  }
  .actions-cell {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-2xs')};
  }
  .removed {
    color: ${token('color-text-muted')};
  }
  fieldset {
    grid-column: 1 / -1;
    border: ${token('border-width')} solid ${token('color-border-subtle')};
    border-radius: ${token('radius-s')};
  }
  fieldset label {
    display: inline-flex;
    gap: ${token('space-3xs')};
    align-items: center;
    margin-inline-end: ${token('space-s')};
    font-weight: normal;
  }
  @container (max-width: 36rem) {
    thead {
      display: none;
    }
    tr,
    td {
      display: block;
    }
  }
`;
