import { openPostgres } from '../support/backends.js';
import { describeServerStore } from '../suites/server-store.js';

describe('PgCaseStore on PostgreSQL', () => describeServerStore(openPostgres));
