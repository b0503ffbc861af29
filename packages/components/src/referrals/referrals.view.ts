import type { TemplateResult } from 'lit';
import type { CaseConference, ProviderReferral, RedactionMarker } from '@fallkit/core';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { DirectoryController } from '../directory/directory.js';
import type { ConsentStateLike } from '../shared/privacy-shapes.js';
import type { PreviewState } from '../shared/transfer-preview/transfer-preview.view.js';
import type { referralsMessages } from './referrals.messages.js';
import type { ConferenceDraft, ReferralDraftValue, StatusDraft } from './referrals.schema.js';

/**
 * What the section views of `<fk-referrals>` read and may do: the element hands this to each view
 * function in `render()`, so the views are plain functions of it (no access to the element's internals).
 */
export interface ReferralsView {
  readonly t: LocalizeController<typeof referralsMessages.de>;
  /** The new referral as drafted. */
  readonly value: ReferralDraftValue;
  readonly disabled: boolean;
  readonly readonly: boolean;
  /** A save or side action is running. */
  readonly pending: boolean;
  /** Today (ISO date): consent validity. */
  readonly day: string;
  readonly referrals: readonly (ProviderReferral | RedactionMarker)[];
  readonly conferences: readonly (CaseConference | RedactionMarker)[];
  readonly measures: readonly { id: string; title: string }[];
  readonly consents: readonly ConsentStateLike[];
  /** The host's directory of agencies and providers. */
  readonly directory: Pick<DirectoryController, 'entries' | 'find' | 'of'>;
  /** The user chose "not in the directory". */
  readonly outsideDirectory: boolean;
  /** The provider's agency id (given, else built from its name). */
  readonly agencyId: string;
  readonly preview: PreviewState;
  /** The referral whose status change is open, and its draft. */
  readonly statusFor: string | undefined;
  readonly statusDraft: StatusDraft;
  readonly conference: ConferenceDraft;
  readonly conferenceError: string | undefined;
  /** How a legal basis reads in the preview. */
  basisLabel(basis: string | undefined): string;
  errorAt(path: string): string | undefined;
  warningAt(path: string): string | undefined;
  setField(path: string, value: unknown): void;
  chooseProvider(agencyId: string): void;
  /** The name of a provider outside the directory. */
  nameOtherProvider(name: string): void;
  askForConsent(): void;
  openStatus(referral: ProviderReferral): void;
  editStatus(patch: Partial<StatusDraft>): void;
  saveStatus(): void;
  cancelStatus(): void;
  editConference(patch: Partial<ConferenceDraft>): void;
  saveConference(): void;
  /** The form's save button. */
  submitButton(label: string): TemplateResult;
}
