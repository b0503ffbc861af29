import { isRedactionMarker, type CaseState } from '@fallkit/core';
import { issuableOf, type Issuable } from '../shared/may-issue.js';
import {
  consentsOfView,
  type ConsentStateLike,
  type RecipientRefLike,
  type ReleaseRecordLike,
} from '../shared/privacy-shapes.js';
import type { ConsentPerson } from './consent-manager.schema.js';

/** What `<fk-consent-manager>` takes from the decided case view. */
export interface ConsentCase {
  /** What the core says this actor may issue (DP-40). */
  readonly issuable: Issuable;
  readonly addresseeId: string | undefined;
  /** The case's Aktenzeichen (its label) for the print, where the view has one. */
  readonly caseLabel?: string;
  /** The persons the view shows (withheld ones left out), each with birth date and representations where known. */
  readonly persons: ConsentPerson[];
  /** The case's lead agencies and the providers of its referrals, offered as recipients. */
  readonly recipients: RecipientRefLike[];
  /** `measureDelivery:<measure>` for every measure the view shows. */
  readonly purposes: string[];
  /** The measure titles of those purposes. */
  readonly purposeTitles: Record<string, string>;
  /** The recorded consents and releases, when the view carries them. */
  readonly consents?: ConsentStateLike[];
  readonly releases?: ReleaseRecordLike[];
}

/** Persons, agencies, measures and recorded consents of the case view (withheld entries left out). */
export function consentFromCase(view: CaseState): ConsentCase {
  const persons = (view.persons ?? [])
    .filter((p) => !isRedactionMarker(p))
    .map((p) => ({
      id: p.id,
      name: [p.givenName, p.familyName].filter((x) => typeof x === 'string').join(' ') || p.id,
      ...(typeof p.birthDate === 'string' && p.birthDate.length === 10 ? { birthDate: p.birthDate } : {}),
      ...(Array.isArray(p.representations) ? { representations: p.representations } : {}),
    }));
  const agencies = new Map<string, RecipientRefLike>();
  for (const a of view.leadAgencies ?? []) agencies.set(a.agencyId, { agencyId: a.agencyId, name: a.name });
  for (const r of view.providerReferrals ?? []) {
    if (!isRedactionMarker(r) && r.provider.agencyId)
      agencies.set(r.provider.agencyId, { agencyId: r.provider.agencyId, name: r.provider.name });
  }
  const measures = (view.measures ?? []).filter((m) => !isRedactionMarker(m));
  const fromView = consentsOfView(view);
  return {
    issuable: issuableOf(view),
    addresseeId: view.addresseeId,
    ...(typeof view.label === 'string' && view.label ? { caseLabel: view.label } : {}),
    persons,
    recipients: [...agencies.values()],
    purposes: measures.map((m) => `measureDelivery:${m.id}`),
    purposeTitles: Object.fromEntries(
      measures.map((m) => [`measureDelivery:${m.id}`, isRedactionMarker(m.title) ? m.id : m.title]),
    ),
    ...(fromView.consents ? { consents: fromView.consents } : {}),
    ...(fromView.releases ? { releases: fromView.releases } : {}),
  };
}
