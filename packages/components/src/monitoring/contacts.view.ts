import { html, nothing } from 'lit';
import { CONTACT_MODES } from '@fallkit/core';
import { bind } from '../base/field-binding.js';
import type { ContactEntry } from './monitoring.schema.js';
import { addButton, entryHead, hiddenEntries, type MonitoringView } from './monitoring.view.js';

/** The contact log: new contacts as cards, stored ones as history, newest first. */
export function contactsSection(v: MonitoringView) {
  const t = v.t;
  const contacts = v.list('contacts');
  const stored = contacts.filter((c) => c.id).sort((a, b) => (b.on ?? '').localeCompare(a.on ?? ''));
  return html`<section class="section" part="contacts" aria-labelledby="contacts-title">
    <div class="section-head">
      <h3 id="contacts-title">${t.t('contacts.title')}</h3>
      ${addButton(v, 'contacts', t.t('contacts.add'))}
    </div>
    ${contacts.map((c, i) => (c.id ? nothing : contactEntry(v, i)))}
    ${
      stored.length === 0 && (v.redactions.contacts ?? []).length === 0
        ? html`<p class="meta">${t.t('contacts.none')}</p>`
        : html`<ul class="plain history" part="history">
            ${stored.map((c) => storedContact(v, c))}
          </ul>`
    }
    ${hiddenEntries(v, 'contacts')}
  </section>`;
}

function storedContact(v: MonitoringView, c: ContactEntry) {
  const t = v.t;
  return html`<li>
    <span class="line">
      <span class="date">${c.on ? t.date(c.on) : ''}</span>
      <span class="badge">${t.t(`contacts.mode.${c.mode}`)}</span>
      ${c.withInterpreter ? html`<span class="badge badge--info">${t.t('contacts.interpreter')}</span>` : nothing}
      ${c.reached === false ? html`<span class="badge badge--warn">${t.t('contacts.notReached')}</span>` : nothing}
    </span>
    ${c.note ? html`<p class="note">${c.note}</p>` : nothing} ${participantsLine(v, c)}
  </li>`;
}

/** Who took part in a stored contact: the names the view shows, and how many others it withholds. */
function participantsLine(v: MonitoringView, c: ContactEntry) {
  const t = v.t;
  const ids = c.participantIds ?? [];
  if (ids.length === 0) return nothing;
  const names = ids.flatMap((id) => v.participants.filter((p) => p.id === id).map((p) => p.name));
  const others = ids.length - names.length;
  const all = others > 0 ? [...names, t.t('contacts.othersWithheld', { count: others })] : names;
  return html`<p class="meta" part="participants">${t.t('contacts.participants')}: ${t.list(all)}</p>`;
}

function contactEntry(v: MonitoringView, index: number) {
  const t = v.t;
  const id = `contact-entry-${index}`;
  const reached = v.field(['contacts', index, 'reached']);
  const participants = v.field(['contacts', index, 'participantIds'], { optional: true });
  return html`<div class="entry" part="entry" role="group" aria-labelledby=${id}>
    ${entryHead(v, 'contacts', index, id, t.t('contacts.entry'), t.t('contacts.entry'))}
    <fk-textarea
      label=${t.t('contacts.field.note')}
      hint=${t.t('contacts.field.noteHint')}
      rows="3"
      ${bind(v.field(['contacts', index, 'note']))}
    ></fk-textarea>
    <div class="pair">
      <fk-date-field
        label=${t.t('contacts.field.on')}
        ${bind(v.field(['contacts', index, 'on'], { optional: true }))}
      ></fk-date-field>
      <fk-select
        label=${t.t('contacts.field.mode')}
        .options=${CONTACT_MODES.map((m) => ({ value: m, label: t.t(`contacts.mode.${m}`) }))}
        ${bind(v.field(['contacts', index, 'mode']))}
      ></fk-select>
    </div>
    ${
      v.participants.length > 0
        ? html`<fk-checkbox-group
            label=${t.t('contacts.field.participants')}
            hint=${t.t('contacts.field.participantsHint')}
            .options=${v.participants.map((p) => ({ value: p.id, label: p.name }))}
            ${bind({ ...participants, value: participants.value ?? [] })}
          ></fk-checkbox-group>`
        : nothing
    }
    <div class="checks">
      <fk-checkbox
        label=${t.t('contacts.field.interpreter')}
        ${bind(v.field(['contacts', index, 'withInterpreter']))}
      ></fk-checkbox>
      <fk-checkbox
        label=${t.t('contacts.field.reached')}
        ${bind({ ...reached, value: reached.value ?? true })}
      ></fk-checkbox>
    </div>
  </div>`;
}
