/**
 * The bounds of every command input, in one place (issue 13, rules IN-02 and IN-08). Lengths count
 * UTF-16 code units after NFC normalisation and trimming, as `String.length` does; lists count entries.
 * `docs/core.md` ("Input limits") lists which field has which bound; keep the two in step.
 *
 * The numbers are chosen from the domain, with room: a case note of 20,000 characters is about eight
 * printed pages, the longest Aktenvermerk a case manager writes; a name or title of 300 characters holds
 * any German double name or agency name. A command that needs more is not a case-management command.
 * @module
 */

/** Longest id (case, person, goal, user, agency …): a UUID is 36; room for prefixed host ids. */
export const ID_MAX = 128;

/** Longest name or title (person, agency, provider, goal, measure, follow-up subject): single line. */
export const NAME_MAX = 300;

/** Longest short single-line value (language, phone, legal ground, role, cost carrier, channel …). */
export const LINE_MAX = 300;

/** Longest case label (case number or pseudonym shown in lists, never a name). */
export const LABEL_MAX = 80;

/** Longest e-mail address (RFC 5321 path limit). */
export const EMAIL_MAX = 254;

/** Longest phone number as written (`+49 (0)30 1234-5678 Durchwahl 12`). */
export const PHONE_MAX = 64;

/** Longest postal address (multi-line). */
export const ADDRESS_MAX = 500;

/** Longest reason or short description (multi-line): why a goal was revised, what a crisis is. */
export const REASON_MAX = 2_000;

/** Longest free text (multi-line): notes, narratives, the person's own words, assessment texts. */
export const NOTE_MAX = 20_000;

/** Most codes in a list of enumerated values (roles, data categories, barriers, readiness signs). */
export const CODES_MAX = 64;

/** Most ids in a list of references (participants, subjects, goals, measures, confirmations). */
export const IDS_MAX = 500;

/** Most structured entries in a list (criteria, life domains, indicators, decisions, professionals). */
export const ENTRIES_MAX = 200;

/**
 * How many days after "today" a date of something that happened may lie (IN-06): none. "Today" is
 * the service's clock in the organisation's time zone, the same day the case manager sees, so no
 * midnight skew needs absorbing; a host whose users work across time zones may raise it here.
 * Planned dates (due on, valid until, starts on …) are not bounded by today.
 */
export const HAPPENED_TOLERANCE_DAYS = 0;

/** Earliest calendar date any input may carry (a birth date of the oldest client). */
export const DATE_MIN = '1900-01-01';

/** Latest calendar date any input may carry (a residence permit valid "until further notice" is not a date). */
export const DATE_MAX = '2199-12-31';

/*
 * The budget of a raw command (IN-08), checked before any schema walks it. Each bound is above what
 * any valid command needs, so only inputs the schemas would refuse anyway are stopped early; the
 * budget exists so that refusing them costs little and cannot overflow the stack.
 */

/** Deepest nesting of objects and arrays in a command (the deepest valid command nests about 8). */
export const INPUT_DEPTH_MAX = 32;

/** Most values (objects, arrays, strings, numbers …) in one command. */
export const INPUT_NODES_MAX = 50_000;

/** Most characters of all strings of one command together (keys included). */
export const INPUT_CHARS_MAX = 2_000_000;

/** Longest single string in a command: the longest field ({@link NOTE_MAX}). */
export const INPUT_STRING_MAX = NOTE_MAX;

/** Longest array in a command: the longest list ({@link IDS_MAX}). */
export const INPUT_ARRAY_MAX = IDS_MAX;

/** Most keys of one object in a command (the widest input has about 25). */
export const INPUT_KEYS_MAX = 100;

/** Longest object key in a command. */
export const INPUT_KEY_MAX = ID_MAX;
