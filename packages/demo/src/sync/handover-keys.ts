/**
 * The agency's keys on this device (docs/handover-package.md, "Agency keys"): a signing key and an encryption
 * key, each generated here once per agency and device store, its private half a non-extractable WebCrypto key
 * kept in the browser's IndexedDB (it can sign or open a file, it can never be read out, not even by this
 * page), its public half published to the server's key directory: other agencies verify this agency's
 * packages against the signing key and encrypt the files they hand over to it to the encryption key.
 */
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { ENCRYPTION, type AgencyEncryptionKey, type AgencySigningKey } from '@fallkit/handover';

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

/** The stored key of `id`, or a new key pair of `alg` stored before it is used. */
async function deviceKey(id: string, agencyId: string, use: 'sig' | 'enc'): Promise<StoredKey> {
  const db = await open();
  try {
    const found = (await request(db.transaction(STORE).objectStore(STORE).get(id))) as StoredKey | undefined;
    if (found !== undefined) return found;
    const alg = use === 'sig' ? 'ES256' : ENCRYPTION.alg;
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: false, crv: 'P-256' });
    const random = crypto.getRandomValues(new Uint8Array(6));
    const kid = `${agencyId}-${use === 'enc' ? 'enc-' : ''}${[...random].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg, use };
    const stored: StoredKey = { kid, privateKey, publicJwk };
    await request(db.transaction(STORE, 'readwrite').objectStore(STORE).put(stored, id));
    return stored;
  } finally {
    db.close();
  }
}

/**
 * The signing key of `agencyId` on this device store (`scope`, the device store's name): the stored one, or a
 * new ES256 key pair stored before it is used.
 */
export async function deviceSigningKey(scope: string, agencyId: string): Promise<AgencySigningKey> {
  const { kid, privateKey, publicJwk } = await deviceKey(`${scope}|${agencyId}`, agencyId, 'sig');
  return { agencyId, kid, alg: 'ES256', privateKey, publicJwk };
}

/**
 * The encryption key of `agencyId` on this device store (ECDH-ES+A256KW on P-256): files handed over to the
 * agency are encrypted to its public half and open on this device only.
 */
export async function deviceEncryptionKey(scope: string, agencyId: string): Promise<AgencyEncryptionKey> {
  const { kid, privateKey, publicJwk } = await deviceKey(`${scope}|${agencyId}|enc`, agencyId, 'enc');
  return { agencyId, kid, privateKey, publicJwk };
}

/**
 * Removes every key this device keeps for the device store `scope` (on sign-out: the signed-in person's
 * device keys go with the session; their public halves stay published, so packages signed with them still
 * verify, but nothing signs or opens with them here again).
 */
export async function forgetDeviceKeys(scope: string): Promise<void> {
  const db = await open();
  try {
    const range = IDBKeyRange.bound(`${scope}|`, `${scope}|\uffff`);
    await request(db.transaction(STORE, 'readwrite').objectStore(STORE).delete(range));
  } finally {
    db.close();
  }
}
