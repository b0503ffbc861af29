import type { Actor } from '../ports/actor.js';
import type { Notice, Refusal } from '../result/refusal.js';
import type { CaseState } from '../model/case-state.js';
import type { CaseCommandType } from '../commands/command-catalog.js';
import { COMMAND_RULES, PROCESS_RULES, allowedStages, type CommandRules, type ProcessViolation } from './cycle.js';
import { ruleNotice, ruleRefusal } from './rule.js';
import { isHumanDecision } from '../access/command-access.js';
import type { ProcessStandard } from './standard/schema.js';

/** The process rules' verdict on one command: refusals stop it, notices go along with it. */
export interface ProcessDecision {
  readonly refusals: readonly Refusal[];
  readonly notices: readonly Notice[];
}

const ALLOW: ProcessDecision = { refusals: [], notices: [] };

/** Whether a command type is a case command the cycle has rules for. */
export function isCycleCommand(type: string): type is CaseCommandType {
  return Object.prototype.hasOwnProperty.call(COMMAND_RULES, type);
}

function refusal(violation: ProcessViolation): Refusal {
  return ruleRefusal(PROCESS_RULES[violation.rule], violation.detail, violation.path);
}

/**
 * The rules that stop a command regardless of its input: PR-01 (closed), PR-07 (human decision,
 * when an actor is given), the stage gate and the state preconditions. Returns the first that
 * applies, in that order, or `undefined`.
 */
export function stateRefusal(
  type: CaseCommandType,
  state: CaseState,
  standard: ProcessStandard,
  actor?: Actor,
  input?: unknown,
): Refusal | undefined {
  const rules = COMMAND_RULES[type] as CommandRules<CaseCommandType>;
  if (state.status === 'closed' && type !== 'recordEvaluation') return ruleRefusal(PROCESS_RULES['PR-01']);
  // DP-27's list of human decisions lives beside who may issue each command (`COMMAND_ACCESS`).
  if (actor?.role === 'system' && isHumanDecision(type, input)) return ruleRefusal(PROCESS_RULES['PR-07']);
  if (!allowedStages(type, standard).includes(state.stage)) {
    const id = rules.gateIn?.[state.stage] ?? rules.gate;
    return ruleRefusal(PROCESS_RULES[id]);
  }
  const failed = (rules.requires ?? []).find((condition) => !condition.holds({ state, standard }));
  return failed === undefined ? undefined : ruleRefusal(PROCESS_RULES[failed.rule]);
}

/**
 * Applies the cycle to one command: pure and synchronous. Commands the cycle has no rules for
 * (other modules' commands) and `openCase` (no state yet) are allowed here; the guard checks the
 * standard of a new case.
 */
export function decideCommand(args: {
  readonly type: string;
  readonly input: unknown;
  readonly state: CaseState | undefined;
  readonly standard: ProcessStandard;
  readonly actor: Actor;
  readonly today: string;
}): ProcessDecision {
  const { type, input, state, standard, actor, today } = args;
  if (!isCycleCommand(type) || state === undefined) return ALLOW;
  const stopped = stateRefusal(type, state, standard, actor, input);
  if (stopped !== undefined) return { refusals: [stopped], notices: [] };
  const rules = COMMAND_RULES[type] as CommandRules<CaseCommandType>;
  const refusals: Refusal[] = [];
  const notices: Notice[] = [];
  for (const check of rules.checks ?? []) {
    for (const violation of check({ state, standard, actor, today, input: input as never })) {
      const rule = PROCESS_RULES[violation.rule];
      if (rule.severity === 'warn') notices.push(ruleNotice(rule, violation.path, violation.detail));
      else refusals.push(refusal(violation));
    }
  }
  return refusals.length === 0 && notices.length === 0 ? ALLOW : { refusals, notices };
}
