import { ok, type CaseService, type CommandOutcome, type Result } from '@fallkit/core';
import { handoverCaseId } from '@fallkit/core/internal';
import { handoverRefusal } from '../refusals.js';
import type { ReceivedPackageRegister } from './received-register.js';
import type { VerifiedPackage } from './verify-package.js';

/** Who opens the case on the receiving side. */
export interface ReceiveOptions {
  /** The receiving agency's case service, acting as the worker who takes the case on. */
  readonly service: CaseService;
  readonly register: ReceivedPackageRegister;
  /** The receiving agency as lead of the new case. */
  readonly leadAgency: { readonly agencyId: string; readonly name: string; readonly legalDomain?: string };
  readonly caseManager?: { readonly userId: string; readonly name?: string; readonly agencyId: string };
  readonly label?: string;
}

/**
 * Opens the receiving agency's own case from a verified package through the core's
 * `openCaseFromHandover` (which decides who may, and validates every item against the case model).
 * The case id is `handover-<packageId>`, so a replay the register missed is refused by the store
 * (`CASE_ALREADY_EXISTS` is reported as `HANDOVER_REPLAYED`).
 */
export async function receiveHandoverPackage(
  verified: VerifiedPackage,
  options: ReceiveOptions,
): Promise<Result<CommandOutcome>> {
  const { manifest, content } = verified.package;
  const caseId = handoverCaseId(manifest.packageId);
  const outcome = await options.service.execute({
    type: 'openCaseFromHandover',
    input: {
      caseId,
      ...(options.label === undefined ? {} : { label: options.label }),
      leadAgency: options.leadAgency,
      ...(options.caseManager === undefined ? {} : { caseManager: options.caseManager }),
      package: {
        packageId: manifest.packageId,
        packageHash: verified.packageHash,
        sender: manifest.sender,
        transferId: manifest.transferId,
        senderKeyId: verified.signer.kid,
        sourceCaseId: manifest.source.caseId,
        sourceHeadHash: manifest.source.head.hash,
        legalBasis: manifest.legalBasis.label,
        purpose: manifest.purpose,
        issuedAt: manifest.issuedAt,
        withheldCategories: [...new Set(manifest.withheld.map((w) => w.category))].sort(),
      },
      content,
    },
  } as never);
  if (!outcome.ok) {
    if (outcome.errors.some((e) => e.code === 'CASE_ALREADY_EXISTS'))
      return { ok: false, errors: [handoverRefusal('HANDOVER_REPLAYED', manifest.packageId)] };
    return outcome;
  }
  await options.register.remember({
    packageId: manifest.packageId,
    packageHash: verified.packageHash,
    transferId: manifest.transferId,
    senderAgencyId: manifest.sender.agencyId,
    senderName: manifest.sender.name,
    caseId,
  });
  return ok(outcome.value);
}
