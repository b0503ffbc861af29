import { render, type CSSResultGroup, type TemplateResult } from 'lit';

/**
 * The print root: when a form prints, only the document is printed, never the host's screen around
 * it (header, navigation, tabs, footer). The form renders its document into one `<div
 * data-fk-print-root>` at the end of `<body>`, in a shadow root with the print styles; a page style
 * hides everything else while printing and hides the root on screen. The root stays until the next
 * print replaces it, so a PDF renderer that only switches the media type prints the same.
 */
const PAGE_STYLE_ID = 'fk-print-root-page-style';
const PAGE_STYLE = `
@media screen { [data-fk-print-root] { display: none !important; } }
@media print {
  body > :not([data-fk-print-root]) { display: none !important; }
  body { margin: 0; }
}`;

function cssText(styles: CSSResultGroup): string {
  if (Array.isArray(styles)) return (styles as readonly CSSResultGroup[]).map((s) => cssText(s)).join('\n');
  return (styles as { cssText?: string }).cssText ?? '';
}

/** Renders `document` as the page's one print root (replacing an earlier one) and returns it. */
export function mountPrintRoot(content: TemplateResult, styles: CSSResultGroup, lang: string): HTMLElement {
  if (!document.getElementById(PAGE_STYLE_ID)) {
    const style = document.createElement('style');
    style.id = PAGE_STYLE_ID;
    style.textContent = PAGE_STYLE;
    document.head.append(style);
  }
  document.querySelector('[data-fk-print-root]')?.remove();
  const root = document.createElement('div');
  root.setAttribute('data-fk-print-root', '');
  root.lang = lang;
  const shadow = root.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = cssText(styles);
  shadow.append(style);
  const sheet = document.createElement('div');
  shadow.append(sheet);
  render(content, sheet);
  document.body.append(root);
  return root;
}
