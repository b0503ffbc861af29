import { openPostgres } from '../support/backends.js';
import { describeHandoverInbox } from '../suites/handover-inbox.js';

describe('PgHandoverInbox on PostgreSQL', () => describeHandoverInbox(openPostgres));
