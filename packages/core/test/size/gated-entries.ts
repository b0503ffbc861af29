/**
 * Every entry the size gate watches, with its ceiling and why that number. Ceilings are gzipped bytes of the
 * entry bundled alone (see `measure-bundle.ts`). Where the goal of issue 18 is not reached yet, the ceiling is
 * today's measured size plus a small margin (about 3 %), so growth fails the gate while the goal is worked
 * towards; the comment names the goal. Lower a ceiling when an entry shrinks; raising one needs a reason in
 * the commit message.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PEERS, WORKSPACE, ZOD, repoRoot, type EntrySpec } from './measure-bundle.js';
import type { GatedEntry } from './size-gate.js';

/** A package's own entry: peers, zod and the other @fallkit packages are loaded once by the host. */
const own = (file: string): EntrySpec => ({ input: { file }, external: [...PEERS, ZOD, WORKSPACE] });

/** A source file as a quoted absolute path, for a virtual entry's import. */
const source = (file: string): string => JSON.stringify(join(repoRoot, file));

/** Areas a host of the core's main entry must not pay for (their own subpaths, issue 18). */
const NOT_IN_CORE_MAIN: readonly RegExp[] = [
  /^packages\/core\/src\/(testing|examples|records)\//,
  /^lit($|\/)/,
  /^dexie($|\/)/,
];

/** No element pulls in storage: a host chooses its store. */
const NO_STORAGE: readonly RegExp[] = [/^dexie($|\/)/, /^@fallkit\/store-/, /^packages\/store-/];

export const CORE_ENTRIES: readonly GatedEntry[] = [
  {
    name: '@fallkit/core (main entry)',
    spec: own('packages/core/src/index.ts'),
    // Issue 18 measured 101.6 KB; this gate's first run 139109 B, before the area subpaths (reporting, rights,
    // retention, records, examples) left the main entry: 103124 B after. Goal: service + views + what they use
    // of zod <= 40 KB; the service still pulls in parts of rights, retention and reporting. Today + ~3 %.
    // 108736 B after the second wave's merges (the sync hash, handover-package commands in the catalog, plain
    // dates for the worklist, appointment times): raised to that + ~2 %.
    ceiling: 117500, // 111013 B after the second wave's merges; 115936 B with documents (issue 22), cut reading (15) and handover continuity (21)
    forbidden: NOT_IN_CORE_MAIN,
  },
  {
    name: 'core for createCaseService + createCaseViews + MemoryCaseStore, incl. zod/mini',
    spec: {
      input: {
        code: `export { createCaseService, createCaseViews, MemoryCaseStore } from ${source('packages/core/src/index.ts')};`,
      },
      external: [...PEERS],
    },
    // What a host of the service alone pays, zod/mini included (every core host pays for it). Issue 18: 63 KB
    // then (zod external); goal <= 30 KB. 99247 B before the split, 95295 B after; today + ~3 %. Raised by
    // 2.8 KB for the synchronous SHA-256 of @noble/hashes (98361 B), which made verification twice as fast.
    // 103383 B with the handover-package commands in the catalog every service runs: that + ~2 %.
    ceiling: 112800, // 111661 B after this session's merges (item ids from the command id, assignmentConsequences, the team lead's deadlines, the views' memo); 105677 B after the second wave's merges; 108945 B with documents (issue 22), cut reading (15) and handover continuity (21); 110820 B with the recipient view of letters (recipientView, issue 22)
    forbidden: NOT_IN_CORE_MAIN,
  },
  {
    name: '@fallkit/core/sync',
    spec: own('packages/core/src/sync/index.ts'),
    // The sync protocol's schemas and the core's sync policy (zod external). No goal in issue 15: 2928 B with the
    // protocol alone; 29837 B with SYNC_MERGE and the journal cut, which decides through the view's judge and
    // the history (privacy decisions). A client importing only the schemas and `verifyCutJournal` tree-shakes the
    // cut away. Today + ~3 %. 32821 B once the handover-package commands joined the catalog the cut decides over;
    // 33860 B once the cut also asks the case view for the categories the access log records (DP-28).
    // 48409 B with the cut's reader (issue 15: acceptCut, withCutViews, the device view and its mayIssue): the
    // list row of a cut case is the core's caseIndexEntry, which brings the worklist and process standards
    // (~12 KB; a device has them already from the core's main entry, so its bundle shares that code).
    // 50264 B with a cut case's history on the device (cutHistory, issue 15).
    // 54850 B with the server's signed heads (Ed25519 check, base64url, the key-set schema) and a cut case's
    // consents, search and worklist with their access-log entries on the device (issue 15). 56624 B with the
    // search hit's withheld-deadline marker (withholdsDeadlines, issue 21).
    ceiling: 57500,
    forbidden: NOT_IN_CORE_MAIN,
  },
  {
    name: '@fallkit/core/store',
    spec: own('packages/core/src/store/index.ts'),
    // What a store implementation needs beyond the port's types (issue 19: @fallkit/store-dexie imports only the
    // public entries). Most of it is the case list's row rebuilt from a journal (indexEntryFromJournal: the fold,
    // the rights index, the worklist's process standards), which a store host has from the main entry already.
    // Measured 26121 B (zod external); that + ~3 %.
    ceiling: 31500, // 30625 B with createStoredPayloadCheck (every module's event schemas: a backup import checks payloads, DP-38); 29030 B with sha256HexOfBytes (the backup's content check, issue 22; the portable SHA-256); 26121 B before
    forbidden: NOT_IN_CORE_MAIN,
  },
];

export const PACKAGE_ENTRIES: readonly GatedEntry[] = [
  {
    name: '@fallkit/store-dexie',
    spec: own('packages/store-dexie/src/index.ts'),
    // Encryption, backup and the schema over Dexie (Dexie itself external). No goal in issue 18: today's size
    // plus a small margin, so growth is a decision.
    ceiling: 10300, // 9527 B before issue 22; 9723 B with documents' content (schema v5, sealed content rows)
  },
  {
    name: '@fallkit/components (index)',
    spec: own('packages/components/src/index.ts'),
    // Every element class and the foundation, lit and the core external. No goal of its own: a host imports
    // define files; today's size plus a small margin.
    // measured 128311 B; 138920 B with shared/, plain words, fk-appointments (second wave); 150524 B with
    // fk-person-record, fk-letter and fk-report's filters (issue 22); the sync elements on top: measured below.
    ceiling: 191400, // 186237 B after this session's merges (signed heads, recipient view, assignment confirmation, form controllers); 159314 B after the second wave's first merges, 166836 B after the last (prints, dialogs, search); 172317 B with the page-language date field and handover continuity (issue 21); 175276 B with fk-documents before that merge (issue 22); 181971 B after the third session's merges (split views, form-notice and side-action controllers, drafts that keep their version: issues 19, 21); 188549 B after merging main (the handover inbox's file events, the caseload's deadline cells) and with the base form in two layers (FkFormControl, ConnectedForm: issue 19)
    forbidden: NO_STORAGE,
  },
];

/** The define files, `fk-….ts` and `foundation.ts`, as a host imports one to register an element. */
export function defineFiles(): string[] {
  const folder = join(repoRoot, 'packages/components/src/define');
  return readdirSync(folder)
    .filter((file) => file !== 'define-element.ts' && file.endsWith('.ts'))
    .sort();
}

/**
 * Ceiling per define file, lit and the core external. Issue 18's goal for a stage element is <= 8 KB beyond
 * lit + core, and <= 3 KB for one field alone (`fk-text-field`); no element is there yet, so each ceiling is
 * today's size plus a small margin. A define file missing here fails the gate: a new element needs a ceiling.
 */
export const DEFINE_CEILINGS: Readonly<Record<string, number>> = {
  'fk-appointments.ts': 23000, // measured 20296 B; stage element: goal <= 8 KB; 20972 B after the second wave's merges; 22458 B with the page-language date field and handover continuity (issue 21)
  'fk-assessment-form.ts': 34500, // measured 28309 B; stage element: goal <= 8 KB; 29532 B after the second wave's merges; 31232 B with the page-language date field and handover continuity (issue 21); 32383 B after the third session's merges (split views, form-notice and side-action controllers, drafts that keep their version: issues 19, 21); 32989 B with typed dates held to min/max and the caseload's withheld deadlines (issue 21); 33542 B with the base form's validity, refusal and remote-change controllers (issue 19, +~700 B per form); 33969 B after the merge with main and with the base form in two layers (FkFormControl, ConnectedForm: issue 19, +291 B of it)
  'fk-case-closure.ts': 38300, // measured 32393 B with the confirmation dialog (s21); stage element: goal <= 8 KB; 33613 B after the second wave's merges; 35243 B with the page-language date field and handover continuity (issue 21); 36177 B after the third session's merges (split views, form-notice and side-action controllers, drafts that keep their version: issues 19, 21); 37295 B with the base form's validity, refusal and remote-change controllers (issue 19, +~700 B per form); 37700 B after the merge with main and with the base form in two layers (FkFormControl, ConnectedForm: issue 19, +260 B of it)
  'fk-case-search.ts': 19600, // measured 17329 B; stage element: goal <= 8 KB; 18684 B with the page-language date field and handover continuity (issue 21); 19291 B with typed dates held to min/max and the caseload's withheld deadlines (issue 21)
  'fk-case-overview.ts': 26500, // measured 23728 B; stage element: goal <= 8 KB; 24659 B after the second wave's merges; 25892 B with the page-language date field and handover continuity (issue 21)
  'fk-case-provider.ts': 1600, // measured 1499 B; no goal: the provider is only context wiring
  'fk-checkbox-group.ts': 8500, // measured 7867 B; field: goal <= 3 KB like fk-text-field; 8285 B with the page-language date field and handover continuity (issue 21)
  'fk-checkbox.ts': 8200, // measured 7621 B; field: goal <= 3 KB like fk-text-field; 7923 B after the second wave's merges
  'fk-help-plan-print.ts': 12200, // measured 11379 B (s21: the printed help plan; lit's localize and connection controllers); 11866 B with the page-language date field and handover continuity (issue 21)
  'fk-print-settings.ts': 1200, // measured 1092 B (s21: letterhead and controller/DPO details for prints, context only)
  'fk-directory.ts': 1300, // measured 1182 B (s21: the host's directory of agencies and providers, context only)
  'fk-confirm-dialog.ts': 3700, // measured 3494 B (s21: the confirmation before irreversible steps)
  'fk-consent-manager.ts': 42600, // measured 36825 B with releases, the directory, the may-issue check and the print root (s21); stage element: goal <= 8 KB; 38099 B after the second wave's merges; 40126 B after the third session's merges (split views, form-notice and side-action controllers, drafts that keep their version: issues 19, 21); 40936 B with typed dates held to min/max and the caseload's withheld deadlines (issue 21); 41495 B with the base form's validity, refusal and remote-change controllers (issue 19, +~700 B per form); 41941 B after the merge with main and with the base form in two layers (FkFormControl, ConnectedForm: issue 19, +276 B of it)
  'fk-connected-plan-document.ts': 20500, // measured 18682 B; fk-plan-document plus the connection; goal <= 8 KB; 20043 B with the page-language date field and handover continuity (issue 21)
  'fk-date-field.ts': 9100, // measured 7642 B; field: goal <= 3 KB like fk-text-field; 7917 B after the second wave's merges; 8856 B with the page-language date field and handover continuity (issue 21)
  'fk-first-counselling.ts': 31400, // measured 25764 B; stage element: goal <= 8 KB; 26871 B after the second wave's merges; 28283 B with the page-language date field and handover continuity (issue 21); 29332 B after the third session's merges (split views, form-notice and side-action controllers, drafts that keep their version: issues 19, 21); 29915 B with typed dates held to min/max and the caseload's withheld deadlines (issue 21); 30438 B with the base form's validity, refusal and remote-change controllers (issue 19, +~700 B per form); 30858 B after the merge with main and with the base form in two layers (FkFormControl, ConnectedForm: issue 19, +275 B of it)
  'fk-goal-agreement.ts': 40900, // measured 32968 B; 34110 B after the second wave's merges; s21's measures in the print and the print root add ~3 KB; 38593 B with the letterhead and the Art. 13 block in the print (issue 21); stage element: goal <= 8 KB; 39026 B with the base form's saving and draft controllers (issue 19, +~420 B per form); 39833 B with the base form's validity, refusal and remote-change controllers (issue 19, +~700 B per form); 40275 B after the merge with main and with the base form in two layers (FkFormControl, ConnectedForm: issue 19, +285 B of it)
  'fk-handover.ts': 47500, // 45108 B with naming the case manager and its confirmation (assignmentConsequences, issue 21); measured 39719 B with the confirmation dialog, the directory and the may-issue check (s21); stage element: goal <= 8 KB; 40821 B after the second wave's merges; 42334 B with the page-language date field and handover continuity (issue 21); 43882 B after the third session's merges (split views, form-notice and side-action controllers, drafts that keep their version: issues 19, 21); 46304 B with the base form's validity, refusal and remote-change controllers (issue 19, +~700 B per form); 46753 B after the merge with main and with the base form in two layers (FkFormControl, ConnectedForm: issue 19, +284 B of it)
  'fk-help-plan.ts': 37200, // measured 31527 B; stage element: goal <= 8 KB; 32945 B after the second wave's merges; 34413 B with the page-language date field and handover continuity (issue 21); 35440 B with the base form's saving and draft controllers (issue 19, +~420 B per form); 36159 B with the base form's validity, refusal and remote-change controllers (issue 19, +~700 B per form); 36630 B after the merge with main and with the base form in two layers (FkFormControl, ConnectedForm: issue 19, +290 B of it)
  'fk-intake-screening.ts': 32800, // measured 27256 B; stage element: goal <= 8 KB; 28380 B after the second wave's merges; 29906 B with the page-language date field and handover continuity (issue 21); 30757 B after the third session's merges (split views, form-notice and side-action controllers, drafts that keep their version: issues 19, 21); 31339 B with typed dates held to min/max and the caseload's withheld deadlines (issue 21); 31875 B with the base form's validity, refusal and remote-change controllers (issue 19, +~700 B per form); 32312 B after the merge with main and with the base form in two layers (FkFormControl, ConnectedForm: issue 19, +289 B of it)
  'fk-letter.ts': 20400, // measured 17636 B; stage element: goal <= 8 KB; 18209 B with the organisation's "today" (core localDate); 19200 B with the page-language date field and handover continuity (issue 21); 19924 B filled from the recipient's view (issue 22)
  'fk-monitoring.ts': 42900, // measured 35527 B; stage element: goal <= 8 KB; 37172 B after the second wave's merges; 38773 B with the page-language date field and handover continuity (issue 21); 40098 B with the crises and contact participants (issue 20); 40952 B with the base form's saving and draft controllers (issue 19, +~420 B per form); 41769 B with the base form's validity, refusal and remote-change controllers (issue 19, +~700 B per form); 42215 B after the merge with main and with the base form in two layers (FkFormControl, ConnectedForm: issue 19, +285 B of it)
  'fk-documents.ts': 23900, // stage element: goal <= 8 KB; measured 21394 B (before the page-language date field); 23455 B with its views split out (issue 19)
  'fk-notes.ts': 20500, // measured 17754 B; stage element: goal <= 8 KB; 18372 B after the second wave's merges; 19506 B with the page-language date field and handover continuity (issue 21); 20138 B with what a note relates to (issue 20)
  'fk-person-record.ts': 25400, // measured 21990 B; stage element: goal <= 8 KB; 22880 B after the second wave's merges; 23850 B with the page-language date field and handover continuity (issue 21); 25003 B with household relations (issue 22) after the third session's merges (split views, form-notice and side-action controllers, drafts that keep their version: issues 19, 21)
  'fk-plan-document.ts': 18100, // measured 15877 B; stage element: goal <= 8 KB; 16458 B after the second wave's merges; 17677 B with the page-language date field and handover continuity (issue 21)
  'fk-plan-form.ts': 30700, // measured 25150 B; stage element: goal <= 8 KB; 26250 B after the second wave's merges; 27678 B with the page-language date field and handover continuity (issue 21); 28680 B after the third session's merges (split views, form-notice and side-action controllers, drafts that keep their version: issues 19, 21); 29239 B with typed dates held to min/max and the caseload's withheld deadlines (issue 21); 29738 B with the base form's validity, refusal and remote-change controllers (issue 19, +~700 B per form); 30179 B after the merge with main and with the base form in two layers (FkFormControl, ConnectedForm: issue 19, +297 B of it)
  'fk-process-stepper.ts': 16100, // measured 13940 B; stage element: goal <= 8 KB; 14519 B after the second wave's merges; 15687 B with the page-language date field and handover continuity (issue 21)
  'fk-radio-group.ts': 8400, // measured 7836 B; field: goal <= 3 KB like fk-text-field; 8124 B after the second wave's merges
  'fk-rating.ts': 8500, // measured 7916 B; field: goal <= 3 KB like fk-text-field; 8317 B with the page-language date field and handover continuity (issue 21)
  'fk-redacted.ts': 8400, // measured 7387 B, 7828 B with plain words (issue 21); goal <= 3 KB like fk-text-field; 8147 B with the page-language date field and handover continuity (issue 21)
  'fk-referrals.ts': 37500, // measured 32390 B with the directory, the consent-needed way and the may-issue check (s21); stage element: goal <= 8 KB; 33542 B after the second wave's merges; 35413 B after the third session's merges (split views, form-notice and side-action controllers, drafts that keep their version: issues 19, 21); 36003 B with typed dates held to min/max and the caseload's withheld deadlines (issue 21); 36497 B with the base form's validity, refusal and remote-change controllers (issue 19, +~700 B per form); 36905 B after the merge with main and with the base form in two layers (FkFormControl, ConnectedForm: issue 19, +264 B of it)
  'fk-reorder-list.ts': 9000, // measured 8453 B; field: goal <= 3 KB like fk-text-field; 8810 B with the page-language date field and handover continuity (issue 21)
  'fk-report.ts': 23800, // measured 21786 B with filters, periods and comparison (issue 22); goal <= 8 KB; 23328 B with the page-language date field and handover continuity (issue 21)
  'fk-handover-package.ts': 16400, // 16110 B with the purpose named from the components' glossary (issue 21); measured 13967 B; the handover package's preview before it leaves (issue 16); 15140 B with the page-language date field and handover continuity (issue 21); 15540 B with the status loop of earlier packages (issue 16)
  'fk-handover-inbox.ts': 17700, // 17404 B with the file picker in the page's language (filePickerStyles, the chosen file's name); 16764 B with opening a package from a file, the decline's reason and the administrators' details of a refusal (issue 16); 15873 B with the purpose named from the components' glossary (issue 21); measured 14115 B; incoming handover packages (issue 16); 15441 B with the page-language date field and handover continuity (issue 21)
  'fk-subject-export.ts': 15600, // measured 13969 B; the person's export (DP-29): document, JSON, FHIR downloads; 15246 B with the page-language date field and handover continuity (issue 21)
  'fk-select.ts': 8300, // measured 7684 B; field: goal <= 3 KB like fk-text-field; 8090 B with the page-language date field and handover continuity (issue 21)
  'fk-sync-conflicts.ts': 17500, // measured 15819 B; stage element: goal <= 8 KB; 17133 B with the page-language date field and handover continuity (issue 21)
  'fk-sync-status.ts': 16100, // measured 13950 B; a small status block, most of it the foundation it shares; 14098 B after the second wave's merges; 15256 B with the page-language date field and handover continuity (issue 21); 15828 B with the list of uploads the server refused for good (setAside, issue 15)
  'fk-text-field.ts': 8200, // measured 7668 B; one field alone: goal <= 3 KB; 7960 B after the second wave's merges
  'fk-team-overview.ts': 17900, // 17427 B with the next-deadline column (issue 21) and the base form's controllers (19); measured 15542 B; stage element: goal <= 8 KB; 16900 B with the page-language date field and handover continuity (issue 21)
  'fk-textarea.ts': 8300, // measured 7742 B; field: goal <= 3 KB like fk-text-field; 8029 B after the second wave's merges
  'fk-worklist.ts': 20900, // measured 18290 B; stage element: goal <= 8 KB; 19003 B after the second wave's merges; 20440 B with the page-language date field and handover continuity (issue 21)
  'foundation.ts': 14100, // measured 12132 B, 12533 B with plain words; goal: no longer pulls in every internal element; 13775 B with the page-language date field and handover continuity (issue 21)
};

const DEFINE_FOLDER = 'packages/components/src/define';
const ALL_DEFINE_FILES = defineFiles().map((file) => `${DEFINE_FOLDER}/${file}`);

export const DEFINE_ENTRIES: readonly GatedEntry[] = defineFiles().map((file) => ({
  name: `define/${file}`,
  spec: { ...own(`${DEFINE_FOLDER}/${file}`), together: ALL_DEFINE_FILES },
  ceiling: DEFINE_CEILINGS[file] ?? 0,
  forbidden: NO_STORAGE,
}));

export const ENTRIES: readonly GatedEntry[] = [...CORE_ENTRIES, ...PACKAGE_ENTRIES, ...DEFINE_ENTRIES];
