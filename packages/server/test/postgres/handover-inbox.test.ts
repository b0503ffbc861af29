import { openPostgres } from '../support/harness.js';
import { describeHandoverInbox } from '../suites/handover-inbox.js';

describeHandoverInbox('PostgreSQL 15', openPostgres);
