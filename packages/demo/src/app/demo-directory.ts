/**
 * The demo office's directory and print settings: what a real host configures for `<fk-directory>` (the
 * agencies and providers recipients, providers and the receiving agency are chosen from by name) and
 * `<fk-print-settings>` (letterhead, controller and data-protection officer of the Art. 13 GDPR
 * information on every print). Configuration, not case data; the agencies are the core's fictional
 * Musterstadt examples, so their ids match the example cases and actors.
 */
import type { Directory, PrintSettings } from '@fallkit/components';
import { EXAMPLE_AGENCIES as A } from '@fallkit/core/examples';

/** The agencies and providers of Musterstadt the case managers work with. */
export const DEMO_DIRECTORY: Directory = [
  { ...A.kim, kind: 'agency', address: 'Rathausplatz 1, 45127 Musterstadt' },
  { ...A.jobcenter, kind: 'agency', contactPerson: 'Murat Demir', address: 'Am Arbeitsamt 3, 45127 Musterstadt' },
  { ...A.sozialamt, kind: 'agency', address: 'Rathausplatz 1, 45127 Musterstadt' },
  { ...A.jugendamt, kind: 'agency', address: 'Kinderweg 2, 45127 Musterstadt' },
  { ...A.auslaenderbehoerde, kind: 'agency', address: 'Rathausplatz 5, 45127 Musterstadt' },
  {
    ...A.schuldnerberatung,
    kind: 'provider',
    contactPerson: 'Karin Ebert',
    address: 'Kirchstraße 12, 45127 Musterstadt',
    offers: 'Schuldner- und Insolvenzberatung',
  },
  { ...A.suchtberatung, kind: 'provider', address: 'Lindenallee 4, 45127 Musterstadt', offers: 'Suchtberatung' },
  {
    ...A.vhs,
    kind: 'provider',
    address: 'Bildungsplatz 1, 45127 Musterstadt',
    offers: 'Sprach- und Integrationskurse',
  },
  {
    ...A.mbe,
    kind: 'provider',
    address: 'Marktstraße 8, 45127 Musterstadt',
    offers: 'Migrationsberatung, Anerkennung',
  },
  {
    ...A.wohnungslotsen,
    kind: 'provider',
    address: 'Gartenweg 7, 45127 Musterstadt',
    offers: 'Hilfe bei der Wohnungssuche',
  },
  { ...A.pflegestuetzpunkt, kind: 'provider', address: 'Am Park 2, 45127 Musterstadt', offers: 'Pflegeberatung' },
];

/** Letterhead, controller and data-protection officer of the demo office's prints. */
export const DEMO_PRINT_SETTINGS: PrintSettings = {
  letterhead: {
    name: 'Stadt Musterstadt',
    unit: 'Kommunales Integrationsmanagement',
    address: ['Rathausplatz 1', '45127 Musterstadt'],
  },
  controller: {
    name: 'Stadt Musterstadt, vertreten durch den Oberbürgermeister',
    address: ['Rathausplatz 1', '45127 Musterstadt'],
    email: 'kim@musterstadt.invalid',
  },
  dataProtectionOfficer: {
    name: 'Behördliche Datenschutzbeauftragte der Stadt Musterstadt',
    email: 'datenschutz@musterstadt.invalid',
    address: ['Rathausplatz 1', '45127 Musterstadt'],
  },
  supervisoryAuthority: 'Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen',
};
