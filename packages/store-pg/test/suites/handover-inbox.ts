/*
 * The handover inbox's storage (issue 16, DP-16, DP-28) on one engine: idempotent delivery, a conflicting
 * redelivery refused with the first kept, listing per recipient agency with who fetched first, acknowledgement,
 * and tenant isolation. Who may deliver and read is the core's decision (core/test/access/handover-inbox.test.ts).
 */
import { expect } from 'chai';
import { openPgHandoverInbox, type NewInboxMessage } from '@fallkit/store-pg';
import type { Backend } from '../support/backends.js';
import { useBackend } from '../support/backends.js';

function message(overrides: Partial<NewInboxMessage> = {}): NewInboxMessage {
  return {
    recipientAgencyId: 'jobcenter-musterstadt',
    messageId: 'pkg-1',
    kind: 'package',
    packageId: 'pkg-1',
    senderAgencyId: 'kim-musterstadt',
    token: 'eyJhbGciOiJFUzI1NiJ9.eyJhIjoxfQ.c2ln',
    tokenHash: 'a'.repeat(64),
    deliveredAt: '2026-05-28T08:00:00.000Z',
    deliveredBy: 'u-kim-krueger',
    ...overrides,
  };
}

export function describeHandoverInbox(open: () => Promise<Backend>): void {
  describe('handover inbox storage', function () {
    this.timeout(30_000);
    const db = useBackend(open);

    it('DP-16: delivers once; the same message again is not stored twice, another token under the same id is refused and the first kept', async () => {
      const inbox = openPgHandoverInbox({ database: db.backend.app, tenantId: await db.tenant() });
      const first = await inbox.deliver(message());
      expect(first.ok && first.value.stored).to.equal(true);
      const again = await inbox.deliver(message());
      expect(again.ok && again.value.stored).to.equal(false);
      const other = await inbox.deliver(message({ token: 'eyJ9.eyJ9.b3RoZXI', tokenHash: 'b'.repeat(64) }));
      expect(other.ok).to.equal(false);
      if (!other.ok) {
        expect(other.errors[0]!.code).to.equal('STORE_INBOX_CONFLICT');
        expect(other.errors[0]!.message.de.length).to.be.greaterThan(0);
      }
      const listed = await inbox.list('jobcenter-musterstadt', { by: 'u-jc-1', at: '2026-05-28T09:00:00.000Z' });
      expect(listed.ok && listed.value.map((m) => [m.messageId, m.token, m.tokenHash])).to.deep.equal([
        ['pkg-1', message().token, 'a'.repeat(64)],
      ]);
    });

    it('DP-28: lists only the recipient agency’s messages, oldest first, and keeps who fetched first and when', async () => {
      const inbox = openPgHandoverInbox({ database: db.backend.app, tenantId: await db.tenant() });
      await inbox.deliver(message({ messageId: 'pkg-2', packageId: 'pkg-2', deliveredAt: '2026-05-28T10:00:00.000Z' }));
      await inbox.deliver(message({ messageId: 'pkg-1' }));
      await inbox.deliver(
        message({ messageId: 'pkg-3', packageId: 'pkg-3', recipientAgencyId: 'sozialamt-musterstadt' }),
      );
      const first = await inbox.list('jobcenter-musterstadt', { by: 'u-jc-1', at: '2026-05-28T11:00:00.000Z' });
      if (!first.ok) expect.fail(first.errors[0]!.code);
      expect(first.value.map((m) => m.messageId)).to.deep.equal(['pkg-1', 'pkg-2']);
      expect(first.value.every((m) => m.fetchedBy === 'u-jc-1' && m.fetchedAt === '2026-05-28T11:00:00.000Z')).to.equal(
        true,
      );
      const second = await inbox.list('jobcenter-musterstadt', { by: 'u-jc-2', at: '2026-05-28T12:00:00.000Z' });
      expect(second.ok && second.value.map((m) => m.fetchedBy)).to.deep.equal(['u-jc-1', 'u-jc-1']);
      const sozialamt = await inbox.list('sozialamt-musterstadt', { by: 'u-s', at: '2026-05-28T12:00:00.000Z' });
      expect(sozialamt.ok && sozialamt.value.map((m) => m.messageId)).to.deep.equal(['pkg-3']);
    });

    it('acknowledging deletes the message; an agency acknowledges only what is in its own inbox', async () => {
      const inbox = openPgHandoverInbox({ database: db.backend.app, tenantId: await db.tenant() });
      await inbox.deliver(message());
      const acked = await inbox.acknowledge('jobcenter-musterstadt', 'pkg-1');
      expect(acked.ok && acked.value.deleted).to.equal(true);
      const twice = await inbox.acknowledge('jobcenter-musterstadt', 'pkg-1');
      expect(twice.ok && twice.value.deleted).to.equal(false);
      // Another agency cannot acknowledge (delete) a message that is not in its inbox.
      await inbox.deliver(message({ messageId: 'pkg-9', packageId: 'pkg-9' }));
      const foreign = await inbox.acknowledge('sozialamt-musterstadt', 'pkg-9');
      expect(foreign.ok && foreign.value.deleted).to.equal(false);
      const left = await inbox.list('jobcenter-musterstadt', { by: 'u', at: '2026-05-28T12:00:00.000Z' });
      expect(left.ok && left.value.map((m) => m.messageId)).to.deep.equal(['pkg-9']);
    });

    it('another tenant’s inbox is invisible (row level security), and a malformed tenant id is refused', async () => {
      const a = openPgHandoverInbox({ database: db.backend.app, tenantId: await db.tenant() });
      const b = openPgHandoverInbox({ database: db.backend.app, tenantId: await db.tenant() });
      await a.deliver(message());
      const fromB = await b.list('jobcenter-musterstadt', { by: 'u', at: '2026-05-28T12:00:00.000Z' });
      expect(fromB.ok && fromB.value.length).to.equal(0);
      const bad = openPgHandoverInbox({ database: db.backend.app, tenantId: 'Not A Tenant' });
      const refused = await bad.deliver(message());
      expect(!refused.ok && refused.errors[0]!.code).to.equal('STORE_TENANT_INVALID');
    });
  });
}
