import { text, type LocalizedText } from '../i18n/localized-text.js';
import type { IssuePath, Notice, Refusal } from '../result/refusal.js';
import type { DecisionReason, RedactionMarker } from './decision.js';
import { PURPOSE_LABELS } from './purposes.js';

/** A reason code's definition: the rule it belongs to and its sentence in every language. */
export interface ReasonCodeDefinition {
  /** The rule id (`DP-14`) the code belongs to by default. */
  readonly rule: string;
  /** Whether the code allows, denies, redacts or only warns. */
  readonly effect: 'allow' | 'deny' | 'redact' | 'notice';
  readonly message: LocalizedText;
}

function def(rule: string, effect: ReasonCodeDefinition['effect'], de: string, en: string): ReasonCodeDefinition {
  return { rule, effect, message: text(de, en) };
}

/**
 * Every reason code of PRIVACY.md with its rule and sentence (stable: commands return them in
 * refusals, views attach them to redactions, hosts may key their own texts on them). The
 * data-subject-rights, retention and reporting modules (DP-29..DP-39) use the codes listed under
 * their rules here.
 */
export const REASON_CODES = {
  // DP-01..DP-06: categories, collection, purpose
  DENY_UNTAGGED_DATA: def(
    'DP-01',
    'deny',
    'Das Feld ist keiner Datenkategorie zugeordnet und wird nicht gespeichert.',
    'The field has no data category and is not stored.',
  ),
  DENY_FIELD_NOT_IN_FORM: def(
    'DP-02',
    'deny',
    'Das Feld gehört nicht zum Formular dieser Phase.',
    'The field is not part of the form of this stage.',
  ),
  SENSITIVE_FREE_TEXT: def(
    'DP-03',
    'notice',
    'Der Text scheint besonders schützenswerte Angaben zu enthalten. Bitte prüfen und passend kennzeichnen.',
    'The text seems to contain sensitive data. Please check it and tag it accordingly.',
  ),
  DENY_THIRD_PARTY_COLLECTION: def(
    'DP-04',
    'deny',
    'Angaben, die nicht von der Person selbst stammen, brauchen eine dokumentierte Herkunft und Rechtsgrundlage.',
    'Data not obtained from the person needs a recorded origin and legal basis.',
  ),
  DENY_PURPOSE_MISMATCH: def(
    'DP-05',
    'deny',
    'Die Daten wurden für einen anderen Zweck erhoben; für diesen Zweck fehlt eine Rechtsgrundlage.',
    'The data were collected for another purpose; there is no basis for this one.',
  ),
  REDACT_THIRD_PARTY: def(
    'DP-06',
    'redact',
    'Zurückgehalten: Angaben über Dritte (z. B. Kinder, Partner/in), die von dieser Einwilligung nicht erfasst sind.',
    'Withheld: data about third persons (e.g. children, partner) not covered by this consent.',
  ),
  // DP-07..DP-15: consent
  DENY_CONSENT_NOT_SPECIFIC: def(
    'DP-07',
    'deny',
    'Eine Einwilligung muss Datenkategorien, Empfänger, Zweck, Gültigkeit und wer sie erteilt genau benennen.',
    'A consent must name categories, recipients, purpose, validity and who gives it.',
  ),
  DENY_CONSENT_UNDOCUMENTED: def(
    'DP-08',
    'deny',
    'Die Form der Einwilligung ist nicht ausreichend dokumentiert.',
    'The form of the consent is not sufficiently documented.',
  ),
  DENY_CONSENT_NOT_INFORMED: def(
    'DP-09',
    'deny',
    'Die Person muss vor der Einwilligung über Zweck, Empfänger, Kategorien, Dauer und Widerruf informiert sein.',
    'The person must be informed of purpose, recipients, categories, duration and withdrawal before consenting.',
  ),
  ALLOW_CONSENT: def(
    'DP-10',
    'allow',
    'Erlaubt durch eine gültige Einwilligung der Person.',
    'Allowed by a valid consent of the person.',
  ),
  REDACT_NO_CONSENT: def(
    'DP-10',
    'redact',
    'Zurückgehalten: keine Einwilligung für diese Daten gegenüber diesem Empfänger.',
    'Withheld: no consent for these data to this recipient.',
  ),
  DENY_NO_CONSENT: def(
    'DP-10',
    'deny',
    'Keine Einwilligung für diese Daten gegenüber diesem Empfänger.',
    'No consent for these data to this recipient.',
  ),
  DENY_CONSENT_EXPIRED: def('DP-11', 'deny', 'Die Einwilligung ist abgelaufen.', 'The consent has expired.'),
  DENY_CONSENT_OPEN_ENDED: def(
    'DP-11',
    'deny',
    'Eine Einwilligung muss befristet sein (höchstens so lange wie konfiguriert).',
    'A consent must have an end date (no longer than configured).',
  ),
  CONSENT_EXPIRING: def(
    'DP-11',
    'notice',
    'Die Einwilligung läuft in weniger als 30 Tagen ab.',
    'The consent expires in less than 30 days.',
  ),
  DENY_CONSENT_CAPACITY: def(
    'DP-12',
    'deny',
    'Diese Person kann hier nicht selbst einwilligen (Alter oder fehlende Einsichtsfähigkeit); nötig ist die Einwilligung der Sorgeberechtigten.',
    'This person cannot consent here alone (age or no assessed capacity); the persons with parental responsibility must consent.',
  ),
  DENY_CONSENT_WRONG_PERSON: def(
    'DP-12',
    'deny',
    'Die einwilligende Person ist für diese Person nicht vertretungsberechtigt.',
    'The consenting person has no authority to represent this person.',
  ),
  DENY_GUARDIAN_SCOPE: def(
    'DP-13',
    'deny',
    'Die rechtliche Betreuung umfasst diese Daten nicht (Aufgabenkreis).',
    'The legal guardianship does not cover these data (scope).',
  ),
  DENY_CONSENT_WITHDRAWN: def(
    'DP-14',
    'deny',
    'Die Einwilligung wurde widerrufen; ab dem Widerruf wird nichts mehr übermittelt.',
    'The consent was withdrawn; nothing is transferred from the withdrawal on.',
  ),
  DENY_CONSENT_UNKNOWN: def(
    'DP-14',
    'deny',
    'Diese Einwilligung gibt es in der Akte nicht.',
    'There is no such consent in the case.',
  ),
  DENY_SGB10_76: def(
    'DP-15',
    'deny',
    'Daten von Berufsgeheimnisträgern (§ 76 SGB X) brauchen eine Schweigepflichtentbindung, die sie ausdrücklich umfasst.',
    'Data from professional secret holders (§ 76 SGB X) need a confidentiality release that names them.',
  ),
  DENY_SGB10_76_OBJECTION: def(
    'DP-15',
    'deny',
    'Die Person hat der Übermittlung nach § 76 Abs. 2 SGB X widersprochen.',
    'The person objected to the transfer under § 76(2) SGB X.',
  ),
  // DP-16..DP-22: transfers
  DENY_NO_LEGAL_BASIS: def(
    'DP-16',
    'deny',
    'Für diese Übermittlung ist keine Rechtsgrundlage dokumentiert.',
    'No legal basis is recorded for this transfer.',
  ),
  DENY_BASIS_INCOMPLETE: def(
    'DP-16',
    'deny',
    'Die Rechtsgrundlage ist unvollständig dokumentiert (z. B. Aufgabe, Gesetz oder Auftrag fehlt).',
    'The legal basis is incompletely recorded (e.g. task, statute or commission missing).',
  ),
  ALLOW_LEGAL_BASIS: def(
    'DP-16',
    'allow',
    'Erlaubt aufgrund der dokumentierten gesetzlichen Übermittlungsbefugnis.',
    'Allowed under the recorded statutory basis.',
  ),
  DENY_FULL_FILE_TRANSFER: def(
    'DP-17',
    'deny',
    'Es werden nur ausgewählte Angaben übermittelt, nie die ganze Akte.',
    'Only selected items are transferred, never the whole file.',
  ),
  DENY_SGB8_64: def(
    'DP-19',
    'deny',
    'Die Übermittlung würde den Erfolg der Hilfe gefährden (§ 64 Abs. 2 SGB VIII).',
    'The transfer would jeopardise the success of the help (§ 64(2) SGB VIII).',
  ),
  DENY_SGB8_65_ENTRUSTED: def(
    'DP-20',
    'deny',
    'Anvertraute Daten (§ 65 SGB VIII) verlassen die Fachkraft nur mit Einwilligung der anvertrauenden Person oder in den Fällen des § 65.',
    'Entrusted data (§ 65 SGB VIII) leave the worker only with the consent of whoever confided them or in the cases of § 65.',
  ),
  ALLOW_SGB8_65_EXCEPTION: def(
    'DP-20',
    'allow',
    'Erlaubt nach einer dokumentierten Ausnahme des § 65 SGB VIII.',
    'Allowed under a recorded exception of § 65 SGB VIII.',
  ),
  DENY_8A_PROCEDURE_INCOMPLETE: def(
    'DP-21',
    'deny',
    'Das Verfahren nach § 8a SGB VIII / § 4 KKG ist nicht vollständig dokumentiert.',
    'The procedure under § 8a SGB VIII / § 4 KKG is not fully recorded.',
  ),
  ALLOW_CHILD_PROTECTION_8A: def(
    'DP-21',
    'allow',
    'Erlaubt: Kinderschutzverfahren nach § 8a SGB VIII abgeschlossen; eine Wiedervorlage wurde angelegt.',
    'Allowed: child-protection procedure under § 8a SGB VIII complete; a review item was raised.',
  ),
  ALLOW_CHILD_PROTECTION_KKG4: def(
    'DP-21',
    'allow',
    'Erlaubt: Schritte nach § 4 KKG dokumentiert; Information an das Jugendamt.',
    'Allowed: steps under § 4 KKG recorded; the youth office is informed.',
  ),
  DENY_IMMIGRATION_HEALTH: def(
    'DP-22',
    'deny',
    'Gesundheitsdaten gehen nicht an die Ausländerbehörde, solange keine enge gesetzliche Ausnahme dokumentiert ist (rechtliche Prüfung).',
    'Health data do not go to the immigration authority unless a narrow statutory exception is recorded (legal review).',
  ),
  // DP-23..DP-28: views, redaction, logging
  ALLOW_ASSIGNED_PURPOSE: def(
    'DP-23',
    'allow',
    // The purpose's name from the one glossary (PURPOSE_LABELS), as elements and prints name it (issue 21).
    `Erlaubt: zuständige Fachkraft, Zweck „${PURPOSE_LABELS.caseManagement.de}“.`,
    `Allowed: assigned worker, purpose “${PURPOSE_LABELS.caseManagement.en}”.`,
  ),
  DENY_NOT_ASSIGNED: def(
    'DP-23',
    'deny',
    'Kein Zugriff: Sie sind für diesen Fall nicht zuständig.',
    'No access: you are not assigned to this case.',
  ),
  REDACT_NEED_TO_KNOW: def(
    'DP-23',
    'redact',
    'Zurückgehalten: für Ihre Aufgabe nicht erforderlich.',
    'Withheld: not needed for your task.',
  ),
  DENY_TEAM_OVERVIEW: def(
    'DP-23',
    'deny',
    'Die Teamübersicht ist der Teamleitung vorbehalten.',
    'The team overview is for the team lead.',
  ),
  ALLOW_SUPERVISION: def(
    'DP-23',
    'allow',
    'Erlaubt: Fachaufsicht mit dokumentiertem Anlass.',
    'Allowed: supervision with a recorded reason.',
  ),
  ALLOW_TRANSFERRED: def(
    'DP-23',
    'allow',
    'Erlaubt: an Ihre Stelle rechtmäßig übermittelt.',
    'Allowed: lawfully transferred to your agency.',
  ),
  DENY_CONTENT_FOR_ROLE: def(
    'DP-23',
    'deny',
    'Diese Rolle sieht Protokolle und Metadaten, keine Fallinhalte.',
    'This role sees logs and metadata, not case content.',
  ),
  DENY_PERSON_LEVEL: def(
    'DP-05',
    'deny',
    'Für Statistik gibt es nur zusammengefasste Zahlen, keine Einzelfalldaten.',
    'Statistics get aggregates only, never person-level data.',
  ),
  REDACT_WITHHELD: def('DP-24', 'redact', 'Zurückgehalten.', 'Withheld.'),
  // DP-29 for a letter or other disclosure to a person of the case (issue 22): their own data, not others'.
  ALLOW_DATA_SUBJECT: def(
    'DP-29',
    'allow',
    'Erlaubt: Angaben über die Person selbst, an die das Schreiben geht (Art. 15 DSGVO).',
    'Allowed: data about the very person the letter goes to (Art. 15 GDPR).',
  ),
  REDACT_OTHER_PERSON: def(
    'DP-29',
    'redact',
    'Zurückgehalten: Angaben über eine andere Person gehen nicht an diese Empfängerin oder diesen Empfänger.',
    'Withheld: data about another person do not go to this recipient.',
  ),
  DENY_RECIPIENT_UNKNOWN: def(
    'DP-23',
    'deny',
    'Diese Person ist in Ihrer Sicht der Akte nicht genannt.',
    'This person is not named in your view of the case.',
  ),
  ALLOW_BREAK_GLASS: def(
    'DP-25',
    'allow',
    'Notfallzugriff: begründet, befristet, protokolliert; Teamleitung und Datenschutz werden informiert.',
    'Break-glass access: justified, time-limited, logged; team lead and data protection are told.',
  ),
  DENY_BREAK_GLASS_REASON: def(
    'DP-25',
    'deny',
    'Notfallzugriff nur mit einer Begründung.',
    'Break-glass access needs a reason.',
  ),
  DENY_STAFF_CASE: def(
    'DP-26',
    'deny',
    'Fall einer/eines Beschäftigten: für Personalverantwortliche gesperrt (§ 35 Abs. 1 S. 3 SGB I).',
    'Case of an employee: closed to personnel decision-makers (§ 35(1) sentence 3 SGB I).',
  ),
  DENY_AUTOMATED_DECISION: def(
    'DP-27',
    'deny',
    'Aufnahme, Ablehnung und Abschluss entscheidet ein Mensch, nicht das System.',
    'Admission, refusal and closure are decided by a person, not the system.',
  ),
  // DP-40..DP-42: who may act
  DENY_INVALID_ACTOR: def(
    'DP-40',
    'deny',
    'Die handelnde Person ist nicht gültig angegeben (Rolle, Stelle oder Kennung fehlt oder ist unzulässig); nichts wurde gespeichert.',
    'The acting person is not validly given (role, agency or id missing or not allowed); nothing was stored.',
  ),
  DENY_SYSTEM_NOT_ALLOWED: def(
    'DP-40',
    'deny',
    'Das System darf diesen Befehl nicht geben; nur Import, Erinnerungen und die Löschroutine laufen automatisch.',
    'The system may not issue this command; only imports, reminders and the retention sweep run automatically.',
  ),
  DENY_RESERVED_STREAM: def(
    'DP-40',
    'deny',
    'Diese Kennung ist einem Systemprotokoll vorbehalten und kann keine Akte sein.',
    'This id is reserved for a system log and cannot be a case.',
  ),
  DENY_UNDECLARED_COMMAND: def(
    'DP-40',
    'deny',
    'Für diesen Befehl ist nicht festgelegt, wer ihn geben darf; er wird nicht ausgeführt.',
    'Nobody is declared to be allowed to issue this command; it is not carried out.',
  ),
  DENY_HANDOVER_INBOX: def(
    'DP-40',
    'deny',
    'Kein Zugriff auf dieses Übergabe-Postfach: Pakete und Rückmeldungen senden und lesen nur Fachkräfte der Stelle, die sie absendet oder empfängt.',
    'No access to this handover inbox: packages and status messages are sent and read only by staff of the agency that sends or receives them.',
  ),
  DENY_RECTIFY_PROTECTED_FIELD: def(
    'DP-41',
    'deny',
    'Eine Berichtigung ändert Inhalte, nie Kennungen, Rollen oder die Einstufung nach unten.',
    'A rectification changes content, never ids, roles or the classification downwards.',
  ),
  // DP-29..DP-39 (data-subject rights, retention, reporting; module of the second engineer)
  RESTRICTED_RETENTION_DUTY: def(
    'DP-31',
    'deny',
    'Löschung nicht möglich: eine Aufbewahrungspflicht besteht; die Daten werden stattdessen gesperrt.',
    'Erasure not possible: a retention duty applies; the data are restricted instead.',
  ),
  RESTRICTED_PENDING_CLAIM: def(
    'DP-31',
    'deny',
    'Löschung nicht möglich: ein Verfahren ist anhängig; die Daten werden stattdessen gesperrt.',
    'Erasure not possible: a claim is pending; the data are restricted instead.',
  ),
  REDACT_RESTRICTED: def(
    'DP-31',
    'redact',
    'Eingeschränkt: die Verarbeitung dieser Daten ist eingeschränkt (Art. 18 DSGVO); sie werden nur für den Sperrgrund aufbewahrt.',
    'Restricted: processing of these data is restricted (Art. 18 GDPR); they are kept for the blocking reason only.',
  ),
  ERASED: def('DP-32', 'redact', 'Gelöscht.', 'Erased.'),
  SUPPRESS_SMALL_CELL: def(
    'DP-33',
    'redact',
    'Unterdrückt: zu kleine Fallzahl.',
    'Suppressed: count below the minimum cell size.',
  ),
  SUPPRESS_SECONDARY: def(
    'DP-33',
    'redact',
    'Unterdrückt, damit kleine Fallzahlen nicht aus Summen errechnet werden können.',
    'Suppressed so small counts cannot be derived from totals.',
  ),
  DENY_POPULATION_TOO_SMALL: def(
    'DP-33',
    'deny',
    'Der Filter grenzt die Gruppe zu stark ein.',
    'The filter narrows the population below the minimum.',
  ),
} as const satisfies Record<string, ReasonCodeDefinition>;

/** A reason code defined in {@link REASON_CODES}. */
export type ReasonCode = keyof typeof REASON_CODES;

/** Every {@link ReasonCode}. */
export const REASON_CODE_LIST = Object.keys(REASON_CODES) as ReasonCode[];

/** Tells whether a string is a defined {@link ReasonCode}. */
export function isReasonCode(code: string): code is ReasonCode {
  return Object.hasOwn(REASON_CODES, code);
}

/** Options of the reason builders: another rule than the code's default, a subject, an extra sentence. */
export interface ReasonOptions {
  /** A rule id other than the code's default (e.g. `DP-22` for `DENY_NO_LEGAL_BASIS`). */
  readonly rule?: string;
  /** What the reason applies to (a category, an item id). */
  readonly subject?: string;
  /** A sentence appended to the standard one (names the recipient, the category …). */
  readonly detail?: LocalizedText;
}

function messageOf(code: ReasonCode, detail: LocalizedText | undefined): LocalizedText {
  const base = REASON_CODES[code].message;
  return detail === undefined ? base : text(`${base.de} ${detail.de}`, `${base.en} ${detail.en}`);
}

/** A {@link DecisionReason} for a code. */
export function reasonFor(code: ReasonCode, options: ReasonOptions = {}): DecisionReason {
  const reason: DecisionReason = {
    code,
    rule: options.rule ?? REASON_CODES[code].rule,
    message: messageOf(code, options.detail),
  };
  return options.subject === undefined ? reason : { ...reason, subject: options.subject };
}

/** A {@link Refusal} for a code (commands refuse with these). */
export function privacyRefusal(
  code: ReasonCode,
  options: ReasonOptions & { path?: IssuePath; hint?: LocalizedText } = {},
): Refusal {
  const refusal: Refusal = {
    code,
    rule: options.rule ?? REASON_CODES[code].rule,
    message: messageOf(code, options.detail),
  };
  return {
    ...refusal,
    ...(options.path === undefined ? {} : { path: options.path }),
    ...(options.hint === undefined ? {} : { hint: options.hint }),
  };
}

/** A {@link Notice} for a code (DP-03's free-text warning, DP-11's expiry reminder). */
export function privacyNotice(code: ReasonCode, options: ReasonOptions & { path?: IssuePath } = {}): Notice {
  const notice: Notice = {
    code,
    rule: options.rule ?? REASON_CODES[code].rule,
    message: messageOf(code, options.detail),
  };
  return options.path === undefined ? notice : { ...notice, path: options.path };
}

/** A {@link RedactionMarker} for a code (DP-24). */
export function redactionMarker(code: ReasonCode, options: ReasonOptions = {}): RedactionMarker {
  return {
    redacted: true,
    code,
    rule: options.rule ?? REASON_CODES[code].rule,
    message: messageOf(code, options.detail),
  };
}
