import { openPglite } from '../support/backends.js';
import { describeTenantIsolation } from '../suites/tenant-isolation.js';

// On PGlite every store transaction switches to the application role, so the same policies bind it.
describe('PgCaseStore on PGlite', () => describeTenantIsolation(openPglite));
