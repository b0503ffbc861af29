import { text, type LocalizedText } from '../i18n/localized-text.js';
import { DATA_CATEGORIES, SPECIAL_DATA_CATEGORIES, type DataCategory } from '../model/record-meta.js';
import { PURPOSE_KINDS, purposeLabel } from '../privacy/purposes.js';
import { ok, refused, type Result } from '../result/refusal.js';
import { TYPICAL_RETENTION_SCHEDULE, type RetentionSchedule } from '../retention/retention-schedule.js';
import { RULE_STATUS, type RuleStatusEntry } from './rule-status.js';

/** A recipient (category) the configuration passes data to. */
export interface ConfiguredRecipient {
  readonly agencyId: string;
  readonly name: string;
  /** `benefitAgency`, `independentProvider`, `court`, `youthOffice` … as the host names it. */
  readonly kind: string;
}

/** What the host tells Fallkit about its processing, for the record of processing activities. */
export interface ProcessingConfig {
  readonly controller: {
    readonly name: string;
    readonly address?: string;
    readonly dataProtectionOfficer?: string;
  };
  /** Purposes in use (`caseManagement`, `measureDelivery:<id>` …); every purpose kind if absent. */
  readonly purposes?: readonly string[];
  readonly recipients: readonly ConfiguredRecipient[];
  /** Categories processed; all categories of the model if absent. */
  readonly categories?: readonly DataCategory[];
  readonly retention?: RetentionSchedule;
  /** Whether the browser store encrypts at rest (DP-37: on by default; turning it off must show here). */
  readonly encryptionAtRest: boolean;
  /** Further technical and organisational measures of the host (server, backups, training). */
  readonly hostMeasures?: readonly string[];
}

/** One processing activity of the record (Art. 30(1) GDPR). */
export interface ProcessingActivity {
  readonly purpose: string;
  readonly label: LocalizedText;
  readonly dataSubjects: LocalizedText;
  readonly categories: readonly DataCategory[];
  readonly specialCategories: readonly DataCategory[];
  readonly recipients: readonly ConfiguredRecipient[];
  readonly retention: readonly { readonly ruleId: string; readonly reference: string; readonly verified: boolean }[];
}

/** A draft record of processing activities (DP-39; Art. 30 GDPR) and the DPIA inputs (Art. 35). */
export interface ProcessingRecord {
  readonly draft: true;
  readonly controller: ProcessingConfig['controller'];
  readonly activities: readonly ProcessingActivity[];
  /** Technical and organisational measures (Art. 32): the core's guarantees plus the host's. */
  readonly measures: readonly LocalizedText[];
  readonly dpia: {
    readonly expected: true;
    readonly reasons: readonly LocalizedText[];
    readonly rules: readonly RuleStatusEntry[];
  };
  readonly note: LocalizedText;
}

const SUBJECTS = text(
  'Ratsuchende und Leistungsberechtigte, Haushaltsangehörige, Kinder, Angehörige, Vertreter/innen',
  'Clients and benefit claimants, household members, children, relatives, representatives',
);

const CORE_MEASURES: readonly LocalizedText[] = [
  text(
    'Hash-verkettetes Ereignisjournal je Akte, prüfbar (DP-38)',
    'Hash-chained, verifiable event journal per case (DP-38)',
  ),
  text(
    'Datenkategorien an jedem Eintrag, Entscheidungen mit Regel-Kennung (DP-01, DP-23)',
    'Data categories on every item, decisions with rule ids (DP-01, DP-23)',
  ),
  text('Zugriffsprotokoll als eigene Kette (DP-28)', 'Access log as a chain of its own (DP-28)'),
  text(
    'Kleinzellen- und Sekundärsperrung in Berichten (DP-33)',
    'Small-cell and secondary suppression in reports (DP-33)',
  ),
  text(
    'Löschung unter Erhalt der Kette, Löschprotokoll nur mit Hash (DP-32, DP-36)',
    'Erasure keeping the chain, deletion log with hashes only (DP-32, DP-36)',
  ),
];

/**
 * Exports a draft record of processing activities from the configuration (DP-39): one activity per
 * configured purpose with categories, recipients and retention rows, the measures, and the DPIA
 * inputs (a DPIA is expected: special categories of vulnerable people shared across agencies) with
 * every PRIVACY.md rule and its status. Refused when the configuration names no controller.
 */
export function exportProcessingRecord(config: ProcessingConfig): Result<ProcessingRecord> {
  if (config.controller.name.trim() === '') {
    return refused({
      code: 'INVALID_INPUT',
      rule: 'DP-39',
      path: ['controller', 'name'],
      message: text('Der Verantwortliche muss benannt sein.', 'The controller must be named.'),
    });
  }
  const purposes = config.purposes ?? PURPOSE_KINDS.filter((k) => k !== 'measureDelivery' && k !== 'caseConference');
  const categories = [...(config.categories ?? DATA_CATEGORIES)];
  const retention = (config.retention ?? TYPICAL_RETENTION_SCHEDULE).rules.map((r) => ({
    ruleId: r.id,
    reference: r.reference,
    verified: r.verified,
  }));
  const activities: ProcessingActivity[] = purposes.map((purpose) => {
    const statistics = purpose === 'statistics';
    return {
      purpose,
      label: purposeLabel(purpose),
      dataSubjects: SUBJECTS,
      // Statistics only ever leave the core as suppressed aggregates; they still read these categories.
      categories,
      specialCategories: categories.filter((c) => SPECIAL_DATA_CATEGORIES.includes(c)),
      recipients: statistics ? [] : config.recipients,
      retention,
    };
  });
  const measures = [
    ...CORE_MEASURES,
    config.encryptionAtRest
      ? text('Verschlüsselung im Browser-Speicher (AES-GCM, DP-37)', 'Encryption in browser storage (AES-GCM, DP-37)')
      : text(
          'Verschlüsselung im Browser-Speicher ausdrücklich ABGESCHALTET (DP-37): Begründung des Hosts erforderlich',
          'Encryption in browser storage explicitly SWITCHED OFF (DP-37): the host must give its reason',
        ),
    ...(config.hostMeasures ?? []).map((m) => text(m, m)),
  ];
  return ok({
    draft: true,
    controller: config.controller,
    activities,
    measures,
    dpia: {
      expected: true,
      reasons: [
        text(
          'Besondere Kategorien (Art. 9 DSGVO) werden verarbeitet.',
          'Special categories (Art. 9 GDPR) are processed.',
        ),
        text(
          'Betroffen sind schutzbedürftige Menschen, darunter Kinder.',
          'Vulnerable people, children among them, are concerned.',
        ),
        text(
          'Daten werden zwischen Stellen mehrerer Rechtskreise geteilt.',
          'Data are shared between agencies of several legal domains.',
        ),
      ],
      rules: RULE_STATUS,
    },
    note: text(
      'Entwurf aus der Konfiguration; Rechtsgrundlagen und Fristen prüft und ergänzt die Datenschutzbeauftragte.',
      'Draft from the configuration; the data-protection officer checks and completes legal bases and periods.',
    ),
  });
}
