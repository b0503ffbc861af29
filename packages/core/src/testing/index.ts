/**
 * Test helpers for hosts and store authors: the store port's contract suite, and the domain's
 * given/when/then scenarios (`given(history).when(command).then(events | refusal)`).
 * @packageDocumentation
 */
export { describeStoreContract, type StoreFactory } from './store-contract.js';
export { describeTamperSuite, type RawRow, type TamperTarget, type TamperTargetFactory } from './tamper-suite.js';
export {
  given,
  type ExpectedEvent,
  type ExpectedRefusal,
  type GivenStage,
  type GivenStep,
  type ScenarioOptions,
  type ScenarioOutcome,
  type WhenStep,
} from './given-when-then.js';
