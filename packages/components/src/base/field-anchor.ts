import type { IssuePath } from '@fallkit/core';
import { pathKey } from './feedback.js';

/**
 * The element inside a form's render root that stands for `path`: the nearest `[data-path]` match,
 * walking up the path (`contacts.0.note`, `contacts.0`, `contacts`, the whole value), else the first field.
 * Validation bubbles anchor there and focus goes there after a failed submit or a refused save.
 */
export function anchorIn(root: ParentNode | undefined, path: IssuePath): HTMLElement | undefined {
  if (!root?.querySelector) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const el = root.querySelector<HTMLElement>(`[data-path="${CSS.escape(pathKey(path.slice(0, n)))}"]`);
    if (el) return el;
  }
  return root.querySelector<HTMLElement>('[data-path]') ?? undefined;
}
