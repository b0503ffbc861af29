/**
 * The provider's keys: one ES256 signing key (ID tokens and the JWT access tokens the sync server verifies with
 * jose against the provider's JWKS) and the cookie keys. Kept in a file in the data folder when one is named, so
 * a restart of `npm start` does not sign everyone out; made fresh in memory otherwise (tests).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

/** The key material of one provider. */
export interface ProviderKeys {
  /** Private signing keys as JWKs (the first signs). */
  readonly jwks: { readonly keys: readonly JWK[] };
  /** Keys for the provider's signed cookies. */
  readonly cookieKeys: readonly string[];
}

function isProviderKeys(value: unknown): value is ProviderKeys {
  if (typeof value !== 'object' || value === null) return false;
  const { jwks, cookieKeys } = value as Partial<ProviderKeys>;
  return (
    Array.isArray(jwks?.keys) &&
    jwks.keys.length > 0 &&
    jwks.keys.every((key) => typeof key === 'object' && key !== null && typeof key.d === 'string') &&
    Array.isArray(cookieKeys) &&
    cookieKeys.length > 0 &&
    cookieKeys.every((key) => typeof key === 'string' && key.length >= 32)
  );
}

/** Fresh keys: an ES256 key pair with a random key id, and one random cookie key. */
export async function generateProviderKeys(): Promise<ProviderKeys> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return {
    jwks: { keys: [{ ...jwk, kid: randomBytes(8).toString('hex'), alg: 'ES256', use: 'sig' }] },
    cookieKeys: [randomBytes(32).toString('base64url')],
  };
}

/**
 * The keys kept in `file`; made and written (mode 0600) when the file is missing or unreadable. The file holds
 * private keys: it lives in the git-ignored data folder and is never shipped.
 */
export async function loadOrCreateProviderKeys(file: string): Promise<ProviderKeys> {
  try {
    const stored: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (isProviderKeys(stored)) return stored;
  } catch {
    // Missing or not JSON: make new ones below.
  }
  const keys = await generateProviderKeys();
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(keys), { mode: 0o600 });
  await rename(temporary, file);
  return keys;
}
