import { describeStoreContract } from '@fallkit/core/testing';
import { openPglite, useBackend } from '../support/backends.js';

// The core's port contract, unchanged, on PGlite: one embedded database for the file, a fresh tenant per test.
describe('PgCaseStore on PGlite', function () {
  this.timeout(20_000);
  const db = useBackend(openPglite);
  describeStoreContract('PgCaseStore (PGlite)', () => db.freshStore());
});
