import type { CaseCommand, Result } from '@fallkit/core';
import type { ItemCommands } from '../list-editing/save-items.js';
import { changedMeasureFields, type HelpPlanData, type MeasureEntry } from './help-plan.schema.js';

/**
 * The commands that save the plan, one item per measure (`addMeasure` for a new one, `updateMeasure`
 * with the changed fields for a stored one), so a refusal shows at the measure it concerns; without new
 * measures every id is known and a changed order goes into the same batch (`reorderMeasures`).
 */
export function helpPlanItems(
  caseId: CaseCommand['caseId'],
  data: HelpPlanData,
  baseline: ReadonlyMap<string, MeasureEntry>,
): { items: ItemCommands<CaseCommand>[]; known: boolean } {
  const items = data.measures.map((m, index): ItemCommands<CaseCommand> => {
    const { id, changeReason, ...input } = m;
    const commands: CaseCommand[] = [];
    if (!id) commands.push({ type: 'addMeasure', caseId, input });
    else {
      const fields = changedMeasureFields(baseline.get(id), input);
      if (fields.length)
        commands.push({
          type: 'updateMeasure',
          caseId,
          input: {
            measureId: id,
            ...(changeReason ? { reason: changeReason } : {}),
            changes: Object.fromEntries(fields.map((k) => [k, input[k]])),
          },
        });
    }
    // A refusal shows at the measure it concerns; focusing it opens it so the user sees it.
    return { commands, index: () => index };
  });
  const known = data.measures.every((m) => m.id !== undefined);
  const order = data.measures.map((m) => m.id!);
  if (known && order.length > 0 && order.join('\n') !== [...baseline.keys()].join('\n'))
    items.push({ commands: [{ type: 'reorderMeasures', caseId, input: { measureIds: order } }], index: () => -1 });
  return { items, known };
}

/**
 * The ids of all measures in the form's order, once every item is stored. Measures added by this
 * save got their ids from the core in the order they were added, which is their order in the form,
 * so they are matched from the case state the last command answered with. Undefined when that state
 * is not at hand (a port that answers without it): then the order is left as the core has it.
 */
export function savedOrder(
  measures: readonly MeasureEntry[],
  saved: Result<unknown>,
  baseline: ReadonlyMap<string, MeasureEntry>,
): { order: string[] | undefined; current: readonly string[] } {
  const answer = saved.ok
    ? (saved.value as { state?: { measures?: readonly { id: string }[] } } | undefined)
    : undefined;
  const stateIds = answer?.state?.measures?.map((m) => m.id);
  const current = stateIds ?? [...baseline.keys()];
  const added = current.filter((id) => !baseline.has(id));
  const order = measures.map((m) => m.id ?? added.shift());
  return { order: order.some((id) => id === undefined) ? undefined : (order as string[]), current };
}
