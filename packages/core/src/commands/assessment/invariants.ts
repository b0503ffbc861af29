import { text } from '../../i18n/localized-text.js';
import type { CaseState } from '../../model/case-state.js';
import type { Refusal } from '../../result/refusal.js';
import type { CaseCommandInput } from '../command-catalog.js';
import { withheldAssessmentParts } from '../withheld-parts.js';
import { domainRefusal, unknownId } from '../invariant-refusals.js';
import type { InvariantCheck, InvariantContext } from '../invariant-checks.js';
import { has, persons, notFuture, ordered, classification } from '../invariant-checks.js';
import type { assessmentInputs } from './inputs.js';

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
        ? // INV-ASMT-03
          [domainRefusal('ASSESSMENT_PART_WITHHELD', ['domains', index, 'domainId'], PART_WITHHELD)]
        : [],
    ),
    ...(withheld.ownText && (input.wishesAndDreams.trim() !== '' || (input.narrative ?? '').trim() !== '')
      ? // INV-ASMT-03
        [domainRefusal('ASSESSMENT_PART_WITHHELD', ['wishesAndDreams'], PART_WITHHELD)]
      : []),
  ];
}

/** The domain invariants of this slice's commands; a command without an entry has none beyond its schema. */
export const assessmentInvariants: { readonly [T in keyof typeof assessmentInputs]?: InvariantCheck<T> } = {
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
        // INV-ASMT-01
        domainRefusal(
          'ASSESSMENT_ALREADY_CONFIRMED',
          ['assessmentId'],
          text('Dieses Assessment ist bereits bestätigt.', 'This assessment is already confirmed.'),
        ),
      );
    }
    if (s.assessments.at(-1)?.id !== assessment.id) {
      refusals.push(
        // INV-ASMT-02
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
            // INV-ASMT-04
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
};
