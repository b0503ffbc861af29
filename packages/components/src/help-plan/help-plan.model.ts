import type { ChoiceOption } from '../fields/choice-option.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { helpPlanMessages } from './help-plan.messages.js';
import type { HelpPlanValue, MeasureEntry } from './help-plan.schema.js';

/*
 * What `<fk-help-plan>` derives from its measures for a plan of 200: the host form's JSON built from each
 * measure's cached text, a measure's name and time span in words, and the dependency choices per measure
 * (kept while the other measures' names stay the same, so an open row's choices keep their identity).
 */

type Texts = LocalizeController<typeof helpPlanMessages.de>;

/**
 * Exactly `JSON.stringify(value)`, built from the cached text of each measure (`cache`, by identity: edits
 * are immutable, so an unchanged measure keeps its text); `undefined` for a value of another shape.
 */
export function planJson(value: HelpPlanValue, cache: WeakMap<MeasureEntry, string>): string | undefined {
  const keys = value === null || typeof value !== 'object' ? [] : Object.keys(value);
  if (keys.length !== 1 || keys[0] !== 'measures' || !Array.isArray(value.measures)) return undefined;
  const parts = value.measures.map((m) => {
    if (m === null || typeof m !== 'object') return JSON.stringify(m ?? null);
    let text = cache.get(m);
    if (text === undefined) cache.set(m, (text = JSON.stringify(m)));
    return text;
  });
  return `{"measures":[${parts.join(',')}]}`;
}

/** A measure's title, or "untitled". */
export function measureName(t: Texts, m: MeasureEntry): string {
  return m.title?.trim() || t.t('plan.untitled');
}

/** When a measure runs, in words ("from … to …", "from …", "until …", "open"). */
export function measureWhen(t: Texts, m: MeasureEntry): string {
  if (m.startOn && m.endOn) return t.t('plan.when.range', { from: t.date(m.startOn), to: t.date(m.endOn) });
  if (m.startOn) return t.t('plan.when.from', { date: t.date(m.startOn) });
  if (m.endOn) return t.t('plan.when.until', { date: t.date(m.endOn) });
  return t.t('plan.when.open');
}

/** The stored measures a measure may depend on, as choices; the same list again while nothing it shows changed. */
export class DependencyOptions {
  private readonly cache = new Map<MeasureEntry | string, { text: string; options: ChoiceOption[] }>();

  of(m: MeasureEntry, measures: readonly MeasureEntry[], name: (m: MeasureEntry) => string): readonly ChoiceOption[] {
    const options = measures.filter((o) => o !== m && o.id).map((o) => ({ value: o.id!, label: name(o) }));
    const text = options.map((o) => `${o.value}\u0000${o.label}`).join('\u0001');
    const slot = m.id ?? m.key ?? m;
    const known = this.cache.get(slot);
    if (known?.text === text) return known.options;
    this.cache.set(slot, { text, options });
    return options;
  }
}
