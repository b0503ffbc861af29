import { openPostgres } from '../support/backends.js';
import { describeTenantIsolation } from '../suites/tenant-isolation.js';

// On PostgreSQL 15 the store connects as the application role, a login of its own.
describe('PgCaseStore on PostgreSQL', () => describeTenantIsolation(openPostgres));
