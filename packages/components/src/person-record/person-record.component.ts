import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  PERSON_ROLES,
  REPRESENTATION_SCOPES,
  isCaseWorkRole,
  isRedactionMarker,
  type CaseCommand,
  type CaseCommandInput,
  type PersonRole,
  type Refusal,
  type Representation,
  type RepresentationScope,
} from '@fallkit/core';
import { CaseConnectionController } from '../controllers/case-connection-controller.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import type { ConnectedCaseView } from '../context/core-port.js';
import { FkRefusedEvent } from '../events/fk-refused.js';
import { FkSavedEvent } from '../events/fk-saved.js';
import { FkSubmitEvent } from '../events/fk-submit.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { personRecordMessages } from './person-record.messages.js';
import { personRecordStyles } from './person-record.styles.js';
import { recordPanelStyles } from '../shared/record-panel.styles.js';
import { languagesOf, nameOf, shown, type PersonEntry, type ResidenceEntry } from './person-record.view.js';
import {
  NEW_RELATION,
  relationInput,
  renderRelationForm,
  renderRelations,
  type RelationDraft,
  type RelationsHost,
} from './relations.view.js';

/** What `fk-submit` carries: the command the form would send (type and input), for a standalone host. */
export type PersonRecordSubmit =
  | { readonly type: 'addPerson'; readonly input: CaseCommandInput<'addPerson'> }
  | { readonly type: 'updatePerson'; readonly input: CaseCommandInput<'updatePerson'> };

/** The roles the add form offers (the addressee exists once, DP rules on representation use the others). */
const ADD_ROLES: readonly PersonRole[] = PERSON_ROLES.filter((r) => r !== 'addressee');
const REPRESENTATION_KINDS = ['legalGuardian', 'guardianOfMinor', 'parentalResponsibility', 'powerOfAttorney'] as const;

interface NewPersonDraft {
  givenName: string;
  familyName: string;
  birthDate: string;
  role: PersonRole;
  relation: string;
  inHousehold: boolean;
}
interface ContactDraft {
  personId: string;
  phone: string;
  email: string;
  address: string;
  languages: string;
  interpreterNeeded: boolean;
  interpreterLanguage: string;
  interpreterArranged: boolean;
}
interface RepresentationDraft {
  holderId: string;
  forPersonId: string;
  kind: Representation['kind'];
  scope: RepresentationScope[];
  from: string;
  courtReference: string;
}

const NEW_PERSON: NewPersonDraft = {
  givenName: '',
  familyName: '',
  birthDate: '',
  role: 'householdMember',
  relation: '',
  inHousehold: true,
};
const NEW_REPRESENTATION: RepresentationDraft = {
  holderId: '',
  forPersonId: '',
  kind: 'legalGuardian',
  scope: [],
  from: '',
  courtReference: '',
};

/** The `addPerson` input of a draft (undefined while a name is missing). */
export function newPersonInput(d: NewPersonDraft): CaseCommandInput<'addPerson'> | undefined {
  const givenName = d.givenName.trim();
  const familyName = d.familyName.trim();
  if (givenName === '' || familyName === '') return undefined;
  return {
    roles: [d.role],
    givenName,
    familyName,
    ...(d.birthDate === '' ? {} : { birthDate: d.birthDate }),
    ...(d.relation.trim() === '' ? {} : { relationToAddressee: d.relation.trim() }),
    inHousehold: d.inHousehold,
  } as CaseCommandInput<'addPerson'>;
}

/** The `updatePerson` input of a contact draft: contact details, languages and interpreter need together. */
export function contactInput(d: ContactDraft): CaseCommandInput<'updatePerson'> {
  const contact = {
    ...(d.phone.trim() === '' ? {} : { phone: d.phone.trim() }),
    ...(d.email.trim() === '' ? {} : { email: d.email.trim() }),
    ...(d.address.trim() === '' ? {} : { address: d.address.trim() }),
  };
  return {
    personId: d.personId,
    changes: {
      contact,
      languages: languagesOf(d.languages),
      interpreter: {
        needed: d.interpreterNeeded,
        ...(d.interpreterNeeded && d.interpreterLanguage.trim() !== ''
          ? { language: d.interpreterLanguage.trim() }
          : {}),
        ...(d.interpreterNeeded ? { arranged: d.interpreterArranged } : {}),
      },
    },
  } as CaseCommandInput<'updatePerson'>;
}

/**
 * The people of a case (Personen und Haushalt): the addressee and everyone around them with their
 * data (birth date, roles, relation to the addressee, household), languages and interpreter need,
 * contact details, residence status with its legal ground, and the representations (legal guardian,
 * guardian of a minor, parental responsibility, power of attorney) with the matters they cover.
 * Forms add a person (`addPerson`; the core marks everyone but the addressee as third-party data),
 * edit a person's contact details, languages and interpreter need (`updatePerson`), and record a
 * representation (`updatePerson` on the holder's `representations`).
 *
 * Standalone, the host hands in `persons` (and `residence`) and handles `fk-submit`, whose detail is
 * `{ type, input }` of the command. Inside `<fk-case-provider>` everything comes from the decided view:
 * a withheld field shows "ausgeblendet", a withheld person only its reason (DP-24); saving goes through
 * the service's `executeBatch` with one `commandId` per save. A representation can only be added where
 * the holder's current list is visible (the core replaces the whole list; a hidden one is never
 * overwritten from here).
 *
 * @tagname fk-person-record
 * @summary The persons of a case: data, household, languages, contact details, representatives.
 *
 * @event fk-submit - A valid change is to be saved; `detail` is `{ type, input }`. Cancel it to stop the connected save.
 * @event fk-saved - The connected save succeeded; `detail` is the service's result value.
 * @event fk-refused - The connected save was refused; `detail` is `{ errors, value }`.
 *
 * @csspart person - One person's card.
 * @csspart household - The household table.
 * @csspart form - Each form (add, contact, representation).
 */
export class FkPersonRecord extends LitElement {
  static override styles = [sharedStyles, recordPanelStyles, personRecordStyles];

  /** The persons to show (standalone); connected, the view wins. */
  @property({ attribute: false }) persons: readonly PersonEntry[] = [];

  /** Residence statuses (standalone); connected, the view's. */
  @property({ attribute: false }) residence: readonly ResidenceEntry[] = [];

  /** The addressee's id (standalone); connected, the view's. */
  @property({ attribute: 'addressee-id' }) addresseeId?: string;

  /** Hides the forms. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** The case to work on; the provider's case id if absent. */
  @property({ attribute: 'case-id' }) caseId?: string;

  /** Text overrides per language. */
  @property({ attribute: false }) messages?: MessageOverrides;

  @state() private newPerson: NewPersonDraft = NEW_PERSON;
  @state() private contact?: ContactDraft;
  @state() private representation: RepresentationDraft = NEW_REPRESENTATION;
  @state() private relation: RelationDraft = NEW_RELATION;
  @state() private error?: 'person' | 'representation' | 'relation';
  @state() private saved?: 'person' | 'contact' | 'representation' | 'relation';

  private readonly i18n = new LocalizeController(this, {
    catalog: personRecordMessages,
    overrides: () => this.messages,
  });
  private readonly connection = new CaseConnectionController<ConnectedCaseView, CaseCommand>(this, {
    caseId: () => this.caseId,
  });
  private saveAttempt: { readonly key: string; readonly commandId: string } | undefined;

  /** The persons shown now, the addressee first. */
  get listed(): readonly PersonEntry[] {
    const view = this.connection.connected ? this.connection.view : undefined;
    const source = this.connection.connected
      ? ((view?.persons as readonly PersonEntry[] | undefined) ?? [])
      : this.persons;
    const addressee = this.addressee;
    return [...source].sort((a, b) => Number(this.idOf(b) === addressee) - Number(this.idOf(a) === addressee));
  }

  private get addressee(): string | undefined {
    const view = this.connection.connected ? this.connection.view : undefined;
    return this.connection.connected ? view?.addresseeId : this.addresseeId;
  }

  private get residenceEntries(): readonly ResidenceEntry[] {
    const view = this.connection.connected ? this.connection.view : undefined;
    return this.connection.connected
      ? ((view?.residenceStatuses as readonly ResidenceEntry[] | undefined) ?? [])
      : this.residence;
  }

  /** Whether the forms are shown. */
  get writable(): boolean {
    if (this.readonly) return false;
    if (!this.connection.connected) return true;
    const actor = this.connection.request?.actor;
    return this.connection.status === 'ready' && actor !== undefined && isCaseWorkRole(actor.role);
  }

  private idOf(p: PersonEntry): string | undefined {
    return isRedactionMarker(p) ? undefined : shown(p.id);
  }

  private personName(id: string): string {
    const person = this.listed.find((p) => this.idOf(p) === id);
    return (person && nameOf(person)) ?? this.i18n.t('person.withheld');
  }

  /** Fires `fk-submit` and, connected and not cancelled, saves the one command. */
  private async save(
    submit: PersonRecordSubmit,
    what: 'person' | 'contact' | 'representation' | 'relation',
  ): Promise<boolean> {
    const event = new FkSubmitEvent<PersonRecordSubmit>(submit);
    this.dispatchEvent(event);
    if (event.defaultPrevented) return false;
    if (!this.connection.connected) {
      this.saved = what;
      return true;
    }
    const caseId = this.connection.caseId;
    if (caseId === undefined) return false;
    const key = JSON.stringify([caseId, submit]);
    if (this.saveAttempt?.key !== key) this.saveAttempt = { key, commandId: this.connection.newCommandId() };
    const result = await this.connection.executeBatch([{ ...submit, caseId } as CaseCommand], {
      commandId: this.saveAttempt.commandId,
    });
    if (!result.ok) {
      this.dispatchEvent(new FkRefusedEvent({ errors: result.errors, value: submit }));
      return false;
    }
    this.saveAttempt = undefined;
    this.saved = what;
    this.dispatchEvent(new FkSavedEvent(result.value));
    return true;
  }

  /** Adds the person of the add form. */
  async submitPerson(): Promise<boolean> {
    const input = newPersonInput(this.newPerson);
    this.error = input === undefined ? 'person' : undefined;
    if (input === undefined) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#given-name')?.focus();
      return false;
    }
    const ok = await this.save({ type: 'addPerson', input }, 'person');
    if (ok) this.newPerson = NEW_PERSON;
    return ok;
  }

  /** Saves the contact form's changes. */
  async submitContact(): Promise<boolean> {
    if (this.contact === undefined) return false;
    const ok = await this.save({ type: 'updatePerson', input: contactInput(this.contact) }, 'contact');
    if (ok) this.contact = undefined;
    return ok;
  }

  /** Records the representation of the representation form on its holder. */
  async submitRepresentation(): Promise<boolean> {
    const d = this.representation;
    const holder = this.listed.find((p) => this.idOf(p) === d.holderId);
    const current = holder && !isRedactionMarker(holder) ? holder.representations : undefined;
    const invalid = d.holderId === '' || d.forPersonId === '' || d.holderId === d.forPersonId || d.scope.length === 0;
    this.error = invalid || isRedactionMarker(current) ? 'representation' : undefined;
    if (this.error) return false;
    const added: Representation = {
      kind: d.kind,
      forPersonId: d.forPersonId,
      scope: d.scope,
      ...(d.from === '' ? {} : { from: d.from }),
      ...(d.courtReference.trim() === '' ? {} : { courtReference: d.courtReference.trim() }),
    };
    const list = [...((current as readonly Representation[] | undefined) ?? []), added];
    const ok = await this.save(
      {
        type: 'updatePerson',
        input: { personId: d.holderId, changes: { representations: list } } as CaseCommandInput<'updatePerson'>,
      },
      'representation',
    );
    if (ok) this.representation = NEW_REPRESENTATION;
    return ok;
  }

  /** Records the relation of the relation form on the person it describes (`updatePerson` on `relations`). */
  async submitRelation(): Promise<boolean> {
    const input = relationInput(this.relation, this.listed);
    this.error = typeof input === 'string' ? 'relation' : undefined;
    if (typeof input === 'string') return false;
    const ok = await this.save({ type: 'updatePerson', input }, 'relation');
    if (ok) this.relation = NEW_RELATION;
    return ok;
  }

  /** What the relations view needs from this element. */
  private get relationsHost(): RelationsHost {
    return {
      t: (key, values) => this.i18n.t(key as 'person.relations', values),
      personName: (id) => this.personName(id),
      withheld: () => this.withheld(),
    };
  }

  /** Opens the contact form for a person, filled with what the view shows. */
  editContact(personId: string): void {
    const p = this.listed.find((x) => this.idOf(x) === personId);
    if (!p || isRedactionMarker(p)) return;
    const contact = shown(p.contact);
    const interpreter = shown(p.interpreter);
    this.contact = {
      personId,
      phone: contact?.phone ?? '',
      email: contact?.email ?? '',
      address: contact?.address ?? '',
      languages: (shown(p.languages) ?? []).join(', '),
      interpreterNeeded: interpreter?.needed ?? false,
      interpreterLanguage: interpreter?.language ?? '',
      interpreterArranged: interpreter?.arranged ?? false,
    };
    this.saved = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#phone')?.focus());
  }

  private withheld() {
    return html`<span class="withheld">${this.i18n.t('person.withheld')}</span>`;
  }

  /** A field's text: the value, "ausgeblendet" for a marker, "keine Angabe" when absent. */
  private field<T>(value: T | { redacted: true } | undefined, format: (v: T) => unknown) {
    if (value === undefined) return html`<span class="meta">${this.i18n.t('person.none')}</span>`;
    if (isRedactionMarker(value)) return this.withheld();
    return format(value as T);
  }

  private roleLabel(role: string): string {
    const key = `person.role.${role}`;
    return this.i18n.has(key) ? this.i18n.t(key as 'person.role.other') : role;
  }

  private renderRepresentations(p: Exclude<PersonEntry, { redacted: true }>) {
    const list = p.representations;
    if (list === undefined || (Array.isArray(list) && list.length === 0)) return nothing;
    return html`<dt>${this.i18n.t('person.representations')}</dt>
      <dd>
        ${this.field(
          list,
          (reps: readonly Representation[]) =>
            html`<ul>
              ${reps.map(
                (r) =>
                  html`<li>
                    ${this.i18n.t('person.representation', {
                      kind: this.i18n.t(`person.kind.${r.kind}`),
                      person: this.personName(r.forPersonId),
                      scope: this.i18n.list(r.scope.map((s) => this.i18n.t(`person.scope.${s}`))),
                    })}${r.consentReservation ? `, ${this.i18n.t('person.consentReservation')}` : ''}${
                      r.from ? `, ${this.i18n.t('person.period', { from: this.i18n.date(r.from) })}` : ''
                    }${r.until ? ` ${this.i18n.t('person.until', { until: this.i18n.date(r.until) })}` : ''}${
                      r.courtReference
                        ? `, ${this.i18n.t('person.courtReference', { reference: r.courtReference })}`
                        : ''
                    }
                  </li>`,
              )}
            </ul>`,
        )}
      </dd>`;
  }

  private renderResidence(personId: string | undefined) {
    const entries = this.residenceEntries.filter(
      (r) => !isRedactionMarker(r) && (shown(r.personId) ?? this.addressee) === personId,
    ) as Exclude<ResidenceEntry, { redacted: true }>[];
    if (entries.length === 0) return nothing;
    return html`<dt>${this.i18n.t('person.residence')}</dt>
      <dd>
        <ul>
          ${entries.map((r) => {
            const status = shown(r.status);
            const from = shown(r.from);
            const until = shown(r.validUntil);
            return html`<li>
              ${
                status === undefined || from === undefined
                  ? this.withheld()
                  : this.i18n.t('person.residenceEntry', {
                      status: this.i18n.t(`person.status.${status}`),
                      from: this.i18n.date(from),
                    })
              }${until ? `, ${this.i18n.t('person.validUntil', { date: this.i18n.date(until) })}` : ''}
              ${
                r.legalGround === undefined
                  ? nothing
                  : html`<br />${
                        isRedactionMarker(r.legalGround)
                          ? this.withheld()
                          : this.i18n.t('person.legalGround', { ground: r.legalGround })
                      }`
              }
            </li>`;
          })}
        </ul>
      </dd>`;
  }

  private renderPerson(p: PersonEntry) {
    if (isRedactionMarker(p)) {
      return html`<article part="person" data-withheld>
        <p class="withheld">${this.i18n.t('person.withheldPerson', { reason: this.i18n.text(p.message) })}</p>
      </article>`;
    }
    const id = shown(p.id);
    const name = nameOf(p);
    const birth = shown(p.birthDate);
    const gender = shown(p.gender);
    const headingId = `person-${id ?? 'x'}`;
    const interpreter = p.interpreter;
    return html`<article part="person" data-person=${id ?? ''} aria-labelledby=${headingId}>
      <h3 id=${headingId}>${name ?? this.i18n.t('person.withheld')}</h3>
      <p class="meta">
        ${this.field(p.roles, (roles: readonly string[]) => this.i18n.list(roles.map((r) => this.roleLabel(r))))}${
          birth ? html` · ${this.i18n.t('person.born', { date: this.i18n.date(birth) })}` : nothing
        }${gender ? html` · ${this.i18n.t(`person.gender.${gender}`)}` : nothing}
      </p>
      <dl>
        ${
          id === this.addressee
            ? nothing
            : html`<dt>${this.i18n.t('person.relation')}</dt>
                <dd>
                  ${this.field(p.relationToAddressee, (r: string) => r)}
                  ${
                    p.inHousehold === undefined
                      ? nothing
                      : html`(${this.field(p.inHousehold, (h: boolean) =>
                          this.i18n.t(h ? 'person.inHousehold' : 'person.notInHousehold'),
                        )})`
                  }
                </dd>`
        }
        <dt>${this.i18n.t('person.languages')}</dt>
        <dd>
          ${this.field(p.languages, (l: readonly string[]) => (l.length === 0 ? this.i18n.t('person.none') : this.i18n.list(l)))}
        </dd>
        <dt>${this.i18n.t('person.interpreter')}</dt>
        <dd>
          ${this.field(
            interpreter,
            (need: { needed: boolean; language?: string; kind?: string; arranged?: boolean }) =>
              need.needed
                ? `${this.i18n.t('person.interpreter.needed', { language: need.language ?? this.i18n.t('person.none') })}${
                    need.kind ? `, ${this.i18n.t(`person.ikind.${need.kind}` as 'person.ikind.video')}` : ''
                  }, ${this.i18n.t(need.arranged ? 'person.interpreter.arranged' : 'person.interpreter.notArranged')}`
                : this.i18n.t('person.interpreter.none'),
          )}
        </dd>
        <dt>${this.i18n.t('person.contact')}</dt>
        <dd>
          ${this.field(p.contact, (c: { phone?: string; email?: string; address?: string }) =>
            c.phone || c.email || c.address
              ? html`${c.phone ? html`${this.i18n.t('person.phone')}: ${c.phone}<br />` : nothing}${
                  c.email ? html`${this.i18n.t('person.email')}: ${c.email}<br />` : nothing
                }${c.address ? html`${this.i18n.t('person.address')}: <span class="address">${c.address}</span>` : nothing}`
              : this.i18n.t('person.none'),
          )}
        </dd>
        ${renderRelations(this.relationsHost, p)} ${this.renderResidence(id)} ${this.renderRepresentations(p)}
        ${
          p.presumedWill === undefined
            ? nothing
            : html`<dt>${this.i18n.t('person.presumedWill')}</dt>
                <dd>
                  ${this.field(
                    p.presumedWill,
                    (w: { statement: string; askedOf: string; recordedOn: string }) =>
                      html`${w.statement}
                        <span class="meta"
                          >(${this.i18n.t('person.presumedWillAsked', { askedOf: w.askedOf, date: this.i18n.date(w.recordedOn) })})</span
                        >`,
                  )}
                </dd>`
        }
        ${
          p.note === undefined || p.note === ''
            ? nothing
            : html`<dt>${this.i18n.t('person.note')}</dt>
                <dd>${this.field(p.note, (n: string) => n)}</dd>`
        }
      </dl>
      ${
        this.writable && id !== undefined
          ? html`<button type="button" class="fk-button" data-edit=${id} @click=${() => this.editContact(id)}>
              ${this.i18n.t('person.edit')}<span class="fk-visually-hidden">: ${name ?? ''}</span>
            </button>`
          : nothing
      }
    </article>`;
  }

  private renderHousehold(persons: readonly PersonEntry[]) {
    const members = persons.filter(
      (p): p is Exclude<PersonEntry, { redacted: true }> =>
        !isRedactionMarker(p) && shown(p.id) !== this.addressee && shown(p.inHousehold) === true,
    );
    return html`<h3 id="household-title">${this.i18n.t('person.household')}</h3>
      ${
        members.length === 0
          ? html`<p>${this.i18n.t('person.household.empty')}</p>`
          : html`<table part="household" aria-labelledby="household-title">
              <thead>
                <tr>
                  <th scope="col">${this.i18n.t('person.col.name')}</th>
                  <th scope="col">${this.i18n.t('person.col.relation')}</th>
                  <th scope="col">${this.i18n.t('person.col.born')}</th>
                  <th scope="col">${this.i18n.t('person.col.roles')}</th>
                </tr>
              </thead>
              <tbody>
                ${members.map(
                  (m) =>
                    html`<tr>
                      <th scope="row">${nameOf(m) ?? this.i18n.t('person.withheld')}</th>
                      <td>${this.field(m.relationToAddressee, (r: string) => r)}</td>
                      <td>${this.field(m.birthDate, (d: string) => this.i18n.date(d))}</td>
                      <td>
                        ${this.field(m.roles, (roles: readonly string[]) => this.i18n.list(roles.map((r) => this.roleLabel(r))))}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }`;
  }

  private renderRefusals() {
    const refusals: readonly Refusal[] = this.connection.refusals;
    if (refusals.length === 0 || this.connection.status !== 'ready') return nothing;
    return html`<div class="wide fk-refusals" role="alert">
      <p>${this.i18n.t('person.refused')}</p>
      <ul>
        ${refusals.map((r) => html`<li>${this.i18n.text(r.message)}</li>`)}
      </ul>
    </div>`;
  }

  private input(id: string, label: string, value: string, set: (v: string) => void, type = 'text', extra = {}) {
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

  private renderAddForm() {
    const d = this.newPerson;
    const set = (patch: Partial<NewPersonDraft>) => {
      this.newPerson = { ...this.newPerson, ...patch };
      this.saved = undefined;
      this.connection.clearRefusals();
    };
    return html`<form
      part="form"
      aria-labelledby="add-title"
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.submitPerson();
      }}
    >
      <h3 id="add-title" class="wide">${this.i18n.t('person.add.title')}</h3>
      <p class="wide fk-hint">${this.i18n.t('person.add.hint')}</p>
      ${this.input('given-name', this.i18n.t('person.form.givenName'), d.givenName, (v) => set({ givenName: v }), 'text', { required: true })}
      ${this.input('family-name', this.i18n.t('person.form.familyName'), d.familyName, (v) => set({ familyName: v }), 'text', { required: true })}
      ${this.input('birth-date', this.i18n.t('person.form.birthDate'), d.birthDate, (v) => set({ birthDate: v }), 'date')}
      <div>
        <label for="role">${this.i18n.t('person.form.role')}</label>
        <select id="role" @change=${(e: Event) => set({ role: (e.target as HTMLSelectElement).value as PersonRole })}>
          ${ADD_ROLES.map((r) => html`<option value=${r} ?selected=${d.role === r}>${this.roleLabel(r)}</option>`)}
        </select>
      </div>
      ${this.input('relation', this.i18n.t('person.form.relation'), d.relation, (v) => set({ relation: v }))}
      <div class="check">
        <label
          ><input
            type="checkbox"
            .checked=${d.inHousehold}
            @change=${(e: Event) => set({ inHousehold: (e.target as HTMLInputElement).checked })}
          />
          ${this.i18n.t('person.form.inHousehold')}</label
        >
      </div>
      ${this.error === 'person' ? html`<p class="wide fk-feedback fk-feedback--error error" role="alert">${this.i18n.t('person.form.required')}</p>` : nothing}
      <div class="actions">
        <button class="fk-button fk-button--primary" type="submit" ?disabled=${this.connection.pending}>
          ${this.connection.pending ? this.i18n.t('person.saving') : this.i18n.t('person.form.submit')}
        </button>
      </div>
    </form>`;
  }

  private renderContactForm() {
    const d = this.contact;
    if (d === undefined) return nothing;
    const set = (patch: Partial<ContactDraft>) => {
      this.contact = { ...d, ...patch };
      this.connection.clearRefusals();
    };
    return html`<form
      part="form"
      aria-labelledby="contact-title"
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.submitContact();
      }}
    >
      <h3 id="contact-title" class="wide">
        ${this.i18n.t('person.contact.title', { name: this.personName(d.personId) })}
      </h3>
      ${this.input('phone', this.i18n.t('person.phone'), d.phone, (v) => set({ phone: v }), 'tel')}
      ${this.input('email', this.i18n.t('person.email'), d.email, (v) => set({ email: v }), 'email')}
      <div class="wide">
        <label for="address">${this.i18n.t('person.address')}</label>
        <textarea
          id="address"
          maxlength="500"
          .value=${d.address}
          @input=${(e: Event) => set({ address: (e.target as HTMLTextAreaElement).value })}
        ></textarea>
      </div>
      ${this.input('languages', this.i18n.t('person.form.languages'), d.languages, (v) => set({ languages: v }))}
      <div class="check">
        <label
          ><input
            id="interpreter-needed"
            type="checkbox"
            .checked=${d.interpreterNeeded}
            @change=${(e: Event) => set({ interpreterNeeded: (e.target as HTMLInputElement).checked })}
          />
          ${this.i18n.t('person.form.interpreterNeeded')}</label
        >
      </div>
      ${
        d.interpreterNeeded
          ? html`${this.input('interpreter-language', this.i18n.t('person.form.interpreterLanguage'), d.interpreterLanguage, (v) => set({ interpreterLanguage: v }))}
              <div class="check">
                <label
                  ><input
                    type="checkbox"
                    .checked=${d.interpreterArranged}
                    @change=${(e: Event) => set({ interpreterArranged: (e.target as HTMLInputElement).checked })}
                  />
                  ${this.i18n.t('person.form.interpreterArranged')}</label
                >
              </div>`
          : nothing
      }
      <div class="actions">
        <button class="fk-button fk-button--primary" type="submit" ?disabled=${this.connection.pending}>
          ${this.connection.pending ? this.i18n.t('person.saving') : this.i18n.t('person.form.contactSubmit')}
        </button>
        <button class="fk-button" type="button" @click=${() => (this.contact = undefined)}>
          ${this.i18n.t('person.form.cancel')}
        </button>
      </div>
    </form>`;
  }

  private renderRelationForm(persons: readonly PersonEntry[]) {
    return renderRelationForm(this.relationsHost, {
      persons,
      draft: this.relation,
      error: this.error === 'relation',
      pending: this.connection.pending,
      set: (patch) => {
        this.relation = { ...this.relation, ...patch };
        this.saved = undefined;
        this.connection.clearRefusals();
      },
      submit: () => void this.submitRelation(),
    });
  }

  private renderRepresentationForm(persons: readonly PersonEntry[]) {
    const d = this.representation;
    const named = persons
      .map((p) => ({ id: this.idOf(p), name: nameOf(p) }))
      .filter((p): p is { id: string; name: string } => p.id !== undefined && p.name !== undefined);
    const set = (patch: Partial<RepresentationDraft>) => {
      this.representation = { ...this.representation, ...patch };
      this.saved = undefined;
      this.connection.clearRefusals();
    };
    const holder = persons.find((p) => this.idOf(p) === d.holderId);
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
        void this.submitRepresentation();
      }}
    >
      <h3 id="rep-title" class="wide">${this.i18n.t('person.rep.title')}</h3>
      ${select('rep-holder', this.i18n.t('person.rep.holder'), d.holderId, (v) => set({ holderId: v }))}
      ${select('rep-for', this.i18n.t('person.rep.for'), d.forPersonId, (v) => set({ forPersonId: v }))}
      <div>
        <label for="rep-kind">${this.i18n.t('person.rep.kind')}</label>
        <select
          id="rep-kind"
          @change=${(e: Event) => set({ kind: (e.target as HTMLSelectElement).value as Representation['kind'] })}
        >
          ${REPRESENTATION_KINDS.map((k) => html`<option value=${k} ?selected=${d.kind === k}>${this.i18n.t(`person.kind.${k}`)}</option>`)}
        </select>
      </div>
      ${this.input('rep-from', this.i18n.t('person.rep.from'), d.from, (v) => set({ from: v }), 'date')}
      ${this.input('rep-court', this.i18n.t('person.rep.court'), d.courtReference, (v) => set({ courtReference: v }))}
      <fieldset class="wide">
        <legend>${this.i18n.t('person.rep.scope')}</legend>
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
              />${this.i18n.t(`person.scope.${s}`)}</label
            >`,
        )}
      </fieldset>
      ${hidden ? html`<p class="wide fk-hint">${this.i18n.t('person.rep.unavailable')}</p>` : nothing}
      ${this.error === 'representation' ? html`<p class="wide fk-feedback fk-feedback--error error" role="alert">${this.i18n.t('person.rep.required')}</p>` : nothing}
      <div class="actions">
        <button class="fk-button fk-button--primary" type="submit" ?disabled=${this.connection.pending || hidden}>
          ${this.connection.pending ? this.i18n.t('person.saving') : this.i18n.t('person.rep.submit')}
        </button>
      </div>
    </form>`;
  }

  private renderStatus() {
    if (!this.connection.connected) return nothing;
    const status = this.connection.status;
    if (status === 'loading') return html`<p class="fk-status" role="status">${this.i18n.t('person.loading')}</p>`;
    if (status === 'not-found') return html`<p class="fk-status" role="status">${this.i18n.t('person.notFound')}</p>`;
    if (status === 'denied') {
      return html`<div class="fk-refusals" role="alert">
        <p>${this.i18n.t('person.denied')}</p>
        <ul>
          ${this.connection.refusals.map((r) => html`<li>${this.i18n.text(r.message)}</li>`)}
        </ul>
      </div>`;
    }
    return nothing;
  }

  override render() {
    const ready = !this.connection.connected || this.connection.status === 'ready';
    const persons = this.listed;
    return html`<section aria-labelledby="title">
      <h2 id="title">${this.i18n.t('person.title')}</h2>
      <p class="lead">${this.i18n.t('person.lead')}</p>
      ${this.renderStatus()}
      ${
        ready
          ? html`<div class="people">${persons.map((p) => this.renderPerson(p))}</div>
              ${this.renderHousehold(persons)}
              ${
                this.writable
                  ? html`${this.renderRefusals()}
                      <p role="status">${this.saved ? this.i18n.t('person.saved') : nothing}</p>
                      ${this.renderContactForm()} ${this.renderAddForm()} ${this.renderRelationForm(persons)}
                      ${this.renderRepresentationForm(persons)}`
                  : html`<p class="fk-hint">${this.i18n.t('person.readOnly')}</p>`
              }`
          : nothing
      }
    </section>`;
  }
}
