/* global window, document -- runs in the host page */
/**
 * What every host app shares (copied into each host's `src/shared/` by scripts/test-hosts.mjs, so it resolves
 * the host's own node_modules, i.e. the packed tarballs): the connected setup exactly as the README writes it
 * (Dexie store with encryption, case service, views, `connectCase`), and `window.fkHost`, the record the
 * driver reads (what the host's form submitted, whether the connected form saved).
 */
import { connectCase } from '@fallkit/components';
import { createCaseService, createCaseViews, randomIds, systemClock } from '@fallkit/core';
import { openDexieCaseStore } from '@fallkit/store-dexie';

/**
 * @typedef {{ ready: boolean, connected?: boolean, connectError?: string, submitted?: Record<string, string>,
 *   submits: number, frameworkChanges: number, lastChangeValid?: boolean, saved: number }} FkHostRecord
 */

/** @returns {FkHostRecord} */
export function hostRecord() {
  const w = /** @type {Window & { fkHost?: FkHostRecord }} */ (window);
  w.fkHost ??= { ready: false, submits: 0, frameworkChanges: 0, saved: 0 };
  return w.fkHost;
}

/** The host form's submit handler: never navigates, records the FormData. */
export function recordSubmit(/** @type {Event} */ event) {
  event.preventDefault();
  // The submit event's target is the form (React hands the native event, whose currentTarget is its root).
  const form = /** @type {HTMLFormElement} */ (event.target);
  const record = hostRecord();
  record.submits += 1;
  record.submitted = Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)]));
}

/** @type {Promise<void> | undefined} */
let connecting;

/**
 * Connects the element with id `connected-form` to the case F-HOST-1 (opened on first use), once per page
 * (React's StrictMode runs effects twice in development).
 */
export function connectHostForm() {
  connecting ??= connect();
  return connecting;
}

async function connect() {
  const record = hostRecord();
  const element = document.getElementById('connected-form');
  const opened = await openDexieCaseStore({ name: 'fallkit-host', encryption: { passphrase: 'host-test-passphrase' } });
  if (!opened.ok) {
    record.connectError = opened.errors[0]?.message.en;
    return;
  }
  const actor = { id: 'u-17', role: 'caseManager', agencyId: 'jobcenter-musterstadt', name: 'A. Beispiel' };
  const ports = { store: opened.value, clock: systemClock, ids: randomIds };
  const service = createCaseService({ ...ports, actor });
  const views = createCaseViews({ service, ...ports });
  element?.addEventListener('fk-saved', () => (record.saved += 1));
  const connected = await connectCase(element, {
    service,
    views,
    caseId: 'F-HOST-1',
    open: {
      addressee: { roles: ['addressee'], givenName: 'Mia', familyName: 'Muster' },
      leadAgency: { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt', legalDomain: 'SGB_II' },
    },
  });
  if (connected.ok && connected.value.opened) {
    // A new case starts at intake; the assessment comes after admission and first counselling (PR-08, PR-10).
    // The host records those stages first, as a vendor's case that went through them would have.
    const prepared = await prepareForAssessment(service, 'F-HOST-1');
    if (prepared) {
      record.connectError = prepared;
      return;
    }
  }
  record.connected = connected.ok;
  if (!connected.ok) record.connectError = connected.errors.map((e) => `${e.code}: ${e.message.en}`).join('; ');
}

/**
 * Referral, casefinding check, admission and a first counselling that decides for an assessment.
 * @param {{ execute(command: any): Promise<{ ok: boolean, errors?: { code: string }[] }> }} service
 * @returns {Promise<string | undefined>} the first refusal, if any
 */
async function prepareForAssessment(service, caseId) {
  const criteria = [
    'multipleProblems',
    'manyActors',
    'highCoordinationNeed',
    'crossesResponsibilities',
    'standardServicesInsufficient',
    'environmentOverwhelmedOrAbsent',
    'courseHardToForesee',
    'incalculableInteractions',
  ];
  const steps = [
    {
      type: 'recordReferral',
      input: {
        referrer: { kind: 'self', name: 'Mia Muster' },
        referredOn: new Date().toISOString().slice(0, 10),
        reason: 'Wohnungsverlust droht.',
      },
    },
    {
      type: 'checkCasefindingCriteria',
      input: {
        criteria: criteria.map((criterionId) => ({ criterionId, met: true })),
        complexNeeds: true,
        summary: 'Komplexer Bedarf.',
      },
    },
    { type: 'decideAdmission', input: { admitted: true, reasons: 'Komplexer Bedarf über mehrere Lebensbereiche.' } },
    {
      type: 'recordFirstCounselling',
      input: {
        concernInOwnWords: 'Wir brauchen eine Wohnung.',
        firstPictureProblems: 'Wohnungsverlust, Schulden.',
        firstPictureResources: 'Familie hilft.',
        motivation: { level: 'high' },
        willingnessToCooperate: 'high',
        abilityToCooperate: 'high',
        informationGiven: {
          processExplained: true,
          rolesExplained: true,
          chancesAndDemandsExplained: true,
          dataProtectionExplained: true,
        },
        oralContract: { made: true, note: 'Termine alle zwei Wochen.' },
        decision: { kind: 'assessment' },
      },
    },
  ];
  for (const step of steps) {
    const result = await service.execute({ ...step, caseId });
    if (!result.ok) return `${step.type}: ${result.errors?.map((e) => e.code).join(', ')}`;
  }
  return undefined;
}
