import { unsafeCSS, type CSSResult } from 'lit';

/**
 * Fallkit's design tokens and their light defaults. Every token is a CSS custom property named
 * `--fk-<name>`; set it anywhere above an element (on `:root`, a container, the element itself) to
 * theme it. Defaults aim at a calm, trustworthy administrative web app: system fonts, a sober blue,
 * AA contrast on white.
 */
export const TOKEN_DEFAULTS = {
  // Colours
  'color-text': '#1b1f24',
  'color-text-muted': '#4a5360',
  'color-surface': '#ffffff',
  'color-surface-raised': '#f6f7f9',
  'color-surface-sunken': '#eef1f4',
  'color-border': '#737d8c',
  'color-border-subtle': '#d4d9e0',
  'color-primary': '#0b57a4',
  'color-primary-hover': '#094884',
  'color-on-primary': '#ffffff',
  'color-primary-subtle': '#e7f0fa',
  'color-danger': '#b3261e',
  'color-danger-subtle': '#fdecea',
  'color-warning': '#8a5300',
  'color-warning-subtle': '#fff4e0',
  'color-info': '#0b57a4',
  'color-info-subtle': '#e7f0fa',
  'color-success': '#1e6b34',
  'color-success-subtle': '#e8f5ec',
  'color-redacted': '#4a5360',
  'color-redacted-subtle': '#eceef1',
  'color-focus': '#0b57a4',
  // Typography (system stack: no web fonts, no network)
  'font-family':
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif",
  'font-family-mono': "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace",
  'font-size-s': '0.875rem',
  'font-size-m': '1rem',
  'font-size-l': '1.125rem',
  'font-size-xl': '1.375rem',
  'font-weight-normal': '400',
  'font-weight-strong': '600',
  'line-height': '1.5',
  // Spacing
  'space-3xs': '0.125rem',
  'space-2xs': '0.25rem',
  'space-xs': '0.5rem',
  'space-s': '0.75rem',
  'space-m': '1rem',
  'space-l': '1.5rem',
  'space-xl': '2rem',
  // Shape
  'radius-s': '0.25rem',
  'radius-m': '0.375rem',
  'radius-l': '0.5rem',
  'border-width': '1px',
  'control-height': '2.5rem',
  // Focus: a 3px outline in the focus colour, offset from the control (an `outline` value)
  'focus-ring': '3px solid var(--fk-color-focus, #0b57a4)',
  'shadow-raised': '0 1px 2px rgba(16, 24, 40, 0.08)',
} as const;

/** The name of a token, without the `--fk-` prefix. */
export type TokenName = keyof typeof TOKEN_DEFAULTS;

const resolved = new Map<TokenName, CSSResult>();

/**
 * The token as a CSS value with its default as fallback: `var(--fk-color-primary, #0b57a4)`.
 * Components use this in their styles, so they need no global stylesheet and inherit a host's theme.
 */
export function token(name: TokenName): CSSResult {
  let value = resolved.get(name);
  if (!value) {
    value = unsafeCSS(`var(--fk-${name}, ${TOKEN_DEFAULTS[name]})`);
    resolved.set(name, value);
  }
  return value;
}

/** All tokens with their defaults as a stylesheet body (`--fk-…: …;`), e.g. for a host's `:root`. */
export function tokenDeclarations(): string {
  return Object.entries(TOKEN_DEFAULTS)
    .map(([name, value]) => `--fk-${name}: ${value};`)
    .join('\n');
}
