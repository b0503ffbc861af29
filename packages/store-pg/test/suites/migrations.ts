/*
 * The schema's versioned migrations: idempotent, all or nothing, refusing a changed or newer history and
 * privileged application roles. `fresh` suites also walk an upgrade from version 1 with a tenant in it.
 */
import { expect } from 'chai';
import {
  MIGRATIONS,
  migrate,
  openPgCaseStore,
  provisionTenant,
  type Migration,
  type SqlDatabase,
} from '@fallkit/store-pg';
import { expectOk, refusalCode, sealed } from '../support/events.js';
import { probe, rowsOf } from '../support/raw-sql.js';

export interface MigrationTarget {
  /** The owner's connection. */
  readonly owner: SqlDatabase;
  /** The application role's connection and name. */
  readonly app: SqlDatabase;
  readonly appRole: string;
  /** A role that must never be granted as the application role (the owner, or a superuser). */
  readonly privilegedRole: string;
}

const latest = MIGRATIONS.length;

export function describeMigrations(target: () => MigrationTarget, { fresh }: { fresh: boolean }): void {
  describe('versioned migrations', function () {
    this.timeout(60_000);

    if (fresh) {
      it('upgrades a database at version 1 with a tenant in it: the tenant gets the new partitions', async () => {
        const { owner, app, appRole } = target();
        const first = expectOk(await migrate(owner, { migrations: MIGRATIONS.slice(0, 1), appRoles: [appRole] }));
        expect(first.value).to.deep.equal({ applied: [1], version: 1 });
        expectOk(await provisionTenant(owner, 'old-tenant'));
        const upgrade = expectOk(await migrate(owner, { appRoles: [appRole] }));
        expect(upgrade.value.applied).to.deep.equal(MIGRATIONS.slice(1).map((step) => step.version));
        const store = expectOk(await openPgCaseStore({ database: app, tenantId: 'old-tenant' })).value;
        const events = await sealed('case-a', 2, undefined, { commandId: 'command-after-upgrade' });
        expectOk(await store.append({ caseId: 'case-a', expectedSeq: 0, events }));
        expect((await store.findCommand('command-after-upgrade'))?.events).to.deep.equal(events);
      });
    }

    it('is idempotent: a second run applies nothing and records each step once with its checksum', async () => {
      const { owner, appRole } = target();
      expectOk(await migrate(owner, { appRoles: [appRole] }));
      const again = expectOk(await migrate(owner, { appRoles: [appRole] }));
      expect(again.value).to.deep.equal({ applied: [], version: latest });
      const rows = await rowsOf(
        owner,
        undefined,
        'select version, length(checksum) as length from fallkit.schema_migration order by version',
      );
      expect(rows).to.deep.equal(MIGRATIONS.map((step) => ({ version: step.version, length: 64 })));
    });

    it('refuses a changed step, a newer database and gaps in the numbering, and changes nothing', async () => {
      const { owner } = target();
      const changed: Migration[] = MIGRATIONS.map((step, i) =>
        i === 0 ? { ...step, sql: `${step.sql}\n-- edited` } : step,
      );
      expect(refusalCode(await migrate(owner, { migrations: changed }))).to.equal('STORE_MIGRATION_CHANGED');
      expect(refusalCode(await migrate(owner, { migrations: MIGRATIONS.slice(0, latest - 1) }))).to.equal(
        'STORE_SCHEMA_NEWER',
      );
      const gap = [...MIGRATIONS, { version: latest + 2, name: 'gap', sql: 'select 1' }];
      expect(refusalCode(await migrate(owner, { migrations: gap }))).to.equal('STORE_FAILED');
      const [row] = await rowsOf(owner, undefined, 'select max(version)::int as version from fallkit.schema_migration');
      expect(row?.version).to.equal(latest);
    });

    it('applies all pending steps or none: a failing step rolls back the steps before it', async () => {
      const { owner } = target();
      const good: Migration = { version: latest + 1, name: 'half', sql: 'create table fallkit.half_done (x integer);' };
      const bad: Migration = { version: latest + 2, name: 'fails', sql: 'select 1 / 0;' };
      const result = await migrate(owner, { migrations: [...MIGRATIONS, good, bad] });
      expect(refusalCode(result)).to.equal('STORE_VALUE_REFUSED');
      const [row] = await rowsOf(owner, undefined, 'select max(version)::int as version from fallkit.schema_migration');
      expect(row?.version).to.equal(latest);
      const table = await probe(owner, undefined, 'select 1 from fallkit.half_done');
      expect(!table.ok && table.code).to.equal('42P01');
    });

    it('refuses to grant the store to a role that could pass row level security', async () => {
      const { owner, privilegedRole } = target();
      expect(refusalCode(await migrate(owner, { appRoles: [privilegedRole] }))).to.equal('STORE_ROLE_PRIVILEGED');
      expect(refusalCode(await migrate(owner, { appRoles: ['no_such_role_anywhere'] }))).to.equal('STORE_FORBIDDEN');
    });
  });
}
