import { foldCase, handoverCaseId } from '@fallkit/core/internal';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';
import {
  encryptForRecipient,
  generateAgencySigningKey,
  memoryReceivedRegister,
  receiveHandoverPackage,
  signMessage,
  verifyHandoverPackage,
  type VerifyPackageOptions,
} from '@fallkit/handover';
import { expect } from 'chai';
import { base64url } from 'jose';
import { builtPackage, handoverWorld, type HandoverWorld } from './handover-world.js';

function options(world: HandoverWorld, extra: Partial<VerifyPackageOptions> = {}): VerifyPackageOptions {
  return {
    recipientAgencyId: world.jobcenter.agencyId,
    keys: world.jobcenter.keys,
    register: world.jobcenter.register,
    now: world.clock.now(),
    ...extra,
  };
}

async function codeOf(token: unknown, opts: VerifyPackageOptions): Promise<string> {
  const result = await verifyHandoverPackage(token, opts);
  expect(result.ok, 'the package is refused').to.equal(false);
  if (result.ok) return 'ok';
  const [error] = result.errors;
  expect(error!.message.de.length, 'German message').to.be.greaterThan(0);
  expect(error!.message.en.length, 'English message').to.be.greaterThan(0);
  return error!.code;
}

/** The same compact JWS with one byte of the signed payload changed. */
function changeOneByte(jws: string): string {
  const [header, payload, signature] = jws.split('.') as [string, string, string];
  const bytes = base64url.decode(payload);
  const at = bytes.indexOf('Rahimi'.charCodeAt(0));
  bytes[at] = bytes[at]! ^ 0x01;
  return `${header}.${base64url.encode(bytes)}.${signature}`;
}

describe('handover package: what the recipient refuses (typed codes, nothing written)', function () {
  this.timeout(20_000);

  it('DP-44, DP-16: a changed byte, an unsigned package, alg none, an unknown sender key and a file encrypted to another key are refused before anything is written', async () => {
    const world = await handoverWorld();
    const { package: pkg } = await builtPackage(world);
    const signed = await signMessage('package', pkg, world.kim.signing);
    expect(await codeOf(changeOneByte(signed), options(world))).to.equal('HANDOVER_SIGNATURE_INVALID');
    expect(await codeOf(JSON.stringify(pkg), options(world))).to.equal('HANDOVER_UNSIGNED');
    const [, payload] = signed.split('.');
    const none = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'fallkit-handover+jws' }))}.${payload}.`;
    expect(await codeOf(none, options(world))).to.equal('HANDOVER_UNSIGNED');
    // Signed with a key of the same agency id that the Jobcenter never learnt.
    const stranger = await generateAgencySigningKey(world.kim.agencyId, 'kim-musterstadt-forged');
    expect(await codeOf(await signMessage('package', pkg, stranger), options(world))).to.equal(
      'HANDOVER_UNKNOWN_SENDER_KEY',
    );
    expect(await codeOf('kein Paket', options(world))).to.equal('HANDOVER_MALFORMED');
    expect(await codeOf(42, options(world))).to.equal('HANDOVER_MALFORMED');
    // An encrypted file opens only with the recipient's key.
    const file = await encryptForRecipient(signed, world.jobcenter.encryption.publicJwk);
    expect(await codeOf(file, options(world))).to.equal('HANDOVER_DECRYPT_FAILED');
    const wrongKey = options(world, { decryptionKey: world.kim.encryption.privateKey });
    expect(await codeOf(file, wrongKey)).to.equal('HANDOVER_DECRYPT_FAILED');
    expect(await world.jobcenter.store.listCases()).to.deep.equal([]);
  });

  it('DP-16, DP-17: a package addressed to another agency is refused by the wrong recipient', async () => {
    const world = await handoverWorld();
    const { package: pkg } = await builtPackage(world);
    const signed = await signMessage('package', pkg, world.kim.signing);
    const code = await codeOf(signed, options(world, { recipientAgencyId: 'sozialamt-musterstadt' }));
    expect(code).to.equal('HANDOVER_WRONG_RECIPIENT');
  });

  it('DP-16: an expired package is refused; the sender must build it again', async () => {
    const world = await handoverWorld();
    const { package: pkg } = await builtPackage(world);
    const signed = await signMessage('package', pkg, world.kim.signing);
    const later = new Date(Date.parse(pkg.manifest.expiresAt) + 1000).toISOString();
    expect(await codeOf(signed, options(world, { now: later }))).to.equal('HANDOVER_EXPIRED');
    // Delivered as a file, the Jobcenter's key opens it and the same refusal follows (not a decryption failure).
    const file = await encryptForRecipient(signed, world.jobcenter.encryption.publicJwk);
    const opened = options(world, { now: later, decryptionKey: world.jobcenter.encryption.privateKey });
    expect(await codeOf(file, opened)).to.equal('HANDOVER_EXPIRED');
  });

  it('DP-16, DP-44: a signed package whose content does not match its manifest hashes is refused', async () => {
    const world = await handoverWorld();
    const { package: pkg } = await builtPackage(world);
    // The sender's own key signs a package with an item added after the manifest was made.
    const padded = {
      ...pkg,
      content: {
        ...pkg.content,
        goals: [...pkg.content.goals, { ...pkg.content.goals[0]!, id: 'rahimi-goal-99' }],
      },
    };
    const signed = await signMessage('package', padded, world.kim.signing);
    expect(await codeOf(signed, options(world))).to.equal('HANDOVER_ITEM_HASH_MISMATCH');
  });

  it('DP-16, DP-44: a replay of an already received package is refused, by the register and, after a restart, by the store', async () => {
    const world = await handoverWorld();
    const { package: pkg } = await builtPackage(world);
    const signed = await signMessage('package', pkg, world.kim.signing);
    world.jobcenter.as(EXAMPLE_ACTORS.jobcenterCaseManager);
    const receive = async (register = world.jobcenter.register) => {
      const verified = await verifyHandoverPackage(signed, options(world, { register }));
      if (!verified.ok) return verified;
      return receiveHandoverPackage(verified.value, {
        service: world.jobcenter.service,
        register,
        leadAgency: { agencyId: world.jobcenter.agencyId, name: world.jobcenter.name },
      });
    };
    const first = await receive();
    expect(first.ok).to.equal(true);
    const caseId = handoverCaseId(pkg.manifest.packageId);
    const before = await world.jobcenter.store.readJournal(caseId);
    const again = await receive();
    expect(again.ok).to.equal(false);
    if (!again.ok) expect(again.errors[0]!.code).to.equal('HANDOVER_REPLAYED');
    // A register that forgot (a restart without its database): the case id can exist only once.
    const forgotten = await receive(memoryReceivedRegister());
    expect(forgotten.ok).to.equal(false);
    if (!forgotten.ok) expect(forgotten.errors[0]!.code).to.equal('HANDOVER_REPLAYED');
    const after = await world.jobcenter.store.readJournal(caseId);
    expect(after.length, 'the journal is unchanged').to.equal(before.length);
    expect(foldCase(after)!.persons.length).to.equal(foldCase(before)!.persons.length);
    expect((await world.jobcenter.store.listCases()).length).to.equal(1);
  });

  it('DP-40: only the receiving agency\u2019s own staff open the case; a worker of another agency is refused', async () => {
    const world = await handoverWorld();
    const { package: pkg } = await builtPackage(world);
    const signed = await signMessage('package', pkg, world.kim.signing);
    const verified = await verifyHandoverPackage(signed, options(world));
    if (!verified.ok) expect.fail(verified.errors[0]!.code);
    // The Jobcenter's store, but a user of the municipality tries to open the case for the Jobcenter.
    world.jobcenter.as(EXAMPLE_ACTORS.kimCaseManager);
    const opened = await receiveHandoverPackage(verified.value, {
      service: world.jobcenter.service,
      register: world.jobcenter.register,
      leadAgency: { agencyId: world.jobcenter.agencyId, name: world.jobcenter.name },
    });
    expect(opened.ok).to.equal(false);
    if (!opened.ok) expect(opened.errors[0]!.code).to.equal('DENY_NOT_ASSIGNED');
    expect(await world.jobcenter.store.listCases()).to.deep.equal([]);
  });
});
