import type { Actor } from '../ports/actor.js';
import type { AgencyRef } from '../model/primitives.js';

/** Fictional agencies of Musterstadt used by the example cases. */
export const EXAMPLE_AGENCIES = {
  kim: { agencyId: 'kim-musterstadt', name: 'Kommunales Integrationsmanagement Musterstadt' },
  jobcenter: { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' },
  jugendamt: { agencyId: 'jugendamt-musterstadt', name: 'Jugendamt Musterstadt' },
  sozialamt: { agencyId: 'sozialamt-musterstadt', name: 'Sozialamt Musterstadt' },
  auslaenderbehoerde: { agencyId: 'auslaenderbehoerde-musterstadt', name: 'Ausländerbehörde Musterstadt' },
  schuldnerberatung: {
    agencyId: 'caritas-schuldnerberatung',
    name: 'Schuldner- und Insolvenzberatung der Caritas Musterstadt',
  },
  suchtberatung: { agencyId: 'diakonie-suchtberatung', name: 'Suchtberatung der Diakonie Musterstadt' },
  vhs: { agencyId: 'vhs-musterstadt', name: 'Volkshochschule Musterstadt' },
  mbe: { agencyId: 'awo-migrationsberatung', name: 'Migrationsberatung für erwachsene Zugewanderte (AWO Musterstadt)' },
  wohnungslotsen: { agencyId: 'wohnungslotsen-musterstadt', name: 'Wohnungslotsen Musterstadt e. V.' },
  pflegestuetzpunkt: { agencyId: 'pflegestuetzpunkt-musterstadt', name: 'Pflegestützpunkt Musterstadt' },
} as const satisfies Record<string, AgencyRef>;

/** Fictional users of the example cases. */
export const EXAMPLE_ACTORS = {
  /** Case manager in the municipal integration management. */
  kimCaseManager: { id: 'u-kim-krueger', role: 'caseManager', agencyId: 'kim-musterstadt', name: 'Sabine Krüger' },
  /** Intake at the municipal service point (Servicestelle). */
  kimIntake: { id: 'u-kim-weber', role: 'intake', agencyId: 'kim-musterstadt', name: 'Jonas Weber' },
  /** Jobcenter case manager (Fallmanagement § 14/§ 16a SGB II). */
  jobcenterCaseManager: {
    id: 'u-jc-demir',
    role: 'caseManager',
    agencyId: 'jobcenter-musterstadt',
    name: 'Murat Demir',
  },
  /** Second Jobcenter case manager. */
  jobcenterCaseManager2: {
    id: 'u-jc-hoffmann',
    role: 'caseManager',
    agencyId: 'jobcenter-musterstadt',
    name: 'Claudia Hoffmann',
  },
  /** Social worker of the youth welfare office (Allgemeiner Sozialer Dienst, § 36 SGB VIII). */
  jugendamtCaseManager: {
    id: 'u-ja-yilmaz',
    role: 'caseManager',
    agencyId: 'jugendamt-musterstadt',
    name: 'Elif Yılmaz',
  },
  /** Case manager at the social welfare office (SGB XII; also Träger der Eingliederungshilfe, SGB IX). */
  sozialamtCaseManager: {
    id: 'u-soz-lange',
    role: 'caseManager',
    agencyId: 'sozialamt-musterstadt',
    name: 'Petra Lange',
  },
  /** Data-protection officer of the municipal integration management: decides data-subject requests (DP-41). */
  kimDataProtectionOfficer: {
    id: 'u-kim-dsb',
    role: 'dataProtectionOfficer',
    agencyId: 'kim-musterstadt',
    name: 'Dr. Anna Schulz',
  },
  /** Data-protection officer of the Jobcenter (DP-41). */
  jobcenterDataProtectionOfficer: {
    id: 'u-jc-dsb',
    role: 'dataProtectionOfficer',
    agencyId: 'jobcenter-musterstadt',
    name: 'Stefan Yilmaz',
  },
} as const satisfies Record<string, Actor>;
