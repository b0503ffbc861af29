import { isRedactionMarker, type CaseState, type RedactionMarker } from '@fallkit/core';
import type { CasefindingStandard, IntakeScreeningValue, Part } from './intake-screening.schema.js';

/**
 * The latest referral, check, decision and open crisis of the case as the form's value, and the parts
 * the view withheld (DP-24). Criteria of the standard missing from a stored check are added unmet.
 */
export function intakeFromCase(
  view: CaseState,
  standard: CasefindingStandard,
  empty: IntakeScreeningValue,
): { readonly value: IntakeScreeningValue; readonly redactions: Partial<Record<Part, RedactionMarker>> } {
  const redactions: Partial<Record<Part, RedactionMarker>> = {};
  const last = <T>(items: readonly unknown[] | undefined, part: Part): T | undefined => {
    const list = items ?? [];
    const item = list[list.length - 1];
    if (isRedactionMarker(item)) {
      redactions[part] = item;
      return undefined;
    }
    return item as T | undefined;
  };
  const referral = last<CaseState['referrals'][number]>(view.referrals, 'referral');
  const check = last<CaseState['casefindingChecks'][number]>(view.casefindingChecks, 'check');
  const admission = last<NonNullable<CaseState['admission']>>(view.admission ? [view.admission] : [], 'admission');
  const crises = (view.crises ?? []).filter((c) => isRedactionMarker(c) || !c.resolvedOn);
  const crisis = last<CaseState['crises'][number]>(crises, 'crisis');
  const value: IntakeScreeningValue = {
    referral: referral
      ? {
          referrer: { ...referral.referrer },
          referredOn: referral.referredOn,
          reason: referral.reason,
        }
      : empty.referral,
    check: check
      ? {
          checkedOn: check.checkedOn,
          criteria: mergeCriteria(check.criteria, standard.criteria),
          targetGroupCriteria: mergeCriteria(check.targetGroupCriteria, standard.targetGroupCriteria),
          complexNeeds: check.complexNeeds,
          ...(check.summary ? { summary: check.summary } : {}),
        }
      : empty.check,
    admission: admission
      ? {
          decidedOn: admission.decidedOn,
          admitted: admission.admitted,
          reasons: admission.reasons,
          ...(admission.deviationReason ? { deviationReason: admission.deviationReason } : {}),
          ...(admission.referredElsewhereTo ? { referredElsewhereTo: admission.referredElsewhereTo } : {}),
        }
      : empty.admission,
    ...(crisis
      ? {
          crisis: {
            flaggedOn: crisis.flaggedOn,
            description: crisis.description,
            ...(crisis.immediateHelp ? { immediateHelp: crisis.immediateHelp } : {}),
          },
        }
      : {}),
  };
  return { value, redactions };
}

function mergeCriteria(
  checked: readonly { criterionId: string; met: boolean | null; explanation?: string }[],
  standard: readonly { id: string }[],
) {
  const byId = new Map(checked.map((c) => [c.criterionId, c]));
  const merged = standard.map((c) => ({ ...(byId.get(c.id) ?? { criterionId: c.id, met: false }) }));
  for (const c of checked) if (!standard.some((s) => s.id === c.criterionId)) merged.push({ ...c });
  return merged;
}
