import { expect } from 'chai';
import {
  feedQuerySchema,
  hiddenEventSchema,
  pushRequestSchema,
  SYNC_FEED_MAX_LIMIT,
  SYNC_PUSH_MAX_COMMANDS,
  syncErrorBodySchema,
} from '@fallkit/core/sync';

const entry = (i: number) => ({
  commandId: `c-${i}`,
  baseSeq: 3,
  command: { type: 'recordNote', caseId: 'case-1', input: { text: 'x' } },
});

describe('the sync protocol schemas (issue 15)', () => {
  it('IN-01, IN-02: a push is strict and bounded: at most 100 entries, no unknown member, no actor, no negative base', () => {
    expect(pushRequestSchema.safeParse({ commands: [entry(1)] }).success).to.equal(true);
    expect(pushRequestSchema.safeParse({ commands: [] }).success).to.equal(false);
    const full = Array.from({ length: SYNC_PUSH_MAX_COMMANDS }, (_, i) => entry(i));
    expect(pushRequestSchema.safeParse({ commands: full }).success).to.equal(true);
    expect(pushRequestSchema.safeParse({ commands: [...full, entry(101)] }).success).to.equal(false);
    expect(pushRequestSchema.safeParse({ commands: [{ ...entry(1), extra: true }] }).success).to.equal(false);
    expect(pushRequestSchema.safeParse({ commands: [{ ...entry(1), baseSeq: -1 }] }).success).to.equal(false);
    const withActor = {
      ...entry(1),
      command: { ...entry(1).command, actor: { id: 'u', role: 'admin', agencyId: 'a' } },
    };
    expect(pushRequestSchema.safeParse({ commands: [withActor] }).success, 'DP-40: no actor in a command').to.equal(
      false,
    );
    const withExpectedSeq = { ...entry(1), command: { ...entry(1).command, expectedSeq: 3 } };
    expect(pushRequestSchema.safeParse({ commands: [withExpectedSeq] }).success).to.equal(false);
  });

  it('IN-02: a feed query is bounded (limit 1 … 1000, after >= 0, integers)', () => {
    expect(feedQuerySchema.safeParse({ after: 0, limit: SYNC_FEED_MAX_LIMIT }).success).to.equal(true);
    expect(feedQuerySchema.safeParse({ after: 0, limit: SYNC_FEED_MAX_LIMIT + 1 }).success).to.equal(false);
    expect(feedQuerySchema.safeParse({ after: -1, limit: 1 }).success).to.equal(false);
    expect(feedQuerySchema.safeParse({ after: 1.5, limit: 1 }).success).to.equal(false);
  });

  it('DP-24: a hidden link carries its place and hashes and nothing else', () => {
    const link = { hidden: true, caseId: 'case-1', seq: 2, prevHash: 'a'.repeat(64), hash: 'b'.repeat(64) };
    expect(hiddenEventSchema.safeParse(link).success).to.equal(true);
    expect(hiddenEventSchema.safeParse({ ...link, type: 'NoteRecorded' }).success).to.equal(false);
    expect(hiddenEventSchema.safeParse({ ...link, payload: {} }).success).to.equal(false);
  });

  it('every refusal body names a code and a German and an English message', () => {
    const body = {
      errors: [{ code: 'SYNC_TOKEN_MISSING', rule: 'SYNC', message: { de: 'Anmeldung fehlt.', en: 'Not signed in.' } }],
    };
    expect(syncErrorBodySchema.safeParse(body).success).to.equal(true);
    expect(
      syncErrorBodySchema.safeParse({ errors: [{ code: 'x', rule: 'SYNC', message: { de: '', en: '' } }] }).success,
    ).to.equal(false);
    expect(syncErrorBodySchema.safeParse({ errors: [] }).success).to.equal(false);
  });
});
