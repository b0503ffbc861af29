import { ok, sha256Hex, type Result } from '@fallkit/core';
import { canonicalJson } from '@fallkit/core/internal';
import type { CryptoKey } from 'jose';
import { contentUnits, unitKey, unitValue } from '../package/package-content.js';
import { handoverPackageSchema, type HandoverPackage } from '../package/package-schema.js';
import { refuse } from '../refusals.js';
import type { KnownSenderKey, SenderKeyDirectory } from '../signing/keys.js';
import type { ReceivedPackageRegister } from './received-register.js';
import { decryptDelivered, isEncrypted, verifySigned } from './verify-signed.js';

/** What the recipient checks a package against. */
export interface VerifyPackageOptions {
  /** The receiving agency: a package addressed to another is refused. */
  readonly recipientAgencyId: string;
  readonly keys: SenderKeyDirectory;
  readonly register: ReceivedPackageRegister;
  /** The instant of the check (the clock port's now). */
  readonly now: string;
  /** To open a package delivered as an encrypted file (JWE). */
  readonly decryptionKey?: CryptoKey;
  /**
   * The `kid` of {@link decryptionKey} as published: a file encrypted for another key is then refused as
   * `HANDOVER_ENCRYPTED_FOR_ANOTHER_KEY` rather than as changed (`HANDOVER_DECRYPT_FAILED`).
   */
  readonly decryptionKeyId?: string;
  /** Tolerated clock skew for `issuedAt` in the future (ms); 5 minutes if absent. */
  readonly skewMs?: number;
}

/** A package that verified. */
export interface VerifiedPackage {
  readonly package: HandoverPackage;
  readonly packageHash: string;
  readonly signer: KnownSenderKey;
}

/**
 * Verifies a delivered package, in this order, each failure a typed refusal: opens it if encrypted,
 * checks the signature against a known sender key (unsigned, unknown key, changed byte), the manifest
 * schema, that the signing key belongs to the named sender, the recipient, the validity period, every
 * item against its hash (and nothing unlisted in the content), and that the package id was not
 * received before (replay). Never throws.
 */
export async function verifyHandoverPackage(
  delivered: unknown,
  options: VerifyPackageOptions,
): Promise<Result<VerifiedPackage>> {
  let token = delivered;
  // JSON that looks like a JWE but is not one Fallkit reads (no recipients, too many): unreadable, not "unsigned".
  if (typeof token === 'string' && !isEncrypted(token) && /^\s*\{[\s\S]*"ciphertext"/.test(token.slice(0, 100_000)))
    return refuse('HANDOVER_MALFORMED', 'JWE');
  if (typeof token === 'string' && isEncrypted(token)) {
    const opened = await decryptDelivered(token, options.decryptionKey, options.decryptionKeyId);
    if (!opened.ok) return opened;
    token = opened.value;
  }
  const verified = await verifySigned('package', token, options.keys);
  if (!verified.ok) return verified;
  const parsed = handoverPackageSchema.safeParse(verified.value.payload);
  if (!parsed.success) return refuse('HANDOVER_MANIFEST_INVALID', parsed.error.issues[0]?.path.join('.') ?? '');
  const pkg = parsed.data;
  const { manifest } = pkg;
  if (manifest.sender.agencyId !== verified.value.signer.agencyId) return refuse('HANDOVER_SENDER_MISMATCH');
  if (manifest.recipient.agencyId !== options.recipientAgencyId)
    return refuse('HANDOVER_WRONG_RECIPIENT', manifest.recipient.agencyId);
  const now = Date.parse(options.now);
  if (now >= Date.parse(manifest.expiresAt)) return refuse('HANDOVER_EXPIRED', manifest.expiresAt);
  if (Date.parse(manifest.issuedAt) > now + (options.skewMs ?? 300_000))
    return refuse('HANDOVER_NOT_YET_VALID', manifest.issuedAt);
  const listed = new Set<string>();
  for (const item of manifest.included.items) {
    const value = unitValue(pkg.content, item);
    if (value === undefined || (await sha256Hex(canonicalJson(value))) !== item.sha256)
      return refuse('HANDOVER_ITEM_HASH_MISMATCH', unitKey(item));
    listed.add(unitKey(item));
  }
  const unlisted = contentUnits(pkg.content).find((key) => !listed.has(key));
  if (unlisted !== undefined) return refuse('HANDOVER_ITEM_HASH_MISMATCH', unlisted);
  if (await options.register.has(manifest.packageId)) return refuse('HANDOVER_REPLAYED', manifest.packageId);
  return ok({ package: pkg, packageHash: verified.value.hash, signer: verified.value.signer });
}
