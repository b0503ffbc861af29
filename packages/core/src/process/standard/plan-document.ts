import { text, type LocalizedText } from '../../i18n/localized-text.js';
import type { CaseState } from '../../model/case-state.js';
import type { PlanParticipant, PlanRecord } from '../../model/plan.js';
import type { LegalSource, PlanDocument, PlanItem } from './legal-schema.js';
import { applicablePlanItems } from './plan-content.js';
import type { ProcessStandard } from './schema.js';

/**
 * One line of a printed plan section: the case's own words (a section text, a goal title, a
 * measure), details (indicators, who carries a measure out, the cost carrier) and the dates it spans,
 * kept apart so the component formats dates in the reader's language.
 */
export interface PlanDocumentLine {
  readonly text: string;
  readonly details?: readonly string[];
  readonly from?: string;
  readonly until?: string;
}

/** One section of a printed plan: the item, whether the plan has it, and its lines. */
export interface PlanDocumentSection {
  readonly item: PlanItem;
  readonly present: boolean;
  readonly lines: readonly PlanDocumentLine[];
}

/**
 * A plan version laid out as its standard prints it: title, form, statements, participants, the
 * person's own words and every applicable content item in the standard's order ("may" items only
 * where present). Pure data: the components render it; tests read it.
 */
export interface PlanDocumentLayout {
  readonly document: PlanDocument;
  readonly standard: { readonly name: LocalizedText; readonly id: string; readonly version: string };
  readonly plan: PlanRecord;
  readonly participants: readonly PlanParticipant[];
  readonly sections: readonly PlanDocumentSection[];
  readonly statements: readonly { readonly label: LocalizedText; readonly source: LegalSource }[];
  /** Must-items the plan lacks: empty for every recorded plan (PR-33), kept for drafts and old plans. */
  readonly missing: readonly PlanItem[];
}

/** Copies the defined optional fields only (exact optional property types). */
function line(
  text: string,
  details: readonly string[],
  from: string | undefined,
  until: string | undefined,
): PlanDocumentLine {
  return {
    text,
    ...(details.length > 0 ? { details } : {}),
    ...(from === undefined ? {} : { from }),
    ...(until === undefined ? {} : { until }),
  };
}

function goalLines(state: CaseState, plan: PlanRecord): PlanDocumentLine[] {
  return plan.goalIds.flatMap((id) => {
    const goal = state.goals.find((g) => g.id === id);
    if (goal === undefined) return [];
    const indicators = goal.indicators.map((i) => (i.target ? `${i.description}: ${i.target}` : i.description));
    return [line(goal.title, indicators, goal.timeFrame?.from, goal.timeFrame?.until)];
  });
}

function measureLines(state: CaseState, plan: PlanRecord): PlanDocumentLine[] {
  return plan.measureIds.flatMap((id) => {
    const measure = state.measures.find((m) => m.id === id);
    if (measure === undefined) return [];
    const details = [measure.by.name, measure.costCarrier].filter((s): s is string => s !== undefined && s !== '');
    return [line(measure.title, details, measure.startOn, measure.endOn)];
  });
}

/**
 * Lays out a recorded plan version (the latest when `planId` is absent) under the case's standard.
 * `undefined` when the case has no such plan or the standard prescribes no plan document.
 */
export function planDocumentLayout(
  state: CaseState,
  standard: ProcessStandard,
  planId?: string,
): PlanDocumentLayout | undefined {
  const document = standard.plan;
  const plan = planId === undefined ? state.plans.at(-1) : state.plans.find((p) => p.id === planId);
  if (document === undefined || plan === undefined) return undefined;
  const sections: PlanDocumentSection[] = [];
  const missing: PlanItem[] = [];
  for (const item of applicablePlanItems(standard, { helpOutsideFamily: plan.helpOutsideFamily === true })) {
    const lines =
      item.from === 'text'
        ? plan.sections.filter((s) => s.itemId === item.id && s.text.trim() !== '').map((s) => ({ text: s.text }))
        : item.from === 'goals'
          ? goalLines(state, plan)
          : item.from === 'measures'
            ? measureLines(state, plan)
            : plan.participants.map((p) => ({ text: p.name, details: [p.role] }));
    const present = lines.length > 0;
    if (!present && item.obligation === 'may') continue;
    if (!present && item.obligation === 'must') missing.push(item);
    sections.push({ item, present, lines });
  }
  return {
    document,
    standard: { name: standard.name, id: standard.id, version: standard.version },
    plan,
    participants: plan.participants,
    sections,
    statements: document.statements ?? [],
    missing,
  };
}

/** "§ 15 Abs. 2 SGB II (ungeprüft)": the paragraph with a verification note, as forms and prints show it. */
export function sourceLabel(source: LegalSource): LocalizedText {
  if (source.verification === 'statute') return text(source.paragraph, source.paragraph);
  return source.verification === 'secondary'
    ? text(`${source.paragraph} (Sekundärquelle)`, `${source.paragraph} (secondary source)`)
    : text(`${source.paragraph} (ungeprüft)`, `${source.paragraph} (unverified)`);
}
