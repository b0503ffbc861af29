import { html, nothing, type TemplateResult } from 'lit';
import { isRedactionMarker, type CaseCommandInput, type PersonRelation } from '@fallkit/core';
import { nameOf, shown, type PersonEntry } from './person-record.view.js';

/**
 * The household's relations besides the one to the addressee (issue 22: "Mutter von", "Geschwister"): how
 * they are listed on a person's card, and the form that records one. The record keeps a relation on the
 * person it describes (`relations`, set with `updatePerson`); the core replaces the whole list, so a relation
 * is only added where the person's current list is visible (a withheld one is never overwritten from here).
 */

/** What the relation form holds while the user types. */
export interface RelationDraft {
  readonly fromId: string;
  readonly toId: string;
  readonly relation: string;
}

/** The empty form. */
export const NEW_RELATION: RelationDraft = { fromId: '', toId: '', relation: '' };

/** What the view needs from its element: texts, the people it may name, and the draft's setter. */
export interface RelationsHost {
  readonly t: (key: string, values?: Record<string, string>) => string;
  readonly personName: (id: string) => string;
  readonly withheld: () => TemplateResult;
}

/**
 * The `updatePerson` input that adds the draft's relation to the person's visible list, or why not:
 * `invalid` (a field missing, the same person twice) or `hidden` (the person's list is withheld).
 */
export function relationInput(
  draft: RelationDraft,
  persons: readonly PersonEntry[],
): CaseCommandInput<'updatePerson'> | 'invalid' | 'hidden' {
  const relation = draft.relation.trim();
  if (draft.fromId === '' || draft.toId === '' || draft.fromId === draft.toId || relation === '') return 'invalid';
  const person = persons.find((p) => !isRedactionMarker(p) && shown(p.id) === draft.fromId);
  if (person === undefined || isRedactionMarker(person) || isRedactionMarker(person.relations)) return 'hidden';
  const current = (person.relations as readonly PersonRelation[] | undefined) ?? [];
  return {
    personId: draft.fromId,
    changes: { relations: [...current, { toPersonId: draft.toId, relation }] },
  } as CaseCommandInput<'updatePerson'>;
}

/** The relations on a person's card ("Mutter von: Jonas Hartwig"); nothing when there are none. */
export function renderRelations(host: RelationsHost, person: Exclude<PersonEntry, { redacted: true }>) {
  const list = person.relations;
  if (list === undefined || (Array.isArray(list) && list.length === 0)) return nothing;
  return html`<dt>${host.t('person.relations')}</dt>
    <dd>
      ${
        isRedactionMarker(list)
          ? host.withheld()
          : html`<ul class="relations">
              ${(list as readonly PersonRelation[]).map(
                (r) =>
                  html`<li>
                    ${host.t('person.relationEntry', { relation: r.relation, person: host.personName(r.toPersonId) })}
                  </li>`,
              )}
            </ul>`
      }
    </dd>`;
}

/** The form that records a relation between two persons of the case. */
export function renderRelationForm(
  host: RelationsHost,
  options: {
    readonly persons: readonly PersonEntry[];
    readonly draft: RelationDraft;
    readonly error: boolean;
    readonly pending: boolean;
    readonly set: (patch: Partial<RelationDraft>) => void;
    readonly submit: () => void;
  },
) {
  const { draft, persons, set } = options;
  const named = persons
    .map((p) => ({ id: isRedactionMarker(p) ? undefined : shown(p.id), name: nameOf(p) }))
    .filter((p): p is { id: string; name: string } => p.id !== undefined && p.name !== undefined);
  const from = persons.find((p) => !isRedactionMarker(p) && shown(p.id) === draft.fromId);
  const hidden = from !== undefined && !isRedactionMarker(from) && isRedactionMarker(from.relations);
  const select = (id: string, label: string, value: string, change: (v: string) => void) =>
    html`<div>
      <label for=${id}>${label}</label>
      <select id=${id} @change=${(e: Event) => change((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${value === ''}>–</option>
        ${named.map((p) => html`<option value=${p.id} ?selected=${value === p.id}>${p.name}</option>`)}
      </select>
    </div>`;
  return html`<form
    part="form"
    aria-labelledby="relation-title"
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      options.submit();
    }}
  >
    <h3 id="relation-title" class="wide">${host.t('person.rel.title')}</h3>
    <p class="wide fk-hint">${host.t('person.rel.hint')}</p>
    ${select('rel-from', host.t('person.rel.from'), draft.fromId, (v) => set({ fromId: v }))}
    <div>
      <label for="rel-relation">${host.t('person.rel.relation')}</label>
      <input
        id="rel-relation"
        type="text"
        maxlength="300"
        aria-required="true"
        .value=${draft.relation}
        @input=${(e: Event) => set({ relation: (e.target as HTMLInputElement).value })}
      />
    </div>
    ${select('rel-to', host.t('person.rel.to'), draft.toId, (v) => set({ toId: v }))}
    ${hidden ? html`<p class="wide fk-hint">${host.t('person.rel.unavailable')}</p>` : nothing}
    ${
      options.error
        ? html`<p class="wide fk-feedback fk-feedback--error error" role="alert">${host.t('person.rel.required')}</p>`
        : nothing
    }
    <div class="actions">
      <button class="fk-button fk-button--primary" type="submit" ?disabled=${options.pending || hidden}>
        ${options.pending ? host.t('person.saving') : host.t('person.rel.submit')}
      </button>
    </div>
  </form>`;
}
