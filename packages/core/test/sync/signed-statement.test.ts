/*
 * The server's signed statements (issue 15, DP-44): a `revoked` notice and a conflict answer are signed with
 * the head key under a tag of their own, for one person, case and command; the device rebuilds the statement
 * and verifies it. A changed, re-addressed or unsigned statement is refused with a typed refusal; a head
 * signature is never a statement signature (and back).
 */
import { expect } from 'chai';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';
import {
  chainedHeadOf,
  checkSignedStatement,
  conflictStatement,
  createHeadSigner,
  createHeadVerifier,
  createStatementSigner,
  createStatementVerifier,
  revokedChangeSchema,
  revokedStatement,
  syncConflictSchema,
  type HeadKeySet,
} from '@fallkit/core/sync';

const ACTOR = EXAMPLE_ACTORS.jobcenterCaseManager;
const OTHER = EXAMPLE_ACTORS.jobcenterCaseManager2;

async function keys(kid: string) {
  const subtle = crypto.subtle as unknown as {
    generateKey(
      a: { name: 'Ed25519' },
      e: boolean,
      u: string[],
    ): Promise<{ publicKey: CryptoKey; privateKey: CryptoKey }>;
    exportKey(f: 'jwk', k: CryptoKey): Promise<{ x?: string }>;
  };
  const pair = await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  const jwks: HeadKeySet = {
    keys: [{ kty: 'OKP', crv: 'Ed25519', x: (await subtle.exportKey('jwk', pair.publicKey)).x!, kid, alg: 'EdDSA' }],
  };
  return { privateKey: pair.privateKey, jwks };
}

const conflict = {
  mine: { type: 'recordNote', caseId: 'F-1', input: { text: 'Meine Fassung' } },
  theirs: [],
  targets: ['notes'],
  baseSeq: 1,
  headSeq: 2,
};

describe("the server's signed statements (issue 15, DP-44)", () => {
  it('DP-44: a revoked notice verifies only for its person, case and length; a changed or forged one is refused with a typed refusal', async () => {
    const { privateKey, jwks } = await keys('k1');
    const signed = await createStatementSigner({ kid: 'k1', privateKey }).sign(revokedStatement('F-1', 4, ACTOR));
    expect(revokedChangeSchema.safeParse({ caseId: 'F-1', kind: 'revoked', seq: 4, signed }).success).to.equal(true);
    const verifier = await createStatementVerifier(jwks);
    expect(await checkSignedStatement(revokedStatement('F-1', 4, ACTOR), signed, verifier)).to.equal(undefined);
    const refused = async (statement: ReturnType<typeof revokedStatement>, signature: unknown) =>
      (await checkSignedStatement(statement, signature, verifier))?.code;
    expect(await refused(revokedStatement('F-1', 4, OTHER), signed)).to.equal('SYNC_STATEMENT_SIGNATURE_INVALID');
    expect(await refused(revokedStatement('F-2', 4, ACTOR), signed)).to.equal('SYNC_STATEMENT_SIGNATURE_INVALID');
    expect(await refused(revokedStatement('F-1', 3, ACTOR), signed)).to.equal('SYNC_STATEMENT_SIGNATURE_INVALID');
    expect(await refused(revokedStatement('F-1', 4, ACTOR), undefined)).to.equal('SYNC_STATEMENT_UNSIGNED');
    expect(await refused(revokedStatement('F-1', 4, ACTOR), { ...signed, kid: 'k9' })).to.equal(
      'SYNC_STATEMENT_KEY_UNKNOWN',
    );
    expect(await refused(revokedStatement('F-1', 4, ACTOR), { ...signed, signature: 'x' })).to.equal(
      'SYNC_STATEMENT_SIGNATURE_INVALID',
    );
    expect(await refused(revokedStatement('F-1', 4, ACTOR), 'garbage')).to.equal('SYNC_STATEMENT_SIGNATURE_INVALID');
    const refusal = await checkSignedStatement(revokedStatement('F-1', 4, OTHER), signed, verifier);
    expect(refusal?.rule).to.equal('DP-44');
    expect(refusal?.message.de).to.contain('F-1');
    expect(refusal?.message.en).to.contain('F-1');
    // Another key set (another server) verifies nothing of it.
    const stranger = await createStatementVerifier((await keys('k1')).jwks);
    expect((await checkSignedStatement(revokedStatement('F-1', 4, ACTOR), signed, stranger))?.code).to.equal(
      'SYNC_STATEMENT_SIGNATURE_INVALID',
    );
  });

  it("DP-44: a conflict's statement pins mine, theirs, targets and seqs, for its person and command; its own signature is not part of it", async () => {
    const { privateKey, jwks } = await keys('k1');
    const signed = await createStatementSigner({ kid: 'k1', privateKey }).sign(
      conflictStatement('F-1', 'command-1', ACTOR, conflict),
    );
    expect(syncConflictSchema.safeParse({ ...conflict, signed }).success).to.equal(true);
    const verifier = await createStatementVerifier(jwks);
    const verdict = (c: unknown, actor: { id: string; agencyId: string } = ACTOR, commandId = 'command-1') =>
      verifier.verify(conflictStatement('F-1', commandId, actor, c), signed);
    expect(await verdict({ ...conflict, signed })).to.equal('valid');
    expect(await verdict({ ...conflict, headSeq: 3 })).to.equal('invalid');
    expect(
      await verdict({ ...conflict, theirs: [{ caseId: 'F-1', seq: 2, hash: 'a'.repeat(64), hidden: true }] }),
    ).to.equal('invalid');
    expect(await verdict({ ...conflict, mine: { ...conflict.mine, input: { text: 'Andere' } } })).to.equal('invalid');
    expect(await verdict(conflict, OTHER)).to.equal('invalid');
    expect(await verdict(conflict, ACTOR, 'command-2')).to.equal('invalid');
  });

  it('DP-44: a head signature is no statement signature and a statement signature no head signature (own tags)', async () => {
    const { privateKey, jwks } = await keys('k1');
    const head = await createHeadSigner({ kid: 'k1', privateKey }).sign(chainedHeadOf('F-1', []));
    const asStatement = { alg: head.alg, kid: head.kid, signature: head.signature };
    const statements = await createStatementVerifier(jwks);
    expect(await statements.verify(revokedStatement('F-1', 0, ACTOR), asStatement)).to.equal('invalid');
    const statement = await createStatementSigner({ kid: 'k1', privateKey }).sign(revokedStatement('F-1', 0, ACTOR));
    const heads = await createHeadVerifier(jwks);
    expect(await heads.verify({ ...head, signature: statement.signature })).to.equal('invalid');
    expect(await heads.verify(head)).to.equal('valid');
  });
});
