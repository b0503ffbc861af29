import { css } from 'lit';
import { token } from '../theme/tokens.js';

/** Styles of `<fk-sync-conflicts>`: each conflict as a card, mine and theirs side by side where there is room. */
export const syncConflictsStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  h2 {
    margin: 0 0 ${token('space-2xs')};
    font-size: 1.3rem;
  }
  h3 {
    margin: 0;
    font-size: 1.1rem;
  }
  h4 {
    margin: 0 0 ${token('space-2xs')};
    font-size: 1rem;
  }
  p {
    margin: 0;
  }
  .lead,
  .muted {
    color: ${token('color-text-muted')};
  }
  ol.conflicts {
    list-style: none;
    margin: ${token('space-s')} 0 0;
    padding: 0;
    display: grid;
    gap: ${token('space-m')};
  }
  article {
    display: grid;
    gap: ${token('space-s')};
    padding: ${token('space-s')} ${token('space-m')};
    border: ${token('border-width')} solid ${token('color-border-subtle')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface')};
  }
  .sides {
    display: grid;
    gap: ${token('space-s')};
  }
  @container (min-width: 40rem) {
    .sides {
      grid-template-columns: 1fr 1fr;
    }
  }
  .side {
    padding: ${token('space-xs')} ${token('space-s')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface-raised')};
  }
  dl {
    margin: ${token('space-2xs')} 0 0;
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: ${token('space-3xs')} ${token('space-s')};
  }
  dt {
    color: ${token('color-text-muted')};
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  ul.entries {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: ${token('space-xs')};
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-xs')};
    align-items: end;
  }
  .discard {
    display: grid;
    gap: ${token('space-2xs')};
    inline-size: 100%;
  }
  textarea {
    font: inherit;
    min-block-size: 4rem;
  }
  .error {
    padding: ${token('space-2xs')} ${token('space-xs')};
    border-inline-start: 4px solid ${token('color-danger')};
    background: ${token('color-danger-subtle')};
  }
`;
