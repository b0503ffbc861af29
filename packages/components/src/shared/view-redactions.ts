import { isRedactionMarker, type RedactionMarker } from '@fallkit/core';

/**
 * Redaction markers found in a case view, keyed by where they stood (`domains.2.problems`,
 * `goals.0`, or a form's own keys such as `domain:health`). Forms render `<fk-redacted>` there, so
 * a withheld field explains itself instead of looking empty (DP-24).
 */
export type Redactions = Readonly<Record<string, RedactionMarker>>;

/**
 * Copies `item` with every field that is a redaction marker replaced by `fill` (usually `''` or
 * `undefined`) and records the markers under `prefix.field` in `out`.
 */
export function withoutMarkers<T extends object>(
  item: T,
  prefix: string,
  out: Record<string, RedactionMarker>,
  fill: unknown = undefined,
): T {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (isRedactionMarker(value)) {
      out[`${prefix}.${key}`] = value;
      if (fill !== undefined) copy[key] = fill;
    } else copy[key] = value;
  }
  return copy as T;
}

/** Markers whose key is `key` or starts with `key.`. */
export function redactionsUnder(redactions: Redactions, key: string): RedactionMarker[] {
  return Object.entries(redactions)
    .filter(([k]) => k === key || k.startsWith(`${key}.`))
    .map(([, m]) => m);
}

/** A category named by a marker (`REDACT_NO_CONSENT` for `health`), for the built-in sentence. */
export function markerCategory(marker: RedactionMarker): string | undefined {
  return (
    (marker as RedactionMarker & { subject?: string; category?: string }).category ??
    (marker as RedactionMarker & { subject?: string }).subject
  );
}
