import { html, nothing } from 'lit';
import { isRedactionMarker } from '@fallkit/core';
import { onFieldText } from '../base/field-input.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import type { ReferralsView } from './referrals.view.js';

/** The case conferences held, and a new one: topic, date, participants, decisions, the next date. */
export function conferencesSection(v: ReferralsView) {
  const t = v.t;
  const c = v.conference;
  const editable = !v.readonly && !v.disabled;
  return html`<section class="section" part="conferences" aria-labelledby="conf-heading">
    <h3 id="conf-heading">${t.t('referrals.conferences')}</h3>
    ${
      v.conferences.length === 0
        ? html`<p class="fk-hint">${t.t('referrals.conferencesEmpty')}</p>`
        : html`<ul class="plain cards">
            ${v.conferences.map((k) =>
              isRedactionMarker(k)
                ? html`<li class="card">
                    <fk-redacted label=${t.t('referrals.conferences')} .marker=${k}></fk-redacted>
                  </li>`
                : html`<li class="card">
                    <p class="card-title">
                      ${k.topic}
                      <span class="fk-hint">${t.t('referrals.conference.heldOn', { date: t.date(k.heldOn) })}</span>
                    </p>
                    <p>
                      <strong>${t.t('referrals.conference.participants')}:</strong>
                      ${t.list(k.participants.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)))}
                    </p>
                    ${
                      k.decisions.length
                        ? html`<p><strong>${t.t('referrals.conference.decisions')}:</strong></p>
                            <ul>
                              ${k.decisions.map((d) => html`<li>${d}</li>`)}
                            </ul>`
                        : nothing
                    }
                    ${k.nextConferenceOn ? html`<p class="fk-hint">${t.t('referrals.conference.next', { date: t.date(k.nextConferenceOn) })}</p>` : nothing}
                  </li>`,
            )}
          </ul>`
    }
    ${
      editable
        ? html`<details>
            <summary>${t.t('referrals.conference.new')}</summary>
            <div class="form">
              <div class="pair">
                <fk-text-field
                  label=${t.t('referrals.conference.topic')}
                  required
                  .value=${c.topic}
                  .error=${v.conferenceError}
                  @input=${onFieldText((text) => v.editConference({ topic: text }))}
                ></fk-text-field>
                <fk-date-field
                  label=${t.t('referrals.conference.date')}
                  .value=${c.heldOn}
                  @change=${(e: FkFieldChangeEvent<string>) => v.editConference({ heldOn: e.value })}
                ></fk-date-field>
              </div>
              <fk-textarea
                label=${t.t('referrals.conference.participantsInput')}
                required
                rows="3"
                .value=${c.participants}
                @input=${onFieldText((text) => v.editConference({ participants: text }))}
              ></fk-textarea>
              <fk-textarea
                label=${t.t('referrals.conference.decisionsInput')}
                rows="3"
                .value=${c.decisions}
                @input=${onFieldText((text) => v.editConference({ decisions: text }))}
              ></fk-textarea>
              <fk-date-field
                label=${t.t('referrals.conference.nextOn')}
                .value=${c.nextConferenceOn}
                @change=${(e: FkFieldChangeEvent<string>) => v.editConference({ nextConferenceOn: e.value })}
              ></fk-date-field>
              <div class="actions">
                <button
                  type="button"
                  class="fk-button"
                  part="conference-submit"
                  ?disabled=${v.pending}
                  @click=${() => v.saveConference()}
                >
                  ${t.t('referrals.conference.save')}
                </button>
              </div>
            </div>
          </details>`
        : nothing
    }
  </section>`;
}
