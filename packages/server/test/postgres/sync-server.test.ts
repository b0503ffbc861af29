import { openPostgres } from '../support/harness.js';
import { describeSyncServer } from '../suites/sync-server.js';

describeSyncServer('PostgreSQL 15', openPostgres);
