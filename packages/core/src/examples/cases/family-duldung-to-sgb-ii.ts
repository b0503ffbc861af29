import { text } from '../../i18n/localized-text.js';
import { EXAMPLE_ACTORS as A, EXAMPLE_AGENCIES as G } from '../actors.js';
import { step, type ExampleCase } from '../example-types.js';

const KEY = 'rahimi';
const id = (local: string): string => `${KEY}-${local}`;
const cm = A.kimCaseManager;

/**
 * Familie Rahimi: a family with Duldung drawing AsylbLG benefits; after a residence permit under
 * § 25b AufenthG the Jobcenter becomes responsible (Rechtskreiswechsel AsylbLG → SGB II) by warm
 * handover with a handover conference.
 */
export const familyDuldungToSgbII: ExampleCase = {
  key: KEY,
  caseId: 'kim-2026-0001',
  title: text('Familie Rahimi: von der Duldung ins SGB II', 'Rahimi family: from Duldung to SGB II'),
  summary: text(
    'Familie mit Duldung (AsylbLG), Integrationskurs und Wohnungssuche; nach der Aufenthaltserlaubnis warme Übergabe an das Jobcenter.',
    'Family with Duldung (AsylbLG), integration course and flat hunting; after the residence permit a warm handover to the Jobcenter.',
  ),
  actor: cm,
  steps: [
    step(
      '2026-01-12T09:00:00.000Z',
      'openCase',
      {
        caseId: 'kim-2026-0001',
        label: 'KIM-2026-0001',
        openedOn: '2026-01-12',
        addressee: {
          roles: ['addressee'],
          givenName: 'Yusuf',
          familyName: 'Rahimi',
          birthDate: '1987-04-03',
          gender: 'male',
          languages: ['Dari', 'Farsi'],
          interpreter: { needed: true, language: 'Dari', kind: 'professional', arranged: true },
          contact: { phone: '0151 00000001', address: 'Gemeinschaftsunterkunft Am Lindenhof 4, 12345 Musterstadt' },
          inHousehold: true,
        },
        leadAgency: { ...G.kim, legalDomain: 'AsylbLG' },
        caseManager: { userId: cm.id, name: cm.name, agencyId: cm.agencyId },
        legalDomains: [
          { domain: 'AsylbLG', reason: 'Leistungen nach § 3 AsylbLG' },
          { domain: 'AufenthG', reason: 'Duldung nach § 60a AufenthG' },
        ],
      },
      { actor: A.kimIntake },
    ),
    step(
      '2026-01-12T09:10:00.000Z',
      'addPerson',
      {
        roles: ['child', 'householdMember'],
        givenName: 'Ali',
        familyName: 'Rahimi',
        birthDate: '2013-09-14',
        gender: 'male',
        relationToAddressee: 'Sohn',
        inHousehold: true,
      },
      { actor: A.kimIntake },
    ),
    step(
      '2026-01-12T09:11:00.000Z',
      'addPerson',
      {
        roles: ['child', 'householdMember'],
        givenName: 'Sara',
        familyName: 'Rahimi',
        birthDate: '2018-02-27',
        gender: 'female',
        relationToAddressee: 'Tochter',
        inHousehold: true,
      },
      { actor: A.kimIntake },
    ),
    step(
      '2026-01-12T09:12:00.000Z',
      'addPerson',
      {
        roles: ['partner', 'householdMember', 'parentWithResponsibility'],
        givenName: 'Mariam',
        familyName: 'Rahimi',
        birthDate: '1990-11-30',
        gender: 'female',
        relationToAddressee: 'Ehefrau',
        languages: ['Dari'],
        interpreter: { needed: true, language: 'Dari', kind: 'professional', arranged: true },
        inHousehold: true,
        representations: [
          { kind: 'parentalResponsibility', forPersonId: id('person-2'), scope: ['all'] },
          { kind: 'parentalResponsibility', forPersonId: id('person-3'), scope: ['all'] },
        ],
      },
      { actor: A.kimIntake },
    ),
    step(
      '2026-01-12T09:13:00.000Z',
      'updatePerson',
      {
        personId: id('person-1'),
        changes: {
          roles: ['addressee', 'parentWithResponsibility'],
          representations: [
            { kind: 'parentalResponsibility', forPersonId: id('person-2'), scope: ['all'] },
            { kind: 'parentalResponsibility', forPersonId: id('person-3'), scope: ['all'] },
          ],
        },
      },
      { actor: A.kimIntake },
    ),
    step(
      '2026-01-12T09:15:00.000Z',
      'recordResidenceStatus',
      {
        personId: id('person-1'),
        status: 'duldung',
        legalGround: '§ 60a AufenthG',
        from: '2025-09-01',
        validUntil: '2026-06-30',
      },
      { actor: A.kimIntake },
    ),
    step(
      '2026-01-12T09:20:00.000Z',
      'recordReferral',
      {
        referrer: { kind: 'shelterSocialWork', name: 'Sozialarbeit Gemeinschaftsunterkunft Am Lindenhof' },
        referredOn: '2026-01-08',
        reason:
          'Familie seit drei Jahren in der Unterkunft, Sprachkurs abgebrochen, Sohn mit Schulproblemen, Perspektive Bleiberecht nach § 25b unklar.',
      },
      { actor: A.kimIntake },
    ),
    step(
      '2026-01-12T09:30:00.000Z',
      'checkCasefindingCriteria',
      {
        criteria: [
          {
            criterionId: 'multipleProblems',
            met: true,
            explanation: 'Aufenthalt, Wohnen, Sprache, Schule des Sohnes.',
          },
          { criterionId: 'manyActors', met: true, explanation: 'Ausländerbehörde, Sozialamt (AsylbLG), Schule, VHS.' },
          { criterionId: 'highCoordinationNeed', met: true },
          { criterionId: 'crossesResponsibilities', met: true, explanation: 'Absehbarer Wechsel AsylbLG → SGB II.' },
          { criterionId: 'standardServicesInsufficient', met: true },
          {
            criterionId: 'environmentOverwhelmedOrAbsent',
            met: false,
            explanation: 'Stabile Familie, Kontakte in der Community.',
          },
          { criterionId: 'courseHardToForesee', met: true },
          { criterionId: 'incalculableInteractions', met: null },
        ],
        targetGroupCriteria: [
          { criterionId: 'kim-nrw-zielgruppe', met: true, explanation: 'Person mit Duldung und Bleibeperspektive' },
        ],
        complexNeeds: true,
      },
      { actor: A.kimIntake },
    ),
    step(
      '2026-01-12T09:40:00.000Z',
      'decideAdmission',
      {
        admitted: true,
        reasons: 'Komplexer, rechtskreisübergreifender Bedarf; Kriterien erfüllt.',
      },
      { actor: A.kimIntake },
    ),
    step('2026-01-20T10:00:00.000Z', 'recordFirstCounselling', {
      participantIds: [id('person-1'), id('person-4')],
      interpreterUsed: true,
      concernInOwnWords:
        'Wir wollen hier bleiben, arbeiten und aus dem Heim ausziehen. Ali hat Probleme in der Schule.',
      firstPictureProblems: 'Duldung, Sprachniveau A2 abgebrochen, beengte Unterkunft, Schulprobleme des Sohnes.',
      firstPictureResources:
        'Herr Rahimi war Elektriker in Herat; gute Kontakte in der Gemeinde; Frau Rahimi sehr engagiert.',
      motivation: { level: 'high' },
      willingnessToCooperate: 'high',
      abilityToCooperate: 'partial',
      barriers: ['language'],
      informationGiven: {
        processExplained: true,
        rolesExplained: true,
        chancesAndDemandsExplained: true,
        dataProtectionExplained: true,
      },
      oralContract: { made: true, note: 'Mündliche Vereinbarung über Zusammenarbeit und Termine alle zwei Wochen.' },
      decision: { kind: 'assessment' },
    }),
    step('2026-02-03T10:00:00.000Z', 'recordAssessment', {
      participantIds: [id('person-1'), id('person-4')],
      domains: [
        {
          domainId: 'residence',
          resources: 'Seit 2019 in Deutschland, straffrei, Kinder gehen zur Schule.',
          problems: 'Duldung bis 30.06.2026; Identitätsnachweis fehlt teilweise.',
          personView: 'Wir haben Angst vor der Abschiebung.',
          caseManagerView:
            'Voraussetzungen für § 25b AufenthG nach Sprachnachweis A2 und Identitätsklärung realistisch.',
          agreedInterpretation: 'Bleiberecht nach § 25b ist erreichbar; Identitätsklärung hat Vorrang.',
          rating: { scaleId: 'need-1-5', value: 5 },
        },
        {
          domainId: 'language',
          resources: 'Alltagsdeutsch A2 mündlich.',
          problems: 'Kurs abgebrochen wegen Kinderbetreuung.',
          personView: 'Ich will B1 schaffen.',
          caseManagerView: 'Integrationskurs mit Kinderbetreuung nötig.',
          rating: { scaleId: 'need-1-5', value: 4 },
        },
        {
          domainId: 'housing',
          resources: 'Wohnungslotsen haben Kapazität.',
          problems: 'Ein Zimmer für vier Personen.',
          personView: 'Wir brauchen eine Wohnung in der Nähe der Schule.',
          caseManagerView: 'Wohnungssuche erst mit Aufenthaltserlaubnis erfolgversprechend.',
          dissent: 'Familie möchte sofort suchen; Fallmanagerin hält das für verfrüht.',
          rating: { scaleId: 'need-1-5', value: 4 },
        },
        {
          domainId: 'workTraining',
          resources: 'Berufserfahrung als Elektriker.',
          problems: 'Beschäftigungsduldung noch nicht beantragt.',
          personView: 'Ich will wieder als Elektriker arbeiten.',
          caseManagerView: 'Anerkennungsberatung sinnvoll, nach Sprachkurs.',
        },
        {
          domainId: 'familyChildren',
          resources: 'Eltern kümmern sich intensiv.',
          problems: 'Ali (12) wiederholt die 6. Klasse, Konflikte mit Mitschülern.',
          personView: 'Ali ist traurig, weil er keinen Platz zum Lernen hat.',
          caseManagerView: 'Schulsozialarbeit einbeziehen.',
          subjectIds: [id('person-2')],
          thirdParty: true,
        },
        {
          domainId: 'health',
          resources: '',
          problems: 'Herr Rahimi hat Rückenschmerzen nach Arbeitsunfall in Herat.',
          personView: 'Nicht so schlimm.',
          caseManagerView: 'Hausärztliche Abklärung anregen.',
        },
      ],
      wishesAndDreams:
        'Eine eigene Wohnung mit einem Zimmer für die Kinder, wieder als Elektriker arbeiten, Deutsch gut sprechen.',
    }),
    step('2026-02-10T10:00:00.000Z', 'confirmAssessment', {
      assessmentId: id('assessment-1'),
      confirmation: {
        confirmedOn: '2026-02-10',
        confirmedByIds: [id('person-1'), id('person-4')],
        form: 'oral',
        note: 'Mit Dolmetscherin besprochen.',
      },
    }),
    step('2026-02-10T10:30:00.000Z', 'agreeGoal', {
      level: 'guiding',
      title: 'Existenzsicherung und gesellschaftliche Teilhabe (Leitziel KIM)',
      indicators: [],
      domainIds: [],
    }),
    step('2026-02-10T10:40:00.000Z', 'agreeGoal', {
      level: 'case',
      parentGoalId: id('goal-1'),
      title: 'Aufenthaltserlaubnis nach § 25b AufenthG erhalten',
      indicators: [
        { description: 'Pässe bzw. Tazkira vorgelegt', target: 'bis 31.03.2026' },
        { description: 'Antrag gestellt' },
      ],
      timeFrame: { from: '2026-02-10', until: '2026-07-31' },
      domainIds: ['residence'],
      wayOfLife: 'conform',
      assessmentId: id('assessment-1'),
      agreement: { agreedByPerson: true, agreedOn: '2026-02-10', form: 'written', participantIds: [id('person-4')] },
    }),
    step('2026-02-10T10:50:00.000Z', 'agreeGoal', {
      level: 'case',
      parentGoalId: id('goal-1'),
      title: 'Deutsch auf Niveau B1 (Herr und Frau Rahimi)',
      indicators: [{ description: 'Zertifikat Deutsch-Test für Zuwanderer', target: 'B1' }],
      timeFrame: { from: '2026-03-01', until: '2026-12-31' },
      domainIds: ['language', 'workTraining'],
      wayOfLife: 'conform',
      assessmentId: id('assessment-1'),
      agreement: { agreedByPerson: true, agreedOn: '2026-02-10', form: 'written', participantIds: [id('person-4')] },
    }),
    step('2026-02-10T11:00:00.000Z', 'agreeGoal', {
      level: 'case',
      parentGoalId: id('goal-1'),
      title: 'Eigene Wohnung in Musterstadt-Süd beziehen',
      indicators: [{ description: 'Mietvertrag unterschrieben' }],
      timeFrame: { from: '2026-06-01', until: '2027-03-31' },
      domainIds: ['housing', 'familyChildren'],
      wayOfLife: 'conform',
      assessmentId: id('assessment-1'),
      agreement: {
        agreedByPerson: true,
        agreedOn: '2026-02-10',
        form: 'written',
        dissent: 'Familie wünscht Suche ab sofort; vereinbart: Beginn nach Erteilung der Aufenthaltserlaubnis.',
      },
    }),
    step('2026-02-12T09:00:00.000Z', 'addMeasure', {
      title: 'Identitätsklärung und Antrag § 25b bei der Ausländerbehörde',
      goalIds: [id('goal-2')],
      by: { kind: 'person', name: 'Yusuf Rahimi', personId: id('person-1') },
      legalDomain: 'AufenthG',
      startOn: '2026-02-12',
      endOn: '2026-05-31',
      agreement: { agreed: true },
    }),
    step('2026-02-12T09:10:00.000Z', 'addMeasure', {
      title: 'Integrationskurs mit Kinderbetreuung (Herr Rahimi)',
      goalIds: [id('goal-3')],
      by: { kind: 'formalProvider', name: G.vhs.name, agencyId: G.vhs.agencyId },
      legalDomain: 'AufenthG',
      costCarrier: 'Bundesamt für Migration und Flüchtlinge',
      startOn: '2026-03-02',
      endOn: '2026-12-18',
      agreement: { agreed: true },
    }),
    step('2026-02-12T09:20:00.000Z', 'addMeasure', {
      title: 'Frauenkurs am Vormittag (Frau Rahimi) statt Integrationskurs',
      goalIds: [id('goal-3')],
      by: { kind: 'formalProvider', name: 'Frauentreff Musterstadt-Süd' },
      legalDomain: 'nonStatutory',
      startOn: '2026-03-04',
      dependsOn: [{ measureId: id('measure-2'), kind: 'parallel' }],
      secondBest: {
        missingService: 'Integrationskurs mit Kinderbetreuung für Kinder unter 3 bzw. im Grundschulalter am Nachmittag',
        serviceKind: 'Integrationskurs mit Kinderbetreuung',
        region: 'Musterstadt',
      },
      alternatives: ['Online-Kurs mit Lernpatin'],
      agreement: { agreed: true, personPosition: 'Frau Rahimi hätte lieber den vollen Integrationskurs besucht.' },
    }),
    step('2026-02-12T09:30:00.000Z', 'addMeasure', {
      title: 'Wohnungssuche mit den Wohnungslotsen',
      goalIds: [id('goal-4')],
      by: { kind: 'partnerAgency', name: G.wohnungslotsen.name, agencyId: G.wohnungslotsen.agencyId },
      legalDomain: 'nonStatutory',
      startOn: '2026-06-01',
      dependsOn: [{ measureId: id('measure-1'), kind: 'after' }],
      agreement: { agreed: true },
    }),
    step('2026-02-13T09:00:00.000Z', 'referToProvider', {
      measureId: id('measure-2'),
      provider: { name: G.vhs.name, agencyId: G.vhs.agencyId, contactPerson: 'Frau Albers, Kursberatung' },
      purpose: 'Anmeldung Integrationskurs ab März mit Platz in der Kinderbetreuung für Sara',
      modalities: 'Berechtigungsschein liegt vor; Fahrtkosten über AsylbLG.',
      feedback: {
        agreed: true,
        description: 'Monatliche Rückmeldung zur Teilnahme per Telefon',
        intervalDays: 30,
        nextFeedbackOn: '2026-04-01',
      },
    }),
    step('2026-02-20T09:00:00.000Z', 'updateReferralStatus', {
      providerReferralId: id('provider-referral-1'),
      status: 'accepted',
      note: 'Platz zugesagt.',
    }),
    step('2026-03-02T09:00:00.000Z', 'updateReferralStatus', {
      providerReferralId: id('provider-referral-1'),
      status: 'started',
    }),
    step('2026-03-16T14:00:00.000Z', 'recordContact', {
      mode: 'phone',
      withInterpreter: true,
      note: 'Kurs läuft gut, Sara geht gern in die Betreuung. Pässe bei Botschaft beantragt.',
    }),
    step('2026-03-16T14:10:00.000Z', 'scheduleFollowUp', {
      dueOn: '2026-04-15',
      subject: 'Rückmeldung VHS zur Kursteilnahme, Stand Identitätsklärung',
      relatesTo: { kind: 'providerReferral', id: id('provider-referral-1') },
    }),
    step('2026-04-15T10:00:00.000Z', 'judgeProgress', {
      target: { kind: 'goal', id: id('goal-3') },
      judgement: 'onTrack',
      note: 'Regelmäßige Teilnahme, Modul 2 abgeschlossen.',
    }),
    step('2026-04-15T10:05:00.000Z', 'completeFollowUp', {
      followUpId: id('follow-up-1'),
      outcome: 'VHS bestätigt regelmäßige Teilnahme.',
    }),
    step('2026-05-20T09:00:00.000Z', 'recordResidenceStatus', {
      personId: id('person-1'),
      status: 'aufenthaltserlaubnis',
      legalGround: '§ 25b AufenthG',
      from: '2026-05-18',
      validUntil: '2028-05-17',
    }),
    step('2026-05-20T09:10:00.000Z', 'updateMeasure', {
      measureId: id('measure-1'),
      changes: { status: 'completed' },
      reason: 'Aufenthaltserlaubnis erteilt.',
    }),
    step('2026-05-20T09:15:00.000Z', 'setGoalStatus', {
      goalId: id('goal-2'),
      status: 'achieved',
      note: 'Aufenthaltserlaubnis am 18.05.2026 erteilt.',
    }),
    step(
      '2026-06-01T08:00:00.000Z',
      'changeLeadAgency',
      {
        variant: 'warmHandover',
        to: G.jobcenter,
        legalDomain: 'SGB_II',
        endsLegalDomain: 'AsylbLG',
        effectiveFrom: '2026-06-01',
        reason:
          'Aufenthaltserlaubnis nach § 25b AufenthG: Leistungen nach SGB II, Fallmanagement des Jobcenters übernimmt.',
        conference: {
          heldOn: '2026-05-27',
          participants: [
            { name: cm.name, agencyId: cm.agencyId, role: 'Integrationsmanagerin KIM' },
            {
              name: A.jobcenterCaseManager.name,
              agencyId: A.jobcenterCaseManager.agencyId,
              role: 'Fallmanager Jobcenter',
            },
            { name: 'Yusuf Rahimi', personId: id('person-1') },
            { name: 'Dolmetscherin (Dari)', role: 'Sprachmittlung' },
          ],
          notes: 'Übergabe gemeinsam mit der Familie; Ziele und Maßnahmen werden fortgeführt.',
        },
      },
      { reason: 'Rechtskreiswechsel AsylbLG → SGB II' },
    ),
    step('2026-06-01T08:10:00.000Z', 'assignCaseManager', {
      userId: A.jobcenterCaseManager.id,
      name: A.jobcenterCaseManager.name,
      agencyId: A.jobcenterCaseManager.agencyId,
      role: 'primary',
      from: '2026-06-01',
      replaces: cm.id,
    }),
    step(
      '2026-06-10T10:00:00.000Z',
      'recordContact',
      {
        mode: 'inPerson',
        withInterpreter: true,
        note: 'Erstgespräch im Jobcenter; Anerkennungsberatung Elektriker besprochen.',
      },
      { actor: A.jobcenterCaseManager },
    ),
    step(
      '2026-06-10T10:20:00.000Z',
      'updateMeasure',
      {
        measureId: id('measure-4'),
        changes: { status: 'running', costCarrier: 'Jobcenter Musterstadt (Umzugskosten)' },
        reason: 'Wohnungssuche beginnt nach Aufenthaltserlaubnis wie vereinbart.',
      },
      { actor: A.jobcenterCaseManager },
    ),
    step(
      '2026-06-10T10:30:00.000Z',
      'scheduleFollowUp',
      {
        dueOn: '2026-07-10',
        subject: 'Stand Wohnungssuche und Anerkennungsberatung',
        assignedTo: A.jobcenterCaseManager.id,
      },
      { actor: A.jobcenterCaseManager },
    ),
  ],
  expected: {
    stage: 'monitoring',
    status: 'open',
    leadAgencyId: G.jobcenter.agencyId,
    activeLegalDomains: ['AufenthG', 'SGB_II'],
    persons: 4,
    goals: 4,
    measures: 4,
    assessmentVersions: 1,
    openFollowUps: 1,
  },
};
