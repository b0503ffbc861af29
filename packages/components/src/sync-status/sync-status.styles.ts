import { css } from 'lit';
import { token } from '../theme/tokens.js';

/** Styles of `<fk-sync-status>`: one compact block, the state first. */
export const syncStatusStyles = css`
  :host {
    display: block;
  }
  section {
    display: grid;
    gap: ${token('space-2xs')};
    padding: ${token('space-s')} ${token('space-m')};
    border: ${token('border-width')} solid ${token('color-border-subtle')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface')};
  }
  p {
    margin: 0;
  }
  .state {
    font-weight: 600;
  }
  .state[data-online='false'] {
    color: ${token('color-warning')};
  }
  .muted {
    color: ${token('color-text-muted')};
  }
  .error {
    padding: ${token('space-2xs')} ${token('space-xs')};
    border-inline-start: 4px solid ${token('color-danger')};
    background: ${token('color-danger-subtle')};
  }
  button {
    justify-self: start;
  }
`;
