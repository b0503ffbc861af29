/**
 * The people a visitor of the demo can act as. The switch in the page header changes who the case service
 * acts for and whose view of a case is decided (DP-23): the same case looks different for each of them.
 */
import { EXAMPLE_ACTORS, EXAMPLE_AGENCIES } from '@fallkit/core/examples';
import { text, type Actor, type LocalizedText } from '@fallkit/core';

/** One selectable actor with what the page says about them. */
export interface DemoActor {
  /** Stable key for the switch and the URL. */
  readonly key: string;
  readonly actor: Actor;
  /** The agency's name for the header. */
  readonly agencyName: string;
  /** Short description of the role. */
  readonly role: LocalizedText;
  /** The purpose of processing this actor reads and writes for. */
  readonly purpose: string;
}

/** The actors of the demo, in the order of the switch. */
export const DEMO_ACTORS: readonly DemoActor[] = [
  {
    key: 'kim',
    actor: EXAMPLE_ACTORS.kimCaseManager,
    agencyName: EXAMPLE_AGENCIES.kim.name,
    role: text('Fallmanagerin im Kommunalen Integrationsmanagement', 'Case manager, municipal integration management'),
    purpose: 'caseManagement',
  },
  {
    key: 'jobcenter',
    actor: EXAMPLE_ACTORS.jobcenterCaseManager,
    agencyName: EXAMPLE_AGENCIES.jobcenter.name,
    role: text('Fallmanager im Jobcenter (nach Übergabe)', 'Jobcenter case manager (after a handover)'),
    purpose: 'caseManagement',
  },
  {
    key: 'jugendamt',
    actor: EXAMPLE_ACTORS.jugendamtCaseManager,
    agencyName: EXAMPLE_AGENCIES.jugendamt.name,
    role: text(
      'Fachkraft im Allgemeinen Sozialen Dienst (Hilfeplan, § 36 SGB VIII)',
      'Social worker, youth welfare office (help plan, § 36 SGB VIII)',
    ),
    purpose: 'caseManagement',
  },
  {
    key: 'sozialamt',
    actor: EXAMPLE_ACTORS.sozialamtCaseManager,
    agencyName: EXAMPLE_AGENCIES.sozialamt.name,
    role: text(
      'Fallmanagerin der Eingliederungshilfe (Gesamtplan, SGB IX)',
      'Case manager, integration assistance (overall plan, SGB IX)',
    ),
    purpose: 'caseManagement',
  },
  {
    key: 'schuldnerberatung',
    actor: {
      id: 'u-sb-ebert',
      role: 'partnerAgency',
      agencyId: EXAMPLE_AGENCIES.schuldnerberatung.agencyId,
      name: 'Karin Ebert',
    },
    agencyName: EXAMPLE_AGENCIES.schuldnerberatung.name,
    role: text('Partnerstelle Schuldnerberatung', 'Partner agency, debt counselling'),
    purpose: 'caseManagement',
  },
  {
    key: 'teamlead',
    actor: { id: 'u-kim-schmidt', role: 'teamLead', agencyId: EXAMPLE_AGENCIES.kim.agencyId, name: 'Dr. Anna Schmidt' },
    agencyName: EXAMPLE_AGENCIES.kim.name,
    role: text('Teamleitung KIM', 'Team lead, municipal integration management'),
    purpose: 'caseManagement',
  },
  {
    key: 'statistik',
    actor: { id: 'u-stat-becker', role: 'statistics', agencyId: EXAMPLE_AGENCIES.kim.agencyId, name: 'Tobias Becker' },
    agencyName: EXAMPLE_AGENCIES.kim.name,
    role: text('Statistik und Berichtswesen', 'Statistics and reporting'),
    purpose: 'statistics',
  },
];

/** The actor for a key; the first one (KIM case manager) for an unknown key. */
export function demoActor(key: string | undefined): DemoActor {
  return DEMO_ACTORS.find((entry) => entry.key === key) ?? DEMO_ACTORS[0]!;
}
