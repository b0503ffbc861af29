import { text } from '../../i18n/localized-text.js';
import { ok, type Refusal, type Result } from '../../result/refusal.js';
import { refusalsFromIssues } from '../../service/zod-refusals.js';
import { MANDATORY_STAGES, processStandardSchema, type ProcessStandard } from './schema.js';

/** The rule id of every refusal about a process standard itself. */
export const STANDARD_RULE = 'STANDARD';

function problem(code: string, path: readonly (string | number)[], de: string, en: string): Refusal {
  return { code, rule: STANDARD_RULE, path, message: text(de, en) };
}

function duplicates(
  ids: readonly (string | number)[],
  path: readonly (string | number)[],
  what: [string, string],
): Refusal[] {
  const seen = new Set<string | number>();
  const out: Refusal[] = [];
  ids.forEach((id, index) => {
    if (seen.has(id))
      out.push(
        problem(
          'STANDARD_DUPLICATE_ID',
          [...path, index],
          `${what[0]} „${id}“ kommt doppelt vor.`,
          `${what[1]} "${id}" appears twice.`,
        ),
      );
    seen.add(id);
  });
  return out;
}

/** Checks that go beyond the schema: unique ids, mandatory stages, consistent thresholds. */
function semanticProblems(standard: ProcessStandard): Refusal[] {
  const { assessment, casefinding, readiness } = standard;
  const out: Refusal[] = [
    ...duplicates(
      assessment.lifeDomains.map((d) => d.id),
      ['assessment', 'lifeDomains'],
      ['Lebensbereich', 'Life domain'],
    ),
    ...duplicates(
      assessment.ratingScale.values.map((v) => v.value),
      ['assessment', 'ratingScale', 'values'],
      ['Skalenwert', 'Scale value'],
    ),
    ...duplicates(
      [...casefinding.criteria, ...casefinding.targetGroupCriteria].map((c) => c.id),
      ['casefinding'],
      ['Kriterium', 'Criterion'],
    ),
    ...duplicates(
      standard.closureReasons.map((r) => r.id),
      ['closureReasons'],
      ['Abschlussgrund', 'Closure reason'],
    ),
    ...duplicates(standard.requiredStages, ['requiredStages'], ['Phase', 'Stage']),
  ];
  for (const stage of MANDATORY_STAGES) {
    if (!standard.requiredStages.includes(stage))
      out.push(
        problem(
          'STANDARD_MANDATORY_STAGE_MISSING',
          ['requiredStages'],
          `Die Phase „${stage}“ ist Pflicht: ohne Erstberatung, Assessment und Zielvereinbarung ist es kein Case Management.`,
          `Stage "${stage}" is mandatory: without first counselling, assessment and goal agreement it is not case management.`,
        ),
      );
  }
  if (casefinding.minimumMet !== undefined && casefinding.minimumMet > casefinding.criteria.length)
    out.push(
      problem(
        'STANDARD_MINIMUM_TOO_HIGH',
        ['casefinding', 'minimumMet'],
        `Es sollen ${casefinding.minimumMet} Kriterien erfüllt sein, es gibt aber nur ${casefinding.criteria.length}.`,
        `${casefinding.minimumMet} criteria must be met, but there are only ${casefinding.criteria.length}.`,
      ),
    );
  if (readiness.minSigns < readiness.minGroups)
    out.push(
      problem(
        'STANDARD_READINESS_INCONSISTENT',
        ['readiness', 'minSigns'],
        `Mindestens ${readiness.minGroups} Gruppen brauchen mindestens ebenso viele Zeichen (minSigns ist ${readiness.minSigns}).`,
        `At least ${readiness.minGroups} groups need at least as many signs (minSigns is ${readiness.minSigns}).`,
      ),
    );
  return out;
}

/**
 * Validates a process standard from configuration. A bad standard is refused with every problem
 * found (code, German + English message, path); nothing half-valid is returned.
 */
export function parseProcessStandard(input: unknown): Result<ProcessStandard> {
  const parsed = processStandardSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: refusalsFromIssues(parsed.error.issues, input).map((r) => ({
        ...r,
        code: 'STANDARD_INVALID',
        rule: STANDARD_RULE,
      })),
    };
  }
  const problems = semanticProblems(parsed.data);
  return problems.length > 0 ? { ok: false, errors: problems } : ok(parsed.data);
}
