import type { IssuePath } from '@fallkit/core';
import type { Feedback, FeedbackType, ValidityFlag } from './feedback.js';
import type { MessageRef } from '../controllers/localize-controller.js';

/**
 * A small validation object (webawesome's validators, Lion's Validator): looks at the whole value and
 * returns feedback. Validators of type `error` block; the others inform.
 */
export interface Validator<V> {
  /** Identifies the validator in feedback and tests. */
  readonly id: string;
  validate(value: V): readonly Feedback[];
}

/** The outcome of a schema check: the parsed data or the issues. */
export type SchemaResult<Out> =
  { success: true; data: Out } | { success: false; error: { issues: readonly SchemaIssue[] } };

/** The slice of a zod issue the bridge reads (zod 4 classic and mini share it). */
export interface SchemaIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message?: string;
  readonly origin?: string;
  readonly expected?: string;
  readonly format?: string;
  readonly minimum?: number | bigint | string;
  readonly maximum?: number | bigint | string;
  readonly params?: Record<string, unknown>;
}

/** Anything with zod's `safeParse` (a zod/mini schema from the core). */
export interface ParsingSchema<Out> {
  safeParse(value: unknown): SchemaResult<Out> | { success: boolean; data?: unknown; error?: unknown };
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/**
 * Maps one zod issue to a localized message reference and a validity flag. Custom issues of the core
 * that carry `params: { de, en }` (or `params.message: { de, en }`) keep their own text.
 */
export function issueToFeedback(issue: SchemaIssue, input: unknown, type: FeedbackType = 'error'): Feedback {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol') as IssuePath;
  const at = valueAt(input, issue.path);
  const n = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v as number | string));
  let message: MessageRef = { key: 'validation.invalid' };
  let flag: ValidityFlag = 'customError';
  switch (issue.code) {
    case 'invalid_type':
      if (isEmpty(at)) {
        message = { key: 'validation.required' };
        flag = 'valueMissing';
      } else {
        message = { key: issue.expected === 'number' ? 'validation.invalidNumber' : 'validation.invalid' };
        flag = 'typeMismatch';
      }
      break;
    case 'too_small':
      if (issue.origin === 'string') {
        const min = Number(n(issue.minimum));
        if (min <= 1 || isEmpty(at)) {
          message = { key: 'validation.required' };
          flag = 'valueMissing';
        } else {
          message = { key: 'validation.tooShort', params: { minimum: min } };
          flag = 'tooShort';
        }
      } else if (issue.origin === 'array' || issue.origin === 'set') {
        message = { key: 'validation.tooFewItems', params: { minimum: n(issue.minimum) } };
        flag = Array.isArray(at) && at.length === 0 ? 'valueMissing' : 'rangeUnderflow';
      } else if (issue.origin === 'date') {
        message = { key: 'validation.dateTooEarly', params: { minimum: String(issue.minimum) } };
        flag = 'rangeUnderflow';
      } else {
        message = { key: 'validation.tooSmall', params: { minimum: n(issue.minimum) } };
        flag = 'rangeUnderflow';
      }
      break;
    case 'too_big':
      if (issue.origin === 'string') {
        message = { key: 'validation.tooLong', params: { maximum: n(issue.maximum) } };
        flag = 'tooLong';
      } else if (issue.origin === 'array' || issue.origin === 'set') {
        message = { key: 'validation.tooManyItems', params: { maximum: n(issue.maximum) } };
        flag = 'rangeOverflow';
      } else if (issue.origin === 'date') {
        message = { key: 'validation.dateTooLate', params: { maximum: String(issue.maximum) } };
        flag = 'rangeOverflow';
      } else {
        message = { key: 'validation.tooBig', params: { maximum: n(issue.maximum) } };
        flag = 'rangeOverflow';
      }
      break;
    case 'invalid_format':
      flag = isEmpty(at) ? 'valueMissing' : 'typeMismatch';
      message = isEmpty(at)
        ? { key: 'validation.required' }
        : {
            key:
              issue.format === 'date'
                ? 'validation.invalidDate'
                : issue.format === 'datetime'
                  ? 'validation.invalidDateTime'
                  : issue.format === 'email'
                    ? 'validation.invalidEmail'
                    : 'validation.invalidFormat',
          };
      break;
    case 'invalid_value':
    case 'invalid_union':
      message = { key: isEmpty(at) ? 'validation.requiredChoice' : 'validation.invalidOption' };
      flag = isEmpty(at) ? 'valueMissing' : 'badInput';
      break;
    case 'custom': {
      const p = issue.params ?? {};
      const own = (p['message'] ?? p) as { de?: unknown; en?: unknown };
      if (typeof own.de === 'string' && typeof own.en === 'string') message = { de: own.de, en: own.en };
      break;
    }
    default:
      break;
  }
  const code = typeof issue.params?.['code'] === 'string' ? (issue.params['code'] as string) : issue.code;
  return { type, code, message, path, rule: 'SCHEMA', flag };
}

/**
 * A validator from a core schema: runs `safeParse` and turns every issue into localized feedback.
 * Pass `type: 'warning'` for a completeness schema that should inform, not block.
 */
export function schemaValidator<V>(
  schema: ParsingSchema<unknown>,
  options: { id?: string; type?: FeedbackType } = {},
): Validator<V> {
  return {
    id: options.id ?? 'schema',
    validate(value: V): Feedback[] {
      const result = schema.safeParse(value) as SchemaResult<unknown>;
      if (result.success) return [];
      return result.error.issues.map((issue) => issueToFeedback(issue, value, options.type));
    },
  };
}

/**
 * A validator from a plain check: `check` returns `true` when fine, else the message (key or core
 * text) to show at `path`.
 */
export function checkValidator<V>(
  id: string,
  check: (value: V) => true | MessageRef,
  options: { path?: IssuePath; type?: FeedbackType; flag?: ValidityFlag } = {},
): Validator<V> {
  return {
    id,
    validate(value: V): Feedback[] {
      const outcome = check(value);
      if (outcome === true) return [];
      return [
        {
          type: options.type ?? 'error',
          code: id,
          message: outcome,
          path: options.path ?? [],
          flag: options.type && options.type !== 'error' ? undefined : (options.flag ?? 'customError'),
        },
      ];
    },
  };
}
