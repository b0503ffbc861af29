/*
 * The directory of agencies' public signing keys on a shared server (issue 16, "Agency keys"; DP-40, DP-44,
 * DP-16): an agency publishes its public key (who may is the core's decision, the agency the token's); a
 * recipient verifies a package against the sender agency's published key set, never against a key the package
 * carries. A changed byte, a wrong recipient, a replay and a key not in the directory are refused with typed
 * codes, before anything is written.
 */
import { expect } from 'chai';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { canonicalJson, handoverCaseId } from '@fallkit/core/internal';
import type { Actor } from '@fallkit/core';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';
import {
  AGENCY_KEYS_MAX,
  decryptDelivered,
  encryptForRecipient,
  generateAgencyEncryptionKey,
  generateAgencySigningKey,
  receiveHandoverPackage,
  serverKeyDirectory,
  signMessage,
  verifyHandoverPackage,
  type ServerKeyDirectory,
} from '@fallkit/handover';
import { jsonFileAgencyKeys, memoryAgencyKeys, type SyncHandlers } from '@fallkit/server';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtPackage, handoverWorld } from '../../../handover/test/handover-world.js';
import { makeWorld, USERS, type Backend, type World } from '../support/harness.js';

function keysOf(world: World, handlers: SyncHandlers, user: Actor | string): ServerKeyDirectory {
  return serverKeyDirectory({
    baseUrl: 'http://127.0.0.1:7100',
    token: () => world.token(user),
    fetch: (input, init) => handlers.handle(new Request(input, init)),
  });
}

function codes(result: { ok: boolean; errors?: readonly { code: string }[] }): string {
  return result.ok ? 'ok' : (result.errors ?? []).map((e) => e.code).join(',');
}

const STATISTICS: Actor = { id: 'u-stat-2', role: 'statistics', agencyId: 'kim-musterstadt', name: 'Statistik' };

export function describeAgencyKeys(engine: string, open: () => Promise<Backend>): void {
  describe(`agency key directory on the server (${engine})`, function () {
    this.timeout(60_000);
    let backend: Backend;
    let world: World;
    let handlers: SyncHandlers;

    before(async function () {
      this.timeout(120_000);
      backend = await open();
      world = await makeWorld(backend, { seedExamples: false });
      handlers = world.instance(undefined, {
        extraUsers: [
          { userId: STATISTICS.id, tenantId: world.tenantId, agencyId: STATISTICS.agencyId, roles: ['statistics'] },
        ],
      });
    });
    after(async function () {
      this.timeout(60_000);
      await world?.drop();
      await backend?.close();
    });

    it('DP-40, DP-44: an agency publishes its own public key; the same id for another key or agency, a private key and a role outside case work are refused', async () => {
      const kim = keysOf(world, handlers, USERS.kim);
      const key = await generateAgencySigningKey('kim-musterstadt', 'kim-musterstadt-k1');
      expect(codes(await kim.publish(key.publicJwk))).to.equal('ok');
      const again = await kim.publish(key.publicJwk);
      expect(again.ok && again.value.stored, 'the same key again is not a second one').to.equal(false);
      const set = await keysOf(world, handlers, USERS.jobcenter).jwks('kim-musterstadt');
      expect(set.ok && set.value.keys.map((k) => k.kid)).to.deep.equal(['kim-musterstadt-k1']);

      // The Jobcenter cannot put its key under the municipality's key id, nor the municipality another key.
      const other = await generateAgencySigningKey('jobcenter-musterstadt', 'kim-musterstadt-k1');
      expect(codes(await keysOf(world, handlers, USERS.jobcenter).publish(other.publicJwk))).to.equal(
        'HANDOVER_KEY_CONFLICT',
      );
      expect(codes(await kim.publish({ ...other.publicJwk }))).to.equal('HANDOVER_KEY_CONFLICT');
      // A private key is never taken (and never kept): the strict schema refuses `d`.
      const { privateKey } = await generateKeyPair('ES256', { extractable: true });
      const leaked = { ...(await exportJWK(privateKey)), kid: 'kim-musterstadt-k2', alg: 'ES256', use: 'sig' };
      expect(codes(await kim.publish(leaked))).to.equal('HANDOVER_KEY_INVALID');
      // A statistics user of the municipality may not send packages, so may not publish a key for them.
      const stats = await generateAgencySigningKey('kim-musterstadt', 'kim-musterstadt-k3');
      expect(codes(await keysOf(world, handlers, STATISTICS.id).publish(stats.publicJwk))).to.equal(
        'DENY_HANDOVER_INBOX',
      );
      const after = await kim.jwks('kim-musterstadt');
      expect(after.ok && after.value.keys.map((k) => k.kid)).to.deep.equal(['kim-musterstadt-k1']);
    });

    it('DP-16, DP-40: an agency publishes its encryption key for files; a sender finds the newest, the signing directory ignores it, a private half is refused', async () => {
      const jobcenter = keysOf(world, handlers, USERS.jobcenter);
      const kim = keysOf(world, handlers, USERS.kim);
      expect(codes(await kim.encryptionKeyOf('jobcenter-musterstadt'))).to.equal('HANDOVER_NO_ENCRYPTION_KEY');
      const first = await generateAgencyEncryptionKey('jobcenter-musterstadt', 'jobcenter-musterstadt-enc-1');
      const second = await generateAgencyEncryptionKey('jobcenter-musterstadt', 'jobcenter-musterstadt-enc-2');
      expect(codes(await jobcenter.publish(first.publicJwk))).to.equal('ok');
      expect(codes(await jobcenter.publish(second.publicJwk))).to.equal('ok');
      const found = await kim.encryptionKeyOf('jobcenter-musterstadt');
      expect(found.ok && found.value.kid).to.equal('jobcenter-musterstadt-enc-2');
      // A file encrypted to it opens with the Jobcenter's private half only.
      const signing = await generateAgencySigningKey('kim-musterstadt', 'kim-musterstadt-enc-test');
      const jwe = await encryptForRecipient(
        await signMessage('status', { hello: 1 }, signing),
        found.ok ? found.value : {},
      );
      expect(codes(await decryptDelivered(jwe, second.privateKey))).to.equal('ok');
      expect(codes(await decryptDelivered(jwe, first.privateKey))).to.equal('HANDOVER_DECRYPT_FAILED');
      // An encryption key verifies nothing: the signing directory holds no key under its id.
      const directory = await kim.directoryOf(['jobcenter-musterstadt']);
      expect(directory.ok && (await directory.value.lookup('jobcenter-musterstadt-enc-2'))).to.equal(undefined);
      const { privateKey } = await generateKeyPair('ECDH-ES+A256KW', { crv: 'P-256', extractable: true });
      const leaked = {
        ...(await exportJWK(privateKey)),
        kid: 'jobcenter-musterstadt-enc-3',
        alg: 'ECDH-ES+A256KW',
        use: 'enc',
      };
      expect(codes(await jobcenter.publish(leaked))).to.equal('HANDOVER_KEY_INVALID');
      // A statistics user receives no packages, so may not name where they are opened.
      const stats = await generateAgencyEncryptionKey('kim-musterstadt', 'kim-musterstadt-enc-stats');
      expect(codes(await keysOf(world, handlers, STATISTICS.id).publish(stats.publicJwk))).to.equal(
        'DENY_HANDOVER_INBOX',
      );
    });

    it('DP-44, DP-40, DP-16: a withdrawn key leaves the JWKS at once and its id never comes back; only its own agency, with the authority to publish it, withdraws it', async () => {
      const jobcenter = keysOf(world, handlers, USERS.jobcenter);
      const kim = keysOf(world, handlers, USERS.kim);
      const desk1 = await generateAgencyEncryptionKey('jobcenter-musterstadt', 'jobcenter-musterstadt-desk-1');
      const desk2 = await generateAgencyEncryptionKey('jobcenter-musterstadt', 'jobcenter-musterstadt-desk-2');
      expect(codes(await jobcenter.publish(desk1.publicJwk))).to.equal('ok');
      expect(codes(await jobcenter.publish(desk2.publicJwk))).to.equal('ok');
      const encKids = async () => {
        const set = await kim.encryptionKeysOf('jobcenter-musterstadt');
        return set.ok ? set.value.map((k) => k.kid).filter((k) => k.includes('desk')) : codes(set);
      };
      expect(await encKids()).to.deep.equal(['jobcenter-musterstadt-desk-1', 'jobcenter-musterstadt-desk-2']);

      // Another agency may not withdraw it, nor may a role of the same agency that receives no packages.
      expect(codes(await kim.withdraw('jobcenter-musterstadt', 'jobcenter-musterstadt-desk-1'))).to.equal(
        'DENY_HANDOVER_INBOX',
      );
      expect(codes(await kim.withdraw('jobcenter-musterstadt', 'jobcenter-musterstadt-no-such-key'))).to.equal(
        'DENY_HANDOVER_INBOX',
      );
      expect(
        codes(await keysOf(world, handlers, STATISTICS.id).withdraw('kim-musterstadt', 'kim-musterstadt-k1')),
      ).to.equal('DENY_HANDOVER_INBOX');
      expect(await encKids()).to.deep.equal(['jobcenter-musterstadt-desk-1', 'jobcenter-musterstadt-desk-2']);

      // The desk signs out: its key goes at once; a second sign-out changes nothing; an unknown id is named so.
      const gone = await jobcenter.withdraw('jobcenter-musterstadt', 'jobcenter-musterstadt-desk-1');
      expect(gone.ok && gone.value).to.deep.equal({
        agencyId: 'jobcenter-musterstadt',
        kid: 'jobcenter-musterstadt-desk-1',
        withdrawn: true,
      });
      const again = await jobcenter.withdraw('jobcenter-musterstadt', 'jobcenter-musterstadt-desk-1');
      expect(again.ok && again.value.withdrawn).to.equal(false);
      expect(codes(await jobcenter.withdraw('jobcenter-musterstadt', 'jobcenter-musterstadt-no-such-key'))).to.equal(
        'HANDOVER_KEY_UNKNOWN',
      );
      expect(await encKids()).to.deep.equal(['jobcenter-musterstadt-desk-2']);
      // The same key published again does not come back; another key under its id is a conflict as before.
      expect(codes(await jobcenter.publish(desk1.publicJwk))).to.equal('HANDOVER_KEY_WITHDRAWN');
      const reuse = await generateAgencyEncryptionKey('jobcenter-musterstadt', 'jobcenter-musterstadt-desk-1');
      expect(codes(await jobcenter.publish(reuse.publicJwk))).to.equal('HANDOVER_KEY_CONFLICT');
      expect(await encKids()).to.deep.equal(['jobcenter-musterstadt-desk-2']);

      // A signing key is withdrawn the same way (one that may have leaked): the directory no longer verifies with it.
      const signing = await generateAgencySigningKey('kim-musterstadt', 'kim-musterstadt-leaked');
      expect(codes(await kim.publish(signing.publicJwk))).to.equal('ok');
      expect(codes(await kim.withdraw('kim-musterstadt', 'kim-musterstadt-leaked'))).to.equal('ok');
      const directory = await jobcenter.directoryOf(['kim-musterstadt']);
      expect(directory.ok && (await directory.value.lookup('kim-musterstadt-leaked'))).to.equal(undefined);
    });

    it('DP-44: withdrawn keys free their place under the limit of keys in force', async () => {
      const sozialamt = 'sozialamt-limit';
      const store = memoryAgencyKeys();
      const at = '2026-12-03T10:00:00.000Z';
      const keys = await Promise.all(
        Array.from({ length: AGENCY_KEYS_MAX + 1 }, (_, i) =>
          generateAgencyEncryptionKey(sozialamt, `${sozialamt}-${i}`),
        ),
      );
      for (const key of keys.slice(0, AGENCY_KEYS_MAX))
        expect(await store.publish('t', sozialamt, key.publicJwk as never, 'u', at)).to.deep.equal({
          ok: true,
          stored: true,
        });
      const last = keys[AGENCY_KEYS_MAX]!.publicJwk as never;
      expect(await store.publish('t', sozialamt, last, 'u', at)).to.deep.equal({
        ok: false,
        code: 'HANDOVER_KEY_LIMIT',
      });
      expect(await store.withdraw('t', sozialamt, `${sozialamt}-0`, 'u', at)).to.equal(true);
      expect(await store.publish('t', sozialamt, last, 'u', at)).to.deep.equal({ ok: true, stored: true });
      expect((await store.list('t', sozialamt)).length).to.equal(AGENCY_KEYS_MAX);
      expect(await store.find('t', sozialamt, `${sozialamt}-0`)).to.deep.include({ withdrawn: true });
    });

    it('DP-44: the demo server keeps the directory in a file: public keys only, there again after a restart', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'fallkit-agency-keys-'));
      try {
        const file = join(dir, 'agency-keys.json');
        const key = await generateAgencySigningKey('kim-musterstadt', 'kim-musterstadt-file-1');
        const first = await jsonFileAgencyKeys(file);
        const stored = await first.publish(
          'musterstadt',
          'kim-musterstadt',
          key.publicJwk as never,
          'u-kim-krueger',
          '2026-12-02T10:00:00.000Z',
        );
        expect(stored).to.deep.equal({ ok: true, stored: true });
        const reopened = await jsonFileAgencyKeys(file);
        expect((await reopened.list('musterstadt', 'kim-musterstadt')).map((k) => k.kid)).to.deep.equal([
          'kim-musterstadt-file-1',
        ]);
        expect(await reopened.list('other-tenant', 'kim-musterstadt')).to.deep.equal([]);
        expect(await readFile(file, 'utf8')).to.not.match(/"d"\s*:/);
        // A withdrawal is kept too: after the next restart the key is still out and its id still taken.
        expect(
          await reopened.withdraw(
            'musterstadt',
            'kim-musterstadt',
            'kim-musterstadt-file-1',
            'u-kim-krueger',
            '2026-12-02T11:00:00.000Z',
          ),
        ).to.equal(true);
        const third = await jsonFileAgencyKeys(file);
        expect(await third.list('musterstadt', 'kim-musterstadt')).to.deep.equal([]);
        expect(
          await third.publish(
            'musterstadt',
            'kim-musterstadt',
            key.publicJwk as never,
            'u-kim-krueger',
            '2026-12-02T12:00:00.000Z',
          ),
        ).to.deep.equal({ ok: false, code: 'HANDOVER_KEY_WITHDRAWN' });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('DP-16, DP-44: the Jobcenter verifies against the municipality’s published key; a changed byte, a wrong recipient, a replay and an unknown key are refused', async () => {
      const agencies = await handoverWorld();
      const { package: pkg } = await builtPackage(agencies);
      const signing = await generateAgencySigningKey('kim-musterstadt', 'kim-musterstadt-k9');
      expect(codes(await keysOf(world, handlers, USERS.kim).publish(signing.publicJwk))).to.equal('ok');
      const signed = await signMessage('package', pkg, signing);
      const directory = await keysOf(world, handlers, USERS.jobcenter).directoryOf(['kim-musterstadt']);
      if (!directory.ok) expect.fail(codes(directory));
      agencies.clock.set('2026-05-28T08:00:00.000Z');
      const options = {
        recipientAgencyId: agencies.jobcenter.agencyId,
        keys: directory.value,
        register: agencies.jobcenter.register,
        now: agencies.clock.now(),
      };

      // A changed byte in the payload (the signature no longer matches).
      const [header, payload, signature] = signed.split('.') as [string, string, string];
      const flipped = payload.slice(0, 40) + (payload[40] === 'A' ? 'B' : 'A') + payload.slice(41);
      expect(codes(await verifyHandoverPackage(`${header}.${flipped}.${signature}`, options))).to.equal(
        'HANDOVER_SIGNATURE_INVALID',
      );
      // Addressed to the Jobcenter, checked by another agency.
      expect(
        codes(await verifyHandoverPackage(signed, { ...options, recipientAgencyId: 'sozialamt-musterstadt' })),
      ).to.equal('HANDOVER_WRONG_RECIPIENT');
      // Signed by a key the municipality never published, even one the package carries in its header.
      const stranger = await generateKeyPair('ES256', { extractable: true });
      const carried = await new CompactSign(new TextEncoder().encode(canonicalJson(pkg)))
        .setProtectedHeader({
          alg: 'ES256',
          kid: 'kim-musterstadt-unpublished',
          typ: 'fallkit-handover+jws',
          jwk: await exportJWK(stranger.publicKey),
        })
        .sign(stranger.privateKey);
      expect(codes(await verifyHandoverPackage(carried, options))).to.equal('HANDOVER_UNKNOWN_SENDER_KEY');
      // A stranger's key under the published key id does not verify either.
      const impostor = await new CompactSign(new TextEncoder().encode(canonicalJson(pkg)))
        .setProtectedHeader({ alg: 'ES256', kid: 'kim-musterstadt-k9', typ: 'fallkit-handover+jws' })
        .sign(stranger.privateKey);
      expect(codes(await verifyHandoverPackage(impostor, options))).to.equal('HANDOVER_SIGNATURE_INVALID');
      // A key of another agency does not speak for the municipality (the sender is the key's agency).
      const jobcenterKey = await generateAgencySigningKey('jobcenter-musterstadt', 'jobcenter-musterstadt-k9');
      expect(codes(await keysOf(world, handlers, USERS.jobcenter).publish(jobcenterKey.publicJwk))).to.equal('ok');
      const both = await keysOf(world, handlers, USERS.jobcenter).directoryOf([
        'kim-musterstadt',
        'jobcenter-musterstadt',
      ]);
      if (!both.ok) expect.fail(codes(both));
      const forged = await signMessage('package', pkg, jobcenterKey);
      expect(codes(await verifyHandoverPackage(forged, { ...options, keys: both.value }))).to.equal(
        'HANDOVER_SENDER_MISMATCH',
      );
      // Nothing was written by any refusal; the genuine package verifies, opens the case once, and a replay is refused.
      expect(await agencies.jobcenter.store.getCase(handoverCaseId(pkg.manifest.packageId))).to.equal(undefined);
      const verified = await verifyHandoverPackage(signed, options);
      if (!verified.ok) expect.fail(codes(verified));
      agencies.jobcenter.as(EXAMPLE_ACTORS.jobcenterCaseManager);
      const opened = await receiveHandoverPackage(verified.value, {
        service: agencies.jobcenter.service,
        register: agencies.jobcenter.register,
        leadAgency: { agencyId: agencies.jobcenter.agencyId, name: agencies.jobcenter.name },
      });
      expect(codes(opened)).to.equal('ok');
      expect(codes(await verifyHandoverPackage(signed, options))).to.equal('HANDOVER_REPLAYED');
    });
  });
}
