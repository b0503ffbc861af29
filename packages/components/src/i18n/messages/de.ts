/**
 * German texts of the component foundation. German is Fallkit's working language and the reference
 * dictionary: its keys define {@link FoundationMessages}, and every other language must have them all.
 * Placeholders are written `{name}` and filled by the localize controller.
 */
export const de = {
  // Validation (mapped from the core's zod issues)
  'validation.required': 'Bitte füllen Sie dieses Feld aus.',
  'validation.requiredChoice': 'Bitte wählen Sie eine Möglichkeit.',
  'validation.tooShort': 'Bitte mindestens {minimum} Zeichen eingeben.',
  'validation.tooLong': 'Bitte höchstens {maximum} Zeichen eingeben.',
  'validation.tooFewItems': 'Bitte mindestens {minimum} Einträge angeben.',
  'validation.tooManyItems': 'Bitte höchstens {maximum} Einträge angeben.',
  'validation.tooSmall': 'Der Wert muss mindestens {minimum} sein.',
  'validation.tooBig': 'Der Wert darf höchstens {maximum} sein.',
  'validation.dateTooEarly': 'Das Datum darf nicht vor dem {minimum} liegen.',
  'validation.dateTooLate': 'Das Datum darf nicht nach dem {maximum} liegen.',
  'validation.invalidDate': 'Bitte ein gültiges Datum eingeben.',
  'validation.invalidDateTime': 'Bitte ein gültiges Datum mit Uhrzeit eingeben.',
  'validation.invalidEmail': 'Bitte eine gültige E-Mail-Adresse eingeben.',
  'validation.invalidFormat': 'Die Eingabe hat nicht das erwartete Format.',
  'validation.invalidOption': 'Bitte eine der angebotenen Möglichkeiten wählen.',
  'validation.invalidNumber': 'Bitte eine Zahl eingeben.',
  'validation.invalid': 'Die Eingabe ist ungültig.',
  'validation.summary': 'Bitte prüfen Sie {count} Angaben.',
  'validation.summaryOne': 'Bitte prüfen Sie eine Angabe.',

  // Feedback types (Lion's error | warning | info | success)
  'feedback.error': 'Fehler',
  'feedback.warning': 'Warnung',
  'feedback.info': 'Hinweis',
  'feedback.success': 'Erledigt',

  // Fields
  'field.required': 'Pflichtfeld',
  'field.optional': 'optional',
  'field.readonly': 'nur lesen',
  'field.selectPlaceholder': 'Bitte wählen',
  'field.noValue': 'keine Angabe',
  'field.dateHint': 'Format: TT.MM.JJJJ',
  'field.dateInvalid': 'Bitte ein Datum als TT.MM.JJJJ eingeben, zum Beispiel 05.03.2026.',
  'field.dateKeys': 'Pfeiltaste hoch oder runter: einen Tag weiter oder zurück.',
  'field.charactersLeft': 'noch {count} Zeichen',

  // Rating
  'rating.none': 'keine Bewertung',
  'rating.value': '{value} von {max}',

  // Keyboard-reorderable list
  'reorder.moveUp': 'Nach oben: {item}',
  'reorder.moveDown': 'Nach unten: {item}',
  'reorder.instructions': 'Reihenfolge ändern: Alt + Pfeil nach oben oder unten, oder die Schaltflächen nutzen.',
  'reorder.moved': '„{item}“ steht jetzt an Position {position} von {count}.',
  'reorder.atTop': '„{item}“ steht bereits an erster Stelle.',
  'reorder.atBottom': '„{item}“ steht bereits an letzter Stelle.',
  'reorder.position': 'Position {position} von {count}',
  'reorder.empty': 'Noch keine Einträge.',

  // Redaction markers (DP-24: withheld items explain themselves)
  'redacted.prefix': 'ausgeblendet',
  'redacted.reasonCode': 'Grund: {code}',
  'redacted.REDACT_NO_CONSENT': 'keine Einwilligung für {category}',
  'redacted.REDACT_NO_CONSENT.any': 'keine Einwilligung für diese Daten',
  'redacted.REDACT_NEED_TO_KNOW': 'für Ihre Rolle nicht erforderlich',
  'redacted.REDACT_THIRD_PARTY': 'Daten dritter Personen',
  'redacted.REDACT_NOT_TRANSFERRED': 'nicht an Ihre Stelle übermittelt',
  'redacted.REDACT_RESTRICTED': 'Verarbeitung eingeschränkt',
  'redacted.REDACT_ERASED': 'gelöscht',
  'redacted.SUPPRESS_SMALL_CELL': 'zu geringe Fallzahl',
  'redacted.unknown': 'aus Datenschutzgründen',

  // Data categories (for redaction texts)
  'category.identity': 'Angaben zur Person',
  'category.contact': 'Kontaktdaten',
  'category.household': 'Angaben zum Haushalt',
  'category.benefits': 'Angaben zu Leistungen',
  'category.income': 'Angaben zum Einkommen',
  'category.debts': 'Angaben zu Schulden',
  'category.housing': 'Angaben zum Wohnen',
  'category.education': 'Angaben zu Bildung',
  'category.employment': 'Angaben zu Arbeit und Beschäftigung',
  'category.residenceStatus': 'Angaben zum Aufenthaltsstatus',
  'category.goals': 'Ziele',
  'category.helpPlan': 'den Hilfeplan',
  'category.measures': 'Maßnahmen',
  'category.notes': 'Notizen',
  'category.health': 'Gesundheitsdaten',
  'category.addiction': 'Angaben zu Sucht',
  'category.disability': 'Angaben zu Behinderung',
  'category.ethnicOrigin': 'Angaben zur ethnischen Herkunft',
  'category.religion': 'Angaben zur Religion',
  'category.sexLife': 'Angaben zum Sexualleben',
  'category.politicalOpinion': 'Angaben zu politischen Meinungen',
  'category.offences': 'Angaben zu Straftaten',
  'category.other': 'diese Daten',

  // Status announcements (live region)
  'status.saving': 'Wird gespeichert …',
  'status.saved': 'Gespeichert',
  'status.savedAt': 'Gespeichert um {time} Uhr. Das Formular zeigt jetzt den gespeicherten Stand.',
  'status.refused': 'Abgelehnt: {reason}',
  'status.invalid': 'Nicht gespeichert: {reason}',
  'status.draftKept': 'Ihre Eingaben bleiben erhalten.',
  'status.draftRestored': 'Ungespeicherter Entwurf wiederhergestellt.',
  'status.remoteChange': 'Der Fall wurde inzwischen an anderer Stelle geändert.',
  'status.loading': 'Fall wird geladen …',
  'status.loadFailed': 'Der Fall konnte nicht geladen werden.',
  'status.noCase': 'Kein Fall ausgewählt.',

  // Form actions
  'form.submit': 'Speichern',
  'form.reset': 'Zurücksetzen',
  'form.cancel': 'Abbrechen',
  'form.discardDraft': 'Entwurf verwerfen',
  'form.unsavedChanges': 'Ungespeicherte Änderungen',
  'form.refusedTitle': 'Nicht gespeichert',
  'form.hint': 'Hinweis: {hint}',
  'form.rule': 'Regel {rule}',

  // A save refused because the case was changed elsewhere (STORE_CONFLICT)
  'conflict.title': 'Nicht gespeichert: Der Fall wurde inzwischen an anderer Stelle geändert.',
  'conflict.by': 'Geändert von {who}, {when}.',
  'conflict.byUnknown': 'Wer geändert hat, wird hier nicht angezeigt.',
  'conflict.fields': 'Dort geändert: {fields}.',
  'conflict.kept': 'Ihre Eingaben sind erhalten.',
  'conflict.adopt': 'Gespeicherte Fassung übernehmen',
  'conflict.reapply': 'Meine Änderung darauf erneut anwenden',
} as const;

/** Every text key of the foundation. */
export type FoundationMessageKey = keyof typeof de;

/** A complete dictionary of the foundation's texts for one language. */
export type FoundationMessages = { readonly [K in FoundationMessageKey]: string };
