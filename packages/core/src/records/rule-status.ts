import { text, type LocalizedText } from '../i18n/localized-text.js';

/** How far a PRIVACY.md rule is carried by Fallkit. */
export type RuleStatus = 'implemented' | 'partly' | 'hostDuty';

/** One rule of PRIVACY.md with its status, where it is proven and what remains with the host. */
export interface RuleStatusEntry {
  readonly id: string;
  readonly title: LocalizedText;
  readonly status: RuleStatus;
  /** Where it is enforced (package and module). */
  readonly enforcedIn: string;
  /** Test files that name the rule id. */
  readonly tests: readonly string[];
  /** What the host (operator, vendor) must still do. */
  readonly hostDuty?: LocalizedText;
}

function rule(
  id: string,
  de: string,
  en: string,
  status: RuleStatus,
  enforcedIn: string,
  tests: readonly string[],
  hostDuty?: LocalizedText,
): RuleStatusEntry {
  return hostDuty === undefined
    ? { id, title: text(de, en), status, enforcedIn, tests }
    : { id, title: text(de, en), status, enforcedIn, tests, hostDuty };
}

const HOST_ACCESS = text(
  'Der Host ordnet Benutzer korrekt Rollen und Dienststellen zu (eigene Zugriffskontrolle, Anmeldung).',
  'The host maps users to roles and agencies correctly (its own access control and login).',
);

/**
 * Every rule of PRIVACY.md with its status (DP-39 DPIA inputs). Rules DP-01..DP-28 are the privacy
 * module's, DP-29..DP-36 and DP-38/39 the rights, retention, reporting and records modules', DP-37 the
 * Dexie store's. Kept as data so the DPIA export and the documentation say the same.
 */
export const RULE_STATUS: readonly RuleStatusEntry[] = [
  rule('DP-01', 'Kennzeichnungspflicht', 'Tagging is mandatory', 'implemented', '@fallkit/core privacy/categories', [
    'packages/core/test/privacy/categories.test.ts',
  ]),
  rule(
    'DP-02',
    'Minimale Formulare',
    'Minimal forms',
    'partly',
    '@fallkit/core privacy/forms, @fallkit/components',
    [
      'packages/core/test/privacy/categories.test.ts',
      'packages/components/test/assessment-form/assessment-form.test.ts',
    ],
    text(
      'Formulare des Hosts zeigen Art.-9-Felder eingeklappt und optional.',
      'The host’s own forms keep Art. 9 fields optional and collapsed.',
    ),
  ),
  rule('DP-03', 'Freitext-Warnung', 'Free-text warning', 'implemented', '@fallkit/core privacy/free-text', [
    'packages/core/test/privacy/categories.test.ts',
  ]),
  rule('DP-04', 'Erhebung beim Betroffenen', 'From the person first', 'implemented', '@fallkit/core privacy', [
    'packages/core/test/privacy/categories.test.ts',
  ]),
  rule(
    'DP-05',
    'Zweckbindung',
    'Purpose binding',
    'implemented',
    '@fallkit/core privacy/decide, reporting/build-report',
    ['packages/core/test/privacy/categories.test.ts', 'packages/core/test/reporting/build-report.test.ts'],
  ),
  rule(
    'DP-06',
    'Dritte sind auch Betroffene',
    'Third parties are subjects too',
    'implemented',
    '@fallkit/core privacy',
    ['packages/core/test/privacy/categories.test.ts'],
  ),
  rule('DP-07', 'Bestimmte Einwilligung', 'Specific consent', 'implemented', '@fallkit/core privacy/consent', [
    'packages/core/test/privacy/consent.test.ts',
  ]),
  rule('DP-08', 'Form und Nachweis', 'Form and proof', 'implemented', '@fallkit/core privacy/consent', [
    'packages/core/test/privacy/consent.test.ts',
    'packages/components/test/consent-manager/consent-manager.test.ts',
  ]),
  rule(
    'DP-09',
    'Vorherige Information',
    'Informed first',
    'partly',
    '@fallkit/components fk-consent',
    ['packages/core/test/privacy/consent.test.ts', 'packages/components/test/consent-manager/consent-manager.test.ts'],
    text(
      'Der Informationstext selbst wird vom Träger verantwortet.',
      'The controller is responsible for the information text itself.',
    ),
  ),
  rule(
    'DP-10',
    'Freiwillig, teilbar, voreingestellt aus',
    'Voluntary, partial, default off',
    'implemented',
    '@fallkit/core privacy/consent',
    ['packages/core/test/privacy/consent.test.ts', 'packages/core/test/privacy/vignette.test.ts'],
  ),
  rule('DP-11', 'Befristung', 'Time-limited', 'implemented', '@fallkit/core privacy/consent', [
    'packages/core/test/privacy/consent.test.ts',
  ]),
  rule('DP-12', 'Minderjährige', 'Minors', 'implemented', '@fallkit/core privacy/consent', [
    'packages/core/test/privacy/consent.test.ts',
    'packages/core/test/privacy/vignette.test.ts',
  ]),
  rule('DP-13', 'Rechtliche Betreuung', 'Legal guardians', 'implemented', '@fallkit/core privacy/consent', [
    'packages/core/test/privacy/consent.test.ts',
    'packages/core/test/privacy/vignette.test.ts',
  ]),
  rule(
    'DP-14',
    'Widerruf für die Zukunft',
    'Withdrawal for the future',
    'implemented',
    '@fallkit/core privacy/consent',
    ['packages/core/test/privacy/consent.test.ts', 'packages/core/test/privacy/vignette.test.ts'],
  ),
  rule(
    'DP-15',
    'Schweigepflichtentbindung',
    'Confidentiality release',
    'implemented',
    '@fallkit/core privacy/consent',
    ['packages/core/test/privacy/consent.test.ts'],
  ),
  rule(
    'DP-16',
    'Rechtsgrundlage je Übermittlung',
    'One recorded basis per transfer',
    'implemented',
    '@fallkit/core privacy/transfer',
    ['packages/core/test/privacy/transfer.test.ts'],
  ),
  rule('DP-17', 'Auswahl statt Akte', 'Selection, not files', 'implemented', '@fallkit/core privacy/transfer', [
    'packages/core/test/privacy/transfer.test.ts',
  ]),
  rule(
    'DP-18',
    'Nicht-öffentliche Partner',
    'Non-statutory partners',
    'implemented',
    '@fallkit/core privacy/transfer',
    ['packages/core/test/privacy/transfer.test.ts'],
  ),
  rule(
    'DP-19',
    'Erfolgsprüfung Jugendhilfe',
    'Youth-welfare success test',
    'implemented',
    '@fallkit/core privacy/transfer',
    ['packages/core/test/privacy/transfer.test.ts'],
  ),
  rule('DP-20', 'Anvertraute Daten', 'Entrusted data', 'implemented', '@fallkit/core privacy/transfer', [
    'packages/core/test/privacy/transfer.test.ts',
  ]),
  rule('DP-21', 'Kinderschutz', 'Child protection', 'implemented', '@fallkit/core privacy/transfer', [
    'packages/core/test/privacy/transfer.test.ts',
  ]),
  rule(
    'DP-22',
    'Ausländerbehörde',
    'Immigration authority',
    'implemented',
    '@fallkit/core privacy/transfer',
    ['packages/core/test/privacy/transfer.test.ts'],
    text(
      'Rechtliche Prüfung der Ausnahmen (§ 87 AufenthG) durch den Träger.',
      'Legal review of the exceptions (§ 87 AufenthG) by the controller.',
    ),
  ),
  rule(
    'DP-23',
    'Sichten nach Erforderlichkeit',
    'Need-to-know views',
    'implemented',
    '@fallkit/core privacy/view, privacy/guard',
    ['packages/core/test/privacy/views.test.ts', 'packages/core/test/privacy/vignette.test.ts'],
    HOST_ACCESS,
  ),
  rule(
    'DP-24',
    'Schwärzung erklärt sich',
    'Redaction explains itself',
    'implemented',
    '@fallkit/core privacy/view, @fallkit/components',
    ['packages/core/test/privacy/views.test.ts', 'packages/components/test/foundation/redacted.test.ts'],
  ),
  rule(
    'DP-25',
    'Notfallzugriff',
    'Break-glass',
    'implemented',
    '@fallkit/core privacy',
    ['packages/core/test/privacy/views.test.ts'],
    text(
      'Zustellung der Meldungen an Teamleitung und Datenschutzbeauftragte.',
      'Delivering the alerts to team lead and data-protection officer.',
    ),
  ),
  rule(
    'DP-26',
    'Beschäftigte als Klienten',
    'Staff as clients',
    'implemented',
    '@fallkit/core privacy',
    ['packages/core/test/privacy/views.test.ts'],
    HOST_ACCESS,
  ),
  rule(
    'DP-27',
    'Menschen entscheiden',
    'Humans decide',
    'implemented',
    '@fallkit/core privacy/guard, retention/retention-sweep, rights',
    [
      'packages/core/test/privacy/views.test.ts',
      'packages/core/test/process/rules.test.ts',
      'packages/core/test/retention/retention.test.ts',
      'packages/core/test/rights/erasure.test.ts',
    ],
  ),
  rule('DP-28', 'Zugriffsprotokoll', 'Access log', 'implemented', '@fallkit/core privacy/access-log', [
    'packages/core/test/privacy/views.test.ts',
  ]),
  rule(
    'DP-29',
    'Auskunft und Export',
    'Access and export',
    'implemented',
    '@fallkit/core rights/subject-export, rights-commands',
    ['packages/core/test/rights/access-rectification.test.ts'],
    text(
      'Identität der anfragenden Person prüfen, bevor die Auskunft herausgeht.',
      'Verify the identity of the requester before handing out the export.',
    ),
  ),
  rule(
    'DP-30',
    'Berichtigung mit Verlauf',
    'Correction with history',
    'implemented',
    '@fallkit/core rights/rights-commands',
    ['packages/core/test/rights/access-rectification.test.ts'],
    text(
      'Empfänger tatsächlich benachrichtigen (das Ereignis hält fest, wer zu benachrichtigen ist).',
      'Actually inform the recipients (the event records who is to be told).',
    ),
  ),
  rule(
    'DP-31',
    'Löschung, Einschränkung, Widerspruch',
    'Erasure, restriction, objection',
    'implemented',
    '@fallkit/core rights, reporting/build-report',
    ['packages/core/test/rights/erasure.test.ts', 'packages/core/test/reporting/build-report.test.ts'],
  ),
  rule(
    'DP-32',
    'Löschung im verketteten Journal',
    'Erasure in a hash-chained journal',
    'implemented',
    '@fallkit/core rights/erasure, store port erasePayloads',
    ['packages/core/test/rights/erasure.test.ts', 'packages/store-dexie/test/encryption.test.ts'],
    text(
      'Sicherungskopien: gelöschte Inhalte auch dort nach Frist entfernen.',
      'Backups: remove erased content there too within the backup cycle.',
    ),
  ),
  rule('DP-33', 'Kleine Zellen unterdrückt', 'Small cells suppressed', 'implemented', '@fallkit/core reporting', [
    'packages/core/test/reporting/cell-suppression.test.ts',
    'packages/core/test/reporting/build-report.test.ts',
  ]),
  rule(
    'DP-34',
    'Pseudonymisierte Fallbeispiele',
    'Pseudonymised case examples',
    'implemented',
    '@fallkit/core reporting/pseudonymised-view',
    ['packages/core/test/reporting/build-report.test.ts'],
    text(
      'Den Schlüssel beim Verantwortlichen verwahren; Freitext vor Weitergabe lesen.',
      'Keep the key with the controller; read free text before passing an example on.',
    ),
  ),
  rule(
    'DP-35',
    'Konfigurierbare Aufbewahrung',
    'Configurable retention',
    'implemented',
    '@fallkit/core retention',
    ['packages/core/test/retention/retention.test.ts'],
    text(
      'Fristen mit Schriftgutverwaltung und Datenschutzbeauftragter festlegen (Beispielwerte sind ungeprüft).',
      'Set the periods with records management and the data-protection officer (the typical values are unverified).',
    ),
  ),
  rule(
    'DP-36',
    'Automatische Löschung',
    'Automatic deletion or anonymisation',
    'implemented',
    '@fallkit/core retention/retention-sweep',
    ['packages/core/test/retention/retention.test.ts'],
    text(
      'Den Lauf einplanen und die Bestätigung durch eine Person organisieren.',
      'Schedule the run and organise the confirmation by a person.',
    ),
  ),
  rule(
    'DP-37',
    'Verschlüsselung im Browser',
    'Encryption at rest',
    'implemented',
    '@fallkit/store-dexie',
    ['packages/store-dexie/test/encryption.test.ts', 'test/demo-shell.test.ts'],
    text('Eigener Server und andere Speicher des Hosts.', 'The host’s own server and other storage.'),
  ),
  rule(
    'DP-38',
    'Manipulationsnachweis und Datenpannen',
    'Tamper evidence and breach support',
    'implemented',
    '@fallkit/core journal/verify-journal, records/breach-support',
    [
      'packages/core/test/journal-integrity.test.ts',
      'packages/core/test/records/records.test.ts',
      'packages/store-dexie/test/backup.test.ts',
    ],
    text(
      'Meldung an die Aufsichtsbehörde binnen 72 Stunden; Alarme zustellen.',
      'Notify the supervisory authority within 72 hours; deliver the alerts.',
    ),
  ),
  rule(
    'DP-39',
    'Verzeichnis und DSFA',
    'Records and DPIA inputs',
    'partly',
    '@fallkit/core records',
    ['packages/core/test/records/records.test.ts'],
    text(
      'Die Datenschutz-Folgenabschätzung selbst führt der Träger durch.',
      'The controller carries out the DPIA itself.',
    ),
  ),
];
