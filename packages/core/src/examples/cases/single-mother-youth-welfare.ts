import { sha256HexOfBytes } from '../../journal/sha256.js';
import { text } from '../../i18n/localized-text.js';
import { EXAMPLE_ACTORS as A, EXAMPLE_AGENCIES as G } from '../actors.js';
import { step, type ExampleCase } from '../example-types.js';

const KEY = 'kowalski';
const id = (local: string): string => `${KEY}-${local}`;

/** The example's documents, as text standing in for the scans (their bytes are what the steps describe). */
const CERTIFICATE = '%PDF-1.4 Bescheinigung der Suchtberatung (Beispiel)';
const CONSENT_SCAN = '%PDF-1.4 Einwilligung Kowalski, Scan (Beispiel)';

/** Size and SHA-256 of a document's content, as `attachDocument` records them. */
function described(text: string): { size: number; contentHash: string } {
  const bytes = new TextEncoder().encode(text);
  return { size: bytes.byteLength, contentHash: sha256HexOfBytes(bytes) };
}
const cm = A.jobcenterCaseManager;

/**
 * Anna Kowalski, single mother; her son Leon receives an educational assistant from the Jugendamt
 * (§ 30 SGB VIII); she has a depression treated by a psychiatrist (professional secret). Jobcenter
 * case management coordinates SGB II, SGB VIII and SGB V. In linking.
 */
export const singleMotherYouthWelfare: ExampleCase = {
  key: KEY,
  caseId: 'jc-2026-0522',
  title: text(
    'Anna Kowalski: Alleinerziehend, Jugendhilfe und Gesundheit',
    'Anna Kowalski: single mother, youth welfare and health',
  ),
  summary: text(
    'Alleinerziehende Mutter, Sohn mit Erziehungsbeistand (SGB VIII), eigene Depression in Behandlung; Teilzeitqualifizierung geplant.',
    'Single mother, son with an educational assistant (SGB VIII), her own depression under treatment; part-time training planned.',
  ),
  actor: cm,
  steps: [
    step('2026-03-03T09:00:00.000Z', 'openCase', {
      caseId: 'jc-2026-0522',
      label: 'JC-2026-0522',
      addressee: {
        roles: ['addressee', 'parentWithResponsibility'],
        givenName: 'Anna',
        familyName: 'Kowalski',
        birthDate: '1994-06-11',
        gender: 'female',
        languages: ['Deutsch', 'Polnisch'],
        contact: { phone: '0171 00000522', address: 'Lindenweg 3, 12345 Musterstadt' },
        inHousehold: true,
      },
      leadAgency: { ...G.jobcenter, legalDomain: 'SGB_II' },
      legalDomains: [
        { domain: 'SGB_II', reason: 'Bürgergeld, Bedarfsgemeinschaft mit Sohn' },
        { domain: 'SGB_VIII', reason: 'Erziehungsbeistand für Leon (§ 30 SGB VIII)' },
      ],
    }),
    step('2026-03-03T09:05:00.000Z', 'addPerson', {
      roles: ['child', 'householdMember'],
      givenName: 'Leon',
      familyName: 'Kowalski',
      birthDate: '2016-10-02',
      gender: 'male',
      relationToAddressee: 'Sohn',
      inHousehold: true,
    }),
    step('2026-03-03T09:06:00.000Z', 'updatePerson', {
      personId: id('person-1'),
      changes: { representations: [{ kind: 'parentalResponsibility', forPersonId: id('person-2'), scope: ['all'] }] },
    }),
    step('2026-03-03T09:10:00.000Z', 'recordReferral', {
      referrer: {
        kind: 'agency',
        name: 'Allgemeiner Sozialer Dienst, Jugendamt Musterstadt',
        agencyId: G.jugendamt.agencyId,
      },
      referredOn: '2026-02-26',
      reason:
        'Mutter erschöpft, Arbeitsaufnahme gescheitert, Abstimmung zwischen Hilfeplan (SGB VIII) und Eingliederung (SGB II) nötig.',
    }),
    step('2026-03-03T09:20:00.000Z', 'checkCasefindingCriteria', {
      criteria: [
        { criterionId: 'multipleProblems', met: true },
        { criterionId: 'manyActors', met: true, explanation: 'Jobcenter, Jugendamt, Psychiaterin, Schule.' },
        { criterionId: 'highCoordinationNeed', met: true },
        { criterionId: 'crossesResponsibilities', met: true },
        { criterionId: 'standardServicesInsufficient', met: true },
        { criterionId: 'environmentOverwhelmedOrAbsent', met: true },
        { criterionId: 'courseHardToForesee', met: false },
        { criterionId: 'incalculableInteractions', met: null },
      ],
      complexNeeds: true,
    }),
    step('2026-03-03T09:25:00.000Z', 'decideAdmission', {
      admitted: true,
      reasons: 'Rechtskreisübergreifender Koordinationsbedarf SGB II / SGB VIII.',
    }),
    step('2026-03-10T10:00:00.000Z', 'recordFirstCounselling', {
      concernInOwnWords: 'Ich will arbeiten, aber ich schaffe gerade kaum den Alltag mit Leon.',
      firstPictureProblems: 'Erschöpfung, Depression in Behandlung, Leon mit Verhaltensauffälligkeiten in der Schule.',
      firstPictureResources: 'Abgeschlossene Ausbildung als Verkäuferin, Erziehungsbeistand läuft, Schwester hilft.',
      motivation: { level: 'high' },
      willingnessToCooperate: 'high',
      abilityToCooperate: 'partial',
      barriers: ['health'],
      informationGiven: {
        processExplained: true,
        rolesExplained: true,
        chancesAndDemandsExplained: true,
        dataProtectionExplained: true,
      },
      oralContract: { made: true },
      decision: { kind: 'assessment' },
    }),
    step('2026-03-24T10:00:00.000Z', 'recordAssessment', {
      domains: [
        {
          domainId: 'health',
          resources: 'Seit Januar in psychiatrischer Behandlung, Medikation eingestellt.',
          problems: 'Mittelgradige depressive Episode laut Befundbericht der Psychiaterin.',
          personView: 'Es wird langsam besser, aber morgens ist es schwer.',
          caseManagerView: 'Belastbarkeit derzeit ca. 15 Stunden pro Woche.',
          agreedInterpretation: 'Teilzeit und Behandlung haben Vorrang vor Vollzeitvermittlung.',
          categories: ['health'],
          professionalSecret: true,
          origin: 'secretHolder',
        },
        {
          domainId: 'familyChildren',
          resources: 'Erziehungsbeistand zweimal pro Woche, gute Bindung.',
          problems: 'Leon stört im Unterricht, Schule droht mit Ausschluss vom Ganztag.',
          personView: 'Ohne Ganztag kann ich nicht arbeiten.',
          caseManagerView: 'Hilfeplangespräch des Jugendamts mit Zielen des Jobcenters abstimmen.',
          subjectIds: [id('person-1'), id('person-2')],
          thirdParty: true,
        },
        {
          domainId: 'workTraining',
          resources: 'Ausbildung Verkäuferin, fünf Jahre Berufserfahrung.',
          problems: 'Seit drei Jahren nicht erwerbstätig.',
          personView: 'Gern wieder Einzelhandel, aber nicht am Samstag.',
          caseManagerView: 'Teilzeitqualifizierung Kassensysteme/Warenwirtschaft.',
        },
        {
          domainId: 'financesDebts',
          resources: 'Keine Schulden.',
          problems: 'Unterhaltsvorschuss läuft aus.',
          personView: '',
          caseManagerView: 'Unterhaltsvorschuss bis 18 möglich, Antrag erneuern.',
        },
      ],
      wishesAndDreams: 'Eine Stelle im Buchladen in der Innenstadt; mit Leon in den Sommerferien an die Ostsee.',
    }),
    step('2026-03-24T11:00:00.000Z', 'confirmAssessment', {
      assessmentId: id('assessment-1'),
      confirmation: { confirmedOn: '2026-03-24', confirmedByIds: [id('person-1')], form: 'written' },
    }),
    step('2026-03-24T11:10:00.000Z', 'agreeGoal', {
      level: 'case',
      title: 'Stabile Betreuung Leons im Ganztag',
      indicators: [{ description: 'Ganztagsplatz gesichert bis Schuljahresende' }],
      timeFrame: { until: '2026-07-15' },
      domainIds: ['familyChildren'],
      wayOfLife: 'conform',
      agreement: { agreedByPerson: true, agreedOn: '2026-03-24', form: 'written' },
      subjectIds: [id('person-1'), id('person-2')],
      thirdParty: true,
    }),
    step('2026-03-24T11:20:00.000Z', 'agreeGoal', {
      level: 'case',
      title: 'Teilzeitqualifizierung im Einzelhandel abschließen',
      indicators: [{ description: 'Zertifikat Warenwirtschaft', target: 'bis 30.11.2026' }],
      timeFrame: { from: '2026-05-04', until: '2026-11-30' },
      domainIds: ['workTraining', 'health'],
      wayOfLife: 'conform',
      agreement: { agreedByPerson: true, agreedOn: '2026-03-24', form: 'signedIntegrationAgreement' },
    }),
    step('2026-03-26T09:00:00.000Z', 'addMeasure', {
      title: 'Abstimmung mit dem Hilfeplangespräch des Jugendamts',
      goalIds: [id('goal-1')],
      by: { kind: 'partnerAgency', name: G.jugendamt.name, agencyId: G.jugendamt.agencyId },
      legalDomain: 'SGB_VIII',
      costCarrier: 'Jugendamt Musterstadt',
      startOn: '2026-04-08',
      agreement: { agreed: true },
      subjectIds: [id('person-1'), id('person-2')],
    }),
    step('2026-03-26T09:10:00.000Z', 'addMeasure', {
      title: 'Teilzeitqualifizierung Warenwirtschaft (15 Std./Woche)',
      goalIds: [id('goal-2')],
      by: { kind: 'formalProvider', name: 'Bildungswerk Musterstadt gGmbH' },
      legalDomain: 'SGB_II',
      costCarrier: 'Jobcenter Musterstadt (Bildungsgutschein)',
      startOn: '2026-05-04',
      endOn: '2026-11-30',
      dependsOn: [{ measureId: id('measure-1'), kind: 'after' }],
      agreement: { agreed: true },
    }),
    step('2026-03-26T09:20:00.000Z', 'referToProvider', {
      measureId: id('measure-1'),
      provider: { name: G.jugendamt.name, agencyId: G.jugendamt.agencyId, contactPerson: 'Herr Kaya, ASD' },
      purpose: 'Teilnahme am Hilfeplangespräch am 08.04. mit Blick auf Ganztag und Arbeitszeiten',
      feedback: { agreed: true, description: 'Kurzprotokoll der Vereinbarungen, die Frau Kowalski freigibt' },
      subjectIds: [id('person-1'), id('person-2')],
    }),
    step('2026-03-26T09:30:00.000Z', 'recordNote', {
      text: 'Frau Kowalski bittet, Einzelheiten zur Behandlung nicht an das Jugendamt weiterzugeben.',
      categories: ['notes', 'health'],
      entrusted: true,
      entrustedBy: id('person-1'),
    }),
    // The certificate of the addiction counselling, as a scan: health data from a secret holder (§ 76 SGB X).
    // The example files the description; the demo's seed stores the bytes (the text below, as a PDF stub).
    step('2026-03-26T09:32:00.000Z', 'attachDocument', {
      title: 'Bescheinigung der Suchtberatung',
      fileName: 'bescheinigung-suchtberatung.pdf',
      mediaType: 'application/pdf',
      ...described(CERTIFICATE),
      receivedOn: '2026-03-25',
      categories: ['health', 'addiction'],
      professionalSecret: true,
      origin: 'secretHolder',
    }),
    step('2026-03-26T09:34:00.000Z', 'attachDocument', {
      title: 'Einwilligung Kowalski (Scan)',
      fileName: 'einwilligung-kowalski.pdf',
      mediaType: 'application/pdf',
      ...described(CONSENT_SCAN),
      categories: ['identity'],
    }),
    step('2026-03-26T09:36:00.000Z', 'removeDocument', {
      documentId: id('document-2'),
      reason: 'Versehentlich in dieser Akte abgelegt; das Original liegt beim Jugendamt.',
    }),
    step('2026-03-26T09:40:00.000Z', 'scheduleFollowUp', {
      dueOn: '2026-04-09',
      subject: 'Ergebnis Hilfeplangespräch einholen',
      relatesTo: { kind: 'providerReferral', id: id('provider-referral-1') },
    }),
  ],
  documentContents: [CERTIFICATE, CONSENT_SCAN],
  expected: {
    stage: 'linking',
    status: 'open',
    leadAgencyId: G.jobcenter.agencyId,
    activeLegalDomains: ['SGB_II', 'SGB_VIII'],
    persons: 2,
    goals: 2,
    measures: 2,
    assessmentVersions: 1,
    openFollowUps: 1,
  },
};
