/*
 * The handover inbox's one decision (DP-40, DP-16): who may deliver a signed handover message onto a shared
 * server, and who may read an agency's inbox. Checked over every role, every kind of message and both agency
 * relations, against the roles the journal's own command declarations admit, and over malformed actors.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { commandAccess } from '@fallkit/core/internal';
import {
  ACTOR_ROLES,
  decideHandoverInbox,
  HANDOVER_INBOX_KINDS,
  type Actor,
  type HandoverInboxRequest,
} from '@fallkit/core';

const OWN = 'kim-musterstadt';
const OTHER = 'jobcenter-musterstadt';

function admitted(commandType: string): Set<string> {
  return new Set(commandAccess(commandType)!.clauses.flatMap((clause) => clause.roles));
}

/** What the journal admits for each step, read from the command declarations, not restated here. */
const EXPECTED = {
  package: admitted('transferData'),
  status: admitted('recordHandoverStatus'),
  withdrawal: admitted('transferData'),
  read: admitted('openCaseFromHandover'),
};

const requests: HandoverInboxRequest[] = [
  ...HANDOVER_INBOX_KINDS.map((kind) => ({ action: 'deliver' as const, kind, agencyId: OWN })),
  { action: 'read', agencyId: OWN },
];

describe('handover inbox decision (DP-40, DP-16)', () => {
  it('DP-40: every role × every step: allowed exactly for the roles the step’s command admits, at the own agency', () => {
    let allowed = 0;
    let denied = 0;
    for (const role of ACTOR_ROLES)
      for (const request of requests) {
        const actor: Actor = { id: 'u-1', role, agencyId: OWN, name: 'Eine Person' };
        const step = request.action === 'read' ? 'read' : request.kind;
        const decision = decideHandoverInbox(actor, request);
        const expected = EXPECTED[step].has(role);
        expect(decision.ok, `${role} ${step}`).to.equal(expected);
        if (decision.ok) {
          allowed += 1;
          expect(decision.value).to.deep.equal(actor);
        } else {
          denied += 1;
          expect(decision.errors[0]!.code).to.equal('DENY_HANDOVER_INBOX');
          expect(decision.errors[0]!.message.de.length).to.be.greaterThan(0);
          expect(decision.errors[0]!.message.en.length).to.be.greaterThan(0);
        }
      }
    // Neither side is empty: the table admits case work and refuses the rest (system, statistics, hr ...).
    expect(allowed).to.be.greaterThan(0);
    expect(denied).to.be.greaterThan(0);
    // Named outright, so that a change of the declarations that opened the inbox to them would show here.
    for (const request of requests) {
      expect(decideHandoverInbox({ id: 'u-1', role: 'caseManager', agencyId: OWN, name: 'K' }, request).ok).to.equal(
        true,
      );
      for (const role of ['system', 'statistics', 'dataSubject', 'hr', 'admin', 'provider'] as const)
        expect(decideHandoverInbox({ id: 'u-1', role, agencyId: OWN, name: 'K' }, request).ok, role).to.equal(false);
    }
  });

  it('DP-16: an admitted role of another agency may neither send in this agency’s name nor read its inbox', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...requests),
        fc.constantFrom(...[...EXPECTED.read].filter((role) => EXPECTED.package.has(role))),
        fc.constantFrom(OTHER, 'kim-musterstadt-2', 'KIM-MUSTERSTADT', `${OWN} `),
        (request, role, agencyId) => {
          const decision = decideHandoverInbox({ id: 'u-2', role, agencyId, name: 'Andere Stelle' }, request);
          expect(decision.ok).to.equal(false);
          if (!decision.ok) {
            expect(decision.errors[0]!.code).to.be.oneOf(['DENY_HANDOVER_INBOX', 'DENY_INVALID_ACTOR']);
          }
        },
      ),
    );
  });

  it('DP-40: a malformed actor is refused as DENY_INVALID_ACTOR before anything else, and never throws', () => {
    const good = { id: 'u-kim-krueger', role: 'caseManager', agencyId: OWN, name: 'Kim Krüger' };
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom(null, undefined, 42, 'u-kim-krueger', [], {}),
          fc.constantFrom('', '__proto__', 'u\nx', 'x'.repeat(129)).map((id) => ({ ...good, id })),
          fc
            .string()
            .filter((role) => !(ACTOR_ROLES as readonly string[]).includes(role))
            .map((role) => ({ ...good, role })),
          fc.constantFrom('superuser', 'roles').map((extra) => ({ ...good, [extra]: true })),
          fc.constant({ ...good, agencyId: undefined }),
        ),
        fc.constantFrom(...requests),
        (actor, request) => {
          const decision = decideHandoverInbox(actor, request);
          expect(decision.ok).to.equal(false);
          if (!decision.ok) expect(decision.errors[0]!.code).to.equal('DENY_INVALID_ACTOR');
        },
      ),
    );
  });
});
