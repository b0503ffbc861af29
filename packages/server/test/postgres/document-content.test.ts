import { openPostgres } from '../support/harness.js';
import { describeDocumentContent } from '../suites/document-content.js';

describeDocumentContent('PostgreSQL', openPostgres);
