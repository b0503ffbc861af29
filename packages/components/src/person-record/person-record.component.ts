import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  isCaseWorkRole,
  isRedactionMarker,
  type CaseCommand,
  type CaseCommandInput,
  type Representation,
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
import { nameOf, shown, type PersonEntry, type ResidenceEntry } from './person-record.view.js';
import { NEW_RELATION, relationInput, type RelationDraft, type RelationsHost } from './relations.view.js';

import {
  NEW_PERSON,
  NEW_REPRESENTATION,
  contactInput,
  newPersonInput,
  type ContactDraft,
  type NewPersonDraft,
  type PersonRecordSubmit,
  type RepresentationDraft,
} from './person-record.model.js';
import { refusalsBlock, statusLine, type PersonRecordView } from './person-record.sections.js';
import { household, personCard, withheld as withheldMark } from './person-card.view.js';
import { addPersonForm, contactForm, relationForm, representationForm } from './person-forms.view.js';

export { contactInput, newPersonInput } from './person-record.model.js';
export type { PersonRecordSubmit } from './person-record.model.js';

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
      withheld: () => withheldMark({ t: this.i18n }),
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

  private editNewPerson(patch: Partial<NewPersonDraft>): void {
    this.newPerson = { ...this.newPerson, ...patch };
    this.saved = undefined;
    this.connection.clearRefusals();
  }

  private editRepresentation(patch: Partial<RepresentationDraft>): void {
    this.representation = { ...this.representation, ...patch };
    this.saved = undefined;
    this.connection.clearRefusals();
  }

  private editRelation(patch: Partial<RelationDraft>): void {
    this.relation = { ...this.relation, ...patch };
    this.saved = undefined;
    this.connection.clearRefusals();
  }

  /** What the views read and may do (see {@link PersonRecordView}). */
  private view(): PersonRecordView {
    const connection = this.connection;
    return {
      t: this.i18n,
      connected: connection.connected,
      status: connection.status,
      pending: connection.pending,
      refusals: connection.refusals,
      writable: this.writable,
      addressee: this.addressee,
      residence: this.residenceEntries,
      newPerson: this.newPerson,
      contact: this.contact,
      representation: this.representation,
      relation: this.relation,
      error: this.error,
      relations: this.relationsHost,
      idOf: (person) => this.idOf(person),
      personName: (id) => this.personName(id),
      editContact: (personId) => this.editContact(personId),
      editNewPerson: (patch) => this.editNewPerson(patch),
      editContactDraft: (next) => {
        this.contact = next;
        if (next !== undefined) this.connection.clearRefusals();
      },
      editRepresentation: (patch) => this.editRepresentation(patch),
      editRelation: (patch) => this.editRelation(patch),
      submitPerson: () => void this.submitPerson(),
      submitContact: () => void this.submitContact(),
      submitRepresentation: () => void this.submitRepresentation(),
      submitRelation: () => void this.submitRelation(),
    };
  }

  override render() {
    const v = this.view();
    const ready = !this.connection.connected || this.connection.status === 'ready';
    const persons = this.listed;
    return html`<section aria-labelledby="title">
      <h2 id="title">${this.i18n.t('person.title')}</h2>
      <p class="lead">${this.i18n.t('person.lead')}</p>
      ${statusLine(v)}
      ${
        ready
          ? html`<div class="people">${persons.map((p) => personCard(v, p))}</div>
              ${household(v, persons)}
              ${
                this.writable
                  ? html`${refusalsBlock(v)}
                      <p role="status">${this.saved ? this.i18n.t('person.saved') : nothing}</p>
                      ${contactForm(v)} ${addPersonForm(v)} ${relationForm(v, persons)}
                      ${representationForm(v, persons)}`
                  : html`<p class="fk-hint">${this.i18n.t('person.readOnly')}</p>`
              }`
          : nothing
      }
    </section>`;
  }
}
