import {
  changeLeadAgencyInput,
  type CaseCommandInput,
  type CaseCommandInputIn,
  type DataCategory,
} from '@fallkit/core';
import type { Feedback } from '../base/feedback.js';
import { schemaValidator, type Validator } from '../base/validator.js';

/** The value of `<fk-handover>`: the input of the core's `changeLeadAgency`. The variant starts unset. */
export type HandoverValue = Omit<CaseCommandInputIn<'changeLeadAgency'>, 'variant'> & {
  variant?: CaseCommandInputIn<'changeLeadAgency'>['variant'];
};

/** The validated data `fk-submit` carries: the parsed `changeLeadAgency` input. */
export type HandoverData = CaseCommandInput<'changeLeadAgency'>;

/** The categories a handover data packet is checked for by default: what a Jobcenter usually asks for. */
export const DEFAULT_PACKET_CATEGORIES: readonly DataCategory[] = [
  'identity',
  'contact',
  'household',
  'residenceStatus',
  'benefits',
  'income',
  'education',
  'employment',
  'housing',
  'debts',
  'goals',
  'helpPlan',
  'measures',
  'health',
  'addiction',
];

/**
 * Whether the value keeps a continuing role: variants 2 and 3, or 1 together with 3
 * (`alsoCoversFurtherNeeds`: a warm handover while the municipality keeps covering further needs).
 */
export function keepsContinuingRole(value: HandoverValue, alsoCoversFurtherNeeds: boolean): boolean {
  const variant = value?.variant;
  return (
    variant === 'municipalityAsContractor' ||
    variant === 'municipalityCoversFurtherNeeds' ||
    (variant === 'warmHandover' && alsoCoversFurtherNeeds)
  );
}

/**
 * The form's validators: the core's schema, a continuing role where one is kept, and a warning when a
 * warm handover has no handover conversation.
 */
export function handoverValidators(alsoCoversFurtherNeeds: () => boolean): readonly Validator<HandoverValue>[] {
  return [
    schemaValidator<HandoverValue>(changeLeadAgencyInput),
    {
      id: 'variant-needs',
      validate: (v): Feedback[] => {
        const out: Feedback[] = [];
        if (keepsContinuingRole(v, alsoCoversFurtherNeeds()) && !v.continuingRole?.trim()) {
          out.push({
            type: 'error',
            code: 'CONTINUING_ROLE_MISSING',
            message: { key: 'handover.continuingRoleRequired' },
            path: ['continuingRole'],
            flag: 'valueMissing',
          });
        }
        if (v.variant === 'warmHandover' && !v.conference) {
          out.push({
            type: 'warning',
            code: 'WARM_WITHOUT_CONFERENCE',
            message: { key: 'handover.conferenceMissing' },
            path: ['conference'],
          });
        }
        return out;
      },
    },
  ];
}

/** The participants of the handover conversation from the typed lines (`Name, Rolle` per line). */
export function participantsFromText(text: string): { name: string; role?: string }[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [name = '', ...role] = line.split(',');
      const r = role.join(',').trim();
      return r ? { name: name.trim(), role: r } : { name: name.trim() };
    });
}

/** The participants as the lines the form shows. */
export function participantsText(participants: readonly { name: string; role?: string }[]): string {
  return participants.map((p) => (p.role ? `${p.name}, ${p.role}` : p.name)).join('\n');
}
