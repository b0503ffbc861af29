import {
  checkCasefindingCriteriaInput,
  decideAdmissionInput,
  flagCrisisInput,
  recordReferralInput,
  type CaseCommandInput,
  type CaseCommandInputIn,
  type ProcessStandard,
} from '@fallkit/core';
import type { Feedback } from '../base/feedback.js';
import { partsSchema } from '../base/parts-schema.js';
import { schemaValidator, type Validator } from '../base/validator.js';

type AdmissionIn = CaseCommandInputIn<'decideAdmission'>;

/**
 * The value of `<fk-intake-screening>`: the inputs of the core's `recordReferral`,
 * `checkCasefindingCriteria`, `decideAdmission` and (when flagged) `flagCrisis` commands. `admitted`
 * and `complexNeeds` stay unset until a person decides (DP-27).
 */
export interface IntakeScreeningValue {
  referral: CaseCommandInputIn<'recordReferral'>;
  check: Omit<CaseCommandInputIn<'checkCasefindingCriteria'>, 'complexNeeds'> & { complexNeeds?: boolean };
  admission: Omit<AdmissionIn, 'admitted'> & { admitted?: boolean };
  crisis?: CaseCommandInputIn<'flagCrisis'>;
}

/** The validated data `fk-submit` carries: the parsed command inputs. */
export interface IntakeScreeningData {
  referral: CaseCommandInput<'recordReferral'>;
  check: CaseCommandInput<'checkCasefindingCriteria'>;
  admission: CaseCommandInput<'decideAdmission'>;
  crisis?: CaseCommandInput<'flagCrisis'>;
}

/** The casefinding part of a process standard (criteria with labels and optional descriptions). */
export type CasefindingStandard = ProcessStandard['casefinding'];

/** The command that records each part, in process order. */
export const PART_COMMANDS = {
  referral: 'recordReferral',
  check: 'checkCasefindingCriteria',
  admission: 'decideAdmission',
  crisis: 'flagCrisis',
} as const;

/** One part of the value: `referral`, `check`, `admission`, `crisis`. */
export type Part = keyof typeof PART_COMMANDS;

/** The misrouting a decision shows against the check (DOMAIN.md 4.1), if any. */
export function misrouting(
  value: Pick<IntakeScreeningValue, 'check' | 'admission'>,
): 'admittedWithout' | 'refusedWith' | undefined {
  const admitted = value.admission?.admitted;
  const complex = value.check?.complexNeeds;
  if (admitted === undefined || complex === undefined || admitted === complex) return undefined;
  return admitted ? 'admittedWithout' : 'refusedWith';
}

/** The schema of the value: each part checked with its command's input schema. */
export function intakeScreeningSchema() {
  return partsSchema<IntakeScreeningData>({
    referral: { schema: recordReferralInput },
    check: { schema: checkCasefindingCriteriaInput },
    admission: { schema: decideAdmissionInput },
    crisis: { schema: flagCrisisInput, optional: true },
  });
}

/** The value as the core's schemas should see it: no deviation reason without a deviation. */
export function intakeForParsing(value: IntakeScreeningValue): IntakeScreeningValue {
  if (misrouting(value) || value.admission.deviationReason === undefined) return value;
  const { deviationReason: _drop, ...admission } = value.admission;
  return { ...value, admission };
}

/** The form's validators: the parts' schemas, and a reason wherever the decision goes against the check (DP-27). */
export function intakeValidators(
  schemaOfValue: Parameters<typeof schemaValidator<IntakeScreeningValue>>[0],
): readonly Validator<IntakeScreeningValue>[] {
  const schema = schemaValidator<IntakeScreeningValue>(schemaOfValue);
  return [
    {
      id: 'schema',
      // A deviation reason is only part of the decision when there is a deviation.
      validate: (value) => schema.validate(intakeForParsing(value)),
    },
    {
      id: 'misrouting',
      validate: (value): Feedback[] =>
        misrouting(value) && !(value.admission.deviationReason ?? '').trim()
          ? [
              {
                type: 'error',
                code: 'MISROUTING_REASON_MISSING',
                rule: 'DP-27',
                message: { key: 'intake.deviationRequired' },
                path: ['admission', 'deviationReason'],
                flag: 'valueMissing',
              },
            ]
          : [],
    },
  ];
}
