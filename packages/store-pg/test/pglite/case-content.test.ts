import { openPglite } from '../support/backends.js';
import { describeCaseContent } from '../suites/case-content.js';

describe('PgCaseStore documents on PGlite', () => describeCaseContent(openPglite));
