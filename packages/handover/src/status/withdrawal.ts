import { ok, type CaseService, type CommandOutcome, type Result } from '@fallkit/core';
import { WITHDRAWAL_NOTICE_FORMAT, withdrawalNoticeSchema, type WithdrawalNotice } from '../package/package-schema.js';
import { refuse } from '../refusals.js';
import type { ReceivedPackageRegister } from '../receiving/received-register.js';
import type { AgencySigningKey, SenderKeyDirectory } from '../signing/keys.js';
import { signMessage } from '../signing/sign.js';
import { verifySigned } from '../receiving/verify-signed.js';

interface NotifiedPayload {
  recipientAgencyId: string;
  about: string;
  consentId?: string;
  transferIds: string[];
  notifiedAt: string;
}

/**
 * The signed withdrawal notices a consent withdrawal calls for (DP-14): one per `RecipientNotified`
 * the core decided in the `withdrawConsent` outcome that names a transfer, so the notice reaches the
 * agency that keeps its own copy. `names` gives the recipients' display names.
 */
export async function withdrawalNotices(
  outcome: CommandOutcome,
  options: {
    readonly sender: { readonly agencyId: string; readonly name: string };
    readonly key: AgencySigningKey;
    readonly names?: Readonly<Record<string, string>>;
  },
): Promise<{ readonly recipientAgencyId: string; readonly notice: string }[]> {
  const withdrawn = outcome.events.find((event) => event.type === 'ConsentWithdrawn')?.payload as
    { categories?: string[] } | undefined;
  const out: { recipientAgencyId: string; notice: string }[] = [];
  for (const event of outcome.events) {
    if (event.type !== 'RecipientNotified') continue;
    const notified = event.payload as NotifiedPayload;
    if (notified.about !== 'consentWithdrawal' || notified.transferIds.length === 0) continue;
    const notice: WithdrawalNotice = {
      format: WITHDRAWAL_NOTICE_FORMAT,
      version: 1,
      noticeId: crypto.randomUUID(),
      transferIds: [...notified.transferIds],
      ...(notified.consentId === undefined ? {} : { consentId: notified.consentId }),
      ...(withdrawn?.categories === undefined
        ? {}
        : { categories: withdrawn.categories as WithdrawalNotice['categories'] }),
      notifiedAt: notified.notifiedAt,
      from: { agencyId: options.sender.agencyId, name: options.sender.name },
      to: {
        agencyId: notified.recipientAgencyId,
        name: options.names?.[notified.recipientAgencyId] ?? notified.recipientAgencyId,
      },
    };
    out.push({
      recipientAgencyId: notified.recipientAgencyId,
      notice: await signMessage('withdrawal', notice, options.key),
    });
  }
  return out;
}

/**
 * The recipient receives a withdrawal notice: verifies it, finds the case each named transfer
 * opened, and records `withdrawn` there (the worker must stop using the data, DP-14).
 */
export async function receiveWithdrawalNotice(
  signed: unknown,
  options: {
    readonly service: CaseService;
    readonly recipientAgencyId: string;
    readonly keys: SenderKeyDirectory;
    readonly register: ReceivedPackageRegister;
  },
): Promise<Result<CommandOutcome[]>> {
  const verified = await verifySigned('withdrawal', signed, options.keys);
  if (!verified.ok) return verified;
  const parsed = withdrawalNoticeSchema.safeParse(verified.value.payload);
  if (!parsed.success) return refuse('HANDOVER_MANIFEST_INVALID');
  const notice = parsed.data;
  if (notice.from.agencyId !== verified.value.signer.agencyId) return refuse('HANDOVER_SENDER_MISMATCH');
  if (notice.to.agencyId !== options.recipientAgencyId) return refuse('HANDOVER_WRONG_RECIPIENT');
  const outcomes: CommandOutcome[] = [];
  for (const transferId of notice.transferIds) {
    const entry = await options.register.byTransfer(notice.from.agencyId, transferId);
    if (entry === undefined) continue;
    const recorded = await options.service.execute({
      type: 'recordHandoverStatus',
      caseId: entry.caseId,
      input: {
        packageId: entry.packageId,
        status: 'withdrawn',
        side: 'received',
        counterpart: notice.from,
        at: notice.notifiedAt,
        messageHash: verified.value.hash,
      },
    });
    if (!recorded.ok) return recorded;
    outcomes.push(recorded.value);
  }
  return outcomes.length === 0 ? refuse('HANDOVER_UNKNOWN_PACKAGE') : ok(outcomes);
}
