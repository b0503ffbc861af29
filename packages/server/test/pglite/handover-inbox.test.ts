import { openPglite } from '../support/harness.js';
import { describeHandoverInbox } from '../suites/handover-inbox.js';

describeHandoverInbox('PGlite', openPglite);
