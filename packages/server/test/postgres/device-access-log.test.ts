import { openPostgres } from '../support/harness.js';
import { describeDeviceAccessLog } from '../suites/device-access-log.js';

describeDeviceAccessLog('PostgreSQL', openPostgres);
