import { localDate } from '@fallkit/core';
import type { ParsingSchema, SchemaIssue, SchemaResult } from './validator.js';

/** One part of a composed form value: the core schema that checks it and whether it may be absent. */
export interface SchemaPart {
  readonly schema: ParsingSchema<unknown>;
  /** An absent part (`undefined`) is fine; a present one is checked. */
  readonly optional?: boolean;
}

/**
 * A schema for a form value made of several command inputs (`{ referral, check, admission }`): each
 * part is checked with the core's own input schema and issues carry the part's key in their path, so
 * the foundation's zod bridge shows each at its field. No zod instance of its own: it composes the
 * core's (the components bundle stays free of a second zod).
 */
export function partsSchema<Out>(parts: Readonly<Record<string, SchemaPart>>): ParsingSchema<Out> {
  return {
    safeParse(value: unknown): SchemaResult<Out> {
      const input = (value ?? {}) as Record<string, unknown>;
      const data: Record<string, unknown> = {};
      const issues: SchemaIssue[] = [];
      for (const [key, part] of Object.entries(parts)) {
        const v = input[key];
        if (v === undefined && part.optional) continue;
        const result = part.schema.safeParse(v) as SchemaResult<unknown>;
        if (result.success) data[key] = result.data;
        else for (const issue of result.error.issues) issues.push({ ...issue, path: [key, ...issue.path] });
      }
      return issues.length > 0 ? { success: false, error: { issues } } : { success: true, data: data as Out };
    },
  };
}

/**
 * Today as an ISO calendar date: the organisation's local date (the core's default zone, Europe/Berlin),
 * the day the case service writes periods and consents from. The browser's own zone may be another (a
 * laptop left on UTC): a consent given "today" would then look not yet valid, or a date "tomorrow".
 */
export function todayIso(now: Date = new Date()): string {
  return localDate(now.toISOString());
}

/** Whether two plain values are equal as JSON (what changed since the case was loaded). */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
