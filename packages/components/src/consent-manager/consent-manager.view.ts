import type { DataCategory } from '@fallkit/core';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { Issuable } from '../shared/may-issue.js';
import type { PrintSettings } from '../print/print-settings.js';
import type { ConsentStateLike, RecipientRefLike, ReleaseRecordLike } from '../shared/privacy-shapes.js';
import type { InformationPart } from './consent-information.js';
import type { consentManagerMessages } from './consent-manager.messages.js';
import type { ConsentDraftValue, ConsentPerson, ConsentWithdrawDetail } from './consent-manager.schema.js';

/** The withdrawal being prepared on one recorded consent (DP-14). */
export interface WithdrawalDraft {
  readonly scope: 'whole' | 'partial';
  readonly categories: readonly DataCategory[];
  readonly recipients: readonly string[];
  readonly note: string;
  readonly error?: string;
}

/**
 * The `withdrawConsent` input of a withdrawal draft: wholly, or in part by category and recipient;
 * `undefined` when a partial withdrawal picks nothing.
 */
export function withdrawalDetail(consentId: string, w: WithdrawalDraft): ConsentWithdrawDetail | undefined {
  const partial = w.scope === 'partial';
  if (partial && w.categories.length === 0 && w.recipients.length === 0) return undefined;
  return {
    consentId,
    ...(partial && w.categories.length ? { categories: [...w.categories] } : {}),
    ...(partial && w.recipients.length ? { recipientAgencyIds: [...w.recipients] } : {}),
    ...(w.note.trim() ? { note: w.note.trim() } : {}),
  };
}

/**
 * What the section views of `<fk-consent-manager>` read and may do: the element hands this to each view
 * function in `render()`, so the views are plain functions of it (no access to the element's internals).
 */
export interface ConsentManagerView {
  readonly t: LocalizeController<typeof consentManagerMessages.de>;
  readonly value: ConsentDraftValue;
  readonly disabled: boolean;
  readonly readonly: boolean;
  /** A save or side action is running. */
  readonly pending: boolean;
  /** Today (ISO date): expiry flags, minors' age. */
  readonly day: string;
  readonly maxMonths: number;
  readonly persons: readonly ConsentPerson[];
  /** What the core says this actor may issue (DP-40). */
  readonly issuable: Issuable;
  /** The recorded consents and releases. */
  readonly consents: readonly ConsentStateLike[];
  readonly releases: readonly ReleaseRecordLike[];
  /** Every agency offered as recipient (host, directory, case, the draft's own). */
  readonly recipients: readonly RecipientRefLike[];
  /** Every purpose offered (host, the case's measures, the draft's own). */
  readonly purposes: readonly string[];
  /** Measure titles of `measureDelivery:<id>` purposes. */
  readonly purposeTitles: Readonly<Record<string, string>>;
  /** The recipient typed but not yet added. */
  readonly otherRecipient: string;
  /** The professionals of a release as typed (one a line: `name, profession`). */
  readonly professionalsText: string;
  /** The information sections of the draft (DP-09), the one displayed and those shown with their current text. */
  readonly information: {
    readonly parts: readonly InformationPart[];
    readonly current: number;
    readonly shown: ReadonlySet<number>;
    readonly complete: boolean;
  };
  /** The consent whose withdrawal is open, and its draft. */
  readonly withdrawing: string | undefined;
  readonly withdrawal: WithdrawalDraft;
  /** What the printed consent adds: the host's letterhead, the file, the recipients' addresses. */
  readonly printing: {
    readonly settings: PrintSettings | undefined;
    readonly caseId: string | undefined;
    addressOf(agencyId: string): string | undefined;
  };
  /** The draft's subject and its age at the start of the consent. */
  subject(): ConsentPerson | undefined;
  ageOfSubject(): number | undefined;
  personName(id: string): string;
  errorAt(path: string): string | undefined;
  setField(path: string, value: unknown): void;
  setOtherRecipient(text: string): void;
  addOtherRecipient(): void;
  setProfessionals(text: string): void;
  /** Displays an information section without counting it. */
  display(index: number): void;
  /** Counts the displayed section as shown and moves on. */
  advance(): void;
  openWithdraw(consentId: string): void;
  editWithdrawal(patch: Partial<WithdrawalDraft>): void;
  submitWithdraw(): void;
  cancelWithdraw(): void;
  print(): void;
  submit(): void;
}
