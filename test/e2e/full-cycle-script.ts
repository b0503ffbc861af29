/**
 * The inputs of the end-to-end case: a family with Duldung referred to the municipal integration
 * management, through every stage of the cycle to a warm handover to the Jobcenter and closure. The browser
 * test types or sets these into the demo's elements; where an element is missing it sends the same input to
 * the core's service.
 */
import { EXAMPLE_ACTORS, EXAMPLE_AGENCIES } from '@fallkit/core/examples';
import { localDate, sha256Hex } from '@fallkit/core';

/** Today and a few days around it, as the demo's system clock sees them (ISO dates). */
export function isoDay(offsetDays = 0, now: Date = new Date()): string {
  // The organisation's date (Europe/Berlin), the day the case service counts from; not the browser's zone.
  const today = Date.parse(`${localDate(now.toISOString())}T00:00:00Z`);
  return new Date(today + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** The new case, as the demo's "Neuen Fall anlegen" form takes it. */
export const NEW_CASE = {
  givenName: 'Amina',
  familyName: 'Haidari',
  label: 'KIM-2026-0100',
  legalDomain: 'AsylbLG',
} as const;

/** Value of `<fk-intake-screening>`: referral, casefinding check, admission. */
export function intakeValue() {
  return {
    referral: {
      referrer: { kind: 'shelterSocialWork', name: 'Sozialarbeit Gemeinschaftsunterkunft Am Lindenhof' },
      referredOn: isoDay(-3),
      reason: 'Duldung, Sprachkurs abgebrochen, gesundheitliche Probleme, Wohnungssuche.',
    },
    check: {
      checkedOn: isoDay(),
      criteria: [
        { criterionId: 'multipleProblems', met: true, explanation: 'Aufenthalt, Sprache, Gesundheit, Wohnen.' },
        { criterionId: 'manyActors', met: true, explanation: 'Ausländerbehörde, Sozialamt, VHS, Hausarzt.' },
        { criterionId: 'highCoordinationNeed', met: true, explanation: 'Viele Termine bei verschiedenen Stellen.' },
        { criterionId: 'crossesResponsibilities', met: true, explanation: 'Absehbarer Wechsel AsylbLG → SGB II.' },
        { criterionId: 'standardServicesInsufficient', met: true, explanation: 'Regelberatung reicht nicht.' },
        { criterionId: 'environmentOverwhelmedOrAbsent', met: false },
        { criterionId: 'courseHardToForesee', met: true, explanation: 'Bleibeperspektive offen.' },
        { criterionId: 'incalculableInteractions', met: false },
      ],
      targetGroupCriteria: [
        { criterionId: 'kim-nrw-zielgruppe', met: true, explanation: 'Duldung mit Bleibeperspektive' },
      ],
      complexNeeds: true,
    },
    admission: {
      decidedOn: isoDay(),
      admitted: true,
      reasons: 'Komplexer, rechtskreisübergreifender Bedarf; Kriterien erfüllt.',
    },
  };
}

/** Input of `recordFirstCounselling`. */
export function firstCounsellingInput(addresseeId: string) {
  return {
    participantIds: [addresseeId],
    interpreterUsed: false,
    concernInOwnWords: 'Ich möchte arbeiten und eine eigene Wohnung finden.',
    firstPictureProblems: 'Duldung, Sprachniveau A2, Rückenschmerzen, beengte Unterkunft.',
    firstPictureResources: 'Pflegehelferin im Herkunftsland, sehr motiviert.',
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
    oralContract: { made: true, note: 'Termine alle zwei Wochen.' },
    decision: { kind: 'assessment' },
  };
}

/** Input of `recordConsent`: the Jobcenter may receive what SGB II case management needs, not health data. */
export async function consentInput(addresseeId: string) {
  return {
    categories: [
      'identity',
      'contact',
      'household',
      'benefits',
      'income',
      'housing',
      'education',
      'employment',
      'residenceStatus',
      'goals',
      'helpPlan',
      'measures',
    ],
    recipients: [{ agencyId: EXAMPLE_AGENCIES.jobcenter.agencyId, name: EXAMPLE_AGENCIES.jobcenter.name }],
    purposes: ['caseManagement'],
    validFrom: isoDay(),
    validUntil: isoDay(300),
    form: { kind: 'written', scanReference: 'Scan KIM-2026-0100/Einwilligung-01' },
    informationTextHash: await sha256Hex('Informationsblatt Datenschutz KIM Musterstadt (E2E)'),
    givenBy: { personId: addresseeId, role: 'self' },
  };
}

/** Value of `<fk-assessment-form>` (the `recordAssessment` input); `version` 2 is the re-assessment. */
export function assessmentValue(addresseeId: string, version: 1 | 2) {
  return {
    recordedOn: isoDay(),
    participantIds: [addresseeId],
    domains: [
      {
        domainId: 'residence',
        resources: 'Seit 2021 in Deutschland, straffrei.',
        problems: version === 1 ? 'Duldung bis Jahresende.' : 'Aufenthaltserlaubnis beantragt.',
        personView: 'Ich will hier bleiben.',
        caseManagerView: 'Bleiberecht nach § 25b erreichbar.',
        rating: { scaleId: 'need-1-5', value: version === 1 ? 5 : 3 },
      },
      {
        domainId: 'workTraining',
        resources: 'Pflegehelferin im Herkunftsland.',
        problems: 'Abschluss nicht anerkannt.',
        personView: 'Ich möchte in der Pflege arbeiten.',
        caseManagerView: 'Anerkennungsberatung sinnvoll.',
      },
      {
        domainId: 'health',
        resources: 'Hausärztin in der Nähe.',
        problems: 'Chronische Rückenschmerzen.',
        personView: 'Das schaffe ich.',
        caseManagerView: 'Physiotherapie anregen.',
      },
    ],
    wishesAndDreams: 'Als Pflegefachkraft arbeiten und eine eigene Wohnung haben.',
  };
}

/** The guiding goal and a case goal (the case goal names the guiding goal once it exists). */
export function guidingGoal() {
  return { level: 'guiding', title: 'Existenzsicherung und Teilhabe (Leitziel KIM)', indicators: [], domainIds: [] };
}

/** A case goal agreed with the person. */
export function caseGoal(parentGoalId: string, assessmentId: string) {
  return {
    level: 'case',
    parentGoalId,
    title: 'Anerkennung als Pflegehelferin und Arbeitsaufnahme',
    indicators: [{ description: 'Anerkennungsbescheid liegt vor' }],
    timeFrame: { from: isoDay(), until: isoDay(180) },
    domainIds: ['workTraining'],
    wayOfLife: 'conform',
    assessmentId,
    agreement: { agreedByPerson: true, agreedOn: isoDay(), form: 'written' },
  };
}

/** Input of `addMeasure` for the goal. */
export function measureInput(goalId: string) {
  return {
    title: 'Anerkennungsberatung und Anpassungsqualifizierung Pflege',
    goalIds: [goalId],
    by: { kind: 'formalProvider', name: EXAMPLE_AGENCIES.mbe.name, agencyId: EXAMPLE_AGENCIES.mbe.agencyId },
    legalDomain: 'nonStatutory',
    startOn: isoDay(),
    endOn: isoDay(120),
    agreement: { agreed: true },
  };
}

/** Input of `referToProvider` for the measure. */
export function referralInput(measureId: string) {
  return {
    measureId,
    provider: { name: EXAMPLE_AGENCIES.mbe.name, agencyId: EXAMPLE_AGENCIES.mbe.agencyId },
    purpose: 'Anerkennungsberatung Pflege',
    feedback: { agreed: true, description: 'Rückmeldung nach dem Erstgespräch', nextFeedbackOn: isoDay(14) },
  };
}

/** The warm handover AsylbLG → SGB II with a handover conference. */
export function handoverInput(addresseeId: string) {
  const kim = EXAMPLE_ACTORS.kimCaseManager;
  const jc = EXAMPLE_ACTORS.jobcenterCaseManager;
  return {
    variant: 'warmHandover',
    to: EXAMPLE_AGENCIES.jobcenter,
    legalDomain: 'SGB_II',
    endsLegalDomain: 'AsylbLG',
    effectiveFrom: isoDay(),
    reason: 'Aufenthaltserlaubnis nach § 25b AufenthG: Leistungen nach SGB II.',
    conference: {
      heldOn: isoDay(),
      participants: [
        { name: kim.name, agencyId: kim.agencyId, role: 'Integrationsmanagerin KIM' },
        { name: jc.name, agencyId: jc.agencyId, role: 'Fallmanager Jobcenter' },
        { name: 'Amina Haidari', personId: addresseeId },
      ],
      notes: 'Übergabe gemeinsam mit Frau Haidari; Ziele werden fortgeführt.',
    },
  };
}
