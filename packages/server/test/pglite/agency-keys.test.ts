import { openPglite } from '../support/harness.js';
import { describeAgencyKeys } from '../suites/agency-keys.js';

describeAgencyKeys('PGlite', openPglite);
