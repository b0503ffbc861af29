import { text } from '../../i18n/localized-text.js';
import type { Person, RepresentationScope } from '../../model/person.js';
import type { DataCategory } from '../../model/record-meta.js';
import { DATA_CATEGORIES } from '../../model/record-meta.js';
import type { Refusal } from '../../result/refusal.js';
import { privacyRefusal } from '../reason-codes.js';
import { isConsentPurpose } from '../purposes.js';
import type { ConsentGiverRole } from './consent-record.js';

/**
 * The matters (Aufgabenkreise) under which a legal guardian may consent to a category (DP-13).
 * `all` covers everything.
 */
export const CATEGORY_SCOPES: Readonly<Record<DataCategory, readonly RepresentationScope[]>> = {
  identity: ['authorities', 'correspondence', 'benefits'],
  contact: ['authorities', 'correspondence'],
  household: ['authorities', 'benefits'],
  benefits: ['benefits', 'authorities'],
  income: ['finances', 'benefits'],
  debts: ['finances'],
  housing: ['housing'],
  education: ['authorities'],
  employment: ['authorities', 'benefits'],
  residenceStatus: ['residence', 'authorities'],
  goals: ['authorities'],
  helpPlan: ['authorities'],
  measures: ['authorities'],
  notes: ['authorities'],
  health: ['health'],
  addiction: ['health'],
  disability: ['health'],
  ethnicOrigin: [],
  religion: [],
  sexLife: [],
  politicalOpinion: [],
  offences: [],
};

/** The parts of a consent (or release) the validation reads, before it is known to be well-formed. */
export interface ConsentDraft {
  readonly subjectId?: string;
  readonly categories?: unknown;
  readonly recipients?: unknown;
  readonly purposes?: unknown;
  readonly validFrom?: string;
  readonly validUntil?: string;
  readonly form?: {
    readonly kind?: string;
    readonly scanReference?: string;
    readonly language?: string;
    readonly exceptionReason?: string;
  };
  readonly informationTextHash?: string;
  readonly givenBy?: { readonly personId?: string; readonly role?: ConsentGiverRole };
  readonly childView?: string;
  readonly capacityToConsent?: 'assessed' | 'notAssessed' | 'restricted';
}

/**
 * From this age a young person may consent alone once their capacity is assessed (§ 36 SGB I, DP-12);
 * below it persons with parental responsibility consent and the child's view is recorded.
 */
export const CONSENT_CAPACITY_AGE = 15;

/** Age of majority: from it a person consents for themself (DP-12, DP-13). */
export const ADULT_AGE = 18;

/** What the consent check needs of a person: the id, the birth date, the representations held. */
export type ConsentPerson = Pick<Person, 'id'> & Partial<Pick<Person, 'birthDate' | 'representations'>>;

/** The persons of a case (a `CaseState` is one), as the consent check reads them (DP-12, DP-13). */
export interface ConsentPersons {
  readonly persons: readonly ConsentPerson[];
}

/** Age in whole years on a date (DP-12: under 15, under 18). */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

function representationOf(giver: ConsentPerson, subjectId: string, kinds: readonly string[], today: string) {
  return (giver.representations ?? []).find(
    (r) =>
      r.forPersonId === subjectId &&
      kinds.includes(r.kind) &&
      (r.from === undefined || r.from <= today) &&
      (r.until === undefined || today <= r.until),
  );
}

/** DP-07: categories, recipients, purposes, validity and giver named. */
function specificity(draft: ConsentDraft): Refusal[] {
  const out: Refusal[] = [];
  const categories = draft.categories;
  if (
    !Array.isArray(categories) ||
    categories.length === 0 ||
    categories.some((c) => !DATA_CATEGORIES.includes(c as DataCategory))
  ) {
    out.push(
      privacyRefusal('DENY_CONSENT_NOT_SPECIFIC', {
        path: ['input', 'categories'],
        detail: text(
          'Datenkategorien einzeln nennen, nicht „alle“.',
          'Name the data categories one by one, not "all".',
        ),
      }),
    );
  }
  const recipients = draft.recipients;
  if (
    !Array.isArray(recipients) ||
    recipients.length === 0 ||
    recipients.some(
      (r) =>
        typeof (r as { agencyId?: unknown })?.agencyId !== 'string' || (r as { agencyId: string }).agencyId === '*',
    )
  ) {
    out.push(
      privacyRefusal('DENY_CONSENT_NOT_SPECIFIC', {
        path: ['input', 'recipients'],
        detail: text('Empfangende Stellen fehlen.', 'TransferRecipient agencies are missing.'),
      }),
    );
  }
  const purposes = draft.purposes;
  if (
    !Array.isArray(purposes) ||
    purposes.length === 0 ||
    purposes.some((p) => typeof p !== 'string' || !isConsentPurpose(p))
  ) {
    out.push(
      privacyRefusal('DENY_CONSENT_NOT_SPECIFIC', {
        path: ['input', 'purposes'],
        detail: text('Zweck fehlt oder ist unbekannt.', 'Purpose missing or unknown.'),
      }),
    );
  }
  if (draft.givenBy?.personId === undefined || draft.givenBy.role === undefined) {
    out.push(
      privacyRefusal('DENY_CONSENT_NOT_SPECIFIC', {
        path: ['input', 'givenBy'],
        detail: text('Wer willigt ein, in welcher Rolle?', 'Who consents, in which role?'),
      }),
    );
  }
  return out;
}

/** DP-08: form and proof. */
function documentation(draft: ConsentDraft): Refusal[] {
  const form = draft.form;
  const out: Refusal[] = [];
  if (form?.kind === undefined) {
    out.push(
      privacyRefusal('DENY_CONSENT_UNDOCUMENTED', {
        path: ['input', 'form'],
        detail: text('Form fehlt.', 'Form missing.'),
      }),
    );
  } else if (form.kind === 'written' && !form.scanReference?.trim()) {
    out.push(
      privacyRefusal('DENY_CONSENT_UNDOCUMENTED', {
        path: ['input', 'form', 'scanReference'],
        detail: text('Verweis auf den Scan fehlt.', 'Scan reference missing.'),
      }),
    );
  } else if (form.kind === 'electronic' && !form.language?.trim()) {
    out.push(
      privacyRefusal('DENY_CONSENT_UNDOCUMENTED', {
        path: ['input', 'form', 'language'],
        detail: text('Sprache fehlt.', 'Language missing.'),
      }),
    );
  } else if (form.kind === 'oralMinuted' && !form.exceptionReason?.trim()) {
    out.push(
      privacyRefusal('DENY_CONSENT_UNDOCUMENTED', {
        path: ['input', 'form', 'exceptionReason'],
        detail: text('Mündlich nur als begründete Ausnahme.', 'Oral consent only as a justified exception.'),
      }),
    );
  }
  if (draft.informationTextHash === undefined || !/^[0-9a-f]{64}$/.test(draft.informationTextHash)) {
    out.push(
      privacyRefusal('DENY_CONSENT_UNDOCUMENTED', {
        path: ['input', 'informationTextHash'],
        detail: text('Hash des Informationstexts fehlt.', 'Hash of the information text missing.'),
      }),
    );
  }
  return out;
}

/** DP-11: a bounded validity, never longer than the configured maximum. */
function validity(draft: ConsentDraft, maxUntil: string): Refusal[] {
  if (draft.validUntil !== undefined && draft.validFrom !== undefined && draft.validUntil < draft.validFrom) {
    return [
      privacyRefusal('DENY_CONSENT_NOT_SPECIFIC', {
        path: ['input', 'validUntil'],
        detail: text('Ende liegt vor dem Beginn.', 'End is before start.'),
      }),
    ];
  }
  if (draft.validUntil !== undefined && draft.validUntil > maxUntil) {
    return [
      privacyRefusal('DENY_CONSENT_OPEN_ENDED', {
        path: ['input', 'validUntil'],
        detail: text(`Spätestens ${maxUntil}.`, `${maxUntil} at the latest.`),
      }),
    ];
  }
  return [];
}

/** DP-12, DP-13: the right person gives it. */
function authority(
  state: ConsentPersons,
  draft: ConsentDraft,
  categories: readonly DataCategory[],
  today: string,
): Refusal[] {
  const subject = state.persons.find((p) => p.id === draft.subjectId);
  const giver = state.persons.find((p) => p.id === draft.givenBy?.personId);
  const role = draft.givenBy?.role;
  if (subject === undefined || giver === undefined) {
    return [
      privacyRefusal('DENY_CONSENT_WRONG_PERSON', {
        path: ['input', subject === undefined ? 'subjectId' : 'givenBy'],
        detail: text('Person ist in der Akte nicht bekannt.', 'Person is not known in the case.'),
      }),
    ];
  }
  const age = subject.birthDate === undefined ? undefined : ageOn(subject.birthDate, today);
  const minor = age !== undefined && age < ADULT_AGE;
  const parental = (p: ConsentPerson) =>
    representationOf(p, subject.id, ['parentalResponsibility', 'guardianOfMinor'], today);
  if (role === 'self') {
    if (giver.id !== subject.id) {
      return [privacyRefusal('DENY_CONSENT_WRONG_PERSON', { path: ['input', 'givenBy'] })];
    }
    if (minor && age < CONSENT_CAPACITY_AGE) {
      return [
        privacyRefusal('DENY_CONSENT_CAPACITY', {
          path: ['input', 'givenBy'],
          detail: text(`Die Person ist ${age} Jahre alt.`, `The person is ${age} years old.`),
        }),
      ];
    }
    if (minor) {
      const restricted = state.persons.some((p) => parental(p)?.consentReservation === true);
      if (draft.capacityToConsent !== 'assessed' || restricted) {
        return [
          privacyRefusal('DENY_CONSENT_CAPACITY', {
            path: ['input', 'capacityToConsent'],
            detail: text(
              'Einsichtsfähigkeit ist nicht festgestellt oder von den Sorgeberechtigten eingeschränkt.',
              'Capacity to consent is not assessed or was restricted by the legal representatives.',
            ),
          }),
        ];
      }
    }
    // An adult under a guardianship with a consent reservation (Einwilligungsvorbehalt) in the matter cannot consent alone.
    const reserved = state.persons.some((p) => {
      const r = representationOf(p, subject.id, ['legalGuardian'], today);
      return (
        r?.consentReservation === true &&
        categories.some((c) => r.scope.includes('all') || CATEGORY_SCOPES[c].some((s) => r.scope.includes(s)))
      );
    });
    if (!minor && reserved) {
      return [
        privacyRefusal('DENY_CONSENT_CAPACITY', {
          path: ['input', 'givenBy'],
          detail: text(
            'Für diese Angelegenheit besteht ein Einwilligungsvorbehalt.',
            'A consent reservation applies to this matter.',
          ),
        }),
      ];
    }
    return [];
  }
  if (role === 'parentalResponsibility' || role === 'guardianOfMinor') {
    if (!minor || parental(giver) === undefined) {
      return [
        privacyRefusal('DENY_CONSENT_WRONG_PERSON', {
          path: ['input', 'givenBy'],
          detail: text(
            'Keine elterliche Sorge / Vormundschaft für diese Person.',
            'No parental responsibility or guardianship for this person.',
          ),
        }),
      ];
    }
    if (age !== undefined && age < CONSENT_CAPACITY_AGE && !draft.childView?.trim()) {
      return [
        privacyRefusal('DENY_CONSENT_CAPACITY', {
          path: ['input', 'childView'],
          detail: text('Die Sicht des Kindes ist zu dokumentieren.', "The child's view must be recorded."),
        }),
      ];
    }
    return [];
  }
  if (role === 'legalGuardian') {
    const r = representationOf(giver, subject.id, ['legalGuardian'], today);
    if (r === undefined) {
      return [
        privacyRefusal('DENY_CONSENT_WRONG_PERSON', {
          path: ['input', 'givenBy'],
          detail: text('Keine rechtliche Betreuung für diese Person.', 'No legal guardianship for this person.'),
        }),
      ];
    }
    const outside = categories.filter(
      (c) => !r.scope.includes('all') && !CATEGORY_SCOPES[c].some((s) => r.scope.includes(s)),
    );
    if (outside.length > 0) {
      return [
        privacyRefusal('DENY_GUARDIAN_SCOPE', {
          path: ['input', 'categories'],
          detail: text(`Nicht im Aufgabenkreis: ${outside.join(', ')}.`, `Outside the scope: ${outside.join(', ')}.`),
        }),
      ];
    }
    return [];
  }
  return [privacyRefusal('DENY_CONSENT_WRONG_PERSON', { path: ['input', 'givenBy', 'role'] })];
}

/**
 * Checks a consent or confidentiality release before it is recorded: DP-07 (specific), DP-08 (form
 * and proof), DP-11 (bounded, at most `maxUntil`), DP-12 (minors), DP-13 (legal guardians).
 * Returns every refusal found in the first failing group, so the user sees what to fix.
 */
export function validateConsent(
  state: ConsentPersons,
  draft: ConsentDraft,
  options: {
    today: string;
    maxUntil: string;
    /** Every group's refusals at once (a form shows all it can), not only the first failing group's. */
    all?: boolean;
  },
): Refusal[] {
  const groups = [
    () => specificity(draft),
    () => documentation(draft),
    () => validity(draft, options.maxUntil),
    () =>
      Array.isArray(draft.categories)
        ? authority(
            state,
            draft,
            draft.categories.filter((c): c is DataCategory => DATA_CATEGORIES.includes(c as DataCategory)),
            options.today,
          )
        : [],
  ];
  const out: Refusal[] = [];
  for (const group of groups) {
    const found = group();
    out.push(...found);
    if (found.length > 0 && options.all !== true) return out;
  }
  return out;
}
