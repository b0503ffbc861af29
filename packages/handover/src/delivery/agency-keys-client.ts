import { ok, type Result } from '@fallkit/core';
import { syncErrorBodySchema } from '@fallkit/core/sync';
import type { JWK } from 'jose';
import { refuse } from '../refusals.js';
import { senderKeyDirectory, type SenderKeyDirectory } from '../signing/keys.js';
import {
  agencyJwksSchema,
  agencyKeyPublishResponseSchema,
  agencyKeyWithdrawResponseSchema,
  HANDOVER_KEYS_PATH,
  type AgencyJwks,
  type AgencyKeyPublishResponse,
  type AgencyKeyWithdrawResponse,
  type PublicEncryptionJwk,
} from './agency-keys-wire.js';
import type { ServerInboxOptions } from './server-inbox.js';

/** The key directory of a shared Fallkit server, seen from one agency's desk. */
export interface ServerKeyDirectory {
  /** Publishes the public half of the own agency's signing key (the agency is the caller's, from the token). */
  publish(publicJwk: JWK): Promise<Result<AgencyKeyPublishResponse>>;
  /**
   * Withdraws a key the own agency published (on sign-out, a device's encryption key; a signing key that may
   * have leaked): it leaves the agency's JWKS at once and its id is never published again. Withdrawing it
   * again answers `withdrawn: false`; a key id the agency never published is `HANDOVER_KEY_UNKNOWN`.
   */
  withdraw(agencyId: string, kid: string): Promise<Result<AgencyKeyWithdrawResponse>>;
  /** An agency's published keys (JWKS). */
  jwks(agencyId: string): Promise<Result<AgencyJwks>>;
  /**
   * A {@link SenderKeyDirectory} of exactly the named agencies' published keys: a package verifies only
   * against the key set its sender agency published (never a key the package carries), and a key id the
   * directory does not hold is `HANDOVER_UNKNOWN_SENDER_KEY`.
   */
  directoryOf(agencyIds: readonly string[]): Promise<Result<SenderKeyDirectory>>;
  /**
   * The public encryption key a file for the agency is encrypted to (`encryptForRecipient`): the one it
   * published last. `HANDOVER_NO_ENCRYPTION_KEY` when it has published none.
   */
  encryptionKeyOf(agencyId: string): Promise<Result<PublicEncryptionJwk>>;
  /**
   * Every public encryption key the agency published (one per device that may receive packages), for
   * `encryptForRecipients`: the file then opens at any of the agency's desks. `HANDOVER_NO_ENCRYPTION_KEY`
   * when it has published none.
   */
  encryptionKeysOf(agencyId: string): Promise<Result<readonly PublicEncryptionJwk[]>>;
}

/**
 * The client of a shared server's agency key directory (docs/handover-package.md, "Agency keys"). Never
 * throws: an unreachable server is `HANDOVER_INBOX_OFFLINE`, an unreadable answer
 * `HANDOVER_INBOX_ANSWER_INVALID`, a refusal of the server its typed refusal.
 */
export function serverKeyDirectory(options: ServerInboxOptions): ServerKeyDirectory {
  const url = options.baseUrl.replace(/\/+$/, '') + HANDOVER_KEYS_PATH;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function call<T>(
    path: string,
    init: RequestInit,
    parse: (body: unknown) => { success: true; data: T } | { success: false },
  ): Promise<Result<T>> {
    let response: Response;
    try {
      const token = await options.token();
      response = await doFetch(url + path, {
        ...init,
        headers: {
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      });
    } catch {
      return refuse('HANDOVER_INBOX_OFFLINE');
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const errors = syncErrorBodySchema.safeParse(body);
      return errors.success && errors.data.errors.length > 0
        ? { ok: false, errors: errors.data.errors }
        : refuse('HANDOVER_INBOX_ANSWER_INVALID', `HTTP ${response.status}`);
    }
    const parsed = parse(body);
    return parsed.success ? ok(parsed.data) : refuse('HANDOVER_INBOX_ANSWER_INVALID');
  }

  const jwks = (agencyId: string) =>
    call(`/${encodeURIComponent(agencyId)}`, { method: 'GET' }, (body) => agencyJwksSchema.safeParse(body));

  /** The agency's published encryption keys, oldest first; refused when there are none. */
  async function encryptionKeys(agencyId: string): Promise<Result<readonly PublicEncryptionJwk[]>> {
    const set = await jwks(agencyId);
    if (!set.ok) return set;
    if (set.value.agencyId !== agencyId) return refuse('HANDOVER_INBOX_ANSWER_INVALID', agencyId);
    const keys = set.value.keys.filter((jwk): jwk is PublicEncryptionJwk => jwk.use === 'enc');
    return keys.length === 0 ? refuse('HANDOVER_NO_ENCRYPTION_KEY', agencyId) : ok(keys);
  }

  return {
    publish: (publicJwk) =>
      call('', { method: 'POST', body: JSON.stringify({ jwk: publicJwk }) }, (body) =>
        agencyKeyPublishResponseSchema.safeParse(body),
      ),
    withdraw: (agencyId, kid) =>
      call(`/${encodeURIComponent(agencyId)}/${encodeURIComponent(kid)}`, { method: 'DELETE' }, (body) =>
        agencyKeyWithdrawResponseSchema.safeParse(body),
      ),
    jwks,
    async directoryOf(agencyIds) {
      const entries: { agencyId: string; jwk: JWK }[] = [];
      for (const agencyId of new Set(agencyIds)) {
        const set = await jwks(agencyId);
        if (!set.ok) return set;
        // The answer names the agency it is for; a set for another agency is not this agency's keys.
        if (set.value.agencyId !== agencyId) return refuse('HANDOVER_INBOX_ANSWER_INVALID', agencyId);
        for (const jwk of set.value.keys) if (jwk.use === 'sig') entries.push({ agencyId, jwk });
      }
      return ok(await senderKeyDirectory(entries));
    },
    async encryptionKeyOf(agencyId) {
      const keys = await encryptionKeys(agencyId);
      return keys.ok ? ok(keys.value.at(-1)!) : keys;
    },
    encryptionKeysOf: encryptionKeys,
  };
}
