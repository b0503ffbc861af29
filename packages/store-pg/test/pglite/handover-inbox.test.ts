import { openPglite } from '../support/backends.js';
import { describeHandoverInbox } from '../suites/handover-inbox.js';

describe('PgHandoverInbox on PGlite', () => describeHandoverInbox(openPglite));
