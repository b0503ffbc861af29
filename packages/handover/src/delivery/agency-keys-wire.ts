import * as z from 'zod/mini';
import { SYNC_BASE_PATH } from '@fallkit/core/sync';

/*
 * The directory of agencies' public keys on a shared Fallkit server, as both sides parse it. An agency
 * publishes the public half of its signing key (the private half never leaves the agency); a recipient
 * fetches the sender agency's key set (JWKS) and verifies a package against it, never against a key the
 * package carries. An agency also publishes the public half of its encryption key, to which a sender
 * encrypts a package delivered as a file (JWE). The agency a key belongs to is the caller's, from the
 * verified access token.
 *
 *   POST {base}/handover/keys             { jwk }   → { agencyId, kid, stored }   (the caller's agency)
 *   GET  {base}/handover/keys/:agencyId             → { agencyId, keys: [jwk] }   (a JWKS)
 *   DELETE {base}/handover/keys/:agencyId/:kid      → { agencyId, kid, withdrawn } (the caller's agency)
 *
 * A withdrawn key leaves the JWKS at once and its id is never published again (a device's encryption key on
 * sign-out, a signing key that may have leaked): a sender no longer encrypts to it, a recipient no longer
 * verifies with it.
 */

/** The key directory endpoint under the sync server's base path. */
export const HANDOVER_KEYS_PATH = `${SYNC_BASE_PATH}/handover/keys`;

/**
 * At most this many published keys per agency at a time (one per device or key rotation; the oldest is not
 * dropped); withdrawn keys do not count.
 */
export const AGENCY_KEYS_MAX = 50;

const b64url = (max: number) => z.string().check(z.minLength(16), z.maxLength(max), z.regex(/^[A-Za-z0-9_-]+$/));
const kid = z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9][\w.:@-]*$/));
const agencyId = z.string().check(z.minLength(1), z.maxLength(128));

/**
 * A public signing key as an agency publishes it: ES256 on P-256 or EdDSA on Ed25519, with its `kid`, for
 * signatures only. Strict: a JWK with a private member (`d`) or anything else is refused.
 */
export const publicSigningJwkSchema = z.union([
  z.strictObject({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: b64url(64),
    y: b64url(64),
    kid,
    alg: z.literal('ES256'),
    use: z.literal('sig'),
  }),
  z.strictObject({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    x: b64url(64),
    kid,
    alg: z.literal('EdDSA'),
    use: z.literal('sig'),
  }),
]);

/** A published public signing key. */
export type PublicSigningJwk = z.infer<typeof publicSigningJwkSchema>;

/**
 * A public encryption key as an agency publishes it for packages delivered as files (JWE, ECDH-ES+A256KW on
 * P-256, `use: enc`): a sender encrypts a file to it, only the agency's private half opens it. Strict like the
 * signing keys: a private member (`d`) is refused.
 */
export const publicEncryptionJwkSchema = z.strictObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: b64url(64),
  y: b64url(64),
  kid,
  alg: z.literal('ECDH-ES+A256KW'),
  use: z.literal('enc'),
});

/** A published public encryption key. */
export type PublicEncryptionJwk = z.infer<typeof publicEncryptionJwkSchema>;

/** A key an agency publishes: a signing key (packages in its name) or an encryption key (files to it). */
export const publishedAgencyJwkSchema = z.union([publicSigningJwkSchema, publicEncryptionJwkSchema]);

/** A published public key, for signatures or for encryption. */
export type PublishedAgencyJwk = z.infer<typeof publishedAgencyJwkSchema>;

/** A publication: the public key of the caller's agency. */
export const agencyKeyPublishRequestSchema = z.strictObject({ jwk: publishedAgencyJwkSchema });

/** The answer to a publication (`stored: false`: the same key was published before). */
export const agencyKeyPublishResponseSchema = z.strictObject({ agencyId, kid, stored: z.boolean() });

/** The answer to a publication. */
export type AgencyKeyPublishResponse = z.infer<typeof agencyKeyPublishResponseSchema>;

/** An agency's published keys (a JWKS with the agency named): signing keys and encryption keys, by `use`. */
export const agencyJwksSchema = z.strictObject({
  agencyId,
  keys: z.array(publishedAgencyJwkSchema).check(z.maxLength(AGENCY_KEYS_MAX)),
});

/** An agency's published keys. */
export type AgencyJwks = z.infer<typeof agencyJwksSchema>;

/** The answer to a withdrawal (`withdrawn: false`: it was withdrawn before). */
export const agencyKeyWithdrawResponseSchema = z.strictObject({ agencyId, kid, withdrawn: z.boolean() });

/** The answer to a withdrawal. */
export type AgencyKeyWithdrawResponse = z.infer<typeof agencyKeyWithdrawResponseSchema>;
