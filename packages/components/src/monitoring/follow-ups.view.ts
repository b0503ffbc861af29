import { html, nothing } from 'lit';
import { bind } from '../base/field-binding.js';
import type { FollowUpEntry } from './monitoring.schema.js';
import { addButton, entryHead, hiddenEntries, type MonitoringView } from './monitoring.view.js';

/** Follow-ups (Wiedervorlagen): new ones as cards; stored ones open first by due date, each can be marked done. */
export function followUpsSection(v: MonitoringView) {
  const t = v.t;
  const items = v.list('followUps');
  const closed = (f: FollowUpEntry) => Number(!!f.done && v.baselineDone.has(f.id!));
  const stored = items.map((f, i) => ({ f, i })).filter(({ f }) => f.id);
  stored.sort((a, b) => closed(a.f) - closed(b.f) || (a.f.dueOn ?? '').localeCompare(b.f.dueOn ?? ''));
  return html`<section class="section" part="follow-ups" aria-labelledby="followups-title">
    <div class="section-head">
      <h3 id="followups-title">${t.t('followUps.title')}</h3>
      ${addButton(v, 'followUps', t.t('followUps.add'))}
    </div>
    ${items.map((f, i) => (f.id ? nothing : followUpEntry(v, i)))}
    ${
      stored.length === 0 && (v.redactions.followUps ?? []).length === 0
        ? html`<p class="meta">${t.t('followUps.none')}</p>`
        : html`<ul class="plain history" part="history">
            ${stored.map(({ f, i }) => storedFollowUp(v, f, i))}
          </ul>`
    }
    ${hiddenEntries(v, 'followUps')}
  </section>`;
}

function dueBadge(v: MonitoringView, f: FollowUpEntry, wasDone: boolean) {
  const t = v.t;
  if (wasDone)
    return html`<span class="badge badge--ok"
      >✓ ${t.t('followUps.doneOn', { date: f.doneOn ? t.date(f.doneOn) : '' })}</span
    >`;
  if (!f.done && f.dueOn < v.today)
    return html`<span class="badge badge--warn">${t.t('followUps.overdue', { date: t.date(f.dueOn) })}</span>`;
  return html`<span class="badge">${t.t('followUps.due', { date: t.date(f.dueOn) })}</span>`;
}

function storedFollowUp(v: MonitoringView, f: FollowUpEntry, index: number) {
  const t = v.t;
  const wasDone = v.baselineDone.has(f.id!);
  const done = v.field(['followUps', index, 'done']);
  return html`<li>
    <span class="line">
      ${dueBadge(v, f, wasDone)}
      ${f.relatesTo && f.relatesTo.kind !== 'case' && f.relatesTo.kind !== 'person' ? html`<span class="meta">${v.targetTitle(f.relatesTo)}</span>` : nothing}
    </span>
    ${
      wasDone
        ? html`<p class="note">${f.subject}${f.outcome ? html` – ${f.outcome}` : nothing}</p>`
        : html`<fk-checkbox
              label=${t.t('followUps.field.done', { subject: f.subject })}
              ${bind({
                ...done,
                // A refused completion names the follow-up; it shows at the box that completes it.
                error: v.errorAt(`followUps.${index}.followUpId`),
                set: (next: boolean) =>
                  v.patch('followUps', index, { done: next, doneOn: next ? (f.doneOn ?? v.today) : undefined }, 'done'),
              })}
            ></fk-checkbox>
            ${
              f.done
                ? html`<div class="pair done-fields">
                    <fk-date-field
                      label=${t.t('followUps.field.doneOn')}
                      ${bind(v.field(['followUps', index, 'doneOn'], { optional: true }))}
                    ></fk-date-field>
                    <fk-text-field
                      label=${t.t('followUps.field.outcome')}
                      ${bind(v.field(['followUps', index, 'outcome']))}
                    ></fk-text-field>
                  </div>`
                : nothing
            }`
    }
  </li>`;
}

function followUpEntry(v: MonitoringView, index: number) {
  const t = v.t;
  const id = `followup-entry-${index}`;
  return html`<div class="entry" part="entry" role="group" aria-labelledby=${id}>
    ${entryHead(v, 'followUps', index, id, t.t('followUps.entry'), t.t('followUps.entry'))}
    <div class="pair">
      <fk-text-field
        label=${t.t('followUps.field.subject')}
        required
        ${bind(v.field(['followUps', index, 'subject']))}
      ></fk-text-field>
      <fk-date-field
        label=${t.t('followUps.field.dueOn')}
        required
        min=${v.today}
        ${bind(v.field(['followUps', index, 'dueOn']))}
      ></fk-date-field>
    </div>
  </div>`;
}
