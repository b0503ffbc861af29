import { html, nothing } from 'lit';
import { COOPERATION_LEVELS, type RedactionMarker } from '@fallkit/core';
import type { FieldBinding, FieldPath, ValueAt } from '../base/field-binding.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import type { firstCounsellingMessages } from './first-counselling.messages.js';
import type { FirstCounsellingValue, PersonLanguageInfo } from './first-counselling.schema.js';

/**
 * What the section views of `<fk-first-counselling>` read and may do: the element builds it once per
 * render and hands it to each view function (no access to the element's internals).
 */
export interface FirstCounsellingView {
  readonly t: LocalizeController<typeof firstCounsellingMessages.de>;
  readonly value: FirstCounsellingValue;
  /** The form is disabled (own attribute or a disabled fieldset). */
  readonly disabled: boolean;
  /** The form is read-only. */
  readonly readonly: boolean;
  /** The person's languages and interpreter need. */
  readonly person: PersonLanguageInfo | undefined;
  /** Fields the data-protection view withheld, keyed by field name. */
  readonly redactions: Readonly<Record<string, RedactionMarker>>;
  /** The binding of one field (see `FkFormElement.fieldAt`). */
  field<const P extends FieldPath<FirstCounsellingValue>>(
    path: P,
    options?: { readonly optional?: boolean },
  ): FieldBinding<ValueAt<FirstCounsellingValue, P>>;
  errorAt(path: string): string | undefined;
  warningAt(path: string): string | undefined;
  /** Records an edit of a field the views do not bind (choices shown read-only, dotted paths). */
  setField(path: string, value: unknown): void;
}

// Choices are bound by hand, not with bind(): a read-only form shows them read-only (with the marker).

/** A text area at `path`, or the reason it is withheld (DP-24). */
export function textArea(
  v: FirstCounsellingView,
  path: string,
  label: string,
  rows: number,
  options: { hint?: string; required?: boolean } = {},
) {
  const field = path.split('.').pop()!;
  const marker = v.redactions[field];
  if (marker && !path.includes('.')) return html`<fk-redacted label=${label} .marker=${marker}></fk-redacted>`;
  const value = path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], v.value);
  return html`<fk-textarea
    data-path=${path}
    label=${label}
    hint=${options.hint ?? nothing}
    ?required=${options.required === true}
    rows=${rows}
    .value=${(value as string | undefined) ?? ''}
    .error=${v.errorAt(path)}
    .warning=${v.warningAt(path)}
    ?disabled=${v.disabled}
    ?readonly=${v.readonly}
    @input=${(e: Event) => v.setField(path, (e.target as HTMLTextAreaElement).value)}
  ></fk-textarea>`;
}

/** A cooperation level (motivation, willingness, ability) as a choice, or the reason it is withheld. */
export function levelGroup(
  v: FirstCounsellingView,
  path: 'motivation.level' | 'willingnessToCooperate' | 'abilityToCooperate',
  label: string,
) {
  const t = v.t;
  const field = path.split('.')[0]!;
  if (v.redactions[field]) return html`<fk-redacted label=${label} .marker=${v.redactions[field]}></fk-redacted>`;
  const current = path === 'motivation.level' ? v.value.motivation?.level : v.value[path];
  return html`<fk-radio-group
    data-path=${path}
    label=${label}
    required
    inline
    .options=${COOPERATION_LEVELS.map((l) => ({ value: l, label: t.t(`fc.level.${l}`) }))}
    .value=${current ?? ''}
    .error=${v.errorAt(path)}
    .warning=${v.warningAt(path)}
    ?disabled=${v.disabled}
    ?readonly=${v.readonly}
    @change=${(e: FkFieldChangeEvent<string>) => v.setField(path, e.value)}
  ></fk-radio-group>`;
}
