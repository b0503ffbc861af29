import {
  READINESS_SIGNS,
  closeCaseInput,
  recordEvaluationInput,
  type CaseCommandInput,
  type CaseCommandInputIn,
  type ReadinessSign,
  type ReadinessSignGroup,
} from '@fallkit/core';
import type { Feedback } from '../base/feedback.js';
import type { ParsingSchema, SchemaIssue, SchemaResult } from '../base/validator.js';

/** The closure part of the value: the input of the core's `closeCase`. */
export type ClosureInput = CaseCommandInputIn<'closeCase'>;
/** The evaluation part of the value: the input of the core's `recordEvaluation`. */
export type EvaluationInput = CaseCommandInputIn<'recordEvaluation'>;

/** The value of `<fk-case-closure>`. */
export interface CaseClosureValue {
  /** The closure as drafted: no reason until the case manager picks one (nothing is preselected). */
  closure: Omit<ClosureInput, 'reason'> & { reason?: ClosureInput['reason'] };
  /** `undefined` while the evaluation is left for later. */
  evaluation?: EvaluationInput;
  /** The case manager confirms that closing is their decision, discussed with the person. */
  decisionConfirmed: boolean;
}

/** The validated data of `fk-submit`: the inputs of `closeCase` (absent when already closed) and `recordEvaluation`. */
export interface CaseClosureData {
  closure?: CaseCommandInput<'closeCase'>;
  evaluation?: CaseCommandInput<'recordEvaluation'>;
}

/** A goal to judge at closure. */
export interface ClosureGoal {
  readonly id: string;
  readonly title: string;
  /** The goal's status; goals no longer `open` need no judgement (the core asks only for open ones). */
  readonly status?: string;
}

/** A provider to give feedback to. */
export interface ClosureProvider {
  readonly name: string;
  readonly providerReferralId?: string;
}

/** The three groups of readiness signs, in the order shown. */
export const GROUPS = Object.keys(READINESS_SIGNS) as ReadinessSignGroup[];
/** Every readiness sign, in the order of its group. */
export const ALL_SIGNS = GROUPS.flatMap((g) => READINESS_SIGNS[g]) as readonly ReadinessSign[];

/** The schema of the value: `closeCase` (until the case is closed) and `recordEvaluation` inputs. */
export function closureSchema(isClosed: () => boolean): ParsingSchema<CaseClosureData> {
  return {
    safeParse(value: unknown): SchemaResult<CaseClosureData> {
      const v = (value ?? {}) as Partial<CaseClosureValue>;
      const issues: SchemaIssue[] = [];
      const data: CaseClosureData = {};
      if (!isClosed()) {
        const r = closeCaseInput.safeParse(v.closure ?? {});
        if (r.success) data.closure = r.data;
        else for (const i of r.error.issues) issues.push({ ...i, path: ['closure', ...i.path] } as SchemaIssue);
      }
      if (v.evaluation !== undefined) {
        const r = recordEvaluationInput.safeParse(v.evaluation);
        if (r.success) data.evaluation = r.data;
        else for (const i of r.error.issues) issues.push({ ...i, path: ['evaluation', ...i.path] } as SchemaIssue);
      }
      return issues.length ? { success: false, error: { issues } } : { success: true, data };
    },
  };
}

/**
 * The closure rules beside the schema: closing needs the case manager's confirmation (a human
 * decision); open goals without judgement and too few readiness signs for a success are warned about.
 */
export function closureRuleFeedback(value: CaseClosureValue, goals: readonly ClosureGoal[]): Feedback[] {
  const out: Feedback[] = [];
  if (!value.decisionConfirmed)
    out.push({
      type: 'error',
      code: 'CLOSURE_NOT_CONFIRMED',
      message: { key: 'closure.decision.missing' },
      path: ['decisionConfirmed'],
      flag: 'valueMissing',
    });
  const judged = new Set((value.closure?.goalAttainment ?? []).map((g) => g.goalId));
  const missing = goals.filter((g) => (g.status ?? 'open') === 'open' && !judged.has(g.id)).length;
  if (missing > 0)
    out.push({
      type: 'warning',
      code: 'CLOSURE_ATTAINMENT_MISSING',
      message: { key: 'attainment.missing', params: { count: missing } },
      path: ['closure', 'goalAttainment'],
    });
  const signs = value.closure?.readinessSigns ?? [];
  const reason = value.closure?.reason;
  if ((reason === 'goalsReached' || reason === 'selfSteering') && signs.length < 3)
    out.push({
      type: 'warning',
      code: 'CLOSURE_FEW_READINESS_SIGNS',
      message: { key: 'readiness.few' },
      path: ['closure', 'readinessSigns'],
    });
  return out;
}

/** The object without its `undefined` and empty-text keys. */
export function dropEmpty<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined && v !== '') out[k] = v;
  return out as T;
}

/** A typed number (`,` or `.` as decimal mark), the text itself when it is none, `undefined` when empty. */
export function numberOrText(raw: string): number | string | undefined {
  const s = raw.trim().replace(',', '.');
  if (s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : raw;
}
