/**
 * Documents of the case file (issue 22): descriptions in the journal, bytes in the store under the case,
 * every attach, open and removal through the core's decision point.
 * @module
 */
export * from './case-documents.js';
export * from './document-refusals.js';
