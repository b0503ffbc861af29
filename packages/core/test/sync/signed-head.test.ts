import { expect } from 'chai';
import type { JournalEvent } from '@fallkit/core';
import { EXAMPLE_ACTORS, runExampleCases } from '@fallkit/core/examples';
import {
  acceptCut,
  createHeadSigner,
  createHeadVerifier,
  chainedHeadOf,
  cutJournalFor,
  isHiddenLink,
  journalChangeSchema,
  type CutChange,
  type HeadKeySet,
  type HeadSigner,
  type HeadVerifier,
  type SignedHead,
} from '@fallkit/core/sync';
import { hashEnvelope, hashPayload } from '../../src/journal/chain.js';

/*
 * The server's public-key signature of the journal head (issue 15, DP-44): a device holds no server key, so
 * it checks every received journal, full or cut, against the server's published Ed25519 keys. Each tamper
 * below keeps the chain consistent where it can (a re-hash), so it is the signature that refuses it.
 */

const RAHIMI = 'kim-2026-0001';
const jobcenter = EXAMPLE_ACTORS.jobcenterCaseManager;

interface Ed25519Subtle {
  generateKey(
    a: { name: 'Ed25519' },
    e: boolean,
    u: string[],
  ): Promise<{ publicKey: CryptoKey; privateKey: CryptoKey }>;
  exportKey(f: 'jwk', k: CryptoKey): Promise<{ x?: string }>;
}

async function keyPair(kid: string): Promise<{ signer: HeadSigner; jwk: HeadKeySet['keys'][number] }> {
  const subtle = crypto.subtle as unknown as Ed25519Subtle;
  const pair = await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  const { x } = await subtle.exportKey('jwk', pair.publicKey);
  return {
    signer: createHeadSigner({ kid, privateKey: pair.privateKey }),
    jwk: { kty: 'OKP', crv: 'Ed25519', x: x!, kid },
  };
}

let journal: JournalEvent[];
let now: string;
let server: Awaited<ReturnType<typeof keyPair>>;
let verifier: HeadVerifier;

before(async () => {
  const { store } = await runExampleCases();
  journal = await store.readJournal(RAHIMI);
  now = journal.at(-1)!.at;
  server = await keyPair('head-1');
  verifier = await createHeadVerifier({ keys: [server.jwk] });
});

/** The cut the server sends the Jobcenter, signed at its head. */
async function signedCut(): Promise<CutChange & { signedHead: SignedHead }> {
  const cut = cutJournalFor(jobcenter, journal, { now });
  if (cut.scope === 'revoked') throw new Error('revoked');
  return {
    caseId: RAHIMI,
    scope: cut.scope,
    events: structuredClone(cut.events),
    ...(cut.view === undefined ? {} : { view: cut.view }),
    signedHead: await server.signer.sign(chainedHeadOf(RAHIMI, cut.events)),
  };
}

/** Re-hashes a chain from `from` (0-based) on, as a forger without the key would: every link consistent again. */
async function rehash(
  events: (JournalEvent | { hidden: true; caseId: string; seq: number; prevHash: string; hash: string })[],
  from: number,
) {
  for (let i = from; i < events.length; i += 1) {
    const item = events[i]!;
    const prevHash = i === 0 ? item.prevHash : events[i - 1]!.hash;
    if (isHiddenLink(item)) {
      // A hidden link's hash is taken on trust; a forger re-links it to the changed predecessor.
      events[i] = { ...item, seq: i + 1, prevHash };
      continue;
    }
    const whole = { ...(item as JournalEvent), seq: i + 1, prevHash };
    const payloadHash = await hashPayload(whole.payload, whole.note);
    const rehashed = { ...whole, payloadHash };
    events[i] = { ...rehashed, hash: await hashEnvelope(rehashed) };
  }
}

describe('the server signs journal heads, the device checks them (issue 15, DP-44)', () => {
  it('DP-44: a cut signed by the server verifies with its published key; the wire schema carries the signed head', async () => {
    const change = await signedCut();
    expect(change.signedHead).to.include({ alg: 'EdDSA', kid: 'head-1', caseId: RAHIMI });
    expect(journalChangeSchema.safeParse({ ...change, kind: 'journal' }).success).to.equal(true);
    const accepted = await acceptCut(change, { actor: jobcenter, keys: verifier });
    expect(accepted.ok, JSON.stringify(accepted.ok ? '' : accepted.errors)).to.equal(true);
  });

  it('DP-38, DP-44: a changed byte in a kept envelope, the chain re-hashed after it, is refused with SYNC_HEAD_MISMATCH', async () => {
    const change = await signedCut();
    const events = change.events as JournalEvent[];
    const index = events.findIndex((e) => !isHiddenLink(e) && e.seq > 1);
    const kept = events[index]!;
    events[index] = { ...kept, at: kept.at.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10)) };
    // Without the re-hash the chain itself refuses it.
    const broken = await acceptCut({ ...change, events: [...events] }, { actor: jobcenter, keys: verifier });
    expect(!broken.ok && broken.errors.map((e) => e.code)).to.include('SYNC_CUT_REFUSED');
    await rehash(events, index);
    const refused = await acceptCut({ ...change, events }, { actor: jobcenter, keys: verifier });
    expect(refused.ok).to.equal(false);
    expect(!refused.ok && refused.errors[0]).to.include({ code: 'SYNC_HEAD_MISMATCH', rule: 'DP-44' });
    expect(!refused.ok && refused.errors[0]!.message.de)
      .to.be.a('string')
      .and.not.equal('');
    expect(!refused.ok && refused.errors[0]!.message.en)
      .to.be.a('string')
      .and.not.equal('');
  });

  it('DP-38, DP-44: a removed kept event (the chain closed over the gap and re-hashed) and a cut-off tail are refused with SYNC_HEAD_MISMATCH', async () => {
    const change = await signedCut();
    const events = [...change.events] as JournalEvent[];
    const index = events.findIndex((e) => !isHiddenLink(e) && e.seq > 1);
    events.splice(index, 1);
    await rehash(events, index);
    const removed = await acceptCut({ ...change, events }, { actor: jobcenter, keys: verifier });
    expect(!removed.ok && removed.errors[0]!.code).to.equal('SYNC_HEAD_MISMATCH');
    const truncated = await acceptCut(
      { ...change, events: change.events.slice(0, -1) },
      { actor: jobcenter, keys: verifier },
    );
    expect(!truncated.ok && truncated.errors.map((e) => e.code)).to.satisfy(
      (codes: string[]) => codes.includes('SYNC_HEAD_MISMATCH') || codes.includes('SYNC_CUT_VIEW_MISMATCH'),
    );
  });

  it('DP-44: a forged signature (one character changed, or signed by another key under the same kid) is SYNC_HEAD_SIGNATURE_INVALID', async () => {
    const change = await signedCut();
    const sig = change.signedHead.signature;
    const flipped = `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    const forged = await acceptCut(
      { ...change, signedHead: { ...change.signedHead, signature: flipped } },
      { actor: jobcenter, keys: verifier },
    );
    expect(!forged.ok && forged.errors[0]).to.include({ code: 'SYNC_HEAD_SIGNATURE_INVALID', rule: 'DP-44' });
    const other = await keyPair('head-1');
    const impostor = await other.signer.sign(chainedHeadOf(RAHIMI, change.events as JournalEvent[]));
    const byOther = await acceptCut({ ...change, signedHead: impostor }, { actor: jobcenter, keys: verifier });
    expect(!byOther.ok && byOther.errors[0]!.code).to.equal('SYNC_HEAD_SIGNATURE_INVALID');
    const malformed = await acceptCut(
      { ...change, signedHead: { ...change.signedHead, signature: 'x' } },
      { actor: jobcenter, keys: verifier },
    );
    expect(!malformed.ok && malformed.errors[0]!.code).to.equal('SYNC_HEAD_SIGNATURE_INVALID');
  });

  it('DP-44: an unknown kid is SYNC_HEAD_KEY_UNKNOWN, a missing signature SYNC_HEAD_UNSIGNED; after a rotation the set of both keys verifies old and new heads', async () => {
    const change = await signedCut();
    const rotated = await keyPair('head-2');
    const fresh = await rotated.signer.sign(chainedHeadOf(RAHIMI, change.events as JournalEvent[]));
    const unknown = await acceptCut({ ...change, signedHead: fresh }, { actor: jobcenter, keys: verifier });
    expect(!unknown.ok && unknown.errors[0]).to.include({ code: 'SYNC_HEAD_KEY_UNKNOWN', rule: 'DP-44' });
    const { signedHead: _dropped, ...unsigned } = change;
    const missing = await acceptCut(unsigned, { actor: jobcenter, keys: verifier });
    expect(!missing.ok && missing.errors[0]!.code).to.equal('SYNC_HEAD_UNSIGNED');
    const both = await createHeadVerifier({ keys: [rotated.jwk, server.jwk] });
    expect(both.kids).to.deep.equal(['head-2', 'head-1']);
    expect((await acceptCut(change, { actor: jobcenter, keys: both })).ok).to.equal(true);
    expect((await acceptCut({ ...change, signedHead: fresh }, { actor: jobcenter, keys: both })).ok).to.equal(true);
  });

  it('DP-44: a signed head of another case or another length does not cover this journal (SYNC_HEAD_MISMATCH); a full journal is checked the same way', async () => {
    const change = await signedCut();
    const otherCase = await server.signer.sign(chainedHeadOf('kim-2026-0019', change.events as JournalEvent[]));
    const wrong = await acceptCut({ ...change, signedHead: otherCase }, { actor: jobcenter, keys: verifier });
    expect(!wrong.ok && wrong.errors[0]!.code).to.equal('SYNC_HEAD_MISMATCH');
    // A full journal (the whole journal, as a reader who may see it all receives it) is checked the same way.
    const kim = EXAMPLE_ACTORS.kimCaseManager;
    const signed = await server.signer.sign(chainedHeadOf(RAHIMI, journal));
    const whole = { caseId: RAHIMI, scope: 'full' as const, events: journal, signedHead: signed };
    expect((await acceptCut(whole, { actor: kim, keys: verifier })).ok).to.equal(true);
    const shorter = await server.signer.sign(chainedHeadOf(RAHIMI, journal.slice(0, -1)));
    const stale = await acceptCut({ ...whole, signedHead: shorter }, { actor: kim, keys: verifier });
    expect(!stale.ok && stale.errors[0]!.code).to.equal('SYNC_HEAD_MISMATCH');
  });
});
