import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isRedactionMarker, type CaseCommand } from '@fallkit/core';
import { CaseConnectionController } from '../controllers/case-connection-controller.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import type { ConnectedCaseView } from '../context/core-port.js';
import { FkPrintEvent } from '../events/fk-print.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { nameOf, shown, type PersonEntry } from '../person-record/person-record.view.js';
import type { FollowUpEntry } from '../appointments/appointments.model.js';
import { letterMessages } from './letter.messages.js';
import { letterStyles } from './letter.styles.js';
import {
  fillLetter,
  type FilledLetter,
  type LetterField,
  type LetterTemplate,
  type LetterValues,
  type Letterhead,
} from './letter.template.js';
import { todayIso as localToday } from '../base/parts-schema.js';
import { RecipientViewLoader, type RecipientCase } from './letter.recipient-view.js';

const WITHHELD = { withheld: true } as const;

type OpenFollowUp = Exclude<FollowUpEntry, { redacted: true }>;

/** The open follow-ups with a date of a view, soonest first. */
function openFollowUpsOf(view: Pick<RecipientCase, 'followUps'> | undefined): OpenFollowUp[] {
  return ((view?.followUps as readonly FollowUpEntry[] | undefined) ?? [])
    .filter((f): f is OpenFollowUp => !isRedactionMarker(f) && shown(f.done) !== true)
    .filter((f) => shown(f.dueOn) !== undefined)
    .sort((a, b) => `${shown(a.dueOn)}${shown(a.time) ?? ''}`.localeCompare(`${shown(b.dueOn)}${shown(b.time) ?? ''}`));
}

/** A marker becomes "withheld", a value itself, an absent value stays absent. */
function valueOf(value: unknown, format: (v: string) => string = (v) => v): LetterValues[LetterField] {
  if (value === undefined) return undefined;
  if (isRedactionMarker(value)) return WITHHELD;
  return typeof value === 'string' ? format(value) : undefined;
}

/**
 * A letter from a case (Schriftverkehr): the office's letterhead and a host-configured template
 * (invitation, consent form, plan document, handover confirmation), filled from the case, shown as a
 * page and printed with a print stylesheet (the browser's "save as PDF" makes the PDF).
 *
 * Standalone, the host hands in `values` (the placeholders' values). Inside `<fk-case-provider>` the
 * values come only from what the chosen recipient may receive: the core's `recipientView` channel, the
 * writer's own decided view narrowed to that recipient (DP-29: the person their own data, never a
 * household member's; DP-24: child-protection and entrusted items left out). A field that view
 * withholds is never filled in; the letter shows "[ausgeblendet]" there and the writer is told which
 * fields are missing, so no letter carries what the writer may not see or the recipient may not
 * receive. Where the core cannot answer (refused, or a port without the channel) no case field is
 * filled. The recipient is a person of the case the writer's view names; the appointment one of the
 * case's open follow-ups. The element writes nothing to the case.
 *
 * @tagname fk-letter
 * @summary A letter from a template and the office's letterhead, filled from the decided case view, printable.
 *
 * @event fk-print - The user asked to print (the filled letter is `letter`). Cancel it to print another way.
 *
 * @csspart controls - Template, recipient and appointment choice, print button.
 * @csspart page - The letter page (what is printed).
 * @csspart warnings - Fields withheld or missing.
 */
export class FkLetter extends LitElement {
  static override styles = [sharedStyles, letterStyles];

  /** The templates the office configured. */
  @property({ attribute: false }) templates: readonly LetterTemplate[] = [];

  /** The office's letterhead. */
  @property({ attribute: false }) letterhead: Letterhead = { office: '', address: [] };

  /** The chosen template's id; the first if absent. */
  @property() template?: string;

  /** The values of the placeholders (standalone); connected, computed from the view. */
  @property({ attribute: false }) values: LetterValues = {};

  /** The recipient's person id (connected); the addressee if absent. */
  @property() recipient?: string;

  /** The follow-up whose date the letter names (connected); the next open one with a date if absent. */
  @property() appointment?: string;

  /** The letter's date (`YYYY-MM-DD`); today if absent. */
  @property() date?: string;

  /** The case to work on; the provider's case id if absent. */
  @property({ attribute: 'case-id' }) caseId?: string;

  /** Text overrides per language. */
  @property({ attribute: false }) messages?: MessageOverrides;

  @state() private chosenAppointment?: string | null;

  private readonly recipientView = new RecipientViewLoader(this);
  private readonly i18n = new LocalizeController(this, { catalog: letterMessages, overrides: () => this.messages });
  private readonly connection = new CaseConnectionController<ConnectedCaseView, CaseCommand>(this, {
    caseId: () => this.caseId,
  });

  private get view(): ConnectedCaseView | undefined {
    return this.connection.connected ? this.connection.view : undefined;
  }

  private get persons(): readonly PersonEntry[] {
    return (this.view?.persons as readonly PersonEntry[] | undefined) ?? [];
  }

  /** The writer's open follow-ups (the appointment choice). */
  private get openFollowUps(): OpenFollowUp[] {
    return openFollowUpsOf(this.view);
  }

  /** The recipient's person id: the chosen one, else the addressee. */
  private get recipientId(): string | undefined {
    return this.recipient ?? this.view?.addresseeId;
  }

  override willUpdate(): void {
    if (!this.connection.connected) return;
    this.recipientView.refresh(
      this.connection.service,
      this.connection.caseId,
      this.recipientId,
      this.view,
      this.connection.request,
    );
  }

  private get appointmentId(): string | undefined {
    if (this.chosenAppointment === null) return undefined;
    return this.chosenAppointment ?? this.appointment ?? shown(this.openFollowUps[0]?.id);
  }

  /** The placeholder values now: the host's, or those the decided view gives. */
  get filledValues(): LetterValues {
    const today = this.i18n.date(this.date ?? localToday());
    const base: LetterValues = { 'office.name': this.letterhead.office, today };
    if (!this.connection.connected) return { ...base, ...this.values };
    if (this.view === undefined) return base;
    // Filled only from what the recipient may receive (the core's recipientView, DP-29); nothing while
    // that is not known.
    const state = this.recipientView.state;
    const view = state.kind === 'ready' ? state.view : undefined;
    const persons = (view?.persons as readonly PersonEntry[] | undefined) ?? [];
    const addressee = persons.find((p) => !isRedactionMarker(p) && shown(p.id) === view?.addresseeId);
    const recipientId = this.recipientId;
    const recipient = persons.find((p) => !isRedactionMarker(p) && shown(p.id) === recipientId);
    const contact = recipient && !isRedactionMarker(recipient) ? recipient.contact : undefined;
    const managers = ((view?.caseManagers as readonly unknown[] | undefined) ?? []).filter(
      (m) => isRedactionMarker(m) || !(m as { to?: string }).to,
    );
    const manager = managers.at(-1) as { name?: unknown } | undefined;
    const appointmentId = this.appointmentId;
    const followUp = openFollowUpsOf(view).find((f) => shown(f.id) === appointmentId);
    // An appointment the writer chose but the recipient may not receive is a gap, not left out.
    const withheldAppointment = appointmentId !== undefined && followUp === undefined;
    return {
      ...base,
      'recipient.name': recipient === undefined ? WITHHELD : (nameOf(recipient) ?? WITHHELD),
      'recipient.address':
        contact === undefined ? undefined : isRedactionMarker(contact) ? WITHHELD : valueOf(contact.address),
      'addressee.name': addressee === undefined ? WITHHELD : (nameOf(addressee) ?? WITHHELD),
      'addressee.birthDate':
        addressee === undefined || isRedactionMarker(addressee)
          ? WITHHELD
          : valueOf(addressee.birthDate, (d) => this.i18n.date(d)),
      'caseManager.name':
        view === undefined
          ? WITHHELD
          : manager === undefined
            ? undefined
            : isRedactionMarker(manager)
              ? WITHHELD
              : valueOf(manager.name),
      ...(withheldAppointment
        ? {
            'appointment.date': WITHHELD,
            'appointment.time': WITHHELD,
            'appointment.place': WITHHELD,
            'appointment.subject': WITHHELD,
          }
        : followUp === undefined
          ? {}
          : {
              'appointment.date': valueOf(followUp.dueOn, (d) => this.i18n.date(d)),
              'appointment.time': valueOf(followUp.time),
              'appointment.place': valueOf(followUp.place),
              'appointment.subject': valueOf(followUp.subject),
            }),
    };
  }

  /** The chosen template. */
  get chosen(): LetterTemplate | undefined {
    return this.templates.find((t) => t.id === this.template) ?? this.templates[0];
  }

  /** The letter as it would be printed now. */
  get letter(): FilledLetter | undefined {
    const template = this.chosen;
    if (template === undefined) return undefined;
    return fillLetter(this.i18n.text(template.subject), this.i18n.text(template.body), this.filledValues, {
      gap: this.i18n.t('letter.gap'),
      missing: this.i18n.t('letter.missing'),
    });
  }

  /** Fires `fk-print` and, not cancelled, opens the browser's print dialog (which also saves PDFs). */
  print(): void {
    const event = new FkPrintEvent();
    this.dispatchEvent(event);
    if (!event.defaultPrevented) window.print();
  }

  private fieldList(fields: readonly LetterField[]): string {
    return this.i18n.list(fields.map((f) => this.i18n.t(`letter.field.${f}`)));
  }

  private renderControls() {
    const named = this.persons
      .map((p) => ({ id: isRedactionMarker(p) ? undefined : shown(p.id), name: nameOf(p) }))
      .filter((p): p is { id: string; name: string } => p.id !== undefined && p.name !== undefined);
    const recipient = this.recipient ?? this.view?.addresseeId;
    return html`<div class="controls" part="controls">
      <div>
        <label for="template">${this.i18n.t('letter.template')}</label>
        <select id="template" @change=${(e: Event) => (this.template = (e.target as HTMLSelectElement).value)}>
          ${this.templates.map(
            (t) =>
              html`<option value=${t.id} ?selected=${t.id === this.chosen?.id}>${this.i18n.text(t.title)}</option>`,
          )}
        </select>
      </div>
      ${
        this.connection.connected
          ? html`<div>
                <label for="recipient">${this.i18n.t('letter.recipient')}</label>
                <select
                  id="recipient"
                  @change=${(e: Event) => (this.recipient = (e.target as HTMLSelectElement).value)}
                >
                  ${named.map((p) => html`<option value=${p.id} ?selected=${p.id === recipient}>${p.name}</option>`)}
                </select>
              </div>
              <div>
                <label for="appointment">${this.i18n.t('letter.appointment')}</label>
                <select
                  id="appointment"
                  @change=${(e: Event) => {
                    const v = (e.target as HTMLSelectElement).value;
                    this.chosenAppointment = v === '' ? null : v;
                  }}
                >
                  <option value="" ?selected=${this.appointmentId === undefined}>
                    ${this.i18n.t('letter.appointment.none')}
                  </option>
                  ${this.openFollowUps.map((f) => {
                    const id = shown(f.id)!;
                    const label = `${this.i18n.date(shown(f.dueOn)!)}${shown(f.time) ? `, ${shown(f.time)}` : ''} · ${shown(f.subject) ?? this.i18n.t('letter.gap')}`;
                    return html`<option value=${id} ?selected=${id === this.appointmentId}>${label}</option>`;
                  })}
                </select>
              </div>`
          : nothing
      }
      <button type="button" class="fk-button fk-button--primary" @click=${() => this.print()}>
        ${this.i18n.t('letter.print')}
      </button>
    </div>`;
  }

  private renderPage(letter: FilledLetter) {
    const head = this.letterhead;
    const values = this.filledValues;
    const text = (field: LetterField) => {
      const v = values[field];
      return v === undefined ? '' : typeof v === 'string' ? v : this.i18n.t('letter.gap');
    };
    const address = [text('recipient.name'), text('recipient.address')].filter((l) => l !== '').join('\n');
    return html`<article class="page" part="page" aria-label=${this.i18n.t('letter.preview')}>
      <header class="letterhead">
        <div>
          <div class="office">${head.office}</div>
          ${head.address.map((l) => html`<div>${l}</div>`)}
        </div>
        <div>
          ${head.phone ? html`<div>${this.i18n.t('letter.phone', { phone: head.phone })}</div>` : nothing}
          ${head.email ? html`<div>${this.i18n.t('letter.email', { email: head.email })}</div>` : nothing}
        </div>
      </header>
      <p class="sender-line">${[head.office, ...head.address].join(' · ')}</p>
      <p class="address">${address}</p>
      <p class="date">
        ${head.place ? this.i18n.t('letter.placeDate', { place: head.place, date: text('today') }) : text('today')}
      </p>
      <p class="subject">${letter.subject}</p>
      <div class="body">${letter.paragraphs.map((p) => html`<p>${p}</p>`)}</div>
      ${head.footer ? html`<footer class="footer">${head.footer}</footer>` : nothing}
    </article>`;
  }

  override render() {
    const status = this.connection.connected ? this.connection.status : 'ready';
    const letter = this.letter;
    const recipientState = this.recipientView.state;
    const unavailable = this.connection.connected && recipientState.kind === 'unavailable';
    return html`<section aria-labelledby="title">
      <h2 id="title">${this.i18n.t('letter.title')}</h2>
      <p class="lead">${this.i18n.t('letter.lead')}</p>
      ${status === 'loading' ? html`<p role="status">${this.i18n.t('letter.loading')}</p>` : nothing}
      ${status === 'not-found' ? html`<p role="status">${this.i18n.t('letter.notFound')}</p>` : nothing}
      ${
        status === 'denied'
          ? html`<div class="fk-refusals" role="alert">
              <p>${this.i18n.t('letter.denied')}</p>
              <ul>
                ${this.connection.refusals.map((r) => html`<li>${this.i18n.text(r.message)}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      ${
        status !== 'ready'
          ? nothing
          : letter === undefined
            ? html`<p>${this.i18n.t('letter.noTemplates')}</p>`
            : html`${this.renderControls()}
              ${
                letter.withheld.length + letter.missing.length > 0 || unavailable
                  ? html`<div class="warnings" part="warnings" role="status">
                      ${
                        unavailable
                          ? html`<p>${this.i18n.t('letter.recipientUnavailable')}</p>
                              ${recipientState.refusals.map((r) => html`<p>${this.i18n.text(r.message)}</p>`)}`
                          : nothing
                      }
                      ${
                        letter.withheld.length > 0
                          ? html`<p>
                              ${this.i18n.t('letter.withheldWarning', { fields: this.fieldList(letter.withheld) })}
                            </p>`
                          : nothing
                      }
                      ${
                        letter.missing.length > 0
                          ? html`<p>
                              ${this.i18n.t('letter.missingWarning', { fields: this.fieldList(letter.missing) })}
                            </p>`
                          : nothing
                      }
                    </div>`
                  : nothing
              }
              ${this.renderPage(letter)}`
      }
    </section>`;
  }
}
