import {
  PERSON_ROLES,
  type CaseCommandInput,
  type PersonRole,
  type Representation,
  type RepresentationScope,
} from '@fallkit/core';
import { languagesOf } from './person-record.view.js';

/*
 * The forms' data of `<fk-person-record>`: what `fk-submit` carries, the drafts of the add, contact and
 * representation forms, and the core's command inputs made from them. Plain functions and types.
 */

/** What `fk-submit` carries: the command the form would send (type and input), for a standalone host. */
export type PersonRecordSubmit =
  | { readonly type: 'addPerson'; readonly input: CaseCommandInput<'addPerson'> }
  | { readonly type: 'updatePerson'; readonly input: CaseCommandInput<'updatePerson'> };

/** The roles the add form offers (the addressee exists once, DP rules on representation use the others). */
export const ADD_ROLES: readonly PersonRole[] = PERSON_ROLES.filter((r) => r !== 'addressee');
/** The kinds of representation the form offers. */
export const REPRESENTATION_KINDS = [
  'legalGuardian',
  'guardianOfMinor',
  'parentalResponsibility',
  'powerOfAttorney',
] as const;

/** The add form's draft. */
export interface NewPersonDraft {
  givenName: string;
  familyName: string;
  birthDate: string;
  role: PersonRole;
  relation: string;
  inHousehold: boolean;
}
/** The contact form's draft (one person's contact details, languages, interpreter). */
export interface ContactDraft {
  personId: string;
  phone: string;
  email: string;
  address: string;
  languages: string;
  interpreterNeeded: boolean;
  interpreterLanguage: string;
  interpreterArranged: boolean;
}
/** The representation form's draft. */
export interface RepresentationDraft {
  holderId: string;
  forPersonId: string;
  kind: Representation['kind'];
  scope: RepresentationScope[];
  from: string;
  courtReference: string;
}

/** The empty add form. */
export const NEW_PERSON: NewPersonDraft = {
  givenName: '',
  familyName: '',
  birthDate: '',
  role: 'householdMember',
  relation: '',
  inHousehold: true,
};
/** The empty representation form. */
export const NEW_REPRESENTATION: RepresentationDraft = {
  holderId: '',
  forPersonId: '',
  kind: 'legalGuardian',
  scope: [],
  from: '',
  courtReference: '',
};

/** The `addPerson` input of a draft (undefined while a name is missing). */
export function newPersonInput(d: NewPersonDraft): CaseCommandInput<'addPerson'> | undefined {
  const givenName = d.givenName.trim();
  const familyName = d.familyName.trim();
  if (givenName === '' || familyName === '') return undefined;
  return {
    roles: [d.role],
    givenName,
    familyName,
    ...(d.birthDate === '' ? {} : { birthDate: d.birthDate }),
    ...(d.relation.trim() === '' ? {} : { relationToAddressee: d.relation.trim() }),
    inHousehold: d.inHousehold,
  } as CaseCommandInput<'addPerson'>;
}

/** The `updatePerson` input of a contact draft: contact details, languages and interpreter need together. */
export function contactInput(d: ContactDraft): CaseCommandInput<'updatePerson'> {
  const contact = {
    ...(d.phone.trim() === '' ? {} : { phone: d.phone.trim() }),
    ...(d.email.trim() === '' ? {} : { email: d.email.trim() }),
    ...(d.address.trim() === '' ? {} : { address: d.address.trim() }),
  };
  return {
    personId: d.personId,
    changes: {
      contact,
      languages: languagesOf(d.languages),
      interpreter: {
        needed: d.interpreterNeeded,
        ...(d.interpreterNeeded && d.interpreterLanguage.trim() !== ''
          ? { language: d.interpreterLanguage.trim() }
          : {}),
        ...(d.interpreterNeeded ? { arranged: d.interpreterArranged } : {}),
      },
    },
  } as CaseCommandInput<'updatePerson'>;
}
