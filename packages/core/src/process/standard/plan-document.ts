import { text, type LocalizedText } from '../../i18n/localized-text.js';
import type { CaseState } from '../../model/case-state.js';
import type { PlanParticipant, PlanRecord } from '../../model/plan.js';
import type { LegalSource, PlanDocument, PlanItem } from './legal-schema.js';
import { applicablePlanItems } from './plan-content.js';
import type { ProcessStandard } from './schema.js';
import { isRedactionMarker } from '../../privacy/decision.js';
import type { RedactedCaseState } from '../../privacy/view/view-case.js';

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
  /**
   * The reader's data-protected view withheld (some of) what this section prints (DP-03): the lines are
   * what remains, and the document says that something was withheld rather than "missing".
   */
  readonly withheld?: true;
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
  /** The view withheld the participants (category `helpPlan`): the list above is then empty. */
  readonly participantsWithheld?: true;
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

/** Lines and whether the view withheld any of their text. */
interface Lines {
  readonly lines: PlanDocumentLine[];
  readonly withheld: boolean;
}

/** A text the view may have withheld: the string, or `undefined` for a redaction marker or nothing. */
function shown(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A list the view may have withheld as a whole: the list, or empty for a redaction marker. */
function shownList<T>(value: readonly T[] | unknown): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [];
}

function goalLines(state: CaseState, plan: PlanRecord): Lines {
  // A plan record the view withheld whole (a marker with its id) has no goal list: withheld, not missing.
  let withheld = !Array.isArray(plan.goalIds);
  const lines = shownList<string>(plan.goalIds).flatMap((id) => {
    const goal = shownList<CaseState['goals'][number]>(state.goals).find((g) => g.id === id);
    if (goal === undefined) return [];
    if (isRedactionMarker(goal.indicators)) withheld = true;
    const indicators = shownList<(typeof goal.indicators)[number]>(goal.indicators).flatMap((i) => {
      const description = shown(i.description);
      if (description === undefined) withheld = true;
      const target = shown(i.target);
      return description === undefined ? [] : [target ? `${description}: ${target}` : description];
    });
    const title = shown(goal.title);
    if (title === undefined) {
      withheld = true;
      return [];
    }
    return [line(title, indicators, goal.timeFrame?.from, goal.timeFrame?.until)];
  });
  return { lines, withheld };
}

function measureLines(state: CaseState, plan: PlanRecord): Lines {
  let withheld = !Array.isArray(plan.measureIds);
  const lines = shownList<string>(plan.measureIds).flatMap((id) => {
    const measure = shownList<CaseState['measures'][number]>(state.measures).find((m) => m.id === id);
    if (measure === undefined) return [];
    const by = isRedactionMarker(measure.by) ? undefined : shown(measure.by.name);
    const carrier = shown(measure.costCarrier);
    if (by === undefined || (measure.costCarrier !== undefined && carrier === undefined)) withheld = true;
    const details = [by, carrier].filter((s): s is string => s !== undefined && s !== '');
    const title = shown(measure.title);
    if (title === undefined) {
      withheld = true;
      return [];
    }
    return [line(title, details, measure.startOn, measure.endOn)];
  });
  return { lines, withheld };
}

function textLines(plan: PlanRecord, itemId: string): Lines {
  // A view marks a withheld list or leaves it out (a team lead's overview): both are withheld here.
  if (!Array.isArray(plan.sections)) return { lines: [], withheld: true };
  let withheld = false;
  const lines = plan.sections.flatMap((section) => {
    if (section.itemId !== itemId) return [];
    const body = shown(section.text);
    if (body === undefined) withheld = true;
    return body === undefined || body.trim() === '' ? [] : [{ text: body }];
  });
  return { lines, withheld };
}

function participantLines(participants: unknown): Lines {
  if (!Array.isArray(participants)) return { lines: [], withheld: true };
  const shownParticipants = participants as readonly PlanParticipant[];
  return { lines: shownParticipants.map((p) => ({ text: p.name, details: [p.role] })), withheld: false };
}

/**
 * Lays out a recorded plan version (the latest when `planId` is absent) under the case's standard.
 * `undefined` when the case has no such plan or the standard prescribes no plan document. Takes a
 * data-protected view's case as it is: a withheld field leaves its section marked `withheld` (never a
 * throw, never "missing").
 */
export function planDocumentLayout(
  state: CaseState | RedactedCaseState,
  standard: ProcessStandard,
  planId?: string,
): PlanDocumentLayout | undefined {
  // Read as the whole state; every access below checks for a marker or an absent field (a view's case).
  const whole = state as CaseState;
  const document = standard.plan;
  const plans = shownList<PlanRecord>(whole.plans);
  const plan = planId === undefined ? plans.at(-1) : plans.find((p) => p.id === planId);
  if (document === undefined || plan === undefined) return undefined;
  const sections: PlanDocumentSection[] = [];
  const missing: PlanItem[] = [];
  const participants = participantLines(plan.participants);
  for (const item of applicablePlanItems(standard, { helpOutsideFamily: plan.helpOutsideFamily === true })) {
    const { lines, withheld } =
      item.from === 'text'
        ? textLines(plan, item.id)
        : item.from === 'goals'
          ? goalLines(whole, plan)
          : item.from === 'measures'
            ? measureLines(whole, plan)
            : participants;
    const present = lines.length > 0;
    if (!present && !withheld && item.obligation === 'may') continue;
    if (!present && !withheld && item.obligation === 'must') missing.push(item);
    sections.push({ item, present, lines, ...(withheld ? { withheld: true as const } : {}) });
  }
  return {
    document,
    standard: { name: standard.name, id: standard.id, version: standard.version },
    plan,
    participants: participants.withheld ? [] : plan.participants,
    ...(participants.withheld ? { participantsWithheld: true as const } : {}),
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
