import { text } from '../i18n/localized-text.js';
import type { Actor } from '../ports/actor.js';
import type { JournalEvent } from '../journal/journal-event.js';
import type { Notice, Refusal } from '../result/refusal.js';
import type { ProcessStandardRef } from '../model/case-header.js';
import type { CaseState } from '../model/case-state.js';
import type { CaseCommandInput } from '../commands/command-catalog.js';
import type { CaseServiceStandard } from '../commands/handler-context.js';
import type { CommandGuard, GuardContext } from '../service/command-guard.js';
import { PROCESS_RULES } from './cycle.js';
import { decideCommand } from './decide.js';
import { ruleRefusal } from './rule.js';
import { DEFAULT_PROCESS_STANDARD } from './standard/default-standard.js';
import { handoverConsentCheck } from '../privacy/handover-check.js';
import { parseProcessStandard } from './standard/parse-standard.js';
import { standardRegistry, type ProcessStandardRegistry, type StandardSource } from './standard/registry.js';
import type { ProcessStandard } from './standard/schema.js';

/** The standard id the fold gives a case whose opening event was erased. */
const ERASED_STANDARD_ID = 'erased';

/** What the consent check of a warm handover sees. */
export interface HandoverConsentContext {
  readonly state: CaseState;
  readonly input: CaseCommandInput<'changeLeadAgency'>;
  readonly actor: Actor;
  readonly now: string;
  /** The case journal before the command: consents live there, beside the case state. */
  readonly journal?: readonly JournalEvent[];
}

/**
 * The seam for the data-protection module: decides whether the case's data may go to the receiving
 * agency in a warm handover (consent or another legal basis). Returns the refusals that stop the
 * handover (with their own `DP-…` rule ids), or an empty list. The process guard calls it for every
 * warm handover (PR-24).
 */
export type HandoverConsentCheck = (context: HandoverConsentContext) => readonly Refusal[];

/**
 * A guard context that carries the consent check. A pipeline that builds its context with a
 * `handoverConsentCheck` gets it used without configuring the process guard.
 */
export interface ProcessGuardContext extends GuardContext {
  readonly handoverConsentCheck?: HandoverConsentCheck;
}

/** Options of {@link createProcessGuard}. */
export interface ProcessGuardOptions {
  /** The standards cases may be under, every version; the default standard is always known. */
  readonly standards?: StandardSource;
  /** The warm-handover consent check of the data-protection module (PR-24). */
  readonly handoverConsentCheck?: HandoverConsentCheck;
  /**
   * What to do with a case whose standard is not registered (PR-00): `useDefault` judges it by the
   * default standard, with a notice when the case is opened (journals imported from elsewhere, hosts
   * that pass only a reference); `refuse` stops every command on it, so no case is ever judged by
   * the wrong rules.
   * Default: `useDefault`.
   */
  readonly unknownStandard?: 'useDefault' | 'refuse';
}

/** The standard reference a new case will record (mirrors the `openCase` handler). */
function openingRef(context: GuardContext): ProcessStandardRef {
  const input = context.command.input as { processStandard?: ProcessStandardRef };
  if (input.processStandard !== undefined) return input.processStandard;
  return context.standard
    ? { id: context.standard.id, version: context.standard.version }
    : { id: 'default', version: '1' };
}

/**
 * Finds the standard a case is judged by: the registry first, then the service's own standard when
 * it is that version and validates. Parsed service standards are cached per object.
 */
function resolver(
  registry: ProcessStandardRegistry,
): (ref: ProcessStandardRef, own: CaseServiceStandard | undefined) => ProcessStandard | undefined {
  const parsed = new WeakMap<object, ProcessStandard | null>();
  return (ref, own) => {
    const known = registry.get(ref);
    if (known !== undefined) return known;
    if (own === undefined || own.id !== ref.id || own.version !== ref.version) return undefined;
    let standard = parsed.get(own);
    if (standard === undefined) {
      const result = parseProcessStandard(own);
      standard = result.ok ? result.value : null;
      parsed.set(own, standard);
    }
    return standard ?? undefined;
  };
}

function unknownStandard(ref: ProcessStandardRef): Refusal {
  return ruleRefusal(
    PROCESS_RULES['PR-00'],
    text(`Gesucht: „${ref.id}“, Fassung ${ref.version}.`, `Looked for: "${ref.id}", version ${ref.version}.`),
  );
}

function defaultInstead(ref: ProcessStandardRef): Notice {
  const { code, rule, message } = unknownStandard(ref);
  return {
    code,
    ...(rule === undefined ? {} : { rule }),
    message: text(
      `${message.de} Es gelten die Regeln des Fallkit-Standards.`,
      `${message.en} The rules of the Fallkit default standard apply.`,
    ),
  };
}

/**
 * The process guard: applies the cycle ({@link COMMAND_RULES}) to every command of the case service.
 * Refusals carry the rule id (`PR-nn`), a code, German and English messages and a hint; warnings
 * (PR-19) become notices. Commands of other modules pass: their own guards decide them.
 */
export function createProcessGuard(options: ProcessGuardOptions = {}): CommandGuard {
  const resolve = resolver(standardRegistry(options.standards));
  const strict = options.unknownStandard === 'refuse';
  return (context) => {
    const { command, state, actor, now } = context;
    if (state === undefined) {
      const ref = openingRef(context);
      if (resolve(ref, context.standard) !== undefined) return [];
      if (strict) return [unknownStandard(ref)];
      context.addNotice(defaultInstead(ref));
      return [];
    }
    // A case whose opening was erased (DP-32) has lost its content; the rights module's guards decide it.
    if (state.processStandard.id === ERASED_STANDARD_ID) return [];
    let standard = resolve(state.processStandard, context.standard);
    if (standard === undefined) {
      if (strict) return [unknownStandard(state.processStandard)];
      // Told once, when the case is opened; repeating it on every command would drown other notices.
      standard = DEFAULT_PROCESS_STANDARD;
    }
    const decision = decideCommand({
      type: command.type,
      input: command.input,
      state,
      standard,
      actor,
      today: context.today,
    });
    if (decision.refusals.length > 0) return decision.refusals;
    for (const notice of decision.notices) context.addNotice(notice);
    if (command.type === 'changeLeadAgency') {
      const input = command.input as CaseCommandInput<'changeLeadAgency'>;
      if (input.variant === 'warmHandover') {
        const check = options.handoverConsentCheck ?? (context as ProcessGuardContext).handoverConsentCheck;
        if (check === undefined) {
          context.addNotice({
            code: 'PROCESS_HANDOVER_CONSENT_UNCHECKED',
            rule: 'PR-24',
            message: text(
              'Die Einwilligung für die Übergabe wurde nicht automatisch geprüft (kein Datenschutzmodul eingerichtet).',
              'Consent for the handover was not checked automatically (no data-protection module set up).',
            ),
          });
        } else {
          const refusals = check({ state, input, actor, now, journal: context.journal });
          if (refusals.length > 0) return refusals.map((r) => (r.rule === undefined ? { ...r, rule: 'PR-24' } : r));
        }
      }
    }
    return [];
  };
}

/**
 * The process guard with the default standard and the data-protection module's warm-handover consent
 * check (see {@link createProcessGuard}).
 */
export const processGuard: CommandGuard = createProcessGuard({ handoverConsentCheck });
