import { openPglite } from '../support/backends.js';
import { describeServerStore } from '../suites/server-store.js';

describe('PgCaseStore on PGlite', () => describeServerStore(openPglite));
