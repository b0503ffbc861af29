import { openPglite } from '../support/harness.js';
import { describeDocumentContent } from '../suites/document-content.js';

describeDocumentContent('PGlite', openPglite);
