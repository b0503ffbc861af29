/*
 * Tenant isolation by row level security, probed with plain SQL as the application role: what the database
 * itself allows, whatever the store's own WHERE clauses say. Runs on PostgreSQL 15 and on PGlite.
 */
import { expect } from 'chai';
import type { AppendRequest, JournalEvent, JournalSealRecord } from '@fallkit/core';
import { openPgHandoverInbox, type PgCaseStore } from '@fallkit/store-pg';
import type { Backend } from '../support/backends.js';
import { useBackend } from '../support/backends.js';
import { expectOk, indexRow, sealed } from '../support/events.js';
import { probe, rowsOf } from '../support/raw-sql.js';

interface TableInfo {
  name: string;
  owner: string;
  rls: boolean;
  forced: boolean;
  hasTenantColumn: boolean;
  partitionOf: string | null;
}

/** Every table of the schema (plain and partitioned), seen from the catalog. */
async function tablesOf(backend: Backend): Promise<TableInfo[]> {
  const rows = await rowsOf(
    backend.app,
    undefined,
    `select c.relname as name, pg_get_userbyid(c.relowner) as owner,
            c.relrowsecurity as rls, c.relforcerowsecurity as forced,
            exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
                    and not a.attisdropped) as "hasTenantColumn",
            (select p.relname from pg_inherits i join pg_class p on p.oid = i.inhparent
              where i.inhrelid = c.oid) as "partitionOf"
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'fallkit' and c.relkind in ('r', 'p')
      order by c.relname`,
  );
  return rows as unknown as TableInfo[];
}

export function describeTenantIsolation(open: () => Promise<Backend>): void {
  describe('tenant isolation by row level security', function () {
    this.timeout(30_000);
    const db = useBackend(open);
    let tenantA: string;
    let tenantB: string;
    let storeB: PgCaseStore;
    let journalB: JournalEvent[];

    before(async function () {
      this.timeout(60_000);
      const storeA = await db.freshStore();
      storeB = await db.freshStore();
      tenantA = storeA.tenantId;
      tenantB = storeB.tenantId;
      for (const [store, caseId] of [
        [storeA, 'case-of-a'],
        [storeB, 'case-of-b'],
      ] as const) {
        const events = await sealed(caseId, 3, undefined, { commandId: `command-${caseId}` });
        const head = events.at(-1)!;
        const seal: JournalSealRecord = { caseId, seq: 3, hash: head.hash, alg: 'HMAC-SHA-256', signature: 'ab' };
        const request: AppendRequest = {
          caseId,
          expectedSeq: 0,
          events,
          index: indexRow(caseId, 3),
          seal,
        };
        expectOk(await store.append(request));
        const inbox = openPgHandoverInbox({ database: db.backend.app, tenantId: store.tenantId });
        expectOk(
          await inbox.deliver({
            recipientAgencyId: 'jobcenter-musterstadt',
            messageId: `package-of-${caseId}`,
            kind: 'package',
            packageId: `package-of-${caseId}`,
            senderAgencyId: 'kim-musterstadt',
            token: 'eyJ9.eyJ9.c2ln',
            tokenHash: 'c'.repeat(64),
            deliveredAt: '2026-05-28T08:00:00.000Z',
            deliveredBy: 'u-kim-krueger',
          }),
        );
        await store.putContent(caseId, 'd'.repeat(64), new TextEncoder().encode(`Scan of ${caseId}`));
      }
      journalB = await storeB.readJournal('case-of-b');
    });

    it('the application role is neither superuser nor BYPASSRLS nor the owner of any table (pg_roles, pg_tables)', async () => {
      const backend = db.backend;
      const [role] = await rowsOf(
        backend.app,
        undefined,
        `select current_user as name, rolsuper, rolbypassrls from pg_roles where rolname = current_user`,
      );
      expect(role).to.deep.equal({ name: backend.appRole, rolsuper: false, rolbypassrls: false });
      const owned = await rowsOf(
        backend.app,
        undefined,
        `select tablename, tableowner, rowsecurity from pg_tables where schemaname = 'fallkit' order by tablename`,
      );
      expect(owned.map((row) => row.tablename)).to.include.members([
        'tenant',
        'case_event',
        'case_index',
        'schema_migration',
      ]);
      for (const row of owned) {
        expect(row.tableowner, `owner of ${String(row.tablename)}`).to.not.equal(backend.appRole);
        expect(row.rowsecurity, `row security of ${String(row.tablename)}`).to.equal(true);
      }
    });

    it('row level security is enabled and forced on every table, partitions included', async () => {
      const tables = await tablesOf(db.backend);
      const partitionsOfB = tables.filter((table) => table.name.endsWith(tenantB.replaceAll('-', '_')));
      expect(partitionsOfB.map((table) => table.partitionOf).sort()).to.deep.equal([
        'case_command',
        'case_content',
        'case_event',
        'case_index',
        'case_seal',
        'handover_inbox',
      ]);
      for (const table of tables) {
        expect(table.rls, `ENABLE on ${table.name}`).to.equal(true);
        expect(table.forced, `FORCE on ${table.name}`).to.equal(true);
        expect(table.owner, `owner of ${table.name}`).to.not.equal(db.backend.appRole);
      }
    });

    it('the application role sees 0 rows of another tenant through every table', async () => {
      const backend = db.backend;
      const tables = await tablesOf(backend);
      const readable: string[] = [];
      for (const table of tables) {
        // As tenant A, count every row that is not A's (in a table without tenant_id: every row).
        const foreign = table.hasTenantColumn
          ? `select count(*) filter (where tenant_id is distinct from $1)::int as n from fallkit.${table.name}`
          : `select count(*)::int as n from fallkit.${table.name}`;
        const asA = await probe(backend.app, tenantA, foreign, table.hasTenantColumn ? [tenantA] : []);
        if (!asA.ok) {
          // No privilege at all (partitions, the migrations table) is the other way to see nothing.
          expect(asA.code, `${table.name}: ${asA.message}`).to.equal('42501');
          continue;
        }
        readable.push(table.name);
        expect(asA.rows[0]?.n, `rows of other tenants in ${table.name}`).to.equal(0);
        // Without a tenant setting nothing at all is visible (fail closed).
        const unset = await probe(backend.app, undefined, `select count(*)::int as n from fallkit.${table.name}`);
        expect(unset.ok && unset.rows[0]?.n, `${table.name} without a tenant`).to.equal(0);
      }
      expect(readable.sort()).to.deep.equal([
        'case_command',
        'case_content',
        'case_event',
        'case_index',
        'case_seal',
        'handover_inbox',
        'tenant',
      ]);
      // The filter hides rows that are there: as B, B's rows are visible through the same tables.
      for (const name of readable) {
        const [row] = await rowsOf(
          backend.app,
          tenantB,
          `select count(*)::int as n from fallkit.${name} where tenant_id = $1`,
          [tenantB],
        );
        expect(row?.n, `B's own rows in ${name}`).to.be.greaterThan(0);
      }
      // And A sees its own.
      const [own] = await rowsOf(backend.app, tenantA, 'select count(*)::int as n from fallkit.case_event');
      expect(own?.n).to.equal(3);
    });

    it("the application role cannot write another tenant's rows", async () => {
      const backend = db.backend;
      const [event] = await sealed('case-forged', 1);
      const refusedWrites = [
        [
          `insert into fallkit.case_event (tenant_id, case_id, seq, event_id, feed_position, type, hash, envelope, payload)
           values ($1, 'case-forged', 1, $2, 999, $3, $4, $5::json, '{}')`,
          [tenantB, event!.id, event!.type, event!.hash, JSON.stringify({ ...event, payload: undefined })],
        ],
        [
          `insert into fallkit.case_index (tenant_id, case_id, last_seq, updated_at, status, stage, case_manager_ids,
                                           legal_domains, entry) values ($1, 'case-forged', 1, '', 'open', 'x', '{}', '{}', '{}')`,
          [tenantB],
        ],
        // Moving one's own row into another tenant fails the policy's WITH CHECK.
        [`update fallkit.case_index set tenant_id = $1 where tenant_id = $2`, [tenantB, tenantA]],
        [
          `insert into fallkit.case_command (tenant_id, command_id, case_id) values ($1, 'command-forged', 'x')`,
          [tenantB],
        ],
        [
          `insert into fallkit.case_seal (tenant_id, case_id, seq, hash, record) values ($1, 'case-of-b', 9, $2, '{}')`,
          [tenantB, 'f'.repeat(64)],
        ],
        [
          `insert into fallkit.handover_inbox (tenant_id, recipient_agency_id, message_id, kind, package_id,
             sender_agency_id, token, token_hash, delivered_at, delivered_by)
           values ($1, 'jobcenter-musterstadt', 'forged', 'package', 'forged', 'kim-musterstadt', 'x', $2, now(), 'u')`,
          [tenantB, 'f'.repeat(64)],
        ],
        [`insert into fallkit.tenant (tenant_id) values ('t-forged')`, []],
        [`select fallkit.create_tenant('t-forged')`, []],
        [`delete from fallkit.${'case_event_' + tenantB.replaceAll('-', '_')}`, []],
      ] as const;
      for (const [sql, params] of refusedWrites) {
        const result = await probe(backend.app, tenantA, sql, [...params]);
        expect(result.ok, sql).to.equal(false);
        expect(!result.ok && result.code, sql).to.equal('42501');
      }
      const silentlyEmpty = [
        `update fallkit.case_index set status = 'hijacked' where tenant_id = $1 returning case_id`,
        `update fallkit.case_event set payload = '{"hijacked": true}' where tenant_id = $1 returning case_id`,
        `update fallkit.tenant set feed_position = feed_position + 100 where tenant_id = $1 returning tenant_id`,
        `delete from fallkit.case_event where tenant_id = $1 returning case_id`,
        `delete from fallkit.case_index where tenant_id = $1 returning case_id`,
        `delete from fallkit.case_command where tenant_id = $1 returning case_id`,
        `update fallkit.case_seal set record = '{"signature": "forged"}' where tenant_id = $1 returning case_id`,
        `update fallkit.case_event set note = '{}' where tenant_id = $1 returning case_id`,
        `update fallkit.handover_inbox set fetched_by = 'thief' where tenant_id = $1 returning message_id`,
        `delete from fallkit.handover_inbox where tenant_id = $1 returning message_id`,
      ];
      for (const sql of silentlyEmpty) {
        const result = await probe(backend.app, tenantA, sql, [tenantB]);
        expect(result.ok && result.rows.length, sql).to.equal(0);
      }
      expect(await storeB.readJournal('case-of-b')).to.deep.equal(journalB);
      expect((await storeB.getCase('case-of-b'))?.status).to.equal('open');
      expect(await storeB.feedHead()).to.equal(3);
      expect((await storeB.listCases()).map((row) => row.caseId)).to.deep.equal(['case-of-b']);
      expect((await storeB.findCommand('command-case-of-b'))?.events).to.deep.equal(journalB);
      expect((await storeB.readSeal('case-of-b'))?.signature).to.equal('ab');
    });

    it("a store never shows another tenant's data: journal, case, list and feed", async () => {
      const storeA = await db.storeOf(tenantA);
      expect(await storeA.readJournal('case-of-b')).to.deep.equal([]);
      expect(await storeA.getCase('case-of-b')).to.equal(undefined);
      expect(await storeA.findCommand('command-case-of-b')).to.equal(undefined);
      expect(await storeA.readSeal('case-of-b')).to.equal(undefined);
      expect((await storeA.listCases()).map((row) => row.caseId)).to.deep.equal(['case-of-a']);
      const feed = await storeA.readFeed({ after: 0 });
      expect(feed.entries.map((entry) => entry.event.caseId)).to.deep.equal(['case-of-a', 'case-of-a', 'case-of-a']);
    });
  });
}
