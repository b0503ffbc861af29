/**
 * The demo page's own texts, German first. The Fallkit elements bring their own catalogs and follow the
 * page's `lang`.
 */
export const TEXTS = {
  de: {
    brand: 'Stadt Musterstadt · Intranet',
    unit: 'Kommunales Integrationsmanagement',
    navCases: 'Fallarbeit',
    navReports: 'Berichte',
    actingAs: 'Angemeldet als',
    language: 'Sprache',
    reset: 'Demodaten zurücksetzen',
    resetConfirm: 'Alle Demodaten in diesem Browser löschen und die Beispielfälle neu anlegen?',
    resetDone: 'Demodaten wurden zurückgesetzt.',
    title: 'Fallübersicht',
    unlockTitle: 'Fallakte entsperren',
    unlockIntro:
      'Die Fallakten dieser Demo liegen verschlüsselt in diesem Browser (IndexedDB, AES-GCM, DP-37). Zum Öffnen wird das Passwort gebraucht; daraus wird der Schlüssel abgeleitet (PBKDF2, 600.000 Runden).',
    unlockDemoHint: 'Demo-Passwort: „{p}“. Die Fälle sind erfunden; eine echte Anwendung zeigt ihr Passwort nie an.',
    passphrase: 'Passwort',
    unlock: 'Entsperren',
    unlocking: 'Schlüssel wird abgeleitet …',
    loading: 'Fallakte wird geladen …',
    seeding: 'Beispielfälle werden angelegt …',
    myCases: 'Meine Fälle',
    agencyCases: 'Fälle meiner Stelle',
    partnerCases: 'Fälle mit Beteiligung meiner Stelle',
    noCases: 'Keine Fälle vorhanden',
    statisticsNoCases:
      'Die Statistik sieht keine einzelnen Fälle (Zweckbindung, DP-05), nur zusammengefasste Zahlen unter „Berichte“.',
    worklist: 'Arbeitsliste',
    worklistEmpty: 'Nichts fällig.',
    colCase: 'Fall',
    colStage: 'Phase',
    colStatus: 'Status',
    colLead: 'Federführung',
    colDomains: 'Rechtskreise',
    colDue: 'Nächste Frist',
    colWhat: 'Was',
    statusOpen: 'offen',
    statusClosed: 'abgeschlossen',
    back: 'Zur Fallübersicht',
    caseTabs: 'Bereiche des Falls',
    viewTitle: 'Ihre Sicht auf diesen Fall',
    viewAllowed: 'Sie sehen den Fall vollständig.',
    viewRedacted: '{n} Angaben sind für Sie ausgeblendet.',
    viewRefused: 'Kein Zugriff auf diesen Fall.',
    viewReasons: 'Gründe',
    purpose: 'Zweck',
    missingComponent:
      'Das Element <{tag}> ist in dieser Fassung von Fallkit noch nicht enthalten; die Demo zeigt stattdessen eine einfache Darstellung (nur lesend, in Ihrer Sicht).',
    nothingRecorded: 'Noch nichts erfasst.',
    stepper: 'Ablauf des Falls',
    currentStage: 'aktuelle Phase',
    nextSteps: 'Mögliche nächste Schritte',
    notAllowed: 'Gesperrt',
    history: 'Verlauf (wer hat wann was geändert)',
    historyNote: 'Nur die Einträge des Journals, ohne Inhalte.',
    reportsTitle: 'Berichte',
    reportsIntro:
      'Zusammengefasste Zahlen aus allen Fällen, ohne Namen und ohne Einzelangaben. Kleine Zahlen unter {min} werden nicht gezeigt (•), auch nicht über Summen erschließbar (DP-33).',
    dimension: 'Aufgeteilt nach',
    total: 'Summe',
    withheld: 'ausgeblendet',
    footer:
      'Demo mit erfundenen Fällen. Die Daten bleiben verschlüsselt in diesem Browser (IndexedDB); die Seite lädt nichts aus dem Netz.',
    store: 'Ablage',
    seedFailed: 'Nicht angelegt: {list}',
    open: 'öffnen',
    refused: 'Abgelehnt',
  },
  en: {
    brand: 'City of Musterstadt · Intranet',
    unit: 'Municipal integration management',
    navCases: 'Case work',
    navReports: 'Reports',
    actingAs: 'Signed in as',
    language: 'Language',
    reset: 'Reset demo data',
    resetConfirm: 'Delete all demo data in this browser and create the example cases again?',
    resetDone: 'The demo data were reset.',
    title: 'Caseload',
    unlockTitle: 'Unlock the case files',
    unlockIntro:
      'The case files of this demo are kept encrypted in this browser (IndexedDB, AES-GCM, DP-37). Opening them takes the passphrase, from which the key is derived (PBKDF2, 600,000 rounds).',
    unlockDemoHint: 'Demo passphrase: "{p}". The cases are invented; a real application never shows its passphrase.',
    passphrase: 'Passphrase',
    unlock: 'Unlock',
    unlocking: 'Deriving the key …',
    loading: 'Loading the case files …',
    seeding: 'Creating the example cases …',
    myCases: 'My cases',
    agencyCases: 'Cases of my agency',
    partnerCases: 'Cases my agency takes part in',
    noCases: 'No cases',
    statisticsNoCases:
      'Statistics sees no single cases (purpose limitation, DP-05), only aggregated figures under "Reports".',
    worklist: 'Worklist',
    worklistEmpty: 'Nothing due.',
    colCase: 'Case',
    colStage: 'Stage',
    colStatus: 'Status',
    colLead: 'Lead agency',
    colDomains: 'Legal domains',
    colDue: 'Next deadline',
    colWhat: 'What',
    statusOpen: 'open',
    statusClosed: 'closed',
    back: 'Back to the caseload',
    caseTabs: 'Parts of the case',
    viewTitle: 'Your view of this case',
    viewAllowed: 'You see the whole case.',
    viewRedacted: '{n} items are withheld from you.',
    viewRefused: 'No access to this case.',
    viewReasons: 'Reasons',
    purpose: 'Purpose',
    missingComponent:
      'The element <{tag}> is not part of this version of Fallkit yet; the demo shows a plain rendering instead (read only, in your view).',
    nothingRecorded: 'Nothing recorded yet.',
    stepper: 'Course of the case',
    currentStage: 'current stage',
    nextSteps: 'Possible next steps',
    notAllowed: 'Blocked',
    history: 'History (who changed what when)',
    historyNote: 'The entries of the journal only, without content.',
    reportsTitle: 'Reports',
    reportsIntro:
      'Aggregated figures over all cases, without names or single-case details. Numbers below {min} are not shown (•), nor can they be worked out from totals (DP-33).',
    dimension: 'Broken down by',
    total: 'Total',
    withheld: 'withheld',
    footer:
      'Demo with invented cases. The data stay encrypted in this browser (IndexedDB); the page loads nothing from the network.',
    store: 'Storage',
    seedFailed: 'Not created: {list}',
    open: 'open',
    refused: 'Refused',
  },
} as const;

/** A key of the demo's texts. */
export type TextKey = keyof (typeof TEXTS)['de'];

/** The page languages. */
export type DemoLanguage = keyof typeof TEXTS;

/** A text with `{name}` placeholders filled. */
export function t(lang: DemoLanguage, key: TextKey, values: Record<string, string | number> = {}): string {
  return TEXTS[lang][key].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}
