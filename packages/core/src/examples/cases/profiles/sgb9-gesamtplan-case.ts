import { text } from '../../../i18n/localized-text.js';
import { SGB9_GESAMTPLAN as S } from '../../../process/standard/profiles/sgb9-gesamtplan.js';
import { EXAMPLE_ACTORS as A, EXAMPLE_AGENCIES as G } from '../../actors.js';
import { step, type ExampleCase } from '../../example-types.js';

const KEY = 'hartmann';
const id = (local: string): string => `${KEY}-${local}`;

/**
 * Markus Hartmann, 28, with a learning disability, wants to move from his parents' home into assisted
 * living: application, ICF-based needs assessment over the nine life areas, planning conference
 * (§ 119), Gesamtplan with the content of § 121 (4), moved, closed.
 */
export const sgb9GesamtplanCase: ExampleCase = {
  key: KEY,
  caseId: 'egh-2026-0903',
  title: text('Markus Hartmann: Gesamtplan nach § 121 SGB IX', 'Markus Hartmann: overall plan under § 121 SGB IX'),
  summary: text(
    'Junger Mann mit Lernbehinderung, Auszug in eine ambulant betreute Wohnform; ICF-Bedarfsermittlung, Gesamtplankonferenz, Gesamtplan.',
    'Young man with a learning disability moving into assisted living; ICF needs assessment, planning conference, overall plan.',
  ),
  actor: A.sozialamtCaseManager,
  steps: [
    step('2026-03-02T09:00:00.000Z', 'openCase', {
      caseId: 'egh-2026-0903',
      label: 'EGH-2026-0903',
      processStandard: { id: S.id, version: S.version },
      addressee: {
        roles: ['addressee'],
        givenName: 'Markus',
        familyName: 'Hartmann',
        birthDate: '1997-11-20',
        gender: 'male',
        languages: ['Deutsch'],
        inHousehold: true,
      },
      leadAgency: { ...G.sozialamt, legalDomain: 'SGB_IX' },
      legalDomains: [{ domain: 'SGB_IX', reason: 'Eingliederungshilfe, Assistenz im Wohnen (§ 113 SGB IX)' }],
    }),
    step('2026-03-02T09:05:00.000Z', 'recordReferral', {
      referrer: { kind: 'self', name: 'Markus Hartmann (mit seiner Mutter)' },
      referredOn: '2026-02-26',
      reason: 'Antrag auf Assistenzleistungen für den Auszug aus dem Elternhaus.',
    }),
    step('2026-03-05T09:00:00.000Z', 'decideAdmission', {
      admitted: true,
      reasons: 'Träger der Eingliederungshilfe zuständig (§ 14 Abs. 1 SGB IX); keine Weiterleitung.',
    }),
    step('2026-03-09T10:00:00.000Z', 'recordFirstCounselling', {
      concernInOwnWords: 'Ich will allein wohnen, wie mein Bruder.',
      firstPictureProblems: 'Geld einteilen, Behördenpost, Einkaufen planen.',
      firstPictureResources: 'Arbeitet in der Werkstatt, fährt allein Bus, Eltern unterstützen.',
      motivation: { level: 'high' },
      willingnessToCooperate: 'high',
      abilityToCooperate: 'partial',
      informationGiven: {
        processExplained: true,
        rolesExplained: true,
        chancesAndDemandsExplained: true,
        dataProtectionExplained: true,
      },
      oralContract: { made: true },
      decision: { kind: 'assessment' },
    }),
    step('2026-03-12T10:00:00.000Z', 'recordAssessment', {
      domains: [
        {
          domainId: 'icfDomesticLife',
          resources: 'Kann einfache Mahlzeiten zubereiten, hält Ordnung.',
          problems: 'Einkauf und Haushaltsplanung für eine Woche.',
          personView: 'Kochen kann ich, einkaufen vergesse ich.',
          caseManagerView: 'Assistenz beim Planen, nicht beim Ausführen.',
          rating: { scaleId: 'icf-qualifier-0-4', value: 2 },
        },
        {
          domainId: 'icfMajorLifeAreas',
          resources: 'Werkstattlohn, Grundsicherung beantragt.',
          problems: 'Geldeinteilung über den Monat.',
          personView: 'Am Ende vom Monat ist nichts mehr da.',
          caseManagerView: 'Wochengeld-Modell mit Assistenz.',
          rating: { scaleId: 'icf-qualifier-0-4', value: 3 },
        },
        {
          domainId: 'icfMobility',
          resources: 'Fährt allein mit Bus und Bahn zur Werkstatt.',
          problems: '',
          personView: 'Kein Problem.',
          caseManagerView: 'Keine Unterstützung nötig.',
          rating: { scaleId: 'icf-qualifier-0-4', value: 0 },
        },
      ],
      wishesAndDreams: 'Eine eigene Wohnung mit Balkon, in der Nähe vom Bruder.',
    }),
    step('2026-03-12T10:30:00.000Z', 'confirmAssessment', {
      assessmentId: id('assessment-1'),
      confirmation: { confirmedOn: '2026-03-12', confirmedByIds: [id('person-1')], form: 'written' },
    }),
    step('2026-03-16T10:00:00.000Z', 'holdCaseConference', {
      heldOn: '2026-03-16',
      participants: [
        { name: 'Markus Hartmann', role: 'Leistungsberechtigter' },
        { name: 'Frau Hartmann', role: 'Mutter, Vertrauensperson' },
        { name: 'Petra Lange', role: 'Träger der Eingliederungshilfe' },
        { name: 'Herr Okafor', role: 'Ambulante Dienste Musterstadt' },
      ],
      topic: 'Gesamtplankonferenz (§ 119 SGB IX): Assistenz im Wohnen',
      decisions: ['Assistenz im Wohnen 6 Fachleistungsstunden pro Woche', 'Wochengeld-Modell'],
    }),
    step('2026-03-16T11:00:00.000Z', 'agreeGoal', {
      level: 'case',
      title: 'Eigene Wohnung mit Assistenz',
      indicators: [{ description: 'Mietvertrag und Einzug', target: 'bis 30.06.2026' }],
      timeFrame: { from: '2026-03-16', until: '2026-06-30' },
      domainIds: ['icfDomesticLife', 'icfMajorLifeAreas'],
      agreement: { agreedByPerson: true, agreedOn: '2026-03-16', form: 'written' },
    }),
    step('2026-03-16T11:10:00.000Z', 'addMeasure', {
      title: 'Assistenz im Wohnen, 6 Fachleistungsstunden pro Woche (§ 113 SGB IX)',
      goalIds: [id('goal-1')],
      by: { kind: 'formalProvider', name: 'Ambulante Dienste Musterstadt e. V.' },
      legalDomain: 'SGB_IX',
      costCarrier: 'Sozialamt Musterstadt (Träger der Eingliederungshilfe)',
      startOn: '2026-04-01',
      endOn: '2027-03-31',
      agreement: { agreed: true },
    }),
    step('2026-03-16T11:20:00.000Z', 'recordPlan', {
      participants: [
        { personId: id('person-1'), name: 'Markus Hartmann', role: 'Leistungsberechtigter' },
        { name: 'Frau Hartmann', role: 'Vertrauensperson (Mutter)' },
        { name: 'Petra Lange', role: 'Träger der Eingliederungshilfe' },
      ],
      personsOwnWords: 'Ich ziehe in meine eigene Wohnung. Herr Okafor hilft mir beim Einkaufen planen und beim Geld.',
      sections: [
        {
          itemId: 'instruments',
          text: 'BEI_NRW (Bedarfsermittlungsinstrument NRW), Gesamtplankonferenz am 16.03.2026.',
        },
        {
          itemId: 'reviewCriteria',
          text: 'Miete und Einkäufe ohne Rückstand; Wochengeld reicht bis Monatsende. Überprüfung am 15.03.2027.',
        },
        { itemId: 'activities', text: 'Arbeit in der Werkstatt, Kochen, Schwimmverein am Donnerstag.' },
        { itemId: 'selfHelpResources', text: 'Fährt allein Bus, kocht einfache Gerichte; Bruder wohnt in der Nähe.' },
        {
          itemId: 'lumpSum',
          text: 'Eine pauschale Geldleistung wurde angeboten; Herr Hartmann wünscht die Sachleistung.',
        },
        {
          itemId: 'socialMedicalFindings',
          text: 'Gutachten des Gesundheitsamts vom 20.01.2026: Lernbehinderung, keine Pflegebedürftigkeit.',
        },
        {
          itemId: 'cashShare',
          text: 'Beraten: der Barbetrag verbleibt vollständig zur eigenen Verfügung (Wochengeld-Modell).',
        },
        { itemId: 'planningConference', text: 'Assistenz 6 Std./Woche; Wochengeld-Modell vereinbart.' },
      ],
      reviewOn: '2027-03-15',
    }),
    step('2026-06-29T10:00:00.000Z', 'judgeProgress', {
      target: { kind: 'goal', id: id('goal-1') },
      judgement: 'achieved',
      note: 'Eingezogen am 15.06.; Assistenz läuft.',
    }),
    step('2026-06-30T10:00:00.000Z', 'closeCase', {
      reason: 'goalsReached',
      goalAttainment: [{ goalId: id('goal-1'), attainment: 'achieved' }],
      continuedBy: 'Ambulante Dienste Musterstadt e. V. (Assistenz im Wohnen)',
    }),
    step('2026-07-10T10:00:00.000Z', 'recordEvaluation', {
      planVersusGoals: 'Ziel erreicht; Gesamtplan läuft weiter bis zur Überprüfung 2027.',
      methods: 'ICF-Bedarfsermittlung und Gesamtplankonferenz mit Vertrauensperson.',
      cooperation: 'Ambulanter Dienst früh beteiligt.',
      effort: { contacts: 8, hours: 14 },
      satisfaction: { rating: 5 },
    }),
  ],
  expected: {
    stage: 'closed',
    status: 'closed',
    leadAgencyId: G.sozialamt.agencyId,
    activeLegalDomains: ['SGB_IX'],
    persons: 1,
    goals: 1,
    measures: 1,
    assessmentVersions: 1,
    openFollowUps: 0,
  },
};
