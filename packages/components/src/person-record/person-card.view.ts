import { html, nothing } from 'lit';
import { isRedactionMarker, type Representation } from '@fallkit/core';
import { nameOf, shown, type PersonEntry, type ResidenceEntry } from './person-record.view.js';
import type { PersonRecordView } from './person-record.sections.js';
import { renderRelations } from './relations.view.js';

/** "ausgeblendet": a field the view withholds (DP-24). */
export function withheld(v: Pick<PersonRecordView, 't'>) {
  return html`<span class="withheld">${v.t.t('person.withheld')}</span>`;
}

/** A field's text: the value, "ausgeblendet" for a marker, "keine Angabe" when absent. */
export function field<T>(v: PersonRecordView, value: T | { redacted: true } | undefined, format: (v: T) => unknown) {
  if (value === undefined) return html`<span class="meta">${v.t.t('person.none')}</span>`;
  if (isRedactionMarker(value)) return withheld(v);
  return format(value as T);
}

/** A role's label in the page's language (the role id where there is none). */
export function roleLabel(v: PersonRecordView, role: string): string {
  const key = `person.role.${role}`;
  return v.t.has(key) ? v.t.t(key as 'person.role.other') : role;
}

/** The representations a person holds. */
function representations(v: PersonRecordView, p: Exclude<PersonEntry, { redacted: true }>) {
  const list = p.representations;
  if (list === undefined || (Array.isArray(list) && list.length === 0)) return nothing;
  return html`<dt>${v.t.t('person.representations')}</dt>
    <dd>
      ${field(
        v,
        list,
        (reps: readonly Representation[]) =>
          html`<ul>
            ${reps.map(
              (r) =>
                html`<li>
                  ${v.t.t('person.representation', {
                    kind: v.t.t(`person.kind.${r.kind}`),
                    person: v.personName(r.forPersonId),
                    scope: v.t.list(r.scope.map((s) => v.t.t(`person.scope.${s}`))),
                  })}${r.consentReservation ? `, ${v.t.t('person.consentReservation')}` : ''}${
                    r.from ? `, ${v.t.t('person.period', { from: v.t.date(r.from) })}` : ''
                  }${r.until ? ` ${v.t.t('person.until', { until: v.t.date(r.until) })}` : ''}${
                    r.courtReference ? `, ${v.t.t('person.courtReference', { reference: r.courtReference })}` : ''
                  }
                </li>`,
            )}
          </ul>`,
      )}
    </dd>`;
}

/** A person's residence status entries. */
function residence(v: PersonRecordView, personId: string | undefined) {
  const entries = v.residence.filter(
    (r) => !isRedactionMarker(r) && (shown(r.personId) ?? v.addressee) === personId,
  ) as Exclude<ResidenceEntry, { redacted: true }>[];
  if (entries.length === 0) return nothing;
  return html`<dt>${v.t.t('person.residence')}</dt>
    <dd>
      <ul>
        ${entries.map((r) => {
          const status = shown(r.status);
          const from = shown(r.from);
          const until = shown(r.validUntil);
          return html`<li>
            ${
              status === undefined || from === undefined
                ? withheld(v)
                : v.t.t('person.residenceEntry', {
                    status: v.t.t(`person.status.${status}`),
                    from: v.t.date(from),
                  })
            }${until ? `, ${v.t.t('person.validUntil', { date: v.t.date(until) })}` : ''}
            ${
              r.legalGround === undefined
                ? nothing
                : html`<br />${
                      isRedactionMarker(r.legalGround)
                        ? withheld(v)
                        : v.t.t('person.legalGround', { ground: r.legalGround })
                    }`
            }
          </li>`;
        })}
      </ul>
    </dd>`;
}

/** One person as a card, or the marker of a withheld person. */
export function personCard(v: PersonRecordView, p: PersonEntry) {
  if (isRedactionMarker(p)) {
    return html`<article part="person" data-withheld>
      <p class="withheld">${v.t.t('person.withheldPerson', { reason: v.t.text(p.message) })}</p>
    </article>`;
  }
  const id = shown(p.id);
  const name = nameOf(p);
  const birth = shown(p.birthDate);
  const gender = shown(p.gender);
  const headingId = `person-${id ?? 'x'}`;
  const interpreter = p.interpreter;
  return html`<article part="person" data-person=${id ?? ''} aria-labelledby=${headingId}>
    <h3 id=${headingId}>${name ?? v.t.t('person.withheld')}</h3>
    <p class="meta">
      ${field(v, p.roles, (roles: readonly string[]) => v.t.list(roles.map((r) => roleLabel(v, r))))}${
        birth ? html` · ${v.t.t('person.born', { date: v.t.date(birth) })}` : nothing
      }${gender ? html` · ${v.t.t(`person.gender.${gender}`)}` : nothing}
    </p>
    <dl>
      ${
        id === v.addressee
          ? nothing
          : html`<dt>${v.t.t('person.relation')}</dt>
              <dd>
                ${field(v, p.relationToAddressee, (r: string) => r)}
                ${
                  p.inHousehold === undefined
                    ? nothing
                    : html`(${field(v, p.inHousehold, (h: boolean) =>
                        v.t.t(h ? 'person.inHousehold' : 'person.notInHousehold'),
                      )})`
                }
              </dd>`
      }
      <dt>${v.t.t('person.languages')}</dt>
      <dd>${field(v, p.languages, (l: readonly string[]) => (l.length === 0 ? v.t.t('person.none') : v.t.list(l)))}</dd>
      <dt>${v.t.t('person.interpreter')}</dt>
      <dd>
        ${field(v, interpreter, (need: { needed: boolean; language?: string; kind?: string; arranged?: boolean }) =>
          need.needed
            ? `${v.t.t('person.interpreter.needed', { language: need.language ?? v.t.t('person.none') })}${
                need.kind ? `, ${v.t.t(`person.ikind.${need.kind}` as 'person.ikind.video')}` : ''
              }, ${v.t.t(need.arranged ? 'person.interpreter.arranged' : 'person.interpreter.notArranged')}`
            : v.t.t('person.interpreter.none'),
        )}
      </dd>
      <dt>${v.t.t('person.contact')}</dt>
      <dd>
        ${field(v, p.contact, (c: { phone?: string; email?: string; address?: string }) =>
          c.phone || c.email || c.address
            ? html`${c.phone ? html`${v.t.t('person.phone')}: ${c.phone}<br />` : nothing}${
                c.email ? html`${v.t.t('person.email')}: ${c.email}<br />` : nothing
              }${c.address ? html`${v.t.t('person.address')}: <span class="address">${c.address}</span>` : nothing}`
            : v.t.t('person.none'),
        )}
      </dd>
      ${renderRelations(v.relations, p)} ${residence(v, id)} ${representations(v, p)}
      ${
        p.presumedWill === undefined
          ? nothing
          : html`<dt>${v.t.t('person.presumedWill')}</dt>
              <dd>
                ${field(
                  v,
                  p.presumedWill,
                  (w: { statement: string; askedOf: string; recordedOn: string }) =>
                    html`${w.statement}
                      <span class="meta"
                        >(${v.t.t('person.presumedWillAsked', { askedOf: w.askedOf, date: v.t.date(w.recordedOn) })})</span
                      >`,
                )}
              </dd>`
      }
      ${
        p.note === undefined || p.note === ''
          ? nothing
          : html`<dt>${v.t.t('person.note')}</dt>
              <dd>${field(v, p.note, (n: string) => n)}</dd>`
      }
    </dl>
    ${
      v.writable && id !== undefined
        ? html`<button type="button" class="fk-button" data-edit=${id} @click=${() => v.editContact(id)}>
            ${v.t.t('person.edit')}<span class="fk-visually-hidden">: ${name ?? ''}</span>
          </button>`
        : nothing
    }
  </article>`;
}

/** Who lives in the addressee's household. */
export function household(v: PersonRecordView, persons: readonly PersonEntry[]) {
  const members = persons.filter(
    (p): p is Exclude<PersonEntry, { redacted: true }> =>
      !isRedactionMarker(p) && shown(p.id) !== v.addressee && shown(p.inHousehold) === true,
  );
  return html`<h3 id="household-title">${v.t.t('person.household')}</h3>
    ${
      members.length === 0
        ? html`<p>${v.t.t('person.household.empty')}</p>`
        : html`<table part="household" aria-labelledby="household-title">
            <thead>
              <tr>
                <th scope="col">${v.t.t('person.col.name')}</th>
                <th scope="col">${v.t.t('person.col.relation')}</th>
                <th scope="col">${v.t.t('person.col.born')}</th>
                <th scope="col">${v.t.t('person.col.roles')}</th>
              </tr>
            </thead>
            <tbody>
              ${members.map(
                (m) =>
                  html`<tr>
                    <th scope="row">${nameOf(m) ?? v.t.t('person.withheld')}</th>
                    <td>${field(v, m.relationToAddressee, (r: string) => r)}</td>
                    <td>${field(v, m.birthDate, (d: string) => v.t.date(d))}</td>
                    <td>
                      ${field(v, m.roles, (roles: readonly string[]) => v.t.list(roles.map((r) => roleLabel(v, r))))}
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }`;
}
