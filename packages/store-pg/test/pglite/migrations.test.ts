import { PGlite } from '@electric-sql/pglite';
import { pgliteDatabase, type SqlDatabase } from '@fallkit/store-pg';
import { describeMigrations } from '../suites/migrations.js';

// A PGlite of its own, starting empty, so the upgrade from version 1 can be walked.
describe('PgCaseStore on PGlite (a fresh database)', function () {
  let pglite: PGlite;
  let owner: SqlDatabase;
  let app: SqlDatabase;
  before(async function () {
    this.timeout(60_000);
    pglite = new PGlite();
    await pglite.exec('create role fallkit_app nologin');
    owner = pgliteDatabase({ pglite, closePglite: false });
    app = pgliteDatabase({ pglite, role: 'fallkit_app', closePglite: false });
  });
  after(() => pglite.close());
  describeMigrations(() => ({ owner, app, appRole: 'fallkit_app', privilegedRole: 'postgres' }), { fresh: true });
});
