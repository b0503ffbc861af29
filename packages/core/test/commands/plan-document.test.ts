import { expect } from 'chai';
import { PROFILE_EXAMPLE_CASES, type ExampleCase } from '@fallkit/core/examples';
import { given } from '@fallkit/core/testing';
import { momentBefore } from './moments.js';

// Slice `plan-document`: a version of the plan document the case's process standard prescribes.
const [sgb2] = PROFILE_EXAMPLE_CASES as [ExampleCase];

describe('slice plan-document: given/when/then', () => {
  it('recordPlan appends PlanRecorded, version 1, carrying the agreed goals and the measures', async () => {
    const moment = await momentBefore(sgb2, 'recordPlan');
    const { appended } = await given(moment.history, moment)
      .when(moment.step)
      .then([{ type: 'PlanRecorded', payload: { version: 1 } }]);
    const payload = appended[0]!.payload as { goalIds: string[]; measureIds: string[] };
    expect(payload.goalIds).to.not.be.empty;
    expect(payload.measureIds).to.not.be.empty;
  });
});
