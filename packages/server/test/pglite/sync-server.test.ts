import { openPglite } from '../support/harness.js';
import { describeSyncServer } from '../suites/sync-server.js';

describeSyncServer('PGlite', openPglite);
