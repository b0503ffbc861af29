import { html, nothing } from 'lit';
import { REPRESENTATION_SCOPES, isRedactionMarker, type PersonRole, type Representation } from '@fallkit/core';
import {
  ADD_ROLES,
  REPRESENTATION_KINDS,
  type ContactDraft,
  type NewPersonDraft,
  type RepresentationDraft,
} from './person-record.model.js';
import { nameOf, type PersonEntry } from './person-record.view.js';
import type { PersonRecordView } from './person-record.sections.js';
import { renderRelationForm } from './relations.view.js';
import { roleLabel } from './person-card.view.js';

function input(id: string, label: string, value: string, set: (v: string) => void, type = 'text', extra = {}) {
  return html`<div>
    <label for=${id}>${label}</label>
    <input
      id=${id}
      type=${type}
      maxlength=${type === 'text' ? 300 : nothing}
      aria-required=${(extra as { required?: boolean }).required ? 'true' : nothing}
      .value=${value}
      @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
    />
  </div>`;
}

/** The form to add a person. */
export function addPersonForm(v: PersonRecordView) {
  const d = v.newPerson;
  const set = (patch: Partial<NewPersonDraft>) => v.editNewPerson(patch);
  return html`<form
    part="form"
    aria-labelledby="add-title"
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      v.submitPerson();
    }}
  >
    <h3 id="add-title" class="wide">${v.t.t('person.add.title')}</h3>
    <p class="wide fk-hint">${v.t.t('person.add.hint')}</p>
    ${input('given-name', v.t.t('person.form.givenName'), d.givenName, (v) => set({ givenName: v }), 'text', { required: true })}
    ${input('family-name', v.t.t('person.form.familyName'), d.familyName, (v) => set({ familyName: v }), 'text', { required: true })}
    ${input('birth-date', v.t.t('person.form.birthDate'), d.birthDate, (v) => set({ birthDate: v }), 'date')}
    <div>
      <label for="role">${v.t.t('person.form.role')}</label>
      <select id="role" @change=${(e: Event) => set({ role: (e.target as HTMLSelectElement).value as PersonRole })}>
        ${ADD_ROLES.map((r) => html`<option value=${r} ?selected=${d.role === r}>${roleLabel(v, r)}</option>`)}
      </select>
    </div>
    ${input('relation', v.t.t('person.form.relation'), d.relation, (v) => set({ relation: v }))}
    <div class="check">
      <label
        ><input
          type="checkbox"
          .checked=${d.inHousehold}
          @change=${(e: Event) => set({ inHousehold: (e.target as HTMLInputElement).checked })}
        />
        ${v.t.t('person.form.inHousehold')}</label
      >
    </div>
    ${v.error === 'person' ? html`<p class="wide fk-feedback fk-feedback--error error" role="alert">${v.t.t('person.form.required')}</p>` : nothing}
    <div class="actions">
      <button class="fk-button fk-button--primary" type="submit" ?disabled=${v.pending}>
        ${v.pending ? v.t.t('person.saving') : v.t.t('person.form.submit')}
      </button>
    </div>
  </form>`;
}

/** The contact form of the person being edited (nothing while none is). */
export function contactForm(v: PersonRecordView) {
  const d = v.contact;
  if (d === undefined) return nothing;
  const set = (patch: Partial<ContactDraft>) => v.editContactDraft({ ...d, ...patch });
  return html`<form
    part="form"
    aria-labelledby="contact-title"
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      v.submitContact();
    }}
  >
    <h3 id="contact-title" class="wide">${v.t.t('person.contact.title', { name: v.personName(d.personId) })}</h3>
    ${input('phone', v.t.t('person.phone'), d.phone, (v) => set({ phone: v }), 'tel')}
    ${input('email', v.t.t('person.email'), d.email, (v) => set({ email: v }), 'email')}
    <div class="wide">
      <label for="address">${v.t.t('person.address')}</label>
      <textarea
        id="address"
        maxlength="500"
        .value=${d.address}
        @input=${(e: Event) => set({ address: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
    </div>
    ${input('languages', v.t.t('person.form.languages'), d.languages, (v) => set({ languages: v }))}
    <div class="check">
      <label
        ><input
          id="interpreter-needed"
          type="checkbox"
          .checked=${d.interpreterNeeded}
          @change=${(e: Event) => set({ interpreterNeeded: (e.target as HTMLInputElement).checked })}
        />
        ${v.t.t('person.form.interpreterNeeded')}</label
      >
    </div>
    ${
      d.interpreterNeeded
        ? html`${input('interpreter-language', v.t.t('person.form.interpreterLanguage'), d.interpreterLanguage, (v) => set({ interpreterLanguage: v }))}
            <div class="check">
              <label
                ><input
                  type="checkbox"
                  .checked=${d.interpreterArranged}
                  @change=${(e: Event) => set({ interpreterArranged: (e.target as HTMLInputElement).checked })}
                />
                ${v.t.t('person.form.interpreterArranged')}</label
              >
            </div>`
        : nothing
    }
    <div class="actions">
      <button class="fk-button fk-button--primary" type="submit" ?disabled=${v.pending}>
        ${v.pending ? v.t.t('person.saving') : v.t.t('person.form.contactSubmit')}
      </button>
      <button class="fk-button" type="button" @click=${() => v.editContactDraft(undefined)}>
        ${v.t.t('person.form.cancel')}
      </button>
    </div>
  </form>`;
}

/** The form to record a relation between two people. */
export function relationForm(v: PersonRecordView, persons: readonly PersonEntry[]) {
  return renderRelationForm(v.relations, {
    persons,
    draft: v.relation,
    error: v.error === 'relation',
    pending: v.pending,
    set: (patch) => v.editRelation(patch),
    submit: () => v.submitRelation(),
  });
}

/** The form to record a representation (guardian, power of attorney). */
export function representationForm(v: PersonRecordView, persons: readonly PersonEntry[]) {
  const d = v.representation;
  const named = persons
    .map((p) => ({ id: v.idOf(p), name: nameOf(p) }))
    .filter((p): p is { id: string; name: string } => p.id !== undefined && p.name !== undefined);
  const set = (patch: Partial<RepresentationDraft>) => v.editRepresentation(patch);
  const holder = persons.find((p) => v.idOf(p) === d.holderId);
  const hidden = holder !== undefined && !isRedactionMarker(holder) && isRedactionMarker(holder.representations);
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
    aria-labelledby="rep-title"
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      v.submitRepresentation();
    }}
  >
    <h3 id="rep-title" class="wide">${v.t.t('person.rep.title')}</h3>
    ${select('rep-holder', v.t.t('person.rep.holder'), d.holderId, (v) => set({ holderId: v }))}
    ${select('rep-for', v.t.t('person.rep.for'), d.forPersonId, (v) => set({ forPersonId: v }))}
    <div>
      <label for="rep-kind">${v.t.t('person.rep.kind')}</label>
      <select
        id="rep-kind"
        @change=${(e: Event) => set({ kind: (e.target as HTMLSelectElement).value as Representation['kind'] })}
      >
        ${REPRESENTATION_KINDS.map((k) => html`<option value=${k} ?selected=${d.kind === k}>${v.t.t(`person.kind.${k}`)}</option>`)}
      </select>
    </div>
    ${input('rep-from', v.t.t('person.rep.from'), d.from, (v) => set({ from: v }), 'date')}
    ${input('rep-court', v.t.t('person.rep.court'), d.courtReference, (v) => set({ courtReference: v }))}
    <fieldset class="wide">
      <legend>${v.t.t('person.rep.scope')}</legend>
      ${REPRESENTATION_SCOPES.map(
        (s) =>
          html`<label class="inline"
            ><input
              type="checkbox"
              name="scope"
              value=${s}
              .checked=${d.scope.includes(s)}
              @change=${(e: Event) => {
                const rest = d.scope.filter((x) => x !== s);
                set({ scope: (e.target as HTMLInputElement).checked ? [...rest, s] : rest });
              }}
            />${v.t.t(`person.scope.${s}`)}</label
          >`,
      )}
    </fieldset>
    ${hidden ? html`<p class="wide fk-hint">${v.t.t('person.rep.unavailable')}</p>` : nothing}
    ${v.error === 'representation' ? html`<p class="wide fk-feedback fk-feedback--error error" role="alert">${v.t.t('person.rep.required')}</p>` : nothing}
    <div class="actions">
      <button class="fk-button fk-button--primary" type="submit" ?disabled=${v.pending || hidden}>
        ${v.pending ? v.t.t('person.saving') : v.t.t('person.rep.submit')}
      </button>
    </div>
  </form>`;
}
