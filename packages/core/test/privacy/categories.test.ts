import { expect } from 'chai';
import {
  CASE_FIELD_CATEGORIES,
  STAGE_FORMS,
  caseStateSchema,
  classifyFields,
  decide,
  isSpecialCategory,
  scanFreeText,
  type CaseSection,
} from '@fallkit/core/internal';
import * as z from 'zod/mini';
import { CASE_ID, consentInput, openBasicCase, privacyWorld, R, recordAssessment, U } from './privacy-fixtures.js';

/** The zod shape of a section's items, from the case-state schema itself. */
function shapeOf(section: Exclude<CaseSection, 'header'>): Record<string, unknown> {
  let schema = (caseStateSchema.shape as Record<string, z.ZodMiniType>)[section] as unknown as {
    def: { type: string; element?: unknown; innerType?: unknown };
    shape?: Record<string, unknown>;
  };
  while (schema.shape === undefined) {
    schema = (schema.def.element ?? schema.def.innerType) as typeof schema;
  }
  return schema.shape;
}

describe('privacy: categories, collection, purpose (DP-01..DP-06)', () => {
  it('DP-01: every field of every section of the case model maps to categories (the one field map)', () => {
    const sections = Object.keys(caseStateSchema.shape).filter(
      (k) => Array.isArray(caseStateSchema.shape[k as never]) || true,
    );
    const header: string[] = [];
    for (const key of sections) {
      if (key in CASE_FIELD_CATEGORIES) {
        const fields = Object.keys(shapeOf(key as Exclude<CaseSection, 'header'>));
        const mapped = Object.keys(CASE_FIELD_CATEGORIES[key as CaseSection]);
        expect(
          fields.filter((f) => !mapped.includes(f)),
          `unmapped fields of ${key}`,
        ).to.deep.equal([]);
      } else header.push(key);
    }
    expect(header.filter((k) => !(k in CASE_FIELD_CATEGORIES.header))).to.deep.equal([]);
  });

  it('DP-01: saving an addictionHistory domain stores {health, addiction}', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    await recordAssessment(world, [
      { domainId: 'addictionHistory', resources: '', problems: 'Früher Alkohol.', personView: '', caseManagerView: '' },
    ]);
    const { state } = await world.load();
    const domain = state.assessments[0]!.domains.find((d) => d.domainId === 'addictionHistory')!;
    expect(domain.categories).to.have.members(['health', 'addiction']);
    expect(state.assessments[0]!.categories).to.include.members(['health', 'addiction']);
  });

  it('DP-01: a payload field without mapping is DENY_UNTAGGED_DATA; an unclassified life domain is refused', async () => {
    expect(classifyFields('notes', { text: 'x', favouriteColour: 'blau' }).untagged).to.deep.equal(['favouriteColour']);
    const world = privacyWorld();
    await openBasicCase(world);
    const result = await world.try('recordAssessment', {
      domains: [{ domainId: 'spiritualLife', resources: '', problems: 'x', personView: '', caseManagerView: '' }],
      wishesAndDreams: '',
    });
    expect(result.ok).to.equal(false);
    if (!result.ok) {
      expect(result.errors[0]!.code).to.equal('DENY_UNTAGGED_DATA');
      expect(result.errors[0]!.rule).to.equal('DP-01');
    }
    expect(await world.store.readJournal(CASE_ID)).to.have.length(1);
  });

  it('DP-02: the screening form shows no health, religion or sexLife field; Art. 9 fields are optional and collapsed', async () => {
    const screening = STAGE_FORMS.screening!.fields;
    for (const field of screening) expect(field.categories.some(isSpecialCategory), field.field).to.equal(false);
    for (const form of Object.values(STAGE_FORMS)) {
      for (const field of form!.fields.filter((f) => f.categories.some(isSpecialCategory))) {
        expect(field.required, field.field).to.equal(false);
        expect(field.collapsed, field.field).to.equal(true);
      }
    }
    // No command fails for the absence of special-category data.
    const world = privacyWorld();
    await openBasicCase(world);
    await world.run('recordAssessment', {
      domains: [{ domainId: 'housing', resources: '', problems: 'Zu klein.', personView: '', caseManagerView: '' }],
      wishesAndDreams: '',
    });
  });

  it('DP-03: "Diagnose: Depression" in a note warns SENSITIVE_FREE_TEXT suggesting health; confirming tags it; nothing blocks', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    const first = await world.run('recordNote', { text: 'Diagnose: Depression, seit März in Behandlung.' });
    const notices = (await world.try('recordNote', { text: 'Diagnose: Depression.' })) as {
      notices?: { code: string; message: { de: string } }[];
    };
    expect(notices.notices?.map((n) => n.code)).to.include('SENSITIVE_FREE_TEXT');
    expect(notices.notices?.[0]?.message.de).to.contain('Gesundheit');
    expect(first.state.notes).to.have.length(1);
    const confirmed = await world.try('recordNote', { text: 'Diagnose: Depression.', categories: ['notes', 'health'] });
    expect(confirmed.ok).to.equal(true);
    if (confirmed.ok) {
      expect(confirmed.notices ?? []).to.deep.equal([]);
      expect(confirmed.value.state.notes.at(-1)!.categories).to.include('health');
    }
    expect(scanFreeText('Ihr Ex-Partner Thomas Berger droht ihr.').map((f) => f.suggestion)).to.include(
      'thirdPartyName',
    );
  });

  it('DP-04: income "from landlord" without a basis is DENY_THIRD_PARTY_COLLECTION; with a basis it is stored', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    const refused = await world.try('recordNote', {
      text: 'Laut Vermieter verdient sie 1.400 € netto.',
      categories: ['income'],
      origin: 'thirdParty',
    });
    expect(refused.ok).to.equal(false);
    if (!refused.ok) expect(refused.errors[0]).to.include({ code: 'DENY_THIRD_PARTY_COLLECTION', rule: 'DP-04' });
    await world.run('recordNote', {
      text: 'Laut Vermieter verdient sie 1.400 € netto.',
      categories: ['income'],
      origin: 'thirdParty',
      legalBasis: 'Einwilligung der Klientin zur Rückfrage beim Vermieter',
    });
  });

  it('DP-05: a statistics query for person-level debt amounts is DENY_PURPOSE_MISMATCH; bound items are not reused', async () => {
    const world = privacyWorld();
    const state = await openBasicCase(world);
    const statistics = decide({
      actor: U.stats,
      action: 'read',
      caseState: state,
      categories: ['debts'],
      purpose: 'statistics',
      now: world.clock.now(),
    });
    expect(statistics.outcome).to.equal('deny');
    expect(statistics.reasons[0]).to.include({ code: 'DENY_PURPOSE_MISMATCH', rule: 'DP-05' });
    const byCaseManager = decide({
      actor: U.kim,
      action: 'read',
      caseState: state,
      categories: ['debts'],
      purpose: 'statistics',
      now: world.clock.now(),
    });
    expect(byCaseManager.reasons[0]!.code).to.equal('DENY_PURPOSE_MISMATCH');
    const screeningOnly = decide({
      actor: U.kim,
      action: 'read',
      caseState: state,
      items: [{ key: 'notes/n', categories: ['income'], purposeIds: ['screening'] }],
      purpose: 'caseManagement',
      now: world.clock.now(),
    });
    expect(screeningOnly.outcome).to.equal('deny');
    expect(screeningOnly.reasons[0]!.code).to.equal('DENY_PURPOSE_MISMATCH');
  });

  it('DP-06: household consent to the Jobcenter sends names and birth years of household members, never notes tagged with the child', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    const child = await world.run('addPerson', {
      roles: ['child', 'householdMember'],
      givenName: 'Sami',
      familyName: 'Haddad',
      birthDate: '2015-09-01',
      inHousehold: true,
      note: 'Geht in die 4. Klasse.',
    });
    const childId = child.state.persons.at(-1)!.id;
    await world.run('recordNote', {
      text: 'Sami wird in der Schule gemobbt.',
      subjectIds: [childId],
      categories: ['household', 'notes'],
    });
    const consent = await world.run('recordConsent', consentInput({ categories: ['household', 'identity'] }));
    const consentId = consent.events[0]!.payload as { id: string };
    const transfer = await world.run('transferData', {
      recipient: R.jobcenter,
      legalBasis: `consent:${consentId.id}`,
      purpose: 'caseManagement',
      categories: ['household'],
    });
    const record = transfer.events[0]!.payload as {
      items: { section: string; id: string; part?: string }[];
      withheld: { id: string; code: string }[];
    };
    expect(record.items).to.deep.include({
      section: 'persons',
      id: childId,
      part: 'basics',
      categories: ['household'],
    });
    expect(record.items.some((i) => i.section === 'notes')).to.equal(false);
    expect(record.withheld.map((w) => w.code)).to.include('REDACT_THIRD_PARTY');
    // The Jobcenter's view: the child's name and birth year, not the note and not the full birth date.
    world.as(U.jobcenter);
    const view = await world.views.viewCase(CASE_ID, 'caseManagement');
    expect(view.ok).to.equal(true);
    if (view.ok) {
      const person = view.value.case.persons.find((p) => (p as { id?: string }).id === childId) as Record<
        string,
        unknown
      >;
      expect(person['givenName']).to.equal('Sami');
      expect(person['birthDate']).to.equal('2015');
      expect(person['note']).to.have.property('code', 'REDACT_THIRD_PARTY');
      expect(view.value.case.notes.every((n) => (n as { redacted?: boolean }).redacted === true)).to.equal(true);
    }
  });
});
