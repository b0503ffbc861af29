import { CATEGORY_LABELS } from '../privacy/categories.js';
import { isRedactionMarker } from '../privacy/decision.js';
import { purposeLabel } from '../privacy/purposes.js';
import type { DataCategory } from '../model/record-meta.js';
import type { ExportedCase, ExportedItem, SubjectExport } from './subject-export.js';

/** A table of the printable export: column headings and rows of plain text. */
export interface ExportDocumentTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** One section of the printable export. */
export interface ExportDocumentSection {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly table?: ExportDocumentTable;
}

/**
 * The person's export as a readable, printable document (DP-29, Art. 15 GDPR): plain text in
 * headings, paragraphs and tables, German first (English on request), for a print element to lay out.
 * Plain data, no markup: the element renders it as text, never as HTML.
 */
export interface ExportDocument {
  readonly language: 'de' | 'en';
  readonly title: string;
  readonly subtitle: string;
  readonly sections: readonly ExportDocumentSection[];
}

type Lang = 'de' | 'en';
const t = (language: Lang, de: string, en: string): string => (language === 'de' ? de : en);

const COLLECTIONS: Readonly<Record<string, readonly [string, string]>> = {
  persons: ['Angaben zur Person', 'Personal details'],
  residenceStatuses: ['Aufenthaltsstatus', 'Residence status'],
  referrals: ['Zuweisung', 'Referral'],
  casefindingChecks: ['Prüfung der Fallauswahl', 'Casefinding check'],
  admission: ['Aufnahme', 'Admission'],
  crises: ['Krise', 'Crisis'],
  firstCounselling: ['Erstberatung', 'First counselling'],
  assessments: ['Situationseinschätzung', 'Assessment'],
  reassessments: ['Neueinschätzung', 'Reassessment'],
  goals: ['Ziel', 'Goal'],
  measures: ['Maßnahme', 'Measure'],
  providerReferrals: ['Überleitung an einen Träger', 'Referral to a provider'],
  caseConferences: ['Fallkonferenz', 'Case conference'],
  contacts: ['Kontakt', 'Contact'],
  followUps: ['Wiedervorlage', 'Follow-up'],
  progressJudgements: ['Fortschritt', 'Progress'],
  deviations: ['Abweichung', 'Deviation'],
  readinessObservations: ['Beobachtung zur Ablösung', 'Readiness observation'],
  handovers: ['Übergabe', 'Handover'],
  notes: ['Vermerk', 'Note'],
  plans: ['Hilfeplan', 'Help plan'],
  closure: ['Abschluss', 'Closure'],
  evaluation: ['Auswertung', 'Evaluation'],
  legalDomains: ['Rechtskreis', 'Legal domain'],
};

const FIELDS: Readonly<Record<string, readonly [string, string]>> = {
  givenName: ['Vorname', 'Given name'],
  familyName: ['Nachname', 'Family name'],
  birthDate: ['Geburtsdatum', 'Date of birth'],
  gender: ['Geschlecht', 'Gender'],
  languages: ['Sprachen', 'Languages'],
  phone: ['Telefon', 'Phone'],
  email: ['E-Mail', 'E-mail'],
  address: ['Anschrift', 'Address'],
  title: ['Titel', 'Title'],
  description: ['Beschreibung', 'Description'],
  note: ['Notiz', 'Note'],
  reason: ['Grund', 'Reason'],
  status: ['Stand', 'Status'],
  problems: ['Schwierigkeiten', 'Problems'],
  resources: ['Stärken und Ressourcen', 'Resources'],
  personView: ['Ihre Sicht', 'Your view'],
  caseManagerView: ['Sicht der Fachkraft', "The case worker's view"],
  agreedInterpretation: ['Gemeinsame Einschätzung', 'Agreed interpretation'],
  dissent: ['Abweichende Sicht', 'Dissent'],
  wishesAndDreams: ['Wünsche und Träume', 'Wishes and dreams'],
  subject: ['Betreff', 'Subject'],
  outcome: ['Ergebnis', 'Outcome'],
  legalGround: ['Rechtsgrundlage', 'Legal ground'],
  validUntil: ['Gültig bis', 'Valid until'],
  dueOn: ['Fällig am', 'Due on'],
  on: ['Datum', 'Date'],
  domainId: ['Lebensbereich', 'Life domain'],
  from: ['ab', 'from'],
  until: ['bis', 'until'],
  target: ['Zielwert', 'Target'],
  name: ['Name', 'Name'],
  role: ['Rolle', 'Role'],
  purpose: ['Auftrag', 'Purpose'],
  modalities: ['Absprachen', 'Arrangements'],
  reasons: ['Gründe', 'Reasons'],
  explanation: ['Begründung', 'Explanation'],
  concernInOwnWords: ['Ihr Anliegen in Ihren Worten', 'Your concern in your own words'],
  judgement: ['Einschätzung', 'Judgement'],
  value: ['Wert', 'Value'],
  notes: ['Notizen', 'Notes'],
  heldOn: ['Datum', 'Date'],
  referredOn: ['Zugewiesen am', 'Referred on'],
  decidedOn: ['Entschieden am', 'Decided on'],
  checkedOn: ['Geprüft am', 'Checked on'],
  confirmedOn: ['Bestätigt am', 'Confirmed on'],
  startOn: ['Beginn', 'Start'],
  endOn: ['Ende', 'End'],
  doneOn: ['Erledigt am', 'Done on'],
  changedOn: ['Geändert am', 'Changed on'],
  costCarrier: ['Kostenträger', 'Cost carrier'],
  effectiveFrom: ['Wirksam ab', 'Effective from'],
  agreedOn: ['Vereinbart am', 'Agreed on'],
  criterionId: ['Kriterium', 'Criterion'],
  language: ['Sprache', 'Language'],
  contactPerson: ['Ansprechperson', 'Contact person'],
  personPosition: ['Ihre Position', 'Your position'],
  alternatives: ['Alternativen', 'Alternatives'],
  missingService: ['Fehlendes Angebot', 'Missing service'],
  firstPictureProblems: ['Erster Eindruck: Schwierigkeiten', 'First picture: problems'],
  firstPictureResources: ['Erster Eindruck: Stärken', 'First picture: resources'],
};

/** Record meta and ids: not content; shown in their own columns or not at all. */
const META = new Set([
  'id',
  'subjectIds',
  'categories',
  'origin',
  'purposeIds',
  'legalBasis',
  'recordedBy',
  'recordedAt',
  'thirdParty',
  'entrusted',
  'entrustedBy',
  'professionalSecret',
  'childProtection',
  'personId',
  'assessmentId',
  'parentGoalId',
  'goalIds',
  'measureIds',
  'participantIds',
  'domainIds',
  'supersedesId',
  'scaleId',
  // Histories repeat what the current value says; the JSON keeps them.
  'statusHistory',
  'history',
  'revisions',
  'forPersonId',
  'measureId',
  'providerReferralId',
  'fromAgencyId',
  'agencyId',
  // Codes without words for the person (their meaning is in the row's area and the JSON).
  'roles',
  'kind',
  'scope',
  'level',
  'wayOfLife',
  'mode',
  'form',
  'variant',
]);

/** `2026-05-27` → `27.05.2026` in German; ISO instants are cut to their date. */
export function formatExportDate(value: string, language: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (match === null) return value;
  const [, y, m, d] = match;
  return language === 'de' ? `${d}.${m}.${y}` : `${y}-${m}-${d}`;
}

function categories(list: readonly string[], language: Lang): string {
  return (
    list
      .map((c) => CATEGORY_LABELS[c as DataCategory]?.[language] ?? c)
      .sort()
      .join(', ') || '–'
  );
}

function source(value: string, language: Lang): string {
  if (value.startsWith('agency:')) return t(language, `Stelle ${value.slice(7)}`, `Agency ${value.slice(7)}`);
  const names: Record<string, readonly [string, string]> = {
    client: ['von Ihnen', 'from you'],
    thirdParty: ['von Dritten', 'from a third party'],
    caseManager: ['von der Fachkraft', 'from the case worker'],
    secretHolder: ['von Berufsgeheimnisträgern (§ 76 SGB X)', 'from a secret holder (§ 76 SGB X)'],
  };
  const name = names[value];
  return name === undefined ? value : t(language, name[0], name[1]);
}

/** The readable content of an item: its text fields, as "label: value", markers as a redaction note. */
function contentOf(data: unknown, language: Lang, path: string[] = []): string[] {
  if (isRedactionMarker(data))
    return [t(language, '[geschwärzt: Angaben über andere Personen]', '[redacted: data about other people]')];
  if (Array.isArray(data)) return data.flatMap((entry) => contentOf(entry, language, path));
  if (data === null || data === undefined) return [];
  if (typeof data === 'object') {
    const out: string[] = [];
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      if (META.has(key)) continue;
      out.push(...contentOf(value, language, [...path, key]));
    }
    return out;
  }
  if (typeof data === 'boolean') return [];
  const text = String(data).trim();
  if (text === '') return [];
  const key = path.at(-1) ?? '';
  const label = FIELDS[key];
  const shown = /^\d{4}-\d{2}-\d{2}/.test(text) ? formatExportDate(text, language) : text;
  return [`${label === undefined ? key : t(language, label[0], label[1])}: ${shown}`];
}

function itemRow(item: ExportedItem, language: Lang): string[] {
  const label = COLLECTIONS[item.collection];
  return [
    label === undefined ? item.collection : t(language, label[0], label[1]),
    item.recordedAt === undefined ? '–' : formatExportDate(item.recordedAt, language),
    categories(item.categories, language),
    source(item.source, language),
    item.purposes.map((p) => purposeLabel(p)[language]).join(', '),
    [
      ...contentOf(item.data, language),
      ...(item.disputed === undefined
        ? []
        : [
            t(
              language,
              `Bestritten (${item.disputed.field}): ${item.disputed.note}`,
              `Disputed (${item.disputed.field}): ${item.disputed.note}`,
            ),
          ]),
    ].join('\n'),
  ];
}

function consentRows(entries: readonly unknown[], language: Lang): string[][] {
  return entries.map((raw) => {
    const e = raw as Record<string, unknown>;
    const kind =
      e['type'] === 'ConsentWithdrawn'
        ? t(language, 'Widerruf', 'Withdrawal')
        : e['type'] === 'ConfidentialityReleaseRecorded'
          ? t(language, 'Schweigepflichtentbindung', 'Confidentiality release')
          : t(language, 'Einwilligung', 'Consent');
    const recipients = ((e['recipients'] as { name?: string; agencyId: string }[] | undefined) ?? [])
      .map((r) => r.name ?? r.agencyId)
      .join(', ');
    const period =
      typeof e['validFrom'] === 'string' && typeof e['validUntil'] === 'string'
        ? `${formatExportDate(e['validFrom'], language)} – ${formatExportDate(e['validUntil'], language)}`
        : '';
    return [
      kind,
      typeof e['at'] === 'string' ? formatExportDate(e['at'], language) : '–',
      categories((e['categories'] as string[] | undefined) ?? [], language),
      recipients || '–',
      period || '–',
    ];
  });
}

function transferRows(entries: readonly unknown[], language: Lang): string[][] {
  return entries.map((raw) => {
    const e = raw as Record<string, unknown>;
    const recipient = e['recipient'] as { name?: string; agencyId?: string } | undefined;
    const basis = e['legalBasis'] as { kind?: string; consentId?: string } | undefined;
    return [
      typeof e['at'] === 'string' ? formatExportDate(e['at'], language) : '–',
      recipient?.name ?? recipient?.agencyId ?? '–',
      basis?.kind === 'consent' ? t(language, 'Einwilligung', 'Consent') : (basis?.kind ?? '–'),
      purposeLabel(String(e['purpose'] ?? ''))[language],
      categories((e['categories'] as string[] | undefined) ?? [], language),
    ];
  });
}

function caseSections(c: ExportedCase, language: Lang): ExportDocumentSection[] {
  const sections: ExportDocumentSection[] = [
    {
      heading: t(language, `Akte ${c.caseId}: gespeicherte Angaben`, `Case ${c.caseId}: stored data`),
      paragraphs: [
        t(
          language,
          `${c.items.length} Einträge über Sie. Angaben über andere Personen sind geschwärzt, soweit deren Interessen überwiegen.`,
          `${c.items.length} items about you. Data about other people are redacted where their interests prevail.`,
        ),
      ],
      table: {
        columns: [
          t(language, 'Bereich', 'Area'),
          t(language, 'Erfasst am', 'Recorded on'),
          t(language, 'Kategorien', 'Categories'),
          t(language, 'Herkunft', 'Source'),
          t(language, 'Zweck', 'Purpose'),
          t(language, 'Inhalt', 'Content'),
        ],
        rows: c.items.map((item) => itemRow(item, language)),
      },
    },
    {
      heading: t(language, 'Einwilligungen und Widerrufe', 'Consents and withdrawals'),
      paragraphs: c.consents.length === 0 ? [t(language, 'Keine erfasst.', 'None recorded.')] : [],
      ...(c.consents.length === 0
        ? {}
        : {
            table: {
              columns: [
                t(language, 'Art', 'Kind'),
                t(language, 'Datum', 'Date'),
                t(language, 'Kategorien', 'Categories'),
                t(language, 'Empfänger', 'Recipients'),
                t(language, 'Gültig', 'Valid'),
              ],
              rows: consentRows(c.consents, language),
            },
          }),
    },
    {
      heading: t(language, 'Übermittlungen an andere Stellen', 'Transfers to other agencies'),
      paragraphs: c.transfers.length === 0 ? [t(language, 'Keine.', 'None.')] : [],
      ...(c.transfers.length === 0
        ? {}
        : {
            table: {
              columns: [
                t(language, 'Datum', 'Date'),
                t(language, 'Empfänger', 'Recipient'),
                t(language, 'Rechtsgrundlage', 'Legal basis'),
                t(language, 'Zweck', 'Purpose'),
                t(language, 'Kategorien', 'Categories'),
              ],
              rows: transferRows(c.transfers, language),
            },
          }),
    },
    {
      heading: t(language, 'Empfänger, Berichtigungen, Aufbewahrung', 'Recipients, rectifications, retention'),
      paragraphs: [
        t(language, 'Empfänger: ', 'Recipients: ') + (c.recipients.map((r) => r.name ?? r.agencyId).join(', ') || '–'),
        t(language, 'Berichtigungen: ', 'Rectifications: ') +
          (c.rectifications.length === 0
            ? '–'
            : c.rectifications
                .map((r) => `${r.field}${r.disputed ? t(language, ' (bestritten)', ' (disputed)') : ''}`)
                .join(', ')),
        c.retention.dueOn === null
          ? t(
              language,
              'Aufbewahrung: bis zum Abschluss der Akte, danach nach der Aufbewahrungstabelle der Stelle.',
              "Retention: until the case is closed, then per the agency's retention table.",
            )
          : t(
              language,
              `Aufbewahrung bis ${formatExportDate(c.retention.dueOn, language)}.`,
              `Kept until ${formatExportDate(c.retention.dueOn, language)}.`,
            ),
      ],
    },
  ];
  return sections;
}

/**
 * The printable document of a person's export (DP-29): for each case the stored items (area, date,
 * categories, source, purpose, content; others' data shown as redacted), consents and withdrawals,
 * transfers, recipients, rectifications and retention, and the person's rights. Pure; made from the
 * decided export, so it shows nothing the export withholds.
 */
export function subjectExportDocument(exported: SubjectExport, language: Lang = 'de'): ExportDocument {
  return {
    language,
    title: t(language, 'Auskunft über Ihre gespeicherten Daten', 'Access to your stored data'),
    subtitle: t(
      language,
      `nach Art. 15 DSGVO, Stand ${formatExportDate(exported.generatedAt, language)}`,
      `under Art. 15 GDPR, as of ${formatExportDate(exported.generatedAt, language)}`,
    ),
    sections: [
      ...exported.cases.flatMap((c) => caseSections(c, language)),
      {
        heading: t(language, 'Ihre Rechte', 'Your rights'),
        paragraphs: [
          t(
            language,
            'Sie können verlangen, dass unrichtige Angaben berichtigt (Art. 16 DSGVO, § 84 SGB X), Angaben gelöscht (Art. 17) oder ihre Verarbeitung eingeschränkt wird (Art. 18), und der Verarbeitung widersprechen (Art. 21). Eine Einwilligung können Sie jederzeit für die Zukunft widerrufen (Art. 7 Abs. 3).',
            'You may ask for incorrect data to be rectified (Art. 16 GDPR, § 84 SGB X), for data to be erased (Art. 17) or their processing restricted (Art. 18), and object to processing (Art. 21). You may withdraw a consent at any time for the future (Art. 7(3)).',
          ),
          t(
            language,
            'Diese Auskunft gibt es auch maschinenlesbar (JSON und FHIR R4, Art. 20 DSGVO). Sie können sich bei der zuständigen Datenschutzaufsichtsbehörde beschweren (Art. 77 DSGVO).',
            'This access is also available machine-readable (JSON and FHIR R4, Art. 20 GDPR). You may complain to the competent supervisory authority (Art. 77 GDPR).',
          ),
        ],
      },
    ],
  };
}
