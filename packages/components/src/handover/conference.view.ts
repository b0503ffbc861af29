import { html, nothing } from 'lit';
import { bind } from '../base/field-binding.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import { participantsText } from './handover.schema.js';
import type { HandoverView } from './handover.view.js';

/** The handover conversation: whether it took place, when, who took part, notes. */
export function conferenceSection(v: HandoverView) {
  const t = v.t;
  const conference = v.value.conference;
  const participants = v.field(['conference', 'participants']);
  return html`<section class="section" part="conference" aria-labelledby="conference-heading">
    <h3 id="conference-heading">${t.t('handover.conference')}</h3>
    <fk-checkbox
      data-path="conference"
      label=${t.t('handover.conferenceHeld')}
      .checked=${conference !== undefined}
      .warning=${v.warningAt('conference')}
      ?disabled=${v.disabled}
      ?readonly=${v.readonly}
      @change=${(e: FkFieldChangeEvent<boolean>) => v.toggleConference(e.value)}
    ></fk-checkbox>
    ${
      conference
        ? html`<fk-date-field
              label=${t.t('handover.conferenceOn')}
              ${bind(v.field(['conference', 'heldOn']))}
            ></fk-date-field>
            <fk-textarea
              label=${t.t('handover.conferenceParticipants')}
              required
              rows="3"
              ${bind({
                ...participants,
                value: v.participantsText || participantsText(conference.participants),
                error: participants.error ? t.t('handover.conferenceParticipantsRequired') : undefined,
                set: (next: string) => v.setParticipants(next),
              })}
            ></fk-textarea>
            <fk-textarea
              data-path="conference.notes"
              label=${t.t('handover.conferenceNotes')}
              rows="2"
              .value=${conference.notes ?? ''}
              ?disabled=${v.disabled}
              ?readonly=${v.readonly}
              @input=${(e: Event) => v.setField('conference.notes', (e.target as HTMLTextAreaElement).value)}
            ></fk-textarea>`
        : nothing
    }
  </section>`;
}
