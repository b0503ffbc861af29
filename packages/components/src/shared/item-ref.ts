import { html, nothing } from 'lit';
import { isRedactionMarker, type ItemRef } from '@fallkit/core';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { itemRefMessages } from './item-ref.messages.js';

/** The sections of a case view an item reference can point into, as the view shows them. */
export interface ItemRefSources {
  readonly goals?: readonly unknown[];
  readonly measures?: readonly unknown[];
  readonly providerReferrals?: readonly unknown[];
  readonly persons?: readonly unknown[];
}

function titleOf(item: unknown, kind: ItemRef['kind']): string | undefined {
  if (typeof item !== 'object' || item === null || isRedactionMarker(item)) return undefined;
  const record = item as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);
  if (kind === 'person')
    return [text(record['givenName']), text(record['familyName'])].filter(Boolean).join(' ') || undefined;
  if (kind === 'providerReferral') {
    const provider = record['provider'];
    return typeof provider === 'object' && provider !== null
      ? text((provider as Record<string, unknown>)['name'])
      : undefined;
  }
  return text(record['title']);
}

/**
 * What an item a note, document or follow-up relates to (`relatesTo`) is called, in the words of `item-ref.messages.ts`:
 * "Ziel „Wohnung sichern“". Only from what the actor's view shows: an item the view withholds, or one not in
 * the view, is named by its kind alone ("Ziel (ausgeblendet)"), never by its id or title (DP-24).
 * `undefined` for the case itself; the kind alone where there is no view (a standalone element).
 */
export function describeItemRef(
  t: LocalizeController<typeof itemRefMessages.de>,
  ref: ItemRef | undefined,
  view: ItemRefSources | undefined,
): string | undefined {
  if (ref === undefined || ref.kind === 'case') return undefined;
  const kind = t.t(`item.kind.${ref.kind}`);
  // Standalone there is no view to look in: the kind alone, without claiming anything was withheld.
  if (view === undefined) return kind;
  const section = {
    goal: view?.goals,
    measure: view?.measures,
    providerReferral: view?.providerReferrals,
    person: view?.persons,
  }[ref.kind];
  const item = (section ?? []).find(
    (entry) => typeof entry === 'object' && entry !== null && (entry as { id?: unknown }).id === ref.id,
  );
  const title = titleOf(item, ref.kind);
  return title === undefined ? t.t('item.hidden', { kind }) : t.t('item.named', { kind, title });
}

/** The "Bezieht sich auf: …" line of an entry, or nothing when it relates to the case as a whole. */
export function relatesToLine(
  t: LocalizeController<typeof itemRefMessages.de>,
  ref: ItemRef | undefined,
  view: ItemRefSources | undefined,
) {
  const item = describeItemRef(t, ref, view);
  return item === undefined ? nothing : html`<p class="meta" part="relates-to">${t.t('item.relatesTo', { item })}</p>`;
}
