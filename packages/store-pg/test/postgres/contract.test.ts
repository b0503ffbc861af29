import { describeStoreContract } from '@fallkit/core/testing';
import { openPostgres, useBackend } from '../support/backends.js';

// The core's port contract, unchanged, on PostgreSQL 15 as the application role: a fresh tenant per test.
describe('PgCaseStore on PostgreSQL', function () {
  this.timeout(20_000);
  const db = useBackend(openPostgres);
  describeStoreContract('PgCaseStore (PostgreSQL)', () => db.freshStore());
});
