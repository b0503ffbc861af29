/**
 * Test helpers for hosts and store authors: the store port's contract suite.
 * @packageDocumentation
 */
export { describeStoreContract, type StoreFactory } from './store-contract.js';
