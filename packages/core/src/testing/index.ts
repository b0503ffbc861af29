/**
 * Test helpers for hosts and store authors: the store port's contract suite.
 * @packageDocumentation
 */
export { describeStoreContract, type StoreFactory } from './store-contract.js';
export { describeTamperSuite, type RawRow, type TamperTarget, type TamperTargetFactory } from './tamper-suite.js';
