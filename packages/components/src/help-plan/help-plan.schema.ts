import { addMeasureInput, type CaseCommandInput, type CaseCommandInputIn, type Measure } from '@fallkit/core';
import type { Feedback } from '../base/feedback.js';
import type { Validator } from '../base/validator.js';
import { listSchema } from '../base/list-schema.js';
import { changedFields } from '../list-editing/changed-fields.js';

/**
 * One measure in the form: the input of the core's `addMeasure`, plus, for measures already in the
 * case, `id`, an optional `changeReason` and the read-only `history`. `key` identifies a new measure
 * in the form until it is saved (never sent to the core).
 */
export type MeasureEntry = CaseCommandInputIn<'addMeasure'> & {
  id?: string;
  key?: string;
  changeReason?: string;
  history?: Measure['history'];
};

/** The value of `<fk-help-plan>`: the measures in planning order. */
export interface HelpPlanValue {
  measures: MeasureEntry[];
}

/** One measure as `fk-submit` carries it. */
export type MeasureEntryData = CaseCommandInput<'addMeasure'> & Pick<MeasureEntry, 'id' | 'changeReason'>;

/** The validated data of `fk-submit`. */
export interface HelpPlanData {
  measures: MeasureEntryData[];
}

/** A goal a measure can serve (connected: the case's goals). */
export interface HelpPlanGoal {
  readonly id: string;
  readonly title: string;
}

const CONTENT_KEYS = [
  'title',
  'description',
  'goalIds',
  'by',
  'legalDomain',
  'costCarrier',
  'startOn',
  'endOn',
  'dependsOn',
  'alternatives',
  'secondBest',
  'agreement',
  'status',
] as const;
type ContentKey = (typeof CONTENT_KEYS)[number];

/** Fields of `next` that differ from `before` (what an `updateMeasure` sends). */
export function changedMeasureFields(
  before: Partial<MeasureEntry> | undefined,
  next: Partial<MeasureEntry>,
): ContentKey[] {
  return changedFields(CONTENT_KEYS, before, next);
}

const uiOnly = (m: MeasureEntry) => {
  const { id: _i, key: _k, changeReason: _c, history: _h, ...input } = m;
  return input;
};

/** Each measure checked with the core's `addMeasure` input (unchanged entries reuse their result). */
export const measureListSchema = listSchema<MeasureEntry, MeasureEntryData>({
  key: 'measures',
  item: addMeasureInput,
  input: uiOnly,
  output: (m, parsed) => ({
    ...(parsed as CaseCommandInput<'addMeasure'>),
    ...(m.id ? { id: m.id } : {}),
    ...(m.changeReason?.trim() ? { changeReason: m.changeReason.trim() } : {}),
  }),
});

/** Start after end: shown at the end date (the core's schema checks each date alone). */
export const measureDatesRule: Validator<HelpPlanValue> = {
  id: 'measure-rules',
  validate: (value) =>
    (value.measures ?? []).flatMap((m, i): Feedback[] =>
      m.startOn && m.endOn && m.startOn > m.endOn
        ? [
            {
              type: 'error',
              code: 'MEASURE_DATES_ORDER',
              message: { key: 'plan.dates.order' },
              path: ['measures', i, 'endOn'],
              flag: 'rangeUnderflow',
            },
          ]
        : [],
    ),
};

/** A stored measure of the case view as a form entry (only the keys it has). */
export function toEntry(m: Measure): MeasureEntry {
  const { id, status, history, title, goalIds, by, agreement } = m;
  const entry: MeasureEntry = { id, title, goalIds, by, agreement, status, history };
  for (const key of [
    'description',
    'legalDomain',
    'costCarrier',
    'startOn',
    'endOn',
    'dependsOn',
    'alternatives',
    'secondBest',
  ] as const)
    if (m[key] !== undefined) (entry as Record<string, unknown>)[key] = m[key];
  return entry;
}
