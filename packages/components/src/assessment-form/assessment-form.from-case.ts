import { isRedactionMarker, type Assessment, type CaseState, type RedactionMarker } from '@fallkit/core';
import { todayIso } from '../base/parts-schema.js';
import { withoutMarkers } from '../shared/view-redactions.js';
import type { AssessmentDomainValue, AssessmentFormValue, PreviousAssessment } from './assessment-form.schema.js';

/** What `<fk-assessment-form>` takes from the decided case view. */
export interface AssessmentFromCase {
  /** The form's value (empty when the case has no assessment yet). */
  readonly value: AssessmentFormValue;
  /** The stored version shown (absent while a re-assessment prepares the next one). */
  readonly record: Assessment | undefined;
  /** The version to compare with. */
  readonly previous: PreviousAssessment | undefined;
  /** The withheld fields, domains and versions, keyed by where they stood. */
  readonly redactions: Record<string, RedactionMarker>;
  /** Who confirms (the case's addressee); absent when the case has no assessment yet. */
  readonly confirmedByIds?: readonly string[];
}

/**
 * The latest assessment version of the case as the form's value, the version before it to compare
 * with, and the withheld parts (DP-24). A re-assessment started after the latest version prepares the
 * next version from it.
 */
export function assessmentFromCase(view: CaseState, emptyValue: AssessmentFormValue): AssessmentFromCase {
  const versions = (view.assessments ?? []).filter((a) => !isRedactionMarker(a));
  const latest = versions[versions.length - 1];
  const redactions: Record<string, RedactionMarker> = {};
  (view.assessments ?? []).forEach((a, i) => {
    if (isRedactionMarker(a)) redactions[`assessment:${i}`] = a;
  });
  if (!latest) return { value: emptyValue, record: undefined, previous: undefined, redactions };
  // A re-assessment started after the latest version: the form prepares the next version from it.
  const lastStart = (view.reassessments ?? [])[view.reassessments.length - 1];
  const preparing = lastStart !== undefined && lastStart.recordedAt > latest.recordedAt;
  const domains: AssessmentDomainValue[] = [];
  latest.domains.forEach((d, i) => {
    if (isRedactionMarker(d)) {
      redactions[`domain:${(d as { domainId?: string }).domainId ?? i}`] = d;
      return;
    }
    domains.push(withoutMarkers(d, `domains.${domains.length}`, redactions, ''));
  });
  if (isRedactionMarker(latest.wishesAndDreams)) redactions['wishesAndDreams'] = latest.wishesAndDreams;
  const before = preparing ? latest : versions[versions.length - 2];
  return {
    record: preparing ? undefined : latest,
    previous: before && !isRedactionMarker(before) ? before : undefined,
    redactions,
    confirmedByIds: [view.addresseeId],
    value: {
      recordedOn: preparing ? todayIso() : latest.recordedOn,
      participantIds: latest.participantIds,
      ...(latest.mode === undefined ? {} : { mode: latest.mode }),
      ...(latest.narrative === undefined || isRedactionMarker(latest.narrative) ? {} : { narrative: latest.narrative }),
      domains,
      wishesAndDreams: isRedactionMarker(latest.wishesAndDreams) ? '' : latest.wishesAndDreams,
    },
  };
}
