import { ok, type CaseService, type CommandOutcome, type HandoverStatus, type Result } from '@fallkit/core';
import {
  HANDOVER_STATUS_FORMAT,
  statusMessageSchema,
  type Manifest,
  type StatusMessage,
} from '../package/package-schema.js';
import { refuse } from '../refusals.js';
import type { AgencySigningKey, SenderKeyDirectory } from '../signing/keys.js';
import { signMessage } from '../signing/sign.js';
import { verifySigned } from '../receiving/verify-signed.js';

/** Options of {@link answerHandover}. */
export interface AnswerOptions {
  /** The recipient's case service (the case opened from the package). */
  readonly service: CaseService;
  readonly caseId: string;
  readonly manifest: Manifest;
  readonly status: Extract<HandoverStatus, 'accepted' | 'declined'>;
  readonly key: AgencySigningKey;
  readonly at: string;
  readonly note?: string;
}

/**
 * The recipient's answer to a package: records `accepted` or `declined` in its own case (the core
 * checks the case was opened from this package) and returns the signed status message for the sender.
 */
export async function answerHandover(options: AnswerOptions): Promise<Result<string>> {
  const { manifest } = options;
  const recorded = await options.service.execute({
    type: 'recordHandoverStatus',
    caseId: options.caseId,
    input: {
      packageId: manifest.packageId,
      status: options.status,
      side: 'received',
      counterpart: manifest.sender,
      at: options.at,
      ...(options.note === undefined ? {} : { note: options.note }),
    },
  });
  if (!recorded.ok) return recorded;
  return ok(await statusMessage(manifest, options.status, options.key, options.at, options.note));
}

/** A signed status message of the recipient to the sender (also for `received`, right after opening the case). */
export function statusMessage(
  manifest: Manifest,
  status: HandoverStatus,
  key: AgencySigningKey,
  at: string,
  note?: string,
): Promise<string> {
  const message: StatusMessage = {
    format: HANDOVER_STATUS_FORMAT,
    version: 1,
    packageId: manifest.packageId,
    transferId: manifest.transferId,
    status,
    at,
    from: { agencyId: manifest.recipient.agencyId, name: manifest.recipient.name },
    to: manifest.sender,
    ...(note === undefined ? {} : { note }),
  };
  return signMessage('status', message, key);
}

/** Options of {@link recordStatusAtSender}. */
export interface SenderStatusOptions {
  /** The sender's case service. */
  readonly service: CaseService;
  /** The sender's case the package came from. */
  readonly caseId: string;
  readonly senderAgencyId: string;
  /** Public keys of the recipients. */
  readonly keys: SenderKeyDirectory;
}

/**
 * The sender receives a status message: verifies it was signed by the recipient it names and is
 * addressed to this agency, then records the step in its own journal (`recordHandoverStatus`, side
 * `sent`; the core checks a transfer to that recipient exists).
 */
export async function recordStatusAtSender(
  signed: unknown,
  options: SenderStatusOptions,
): Promise<Result<CommandOutcome>> {
  const verified = await verifySigned('status', signed, options.keys);
  if (!verified.ok) return verified;
  const parsed = statusMessageSchema.safeParse(verified.value.payload);
  if (!parsed.success) return refuse('HANDOVER_MANIFEST_INVALID');
  const message = parsed.data;
  if (message.from.agencyId !== verified.value.signer.agencyId) return refuse('HANDOVER_SENDER_MISMATCH');
  if (message.to.agencyId !== options.senderAgencyId) return refuse('HANDOVER_WRONG_RECIPIENT');
  return options.service.execute({
    type: 'recordHandoverStatus',
    caseId: options.caseId,
    input: {
      packageId: message.packageId,
      transferId: message.transferId,
      status: message.status,
      side: 'sent',
      counterpart: message.from,
      at: message.at,
      messageHash: verified.value.hash,
      ...(message.note === undefined ? {} : { note: message.note }),
    },
  });
}
