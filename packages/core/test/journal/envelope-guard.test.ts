/*
 * DP-38: the hand-written envelope check that verification uses for speed (issue 18) is the zod schema's
 * rule, not a second one: whatever it accepts the schema accepts, with the same parsed data, and whatever
 * it leaves open the schema decides. The envelope hash written out in sorted order is the canonical JSON
 * of the same members.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { hashEnvelopeSync } from '../../src/journal/chain.js';
import { canonicalJson } from '../../src/journal/canonical-json.js';
import { fastEvent, parseJournalEvent } from '../../src/journal/envelope-guard.js';
import { journalEventSchema } from '../../src/journal/journal-event.js';
import { sha256HexSync } from '../../src/journal/sha256.js';
import { ACTOR_ROLES } from '../../src/ports/actor.js';

const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
const at = fc.constantFrom(
  '2026-06-01T10:00:00.000Z',
  '2026-06-01T10:00:00Z',
  '2024-02-29T23:59:59.123456Z',
  '2026-06-01T10:00:00.000+01:00',
  '2026-13-01T10:00:00.000Z',
  '2025-02-29T10:00:00.000Z',
  '2026-06-01 10:00:00Z',
  '2026-06-01',
);
/** Values a member may wrongly hold. */
const odd = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(''),
  fc.string({ maxLength: 3 }),
  fc.integer({ min: -2, max: 3 }),
  fc.double(),
  fc.constant(2 ** 53),
  fc.constant([]),
  fc.constant({}),
  fc.boolean(),
);
const actor = fc.record(
  {
    id: fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), odd),
    role: fc.oneof(fc.constantFrom(...ACTOR_ROLES), odd),
    agencyId: fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), odd),
    name: fc.oneof(fc.string({ maxLength: 8 }), odd),
    extra: fc.string({ maxLength: 3 }),
  },
  { requiredKeys: ['id', 'role', 'agencyId'] },
);
const note = fc.oneof(
  fc.record(
    { reason: fc.oneof(fc.string({ maxLength: 8 }), odd), actorName: fc.oneof(fc.string({ maxLength: 8 }), odd) },
    { requiredKeys: [] },
  ),
  fc.record({ reason: fc.string(), other: fc.string() }),
  odd,
);
/** Mostly well-formed events, with members dropped, mistyped or added. */
const event = fc.record(
  {
    id: fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), odd),
    type: fc.oneof(fc.constantFrom('NoteRecorded', 'CaseOpened'), odd),
    schemaVersion: fc.oneof(fc.integer({ min: 1, max: 4 }), odd),
    caseId: fc.oneof(fc.constant('case-1'), odd),
    seq: fc.oneof(fc.integer({ min: 1, max: 1e6 }), odd),
    at,
    actor: fc.oneof(actor, odd),
    reason: fc.oneof(fc.string({ maxLength: 8 }), odd),
    commandId: fc.oneof(fc.string({ minLength: 0, maxLength: 130 }), odd),
    payload: fc.oneof(fc.jsonValue(), fc.constant(undefined)),
    note,
    payloadHash: fc.oneof(hex, odd),
    prevHash: fc.oneof(hex, odd),
    hash: fc.oneof(hex, odd),
    extra: fc.string({ maxLength: 3 }),
  },
  { requiredKeys: ['id', 'type', 'schemaVersion', 'caseId', 'seq', 'at', 'actor', 'payloadHash', 'prevHash', 'hash'] },
);
/** A valid event: every required member right, the optional ones sometimes there. */
const validEvent = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 8 }),
    type: fc.constantFrom('NoteRecorded', 'CaseOpened'),
    schemaVersion: fc.integer({ min: 1, max: 4 }),
    caseId: fc.constant('case-1'),
    seq: fc.integer({ min: 1, max: 1e6 }),
    at: fc.constant('2026-06-01T10:00:00.000Z'),
    actor: fc.record(
      {
        id: fc.string({ minLength: 1 }),
        role: fc.constantFrom(...ACTOR_ROLES),
        agencyId: fc.string({ minLength: 1 }),
        name: fc.string(),
      },
      { requiredKeys: ['id', 'role', 'agencyId'] },
    ),
    reason: fc.string(),
    commandId: fc.string({ minLength: 1, maxLength: 128 }),
    payload: fc.jsonValue(),
    note: fc.record({ reason: fc.string(), actorName: fc.string() }, { requiredKeys: [] }),
    payloadHash: hex,
    prevHash: hex,
    hash: hex,
  },
  {
    requiredKeys: [
      'id',
      'type',
      'schemaVersion',
      'caseId',
      'seq',
      'at',
      'actor',
      'payload',
      'payloadHash',
      'prevHash',
      'hash',
    ],
  },
);

describe('The envelope check of verification (DP-38, issue 18)', () => {
  it('(property) what the fast check accepts, the schema accepts, with the same parsed event', function () {
    // Thousands of generated events: seconds on a shared machine, not mocha's default two.
    this.timeout(60_000);
    fc.assert(
      fc.property(fc.oneof(event, validEvent), (raw) => {
        const fast = fastEvent(raw);
        const schema = journalEventSchema.safeParse(raw);
        if (fast !== undefined) {
          expect(schema.success).to.equal(true);
          expect(fast).to.deep.equal(schema.data);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('(property) its verdict is the schema’s on every input, and valid events take the fast way', function () {
    // Thousands of generated events: seconds on a shared machine, not mocha's default two.
    this.timeout(60_000);
    fc.assert(
      fc.property(fc.oneof(event, validEvent), (raw) => {
        const parsed = parseJournalEvent(raw);
        const schema = journalEventSchema.safeParse(raw);
        expect(parsed.success).to.equal(schema.success);
        if (parsed.success && schema.success) expect(parsed.data).to.deep.equal(schema.data);
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(validEvent, (raw) => {
        expect(fastEvent(raw) !== undefined).to.equal(true);
      }),
      { numRuns: 500 },
    );
  });

  it('classes, arrays and non-objects are left to the schema', () => {
    const valid = {
      id: 'e-1',
      type: 'NoteRecorded',
      schemaVersion: 1,
      caseId: 'case-1',
      seq: 1,
      at: '2026-06-01T10:00:00.000Z',
      actor: { id: 'u-1', role: 'caseManager', agencyId: 'a-1' },
      payload: null,
      payloadHash: 'a'.repeat(64),
      prevHash: '0'.repeat(64),
      hash: 'b'.repeat(64),
    };
    expect(fastEvent(valid) !== undefined).to.equal(true);
    expect(fastEvent(Object.assign(new Date(), valid)) === undefined).to.equal(true);
    expect(fastEvent([valid]) === undefined).to.equal(true);
    expect(fastEvent('event') === undefined).to.equal(true);
    const { payload: _payload, ...withoutPayload } = valid;
    expect(parseJournalEvent(withoutPayload).success).to.equal(journalEventSchema.safeParse(withoutPayload).success);
  });

  it('(property) the envelope hash is the SHA-256 of the canonical JSON of its members', function () {
    // Thousands of generated events: seconds on a shared machine, not mocha's default two.
    this.timeout(60_000);
    fc.assert(
      fc.property(validEvent, (raw) => {
        const event = fastEvent(raw)!;
        const { id, type, schemaVersion, caseId, seq, at, actor, reason, commandId, payloadHash, prevHash } = event;
        const expected = sha256HexSync(
          canonicalJson({ id, type, schemaVersion, caseId, seq, at, actor, reason, commandId, payloadHash, prevHash }),
        );
        expect(hashEnvelopeSync(event)).to.equal(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
