/**
 * The agency's signing key on this device (docs/handover-package.md, "Agency keys"): generated here once per
 * agency and device store, its private half a non-extractable WebCrypto key kept in the browser's IndexedDB
 * (it can sign, it can never be read out, not even by this page), its public half published to the server's
 * key directory so that other agencies verify this agency's packages against it.
 */
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { AgencySigningKey } from '@fallkit/handover';

const DATABASE = 'fallkit-handover-keys';
const STORE = 'keys';

interface StoredKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function open(): Promise<IDBDatabase> {
  const req = indexedDB.open(DATABASE, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE);
  return request(req);
}

/**
 * The signing key of `agencyId` on this device store (`scope`, the device store's name): the stored one, or a
 * new ES256 key pair stored before it is used.
 */
export async function deviceSigningKey(scope: string, agencyId: string): Promise<AgencySigningKey> {
  const db = await open();
  try {
    const id = `${scope}|${agencyId}`;
    const found = (await request(db.transaction(STORE).objectStore(STORE).get(id))) as StoredKey | undefined;
    if (found !== undefined)
      return { agencyId, kid: found.kid, alg: 'ES256', privateKey: found.privateKey, publicJwk: found.publicJwk };
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: false });
    const random = crypto.getRandomValues(new Uint8Array(6));
    const kid = `${agencyId}-${[...random].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
    const stored: StoredKey = { kid, privateKey, publicJwk };
    await request(db.transaction(STORE, 'readwrite').objectStore(STORE).put(stored, id));
    return { agencyId, kid, alg: 'ES256', privateKey, publicJwk };
  } finally {
    db.close();
  }
}
