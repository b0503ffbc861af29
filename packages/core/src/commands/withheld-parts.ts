import type { Actor } from '../ports/actor.js';
import type { JournalEvent } from '../journal/journal-event.js';
import type { Assessment } from '../model/assessment.js';
import type { CaseState } from '../model/case-state.js';
import { foldPrivacy, type PrivacyState } from '../privacy/privacy-state.js';
import type { RightsState } from '../rights/rights-state.js';
import { assessmentUnits } from '../privacy/view/case-units.js';
import { prepareViewJudge } from '../privacy/view/view-case.js';

/**
 * A new assessment version by someone who does not see all of the previous one (issue 21 item 4: the
 * Jobcenter's re-assessment after a handover; DP-23, DP-24). The writer records its own version of
 * what it sees; the life domains withheld from it, and the assessment's own text (wishes, narrative)
 * when that is withheld, are carried into the new version unchanged, so nothing withheld is lost or
 * overwritten. Writing a domain that is withheld is refused (`ASSESSMENT_PART_WITHHELD`): the writer
 * cannot know what it would replace. The decision is the read decision of the case view
 * (`prepareViewJudge`, purpose `caseManagement`), so the form and the core agree on what is withheld.
 * @module
 */

/** What a writer context needs to know which parts of the previous assessment are withheld. */
export interface WithheldPartsContext {
  readonly actor?: Actor;
  readonly now?: string;
  readonly today: string;
  readonly privacy?: PrivacyState;
  readonly rights?: RightsState;
  readonly journal?: readonly JournalEvent[];
}

/** The parts of the current assessment withheld from the writer. */
export interface WithheldAssessmentParts {
  /** The version the new one supersedes. */
  readonly previous: Assessment;
  /** Life domains of `previous` the writer does not see, by `domainId`. */
  readonly domainIds: ReadonlySet<string>;
  /** Whether the assessment's own text (wishes and dreams, narrative) is withheld. */
  readonly ownText: boolean;
}

/** The withheld parts of the current assessment for the writer, or `undefined` when it sees all (or there is none). */
export function withheldAssessmentParts(
  state: CaseState | undefined,
  context: WithheldPartsContext,
): WithheldAssessmentParts | undefined {
  const previous = state?.assessments.at(-1);
  if (state === undefined || previous === undefined || context.actor === undefined) return undefined;
  const judged = prepareViewJudge(state, context.actor, 'caseManagement', {
    now: context.now ?? `${context.today}T12:00:00.000Z`,
    today: context.today,
    privacy: context.privacy ?? foldPrivacy(context.journal ?? []),
    ...(context.rights === undefined ? {} : { rights: context.rights }),
  });
  const { container, domains } = assessmentUnits(previous);
  // A writer the read decision refuses sees nothing of it: everything is withheld (and carried).
  const withheld = (unit: (typeof domains)[number]): boolean =>
    !judged.ok || judged.value.judge(unit).effect !== 'allow';
  const domainIds = new Set(previous.domains.filter((_, i) => withheld(domains[i]!)).map((d) => d.domainId));
  const ownText = withheld(container);
  return domainIds.size === 0 && !ownText ? undefined : { previous, domainIds, ownText };
}
