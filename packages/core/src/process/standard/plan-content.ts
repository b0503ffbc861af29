import { text, type LocalizedText } from '../../i18n/localized-text.js';
import type { CaseState } from '../../model/case-state.js';
import type { PlanSection } from '../../model/plan.js';
import type { ProcessInputContext, ProcessViolation } from '../cycle.js';
import type { LegalSource, PlanItem } from './legal-schema.js';
import type { ProcessStandard } from './schema.js';

/** The German and English words for a verification state, as the refusal, the form and the print say it. */
export function verificationNote(source: LegalSource): LocalizedText {
  switch (source.verification) {
    case 'statute':
      return text('', '');
    case 'secondary':
      return text(' (nur aus Sekundärquelle geprüft)', ' (checked against a secondary source only)');
    case 'unverified':
      return text(' (ungeprüft)', ' (unverified)');
  }
}

/** "Integration goal (§ 15 Abs. 2 Satz 1 SGB II)" for a refusal or notice. */
function itemDetail(item: PlanItem): LocalizedText {
  const note = verificationNote(item.source);
  return text(
    `Fehlt: ${item.label.de} (${item.source.paragraph}${note.de}).`,
    `Missing: ${item.label.en} (${item.source.paragraph}${note.en}).`,
  );
}

/** What a plan about to be recorded has: the input's sections and participants, the case's goals and measures. */
export interface PlanContentFacts {
  readonly sections: readonly PlanSection[];
  readonly participantCount: number;
  readonly helpOutsideFamily: boolean;
}

/** Whether one plan item is present in a plan with these facts on this case. */
export function planItemPresent(item: PlanItem, facts: PlanContentFacts, state: CaseState): boolean {
  switch (item.from) {
    case 'text':
      return facts.sections.some((s) => s.itemId === item.id && s.text.trim() !== '');
    case 'goals':
      return state.goals.some((g) => g.level === 'case' && g.status === 'open' && g.agreement !== undefined);
    case 'measures':
      return state.measures.some((m) => m.status !== 'cancelled');
    case 'participants':
      return facts.participantCount > 0;
  }
}

/** The plan items of a standard that apply to a plan with these facts (§ 37c only outside the family). */
export function applicablePlanItems(
  standard: ProcessStandard,
  facts: Pick<PlanContentFacts, 'helpOutsideFamily'>,
): PlanItem[] {
  return (standard.plan?.items ?? []).filter(
    (item) => item.appliesWhen !== 'helpOutsideFamily' || facts.helpOutsideFamily,
  );
}

/**
 * The required content of the case's plan document (PR-33 for "must", PR-34 for "should"), each
 * violation naming the item and its paragraph; and section texts for items the plan does not have
 * (PR-33 as well: content the standard does not know is not silently printed).
 */
export function planContentViolations({
  state,
  standard,
  input,
}: ProcessInputContext<'recordPlan'>): ProcessViolation[] {
  const plan = standard.plan;
  if (plan === undefined) return [];
  const facts: PlanContentFacts = {
    sections: input.sections,
    participantCount: input.participants.length,
    helpOutsideFamily: input.helpOutsideFamily === true,
  };
  const out: ProcessViolation[] = [];
  const known = new Set(plan.items.filter((item) => item.from === 'text').map((item) => item.id));
  input.sections.forEach((section, index) => {
    if (!known.has(section.itemId))
      out.push({
        rule: 'PR-33',
        detail: text(
          `„${section.itemId}“ ist kein Abschnitt des ${plan.title.de}s.`,
          `"${section.itemId}" is not a section of the ${plan.title.en}.`,
        ),
        path: ['input', 'sections', index, 'itemId'],
      });
  });
  for (const item of applicablePlanItems(standard, facts)) {
    if (item.obligation === 'may' || planItemPresent(item, facts, state)) continue;
    const path =
      item.from === 'text'
        ? ['input', 'sections']
        : item.from === 'participants'
          ? ['input', 'participants']
          : ['input'];
    out.push({ rule: item.obligation === 'must' ? 'PR-33' : 'PR-34', detail: itemDetail(item), path });
  }
  return out;
}
