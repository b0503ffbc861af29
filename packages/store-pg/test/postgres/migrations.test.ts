import { openPostgres, useBackend } from '../support/backends.js';
import { describeMigrations } from '../suites/migrations.js';

// The shared test database is migrated already: the steps that need an empty schema run on PGlite.
describe('PgCaseStore on PostgreSQL', () => {
  const db = useBackend(openPostgres);
  describeMigrations(
    () => ({
      owner: db.backend.owner,
      app: db.backend.app,
      appRole: db.backend.appRole,
      privilegedRole: decodeURIComponent(new URL(process.env.DATABASE_URL!).username),
    }),
    { fresh: false },
  );
});
