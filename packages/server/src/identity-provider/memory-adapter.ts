/**
 * Where the provider keeps its short-lived artefacts (interactions, sessions, codes, grants): in this process's
 * memory, bounded and expiring. The demo's provider is one process on one machine; a restart signs people out
 * of the provider, but their access tokens (JWTs signed with the kept key) stay valid until they expire.
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';

/** More than the demo ever holds; past it the oldest entries go first, so memory stays bounded. */
const MAX_ENTRIES = 10_000;

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

/** One store shared by all models of one provider (keys are prefixed with the model's name). */
export function memoryAdapterFactory(): (name: string) => Adapter {
  const entries = new Map<string, Entry>();
  const byGrant = new Map<string, Set<string>>();

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  return (name: string): Adapter => {
    const keyOf = (id: string): string => `${name}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const key = keyOf(id);
        entries.delete(key);
        entries.set(key, { payload, expiresAt: Date.now() + (expiresIn ?? 3600) * 1000 });
        if (typeof payload.grantId === 'string') {
          const keys = byGrant.get(payload.grantId) ?? new Set<string>();
          keys.add(key);
          byGrant.set(payload.grantId, keys);
        }
        while (entries.size > MAX_ENTRIES) {
          const oldest = entries.keys().next().value;
          if (oldest === undefined) break;
          entries.delete(oldest);
        }
      },
      async find(id) {
        return live(keyOf(id))?.payload;
      },
      async findByUid(uid) {
        for (const [key, entry] of entries) {
          if (key.startsWith(`${name}:`) && entry.payload.uid === uid) return live(key)?.payload;
        }
        return undefined;
      },
      async findByUserCode(userCode) {
        for (const [key, entry] of entries) {
          if (key.startsWith(`${name}:`) && entry.payload.userCode === userCode) return live(key)?.payload;
        }
        return undefined;
      },
      async consume(id) {
        const entry = live(keyOf(id));
        if (entry) entry.payload = { ...entry.payload, consumed: Math.floor(Date.now() / 1000) };
      },
      async destroy(id) {
        entries.delete(keyOf(id));
      },
      async revokeByGrantId(grantId) {
        for (const key of byGrant.get(grantId) ?? []) entries.delete(key);
        byGrant.delete(grantId);
      },
    };
  };
}
