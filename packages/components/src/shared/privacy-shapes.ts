import type { DataCategory, LocalizedText } from '@fallkit/core';

/*
 * Structural shapes of the data-protection module's records (`@fallkit/core` privacy: consent
 * records, withdrawals, transfer previews), as the components read them. Stated here so the
 * components depend on the shape, not on one module layout: the core's own types fit.
 */

/** A recipient agency named in a consent. */
export interface RecipientRefLike {
  readonly agencyId: string;
  readonly name?: string;
}

/** How a consent was given (DP-08). */
export type ConsentFormLike =
  | { readonly kind: 'written'; readonly scanReference: string }
  | {
      readonly kind: 'electronic';
      readonly language: string;
      readonly interpreter?: { readonly used: boolean; readonly language?: string; readonly name?: string };
    }
  | { readonly kind: 'oralMinuted'; readonly exceptionReason: string; readonly minutedBy?: string };

/** Who gave a consent and in which role (DP-12, DP-13). */
export interface ConsentGiverLike {
  readonly personId: string;
  readonly role: 'self' | 'parentalResponsibility' | 'guardianOfMinor' | 'legalGuardian';
}

/** A stored consent (the core's `ConsentRecord`). */
export interface ConsentRecordLike {
  readonly id: string;
  readonly subjectId: string;
  readonly categories: readonly DataCategory[];
  readonly includesProfessionalSecret?: boolean;
  readonly recipients: readonly RecipientRefLike[];
  readonly purposes: readonly string[];
  readonly validFrom: string;
  readonly validUntil: string;
  readonly form: ConsentFormLike;
  readonly informationTextHash: string;
  readonly givenBy: ConsentGiverLike;
  readonly childView?: string;
  readonly capacityToConsent?: 'assessed' | 'notAssessed' | 'restricted';
  readonly recordedAt?: string;
  /** Set on confidentiality releases: the professionals released (DP-15). */
  readonly professionals?: readonly { readonly name: string; readonly profession?: string }[];
}

/**
 * A stored confidentiality release (the core's `ConfidentialityRelease`, DP-15): named professionals
 * released towards recipients for some categories. It has no purposes of its own.
 */
export interface ReleaseRecordLike extends Omit<
  ConsentRecordLike,
  'purposes' | 'professionals' | 'childView' | 'capacityToConsent'
> {
  readonly professionals: readonly { readonly name: string; readonly profession?: string }[];
  readonly purposes?: readonly string[];
}

/** A withdrawal, whole or partial (DP-14). */
export interface ConsentWithdrawalLike {
  readonly consentId: string;
  readonly withdrawnAt: string;
  readonly categories?: readonly DataCategory[];
  readonly recipientAgencyIds?: readonly string[];
  readonly note?: string;
}

/** A consent with its withdrawals (the core's `ConsentState`). */
export interface ConsentStateLike {
  readonly record: ConsentRecordLike;
  readonly withdrawals: readonly ConsentWithdrawalLike[];
}

/** A recipient of a transfer (the core's `Recipient`). */
export interface TransferRecipientLike {
  readonly agencyId: string;
  readonly name: string;
  readonly kind: string;
  readonly contactPerson?: string;
}

/** One decision reason (code, rule, sentence). */
export interface DecisionReasonLike {
  readonly code: string;
  readonly rule: string;
  readonly message: LocalizedText;
  readonly subject?: string;
}

/** What a transfer asks for (the core's `TransferRequest`). */
export interface TransferRequestLike {
  readonly recipient: TransferRecipientLike;
  readonly legalBasis?: string;
  readonly purpose: string;
  readonly categories?: readonly DataCategory[];
  readonly items?: readonly { readonly section: string; readonly id: string; readonly part?: string }[];
}

/** What a transfer would pass on and on what basis (the core's `TransferPreview`). */
export interface TransferPreviewLike {
  readonly decision: {
    readonly outcome: 'allow' | 'deny' | 'allow-redacted';
    readonly reasons: readonly DecisionReasonLike[];
  };
  readonly units: readonly {
    readonly key: string;
    readonly section: string;
    readonly id: string;
    readonly part?: string;
    readonly categories: readonly DataCategory[];
    readonly send: boolean;
    readonly reason: DecisionReasonLike;
  }[];
  readonly categories: readonly DataCategory[];
  readonly basis?: string;
  readonly purposeBindingNotice: LocalizedText;
}

/**
 * Computes a transfer preview: the core's `previewTransfer(state, actor, request, { now, privacy })`
 * bound by the host, or a remote call. May return a promise.
 */
export type TransferPreviewer = (
  request: TransferRequestLike,
) => TransferPreviewLike | undefined | Promise<TransferPreviewLike | undefined>;

/** A service that can preview transfers itself (checked structurally on the provider's service). */
export interface PreviewingService {
  previewTransfer(
    caseId: string,
    request: TransferRequestLike,
    context?: unknown,
  ): Promise<TransferPreviewLike | undefined> | TransferPreviewLike | undefined;
}

/** Whether the provider's service can preview transfers. */
export function canPreview(service: unknown): service is PreviewingService {
  return typeof (service as PreviewingService | undefined)?.previewTransfer === 'function';
}

/**
 * The consents and releases a connected view carries, if it carries them: a view with `privacy`
 * (the core's `PrivacyState`) or with `consents` / `releases` lists. The core's case state alone
 * has none; a host then sets the component's `consents` property.
 */
export function consentsOfView(view: unknown): { consents?: ConsentStateLike[]; releases?: ReleaseRecordLike[] } {
  const v = view as
    | {
        privacy?: { consents?: ConsentStateLike[]; releases?: ReleaseRecordLike[] };
        consents?: ConsentStateLike[];
        releases?: ReleaseRecordLike[];
      }
    | undefined;
  const source = v?.privacy ?? v;
  return {
    ...(Array.isArray(source?.consents) ? { consents: source.consents } : {}),
    ...(Array.isArray(source?.releases) ? { releases: source.releases } : {}),
  };
}
