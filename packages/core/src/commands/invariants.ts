import { text } from '../i18n/localized-text.js';
import { openAssignmentOf, openAssignmentsOf } from '../access/periods.js';
import type { CaseState } from '../model/case-state.js';
import type { ItemRef } from '../model/monitoring.js';
import type { ClassificationInput } from '../model/record-meta.js';
import type { IssuePath, Refusal } from '../result/refusal.js';
import type { CaseCommandInput, CaseCommandType } from './command-catalog.js';
import { withheldAssessmentParts, type WithheldPartsContext } from './withheld-parts.js';
import { dateInFuture, dateOrder, domainRefusal, unknownId } from './invariant-refusals.js';

/** What an invariant check needs besides state and input. */
export interface InvariantContext extends WithheldPartsContext {
  /** Today's date from the clock (`YYYY-MM-DD`). */
  readonly today: string;
}

/**
 * Checks the domain invariants of one command: referenced ids exist, dates are in order and not in
 * the future where they record what happened, agreements carry their date, nothing is done twice.
 * Returns every violation found. Stage order is not checked here (process rules), nor consent
 * (data protection).
 */
export type InvariantCheck<T extends CaseCommandType> = (
  state: CaseState | undefined,
  input: CaseCommandInput<T>,
  context: InvariantContext,
) => Refusal[];

const has = (items: readonly { id: string }[], id: string): boolean => items.some((item) => item.id === id);

function persons(state: CaseState, ids: readonly string[] | undefined, path: IssuePath): Refusal[] {
  return (ids ?? []).flatMap((id, index) =>
    has(state.persons, id) ? [] : [unknownId('UNKNOWN_PERSON', [...path, index], id)],
  );
}

function notFuture(date: string | undefined, path: IssuePath, context: InvariantContext): Refusal[] {
  return date !== undefined && date > context.today ? [dateInFuture(path, date, context.today)] : [];
}

const PART_WITHHELD = text(
  'Dieser Teil der bisherigen Fassung ist für Sie zurückgehalten (Datenschutz); er wird unverändert in die neue Fassung übernommen und kann nur von jemandem geändert werden, der ihn sehen darf.',
  'This part of the previous version is withheld from you (data protection); it is carried into the new version unchanged and can only be changed by someone who may see it.',
);

/** A new assessment version must not write a part withheld from its writer (the withheld part is carried forward). */
function withheldWrites(
  state: CaseState,
  input: CaseCommandInput<'recordAssessment'>,
  context: InvariantContext,
): Refusal[] {
  const withheld = withheldAssessmentParts(state, context);
  if (withheld === undefined) return [];
  return [
    ...input.domains.flatMap((domain, index) =>
      withheld.domainIds.has(domain.domainId)
        ? [domainRefusal('ASSESSMENT_PART_WITHHELD', ['domains', index, 'domainId'], PART_WITHHELD)]
        : [],
    ),
    ...(withheld.ownText && (input.wishesAndDreams.trim() !== '' || (input.narrative ?? '').trim() !== '')
      ? [domainRefusal('ASSESSMENT_PART_WITHHELD', ['wishesAndDreams'], PART_WITHHELD)]
      : []),
  ];
}

function ordered(
  earlier: string | undefined,
  later: string | undefined,
  path: IssuePath,
  earlierLabel: string,
): Refusal[] {
  return earlier !== undefined && later !== undefined && later < earlier
    ? [dateOrder(path, earlierLabel, earlier, later)]
    : [];
}

function classification(state: CaseState | undefined, input: ClassificationInput): Refusal[] {
  const refusals = state ? persons(state, input.subjectIds, ['subjectIds']) : [];
  if (input.entrusted === true && (input.entrustedBy ?? '').trim() === '') {
    refusals.push(
      domainRefusal(
        'ENTRUSTED_BY_MISSING',
        ['entrustedBy'],
        text(
          'Anvertraute Daten (§ 65 SGB VIII): Bitte angeben, wer sie anvertraut hat.',
          'Entrusted data (§ 65 SGB VIII): say who entrusted it.',
        ),
      ),
    );
  }
  return refusals;
}

/** Represented persons exist and a representation does not end before it starts. */
function representationChecks(
  state: CaseState,
  representations:
    readonly { forPersonId: string; from?: string | undefined; until?: string | undefined }[] | undefined,
  path: IssuePath,
): Refusal[] {
  return (representations ?? []).flatMap((representation, index) => [
    ...(has(state.persons, representation.forPersonId)
      ? []
      : [unknownId('UNKNOWN_PERSON', [...path, index, 'forPersonId'], representation.forPersonId)]),
    ...ordered(representation.from, representation.until, [...path, index, 'until'], 'from'),
  ]);
}

/** Every relation names another person of the case, never the person itself. */
function relationChecks(
  state: CaseState,
  self: string | undefined,
  relations: readonly { toPersonId: string }[] | undefined,
  path: IssuePath,
): Refusal[] {
  return (relations ?? []).flatMap((relation, index) =>
    relation.toPersonId === self
      ? [
          domainRefusal(
            'RELATION_TO_SELF',
            [...path, index, 'toPersonId'],
            text('Eine Beziehung verbindet zwei verschiedene Personen.', 'A relation links two different persons.'),
          ),
        ]
      : has(state.persons, relation.toPersonId)
        ? []
        : [unknownId('UNKNOWN_PERSON', [...path, index, 'toPersonId'], relation.toPersonId)],
  );
}

function reference(state: CaseState, ref: ItemRef | undefined, path: IssuePath): Refusal[] {
  if (ref === undefined || ref.kind === 'case') return [];
  const pools = {
    goal: state.goals,
    measure: state.measures,
    providerReferral: state.providerReferrals,
    person: state.persons,
  } as const;
  return has(pools[ref.kind], ref.id) ? [] : [unknownId('UNKNOWN_REFERENCE', [...path, 'id'], ref.id)];
}

function goals(state: CaseState, ids: readonly string[] | undefined, path: IssuePath): Refusal[] {
  return (ids ?? []).flatMap((id, index) =>
    has(state.goals, id) ? [] : [unknownId('UNKNOWN_GOAL', [...path, index], id)],
  );
}

function activeLegalDomain(state: CaseState, domain: string): boolean {
  return state.legalDomains.some((period) => period.domain === domain && period.to === undefined);
}

/** Whether adding `edges` (measure → measures it must come after) to the plan creates a cycle. */
function hasAfterCycle(
  state: CaseState,
  measureId: string,
  dependsOn: readonly { measureId: string; kind: string }[],
): boolean {
  const edges = new Map<string, string[]>();
  for (const measure of state.measures) {
    edges.set(
      measure.id,
      (measure.dependsOn ?? []).filter((d) => d.kind === 'after').map((d) => d.measureId),
    );
  }
  edges.set(
    measureId,
    dependsOn.filter((d) => d.kind === 'after').map((d) => d.measureId),
  );
  const seen = new Set<string>();
  const stack = [...(edges.get(measureId) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (next === measureId) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(edges.get(next) ?? []));
  }
  return false;
}

function goalAgreementChecks(
  state: CaseState,
  agreement: CaseCommandInput<'agreeGoal'>['agreement'],
  level: string | undefined,
  context: InvariantContext,
): Refusal[] {
  if (agreement === undefined) {
    return level === 'case'
      ? [
          domainRefusal(
            'GOAL_AGREEMENT_MISSING',
            ['agreement'],
            text(
              'Ein Fallziel wird mit der Person vereinbart: Vereinbarung fehlt.',
              'A case goal is agreed with the person: the agreement is missing.',
            ),
          ),
        ]
      : [];
  }
  const refusals: Refusal[] = [...persons(state, agreement.participantIds, ['agreement', 'participantIds'])];
  if (agreement.agreedOn === undefined) {
    refusals.push(
      domainRefusal(
        'GOAL_AGREEMENT_DATE_MISSING',
        ['agreement', 'agreedOn'],
        text(
          'Datum der Zielvereinbarung fehlt (Feld agreement.agreedOn).',
          'The date of the goal agreement is missing (field agreement.agreedOn).',
        ),
      ),
    );
  }
  refusals.push(...notFuture(agreement.agreedOn, ['agreement', 'agreedOn'], context));
  return refusals;
}

/** The domain invariants of the case commands. Commands without an entry have none beyond their schema. */
/**
 * The open assignment a command names by user id (and agency): unknown, or ambiguous when the same
 * id is assigned at two agencies and no agency says which (DP-40).
 */
function assignmentTarget(state: CaseState, userId: string, agencyId: string | undefined, field: string): Refusal[] {
  const open = openAssignmentsOf(state, userId, agencyId);
  if (open.length === 0) return [unknownId('UNKNOWN_CASE_MANAGER', [field], userId)];
  if (open.length > 1)
    return [
      domainRefusal(
        'AMBIGUOUS_CASE_MANAGER',
        [field === 'replaces' ? 'replacesAgencyId' : 'agencyId'],
        text(
          'Diese Kennung ist bei mehreren Stellen zugeordnet: die Stelle angeben.',
          'This id is assigned at several agencies: give the agency.',
        ),
      ),
    ];
  return [];
}

export const CASE_INVARIANTS: { readonly [T in CaseCommandType]?: InvariantCheck<T> } = {
  openCase: (_state, input, context) => [
    ...notFuture(input.openedOn, ['openedOn'], context),
    ...notFuture(input.addressee.birthDate, ['addressee', 'birthDate'], context),
    ...classification(undefined, input.addressee),
  ],
  addPerson: (state, input, context) => {
    const s = state as CaseState;
    return [
      ...notFuture(input.birthDate, ['birthDate'], context),
      ...representationChecks(s, input.representations, ['representations']),
      ...relationChecks(s, undefined, input.relations, ['relations']),
      ...(input.roles.includes('addressee')
        ? [
            domainRefusal(
              'ADDRESSEE_ROLE_REQUIRED',
              ['roles'],
              text('Eine Akte hat genau eine Adressatin / einen Adressaten.', 'A case has exactly one addressee.'),
            ),
          ]
        : []),
      ...classification(s, input),
    ];
  },
  updatePerson: (state, input, context) => {
    const s = state as CaseState;
    if (!has(s.persons, input.personId)) return [unknownId('UNKNOWN_PERSON', ['personId'], input.personId)];
    const refusals: Refusal[] = [
      ...notFuture(input.changes.birthDate, ['changes', 'birthDate'], context),
      ...representationChecks(s, input.changes.representations, ['changes', 'representations']),
      ...relationChecks(s, input.personId, input.changes.relations, ['changes', 'relations']),
      ...persons(s, input.changes.subjectIds, ['changes', 'subjectIds']),
    ];
    const roles = input.changes.roles;
    if (roles !== undefined && (input.personId === s.addresseeId) !== roles.includes('addressee')) {
      refusals.push(
        domainRefusal(
          'ADDRESSEE_ROLE_REQUIRED',
          ['changes', 'roles'],
          text(
            'Die Rolle „Adressat/in“ bleibt bei der Person, für die die Akte geführt wird.',
            'The addressee role stays with the person the case is about.',
          ),
        ),
      );
    }
    if (Object.keys(input.changes).length === 0) {
      refusals.push(
        domainRefusal('NOTHING_TO_CHANGE', ['changes'], text('Keine Änderung angegeben.', 'No change given.')),
      );
    }
    return refusals;
  },
  recordResidenceStatus: (state, input, context) => [
    ...(input.personId !== undefined && !has((state as CaseState).persons, input.personId)
      ? [unknownId('UNKNOWN_PERSON', ['personId'], input.personId)]
      : []),
    ...notFuture(input.from, ['from'], context),
    ...ordered(input.from, input.validUntil, ['validUntil'], 'from'),
    ...classification(state, input),
  ],
  recordReferral: (state, input, context) => [
    ...notFuture(input.referredOn, ['referredOn'], context),
    ...classification(state, input),
  ],
  checkCasefindingCriteria: (state, input, context) => {
    const ids = [...input.criteria, ...(input.targetGroupCriteria ?? [])].map((c) => c.criterionId);
    const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
    return [
      ...notFuture(input.checkedOn, ['checkedOn'], context),
      ...(duplicate === undefined
        ? []
        : [
            domainRefusal(
              'DUPLICATE_ID',
              ['criteria'],
              text(`Kriterium „${duplicate}“ ist doppelt.`, `Criterion "${duplicate}" appears twice.`),
            ),
          ]),
      ...classification(state, input),
    ];
  },
  decideAdmission: (state, input, context) => {
    const s = state as CaseState;
    const referredOn = s.referrals.at(-1)?.referredOn;
    return [
      ...notFuture(input.decidedOn, ['decidedOn'], context),
      ...ordered(referredOn, input.decidedOn, ['decidedOn'], 'der Zuweisung / the referral'),
      ...classification(s, input),
    ];
  },
  flagCrisis: (state, input, context) => [
    ...notFuture(input.flaggedOn, ['flaggedOn'], context),
    ...classification(state, input),
  ],
  resolveCrisis: (state, input, context) => {
    const crisis = (state as CaseState).crises.find((c) => c.id === input.crisisId);
    if (!crisis) return [unknownId('UNKNOWN_CRISIS', ['crisisId'], input.crisisId)];
    if (crisis.resolvedOn !== undefined) {
      return [
        domainRefusal(
          'CRISIS_ALREADY_RESOLVED',
          ['crisisId'],
          text('Diese Krise ist bereits beendet.', 'This crisis is already resolved.'),
        ),
      ];
    }
    return [
      ...notFuture(input.resolvedOn, ['resolvedOn'], context),
      ...ordered(crisis.flaggedOn, input.resolvedOn, ['resolvedOn'], 'flaggedOn'),
    ];
  },
  recordFirstCounselling: (state, input, context) => {
    const s = state as CaseState;
    return [
      ...(s.firstCounselling !== null
        ? [
            domainRefusal(
              'FIRST_COUNSELLING_ALREADY_RECORDED',
              [],
              text('Die Erstberatung ist bereits dokumentiert.', 'The first counselling is already recorded.'),
            ),
          ]
        : []),
      ...notFuture(input.heldOn, ['heldOn'], context),
      ...ordered(s.openedOn, input.heldOn, ['heldOn'], 'der Falleröffnung / the opening'),
      ...persons(s, input.participantIds, ['participantIds']),
      ...classification(s, input),
    ];
  },
  recordAssessment: (state, input, context) => {
    const s = state as CaseState;
    const ids = input.domains.map((d) => d.domainId);
    const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
    return [
      ...notFuture(input.recordedOn, ['recordedOn'], context),
      ...persons(s, input.participantIds, ['participantIds']),
      ...(duplicate === undefined
        ? []
        : [
            domainRefusal(
              'DUPLICATE_ID',
              ['domains'],
              text(`Lebensbereich „${duplicate}“ ist doppelt.`, `Life domain "${duplicate}" appears twice.`),
            ),
          ]),
      ...input.domains.flatMap((domain, index) => persons(s, domain.subjectIds, ['domains', index, 'subjectIds'])),
      ...withheldWrites(s, input, context),
      ...classification(s, input),
    ];
  },
  confirmAssessment: (state, input, context) => {
    const s = state as CaseState;
    const assessment = s.assessments.find((a) => a.id === input.assessmentId);
    if (!assessment) return [unknownId('UNKNOWN_ASSESSMENT', ['assessmentId'], input.assessmentId)];
    const refusals: Refusal[] = [];
    if (assessment.status === 'confirmed') {
      refusals.push(
        domainRefusal(
          'ASSESSMENT_ALREADY_CONFIRMED',
          ['assessmentId'],
          text('Dieses Assessment ist bereits bestätigt.', 'This assessment is already confirmed.'),
        ),
      );
    }
    if (s.assessments.at(-1)?.id !== assessment.id) {
      refusals.push(
        domainRefusal(
          'ASSESSMENT_SUPERSEDED',
          ['assessmentId'],
          text('Es gibt eine neuere Fassung dieses Assessments.', 'There is a newer version of this assessment.'),
        ),
      );
    }
    return [
      ...refusals,
      ...persons(s, input.confirmation.confirmedByIds, ['confirmation', 'confirmedByIds']),
      ...notFuture(input.confirmation.confirmedOn, ['confirmation', 'confirmedOn'], context),
      ...ordered(assessment.recordedOn, input.confirmation.confirmedOn, ['confirmation', 'confirmedOn'], 'recordedOn'),
    ];
  },
  startReassessment: (state, input, context) => {
    const s = state as CaseState;
    return [
      ...(s.assessments.length === 0
        ? [
            domainRefusal(
              'NO_ASSESSMENT',
              [],
              text(
                'Es gibt noch kein Assessment, das neu bewertet werden könnte.',
                'There is no assessment yet to re-assess.',
              ),
            ),
          ]
        : []),
      ...notFuture(input.startedOn, ['startedOn'], context),
      ...(input.deviationIds ?? []).flatMap((id, index) =>
        has(s.deviations, id) ? [] : [unknownId('UNKNOWN_DEVIATION', ['deviationIds', index], id)],
      ),
      ...classification(s, input),
    ];
  },
  agreeGoal: (state, input, context) => {
    const s = state as CaseState;
    return [
      ...goalAgreementChecks(s, input.agreement, input.level, context),
      ...(input.parentGoalId !== undefined && !has(s.goals, input.parentGoalId)
        ? [unknownId('UNKNOWN_GOAL', ['parentGoalId'], input.parentGoalId)]
        : []),
      ...(input.assessmentId !== undefined && !has(s.assessments, input.assessmentId)
        ? [unknownId('UNKNOWN_ASSESSMENT', ['assessmentId'], input.assessmentId)]
        : []),
      ...ordered(input.timeFrame?.from, input.timeFrame?.until, ['timeFrame', 'until'], 'timeFrame.from'),
      ...classification(s, input),
    ];
  },
  reviseGoal: (state, input, context) => {
    const s = state as CaseState;
    const goal = s.goals.find((g) => g.id === input.goalId);
    if (!goal) return [unknownId('UNKNOWN_GOAL', ['goalId'], input.goalId)];
    const refusals: Refusal[] = [];
    if (goal.status !== 'open') {
      refusals.push(
        domainRefusal(
          'GOAL_NOT_OPEN',
          ['goalId'],
          text('Nur offene Ziele können überarbeitet werden.', 'Only open goals can be revised.'),
        ),
      );
    }
    if (Object.keys(input.changes).length === 0 && input.agreement === undefined) {
      refusals.push(
        domainRefusal('NOTHING_TO_CHANGE', ['changes'], text('Keine Änderung angegeben.', 'No change given.')),
      );
    }
    const timeFrame = input.changes.timeFrame ?? goal.timeFrame;
    if (input.changes.parentGoalId !== undefined && !has(s.goals, input.changes.parentGoalId)) {
      refusals.push(unknownId('UNKNOWN_GOAL', ['changes', 'parentGoalId'], input.changes.parentGoalId));
    }
    return [
      ...refusals,
      ...(input.agreement ? goalAgreementChecks(s, input.agreement, undefined, context) : []),
      ...notFuture(input.revisedOn, ['revisedOn'], context),
      ...ordered(timeFrame?.from, timeFrame?.until, ['changes', 'timeFrame', 'until'], 'timeFrame.from'),
    ];
  },
  setGoalStatus: (state, input, context) => {
    const goal = (state as CaseState).goals.find((g) => g.id === input.goalId);
    if (!goal) return [unknownId('UNKNOWN_GOAL', ['goalId'], input.goalId)];
    return [
      ...(goal.status === input.status
        ? [
            domainRefusal(
              'NOTHING_TO_CHANGE',
              ['status'],
              text('Das Ziel hat diesen Status bereits.', 'The goal already has this status.'),
            ),
          ]
        : []),
      ...notFuture(input.on, ['on'], context),
    ];
  },
  addMeasure: (state, input) => {
    const s = state as CaseState;
    return [
      ...goals(s, input.goalIds, ['goalIds']),
      ...(input.dependsOn ?? []).flatMap((d, index) =>
        has(s.measures, d.measureId)
          ? []
          : [unknownId('UNKNOWN_MEASURE', ['dependsOn', index, 'measureId'], d.measureId)],
      ),
      ...ordered(input.startOn, input.endOn, ['endOn'], 'startOn'),
      ...(input.by.personId !== undefined && !has(s.persons, input.by.personId)
        ? [unknownId('UNKNOWN_PERSON', ['by', 'personId'], input.by.personId)]
        : []),
      ...classification(s, input),
    ];
  },
  reorderMeasures: (state, input) => {
    const s = state as CaseState;
    const unknown = input.measureIds.flatMap((id, index) =>
      has(s.measures, id) ? [] : [unknownId('UNKNOWN_MEASURE', ['measureIds', index], id)],
    );
    if (unknown.length > 0) return unknown;
    // A new order must name every measure exactly once: a partial list would silently reorder measures
    // the user did not see (another writer may have added one meanwhile).
    const named = new Set(input.measureIds);
    if (named.size !== input.measureIds.length || named.size !== s.measures.length)
      return [
        domainRefusal(
          'MEASURE_ORDER_INCOMPLETE',
          ['measureIds'],
          text(
            'Die neue Reihenfolge muss jede Maßnahme des Hilfeplans genau einmal nennen.',
            'The new order must name every measure of the help plan exactly once.',
          ),
        ),
      ];
    return [];
  },
  updateMeasure: (state, input) => {
    const s = state as CaseState;
    const measure = s.measures.find((m) => m.id === input.measureId);
    if (!measure) return [unknownId('UNKNOWN_MEASURE', ['measureId'], input.measureId)];
    const { changes } = input;
    const refusals: Refusal[] = [
      ...goals(s, changes.goalIds, ['changes', 'goalIds']),
      ...ordered(changes.startOn ?? measure.startOn, changes.endOn ?? measure.endOn, ['changes', 'endOn'], 'startOn'),
    ];
    if (Object.keys(changes).length === 0)
      refusals.push(
        domainRefusal('NOTHING_TO_CHANGE', ['changes'], text('Keine Änderung angegeben.', 'No change given.')),
      );
    if (changes.dependsOn !== undefined) {
      const unknown = changes.dependsOn.flatMap((d, index) =>
        has(s.measures, d.measureId)
          ? []
          : [unknownId('UNKNOWN_MEASURE', ['changes', 'dependsOn', index, 'measureId'], d.measureId)],
      );
      refusals.push(...unknown);
      if (
        unknown.length === 0 &&
        (changes.dependsOn.some((d) => d.measureId === measure.id) || hasAfterCycle(s, measure.id, changes.dependsOn))
      ) {
        refusals.push(
          domainRefusal(
            'MEASURE_DEPENDENCY_CYCLE',
            ['changes', 'dependsOn'],
            text(
              'Die Reihenfolge der Maßnahmen würde sich im Kreis drehen.',
              'The sequence of measures would form a cycle.',
            ),
          ),
        );
      }
    }
    return refusals;
  },
  referToProvider: (state, input, context) => {
    const s = state as CaseState;
    return [
      ...(input.measureId !== undefined && !has(s.measures, input.measureId)
        ? [unknownId('UNKNOWN_MEASURE', ['measureId'], input.measureId)]
        : []),
      ...notFuture(input.referredOn, ['referredOn'], context),
      ...classification(s, input),
    ];
  },
  updateReferralStatus: (state, input, context) => {
    const referral = (state as CaseState).providerReferrals.find((r) => r.id === input.providerReferralId);
    if (!referral) return [unknownId('UNKNOWN_PROVIDER_REFERRAL', ['providerReferralId'], input.providerReferralId)];
    const ended = referral.status === 'completed' || referral.status === 'declined';
    return [
      ...(ended
        ? [
            domainRefusal(
              'REFERRAL_ALREADY_ENDED',
              ['status'],
              text(
                'Diese Vermittlung ist abgeschlossen oder abgelehnt; bitte neu vermitteln.',
                'This referral is completed or declined; make a new referral.',
              ),
            ),
          ]
        : []),
      ...notFuture(input.on, ['on'], context),
      ...ordered(referral.statusHistory.at(-1)?.on, input.on, ['on'], 'dem letzten Status / the last status'),
    ];
  },
  holdCaseConference: (state, input, context) => {
    const s = state as CaseState;
    return [
      ...notFuture(input.heldOn, ['heldOn'], context),
      ...ordered(input.heldOn ?? context.today, input.nextConferenceOn, ['nextConferenceOn'], 'heldOn'),
      ...input.participants.flatMap((p, index) =>
        p.personId !== undefined && !has(s.persons, p.personId)
          ? [unknownId('UNKNOWN_PERSON', ['participants', index, 'personId'], p.personId)]
          : [],
      ),
      ...classification(s, input),
    ];
  },
  recordContact: (state, input, context) => [
    ...notFuture(input.on, ['on'], context),
    ...persons(state as CaseState, input.participantIds, ['participantIds']),
    ...classification(state, input),
  ],
  scheduleFollowUp: (state, input) => [
    ...reference(state as CaseState, input.relatesTo, ['relatesTo']),
    ...classification(state, input),
  ],
  completeFollowUp: (state, input, context) => {
    const followUp = (state as CaseState).followUps.find((f) => f.id === input.followUpId);
    if (!followUp) return [unknownId('UNKNOWN_FOLLOW_UP', ['followUpId'], input.followUpId)];
    return [
      ...(followUp.done
        ? [
            domainRefusal(
              'FOLLOW_UP_ALREADY_DONE',
              ['followUpId'],
              text('Diese Wiedervorlage ist bereits erledigt.', 'This follow-up is already done.'),
            ),
          ]
        : []),
      ...notFuture(input.doneOn, ['doneOn'], context),
    ];
  },
  judgeProgress: (state, input, context) => {
    const s = state as CaseState;
    const pool = input.target.kind === 'goal' ? s.goals : s.measures;
    return [
      ...(has(pool, input.target.id)
        ? []
        : [
            unknownId(
              input.target.kind === 'goal' ? 'UNKNOWN_GOAL' : 'UNKNOWN_MEASURE',
              ['target', 'id'],
              input.target.id,
            ),
          ]),
      ...notFuture(input.on, ['on'], context),
      ...classification(s, input),
    ];
  },
  recordDeviation: (state, input, context) => [
    ...reference(state as CaseState, input.relatesTo, ['relatesTo']),
    ...notFuture(input.on, ['on'], context),
    ...classification(state, input),
  ],
  recordReadinessSigns: (state, input, context) => [
    ...notFuture(input.on, ['on'], context),
    ...classification(state, input),
  ],
  changeLeadAgency: (state, input) => {
    const s = state as CaseState;
    const current = s.leadAgencies.at(-1);
    return [
      ...(current?.agencyId === input.to.agencyId && current.legalDomain === input.legalDomain
        ? [
            domainRefusal(
              'SAME_LEAD_AGENCY',
              ['to', 'agencyId'],
              text('Diese Stelle ist bereits federführend.', 'This agency already leads the case.'),
            ),
          ]
        : []),
      ...ordered(
        current?.from,
        input.effectiveFrom,
        ['effectiveFrom'],
        'dem Beginn der bisherigen Federführung / the start of the current lead',
      ),
      ...(input.involvedUntil !== undefined && input.involvedUntil < input.effectiveFrom
        ? [
            domainRefusal(
              'TRANSITION_BEFORE_HANDOVER',
              ['involvedUntil'],
              text(
                'Die Übergangszeit kann nicht vor dem Wechsel der Federführung enden.',
                'The transition period cannot end before the change of lead agency.',
              ),
            ),
          ]
        : []),
      ...(input.endsLegalDomain !== undefined && !activeLegalDomain(s, input.endsLegalDomain)
        ? [
            domainRefusal(
              'LEGAL_DOMAIN_NOT_ACTIVE',
              ['endsLegalDomain'],
              text(
                `Rechtskreis ${input.endsLegalDomain} ist in dieser Akte nicht aktiv.`,
                `Legal domain ${input.endsLegalDomain} is not active in this case.`,
              ),
            ),
          ]
        : []),
      ...(input.conference?.participants ?? []).flatMap((p, index) =>
        p.personId !== undefined && !has(s.persons, p.personId)
          ? [unknownId('UNKNOWN_PERSON', ['conference', 'participants', index, 'personId'], p.personId)]
          : [],
      ),
      ...classification(s, input),
    ];
  },
  assignCaseManager: (state, input) => {
    const s = state as CaseState;
    const active = s.caseManagers.filter((p) => p.to === undefined);
    return [
      ...(active.some((p) => p.userId === input.userId && p.agencyId === input.agencyId && p.role === input.role)
        ? [
            domainRefusal(
              'CASE_MANAGER_ALREADY_ASSIGNED',
              ['userId'],
              text(
                'Diese Person ist dem Fall bereits in dieser Rolle zugeordnet.',
                'This user is already assigned to the case in this role.',
              ),
            ),
          ]
        : []),
      ...(input.replaces === undefined ? [] : assignmentTarget(s, input.replaces, input.replacesAgencyId, 'replaces')),
    ];
  },
  endCaseManagerAssignment: (state, input) => {
    const active = (state as CaseState).caseManagers.filter((p) => p.to === undefined);
    const target = assignmentTarget(state as CaseState, input.userId, input.agencyId, 'userId');
    if (target.length > 0) return target;
    const period = openAssignmentOf(state as CaseState, input.userId, input.agencyId)!;
    const otherPrimary = active.some((p) => p !== period && p.role === 'primary');
    return period.role === 'primary' && !otherPrimary
      ? [
          domainRefusal(
            'LAST_CASE_MANAGER',
            ['userId'],
            text(
              'Ein Fall braucht eine fallverantwortliche Person: zuerst eine Nachfolge zuordnen.',
              'A case needs a responsible case manager: assign a successor first.',
            ),
          ),
        ]
      : [];
  },
  addLegalDomain: (state, input) => [
    ...(activeLegalDomain(state as CaseState, input.domain)
      ? [
          domainRefusal(
            'LEGAL_DOMAIN_ALREADY_ACTIVE',
            ['domain'],
            text(`Rechtskreis ${input.domain} ist bereits aktiv.`, `Legal domain ${input.domain} is already active.`),
          ),
        ]
      : []),
    ...classification(state, input),
  ],
  endLegalDomain: (state, input) =>
    activeLegalDomain(state as CaseState, input.domain)
      ? []
      : [
          domainRefusal(
            'LEGAL_DOMAIN_NOT_ACTIVE',
            ['domain'],
            text(
              `Rechtskreis ${input.domain} ist in dieser Akte nicht aktiv.`,
              `Legal domain ${input.domain} is not active in this case.`,
            ),
          ),
        ],
  recordNote: (state, input, context) => [
    ...reference(state as CaseState, input.relatesTo, ['relatesTo']),
    ...notFuture(input.on, ['on'], context),
    ...classification(state, input),
  ],
  attachDocument: (state, input, context) => [
    ...reference(state as CaseState, input.relatesTo, ['relatesTo']),
    ...notFuture(input.receivedOn, ['receivedOn'], context),
    ...classification(state, input),
  ],
  removeDocument: (state, input) => {
    const document = (state as CaseState).documents.find((d) => d.id === input.documentId);
    if (!document) return [unknownId('UNKNOWN_DOCUMENT', ['documentId'], input.documentId)];
    if (document.removed === undefined) return [];
    return [
      domainRefusal(
        'DOCUMENT_ALREADY_REMOVED',
        ['documentId'],
        text(
          'Dieses Dokument wurde bereits aus der Akte genommen.',
          'This document was already removed from the file.',
        ),
      ),
    ];
  },
  closeCase: (state, input, context) => {
    const s = state as CaseState;
    const ids = (input.goalAttainment ?? []).map((g) => g.goalId);
    const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
    return [
      ...(s.status === 'closed'
        ? [
            domainRefusal(
              'CASE_ALREADY_CLOSED',
              [],
              text('Der Fall ist bereits abgeschlossen.', 'The case is already closed.'),
            ),
          ]
        : []),
      ...goals(s, ids, ['goalAttainment']),
      ...(duplicate === undefined
        ? []
        : [
            domainRefusal(
              'DUPLICATE_ID',
              ['goalAttainment'],
              text(`Ziel „${duplicate}“ ist doppelt bewertet.`, `Goal "${duplicate}" is judged twice.`),
            ),
          ]),
      ...notFuture(input.closedOn, ['closedOn'], context),
      ...ordered(s.openedOn, input.closedOn, ['closedOn'], 'der Falleröffnung / the opening'),
      ...classification(s, input),
    ];
  },
  recordEvaluation: (state, input, context) => {
    const s = state as CaseState;
    return [
      ...(s.closure === null
        ? [
            domainRefusal(
              'CASE_NOT_CLOSED',
              [],
              text('Ausgewertet wird nach dem Abschluss des Falls.', 'A case is evaluated after it was closed.'),
            ),
          ]
        : []),
      ...(s.evaluation !== null
        ? [
            domainRefusal(
              'EVALUATION_ALREADY_RECORDED',
              [],
              text('Die Auswertung ist bereits dokumentiert.', 'The evaluation is already recorded.'),
            ),
          ]
        : []),
      ...(input.providerFeedback ?? []).flatMap((f, index) =>
        f.providerReferralId !== undefined && !has(s.providerReferrals, f.providerReferralId)
          ? [
              unknownId(
                'UNKNOWN_PROVIDER_REFERRAL',
                ['providerFeedback', index, 'providerReferralId'],
                f.providerReferralId,
              ),
            ]
          : [],
      ),
      ...notFuture(input.evaluatedOn, ['evaluatedOn'], context),
      ...ordered(s.closure?.closedOn, input.evaluatedOn, ['evaluatedOn'], 'dem Abschluss / the closure'),
      ...classification(s, input),
    ];
  },
};
