/*
 * The recipient's view (issue 22): what a letter to a person of the case, or to an agency, may be filled
 * with. A person receives their own data and never another person's (DP-29, DP-06); child-protection and
 * entrusted items are left out without a trace (DP-21, DP-24, DP-20); the view never holds more than the
 * sender's own (DP-23); an agency gets what `transferData` would pass on (DP-16, DP-10); every read is
 * logged under its channel (DP-28).
 */
import { expect } from 'chai';
import { EXAMPLE_AGENCIES } from '@fallkit/core/examples';
import { isRedactionMarker, type CaseView } from '@fallkit/core';
import { accessLogStreamId } from '@fallkit/core/internal';
import { DEMIR, KOWALSKI, readWorld, stringsOf } from './read-channels-fixtures.js';

const LEON_HEALTH = 'Leon: Asthma, Inhalator in der Schule, Kinderarzt Dr. Brandt.';
const MOTHER_NOTE = 'Frau Kowalski sucht eine Teilzeitstelle am Vormittag.';

type Item = { id?: string; text?: unknown; redacted?: boolean; code?: string; rule?: string };

async function kowalskiWorld() {
  const world = await readWorld();
  const { state } = await world.full(KOWALSKI);
  const mother = state.addresseeId;
  const leon = state.persons.find((p) => p.id !== mother)!.id;
  await world.run('recordNote', KOWALSKI, { text: LEON_HEALTH, categories: ['notes', 'health'], subjectIds: [leon] });
  await world.run('recordNote', KOWALSKI, { text: MOTHER_NOTE, categories: ['notes'] });
  return { world, mother, leon };
}

function notes(view: CaseView): Item[] {
  return view.case.notes as unknown as Item[];
}

function noteWith(view: CaseView, text: string): Item | undefined {
  return notes(view).find((n) => n.text === text);
}

function person(view: CaseView, id: string): Record<string, unknown> {
  return (view.case.persons as unknown as Record<string, unknown>[]).find((p) => p['id'] === id)!;
}

describe('recipientView: a letter is filled with what the recipient may receive (issue 22)', function () {
  this.timeout(60_000);

  it('DP-29, DP-06: a letter to the person holds their own data and their household names, not a household member’s health data', async () => {
    const { world, mother, leon } = await kowalskiWorld();
    const sender = await world.views.viewCase(KOWALSKI, 'caseManagement');
    if (!sender.ok) expect.fail('sender view refused');
    expect(noteWith(sender.value, LEON_HEALTH), 'the sender sees the note').to.not.equal(undefined);

    const read = await world.views.recipientView(KOWALSKI, {
      recipient: { kind: 'person', personId: mother },
      purpose: 'caseManagement',
    });
    if (!read.ok) expect.fail(read.errors.map((e) => e.code).join());
    const view = read.value;
    expect([...stringsOf(view.case)]).to.not.include(LEON_HEALTH);
    const withheld = notes(view).filter((n) => n.redacted === true && n.code === 'REDACT_OTHER_PERSON');
    expect(withheld).to.have.length(1);
    expect(withheld[0]!.rule).to.equal('DP-29');
    expect(noteWith(view, MOTHER_NOTE), 'her own note').to.not.equal(undefined);
    // Her household: Leon's name and relation (her household data, DP-06), his birth year only, no gender.
    expect(person(view, leon)['givenName']).to.equal('Leon');
    expect(person(view, leon)['birthDate']).to.equal('2016');
    expect(isRedactionMarker(person(view, leon)['gender'])).to.equal(true);
    // Her own details are hers (Art. 15).
    expect(isRedactionMarker(person(view, mother)['birthDate'])).to.equal(false);
  });

  it('DP-29: a letter to a household member holds his own record and health note, not the addressee’s details or notes', async () => {
    const { world, mother, leon } = await kowalskiWorld();
    const read = await world.views.recipientView(KOWALSKI, {
      recipient: { kind: 'person', personId: leon },
      purpose: 'caseManagement',
    });
    if (!read.ok) expect.fail(read.errors.map((e) => e.code).join());
    const view = read.value;
    expect(noteWith(view, LEON_HEALTH), 'his own health note').to.not.equal(undefined);
    expect([...stringsOf(view.case)]).to.not.include(MOTHER_NOTE);
    expect(person(view, leon)['birthDate']).to.equal('2016-10-02');
    const motherBirth = person(view, mother)['birthDate'];
    expect(isRedactionMarker(motherBirth) && motherBirth.code).to.equal('REDACT_OTHER_PERSON');
  });

  it('DP-24, DP-21, DP-20: child-protection items never reach a person; an entrusted note only the one who entrusted it, and no marker betrays either', async () => {
    const { world, mother, leon } = await kowalskiWorld();
    const { state } = await world.full(KOWALSKI);
    const childProtection = state.notes.find((n) => n.childProtection === true)!;
    const entrusted = state.notes.find((n) => n.entrusted === true)!;
    const toMother = await world.views.recipientView(KOWALSKI, {
      recipient: { kind: 'person', personId: mother },
      purpose: 'caseManagement',
    });
    const toLeon = await world.views.recipientView(KOWALSKI, {
      recipient: { kind: 'person', personId: leon },
      purpose: 'caseManagement',
    });
    if (!toMother.ok || !toLeon.ok) expect.fail('refused');
    const ids = (view: CaseView) => notes(view).map((n) => n.id);
    expect(ids(toMother.value)).to.not.include(childProtection.id);
    expect(ids(toLeon.value)).to.not.include(childProtection.id);
    expect(noteWith(toMother.value, entrusted.text), 'entrusted by her').to.not.equal(undefined);
    expect(ids(toLeon.value)).to.not.include(entrusted.id);
    // Leon's view marks only what is another person's, never with the hiding codes.
    const codes = notes(toLeon.value)
      .filter((n) => n.redacted === true)
      .map((n) => n.code);
    expect(codes).to.not.include('DENY_SGB8_65_ENTRUSTED');
    expect(codes).to.not.include('REDACT_NEED_TO_KNOW');
  });

  it('DP-23: never more than the sender sees: a team lead without a supervision reason gets no content for the letter either', async () => {
    const { world, mother } = await kowalskiWorld();
    world.as({ id: 'u-jc-lead', role: 'teamLead', agencyId: EXAMPLE_AGENCIES.jobcenter.agencyId });
    const read = await world.views.recipientView(KOWALSKI, {
      recipient: { kind: 'person', personId: mother },
      purpose: 'caseManagement',
    });
    // The team lead's view (metadata) does not name the person: refused like an unknown id, nothing shown.
    expect(read.ok).to.equal(false);
    if (!read.ok) expect(read.errors.map((e) => e.code)).to.deep.equal(['DENY_RECIPIENT_UNKNOWN']);
    expect(JSON.stringify(read)).to.not.contain(MOTHER_NOTE);
  });

  it('DP-23, DP-28: an unknown person id is refused with DENY_RECIPIENT_UNKNOWN and logged as recipientView; a malformed request is refused before anything is read', async () => {
    const { world, mother } = await kowalskiWorld();
    const unknown = await world.views.recipientView(KOWALSKI, {
      recipient: { kind: 'person', personId: 'person-nobody' },
      purpose: 'caseManagement',
    });
    expect(unknown.ok).to.equal(false);
    if (!unknown.ok) expect(unknown.errors[0]!.code).to.equal('DENY_RECIPIENT_UNKNOWN');
    const log = await world.store.readJournal(accessLogStreamId(DEMIR.agencyId));
    const last = log.at(-1)!.payload as { channel?: string; outcome: string; refusedWith?: string };
    expect([last.channel, last.outcome, last.refusedWith]).to.deep.equal([
      'recipientView',
      'deny',
      'DENY_RECIPIENT_UNKNOWN',
    ]);
    const before = await world.accessLogSize();
    const malformed = await world.views.recipientView(KOWALSKI, {
      recipient: { kind: 'person', personId: mother, extra: true },
      purpose: 'caseManagement',
    } as never);
    expect(malformed.ok).to.equal(false);
    if (!malformed.ok) expect(malformed.errors[0]!.code).to.equal('INVALID_INPUT');
    expect(await world.accessLogSize()).to.equal(before);
    const ok = await world.views.recipientView(KOWALSKI, {
      recipient: { kind: 'person', personId: mother },
      purpose: 'caseManagement',
    });
    expect(ok.ok).to.equal(true);
    const after = await world.store.readJournal(accessLogStreamId(DEMIR.agencyId));
    expect((after.at(-1)!.payload as { channel?: string }).channel).to.equal('recipientView');
  });

  it('DP-16, DP-10: a letter to an agency holds what a transfer on the basis given would pass on; without a basis no content', async () => {
    const { world } = await kowalskiWorld();
    const jugendamt = { ...EXAMPLE_AGENCIES.jugendamt, kind: 'youthOffice' as const };
    const none = await world.views.recipientView(KOWALSKI, { recipient: jugendamt, purpose: 'caseManagement' });
    if (!none.ok) expect.fail(none.errors.map((e) => e.code).join());
    expect([...stringsOf(none.value.case)]).to.not.include(MOTHER_NOTE);
    expect(notes(none.value).every((n) => n.redacted === true)).to.equal(true);
    const consents = await world.views.consents(KOWALSKI, 'caseManagement');
    if (!consents.ok) expect.fail('consents refused');
    const consent = consents.value.consents.find((c) =>
      c.record.recipients.some((r) => r.agencyId === jugendamt.agencyId),
    )!;
    const withConsent = await world.views.recipientView(KOWALSKI, {
      recipient: jugendamt,
      purpose: 'caseManagement',
      legalBasis: `consent:${consent.record.id}`,
    });
    if (!withConsent.ok) expect.fail(withConsent.errors.map((e) => e.code).join());
    // The consent names household (Leon's name goes), not health (his note does not).
    const leon = (withConsent.value.case.persons as unknown as Record<string, unknown>[]).find(
      (p) => p['givenName'] === 'Leon',
    );
    expect(leon, 'household names under the consent').to.not.equal(undefined);
    expect([...stringsOf(withConsent.value.case)]).to.not.include(LEON_HEALTH);
  });
});
