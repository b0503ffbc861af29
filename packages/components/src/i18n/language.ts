import { LANGUAGES, type Language } from '@fallkit/core';

/** The language used when nothing on the page says otherwise: German, the working language. */
export const DEFAULT_LANGUAGE: Language = 'de';

/** Maps a BCP 47 tag (`de-DE`, `en-GB`, `EN`) to a supported language, or `undefined`. */
export function normalizeLanguage(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((l) => l === primary);
}

/**
 * The language of the nearest element (starting at `el` itself) that has a `lang` attribute, walking
 * out of shadow roots through their hosts. Returns `undefined` when no ancestor sets a supported one.
 */
export function closestLanguage(el: Element): Language | undefined {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      // The nearest lang wins even if unsupported: a French page region falls back to the default.
      return normalizeLanguage(node.getAttribute('lang'));
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}
