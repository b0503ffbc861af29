import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

/** The signature algorithms a package may use: ECDSA P-256 or Ed25519. */
export const SIGNING_ALGORITHMS = ['ES256', 'EdDSA'] as const;

/** One of {@link SIGNING_ALGORITHMS}. */
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/** The key-agreement algorithm and content encryption of a package delivered as a file (JWE). */
export const ENCRYPTION = { alg: 'ECDH-ES+A256KW', enc: 'A256GCM' } as const;

/** An agency's signing key: private for the sender, its public half published to recipients. */
export interface AgencySigningKey {
  readonly agencyId: string;
  /** The key id (`kid`) recipients look the public key up by. */
  readonly kid: string;
  readonly alg: SigningAlgorithm;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

/** An agency's key pair for receiving encrypted packages (ECDH-ES on P-256). */
export interface AgencyEncryptionKey {
  readonly agencyId: string;
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

/** Generates a signing key for an agency (ES256 by default). */
export async function generateAgencySigningKey(
  agencyId: string,
  kid: string,
  alg: SigningAlgorithm = 'ES256',
): Promise<AgencySigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { agencyId, kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** Generates an encryption key pair for an agency (ECDH-ES+A256KW on P-256). */
export async function generateAgencyEncryptionKey(agencyId: string, kid: string): Promise<AgencyEncryptionKey> {
  const { privateKey, publicKey } = await generateKeyPair(ENCRYPTION.alg, { crv: 'P-256', extractable: true });
  return {
    agencyId,
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ENCRYPTION.alg, use: 'enc' },
  };
}

/** A known sender's public signing key, as a recipient's key directory holds it. */
export interface KnownSenderKey {
  readonly agencyId: string;
  readonly kid: string;
  readonly alg: SigningAlgorithm;
  readonly key: CryptoKey;
}

/**
 * The recipient's directory of senders' public keys (how it got them, from a published JWKS or a
 * key exchange between the agencies, is the host's matter). `undefined` for an unknown key id.
 */
export interface SenderKeyDirectory {
  lookup(kid: string): Promise<KnownSenderKey | undefined>;
}

/** A key directory over published public JWKs, each naming its agency. */
export async function senderKeyDirectory(
  entries: readonly { readonly agencyId: string; readonly jwk: JWK }[],
): Promise<SenderKeyDirectory> {
  const known = new Map<string, KnownSenderKey>();
  const ambiguous = new Set<string>();
  for (const { agencyId, jwk } of entries) {
    const alg = jwk.alg as SigningAlgorithm;
    if (jwk.kid === undefined || !SIGNING_ALGORITHMS.includes(alg)) continue;
    // A key id listed for two agencies names neither: a package signed with it is from an unknown key.
    if (ambiguous.has(jwk.kid)) continue;
    if (known.has(jwk.kid) && known.get(jwk.kid)!.agencyId !== agencyId) {
      known.delete(jwk.kid);
      ambiguous.add(jwk.kid);
      continue;
    }
    let key: CryptoKey;
    try {
      key = (await importJWK(jwk, alg)) as CryptoKey;
    } catch {
      continue; // not a usable public key (a point off the curve): as if it were not published
    }
    known.set(jwk.kid, { agencyId, kid: jwk.kid, alg, key });
  }
  return { lookup: async (kid) => known.get(kid) };
}
