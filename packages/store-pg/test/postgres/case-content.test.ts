import { openPostgres } from '../support/backends.js';
import { describeCaseContent } from '../suites/case-content.js';

describe('PgCaseStore documents on PostgreSQL', () => describeCaseContent(openPostgres));
