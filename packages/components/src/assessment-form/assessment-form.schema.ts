import {
  recordAssessmentInput,
  type Assessment,
  type AssessmentConfirmation,
  type CaseCommandInput,
  type CaseCommandInputIn,
} from '@fallkit/core';
import type { Feedback } from '../base/feedback.js';
import { schemaValidator, type Validator } from '../base/validator.js';
import { SPECIAL_CATEGORY_DOMAINS } from '../shared/assessment-standard.js';

/** The value of `<fk-assessment-form>`: the input of the core's `recordAssessment` command. */
export type AssessmentFormValue = CaseCommandInputIn<'recordAssessment'>;

/** The validated data `fk-submit` carries: the parsed `recordAssessment` input. */
export type AssessmentFormData = CaseCommandInput<'recordAssessment'>;

/** One life domain as the form holds it. */
export type AssessmentDomainValue = AssessmentFormValue['domains'][number];

/** Detail of `fk-confirm`: the confirmation of an assessment version with the person. */
export interface AssessmentConfirmDetail {
  readonly assessmentId: string;
  readonly confirmation: AssessmentConfirmation;
}

/** The earlier version a re-assessment is compared with. */
export type PreviousAssessment = Pick<Assessment, 'version' | 'recordedOn' | 'domains'>;

/** A newly opened life domain: empty texts, and its special category when it has one (DP-02). */
export function emptyDomain(domainId: string): AssessmentDomainValue {
  const special = SPECIAL_CATEGORY_DOMAINS[domainId];
  return {
    domainId,
    resources: '',
    problems: '',
    personView: '',
    caseManagerView: '',
    ...(special ? { categories: [special] } : {}),
  };
}

/**
 * The value as the core's schema sees it: a narrative assessment sends no life domains (the form
 * hides them), a structured one no empty narrative.
 */
export function assessmentForParsing(value: AssessmentFormValue): unknown {
  if (value.mode === 'narrative') return { ...value, domains: [] };
  const { narrative, ...rest } = value;
  return narrative?.trim() ? value : rest;
}

/** The form's validators: the core's schema (with the form's own texts) and the missing person's view. */
export function assessmentValidators(): readonly Validator<AssessmentFormValue>[] {
  const schema = schemaValidator<unknown>(recordAssessmentInput);
  return [
    {
      id: 'schema',
      validate: (value) =>
        schema
          .validate(assessmentForParsing(value))
          .map((f): Feedback =>
            f.path.length === 1 && f.path[0] === 'domains'
              ? { ...f, message: { key: 'assessment.domainsRequired' } }
              : f.path.length === 1 && f.path[0] === 'narrative'
                ? { ...f, message: { key: 'assessment.narrativeRequired' } }
                : f,
          ),
    },
    {
      // Incomplete is not wrong: a domain without the person's view is a warning, not an error.
      id: 'person-view',
      validate: (value) =>
        (value.domains ?? []).flatMap((d, i): Feedback[] =>
          (d.personView ?? '').trim() === '' && (d.problems ?? '').trim() + (d.resources ?? '').trim() !== ''
            ? [
                {
                  type: 'warning',
                  code: 'PERSON_VIEW_MISSING',
                  message: { key: 'assessment.personViewMissing' },
                  path: ['domains', i, 'personView'],
                },
              ]
            : [],
        ),
    },
  ];
}
