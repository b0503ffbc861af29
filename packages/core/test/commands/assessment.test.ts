import { expect } from 'chai';
import { given } from '@fallkit/core/testing';
import { momentBefore } from './moments.js';

// Slice `assessment`: versions, confirmation, re-assessment.
describe('slice assessment: given/when/then', () => {
  describe('after the first counselling', () => {
    it('recordAssessment appends AssessmentRecorded as version 1, status recorded', async () => {
      const moment = await momentBefore('bondarenko', 'recordAssessment');
      await given(moment.history, moment)
        .when(moment.step)
        .then([{ type: 'AssessmentRecorded', payload: { version: 1, kind: 'initial', status: 'recorded' } }]);
    });

    it('INV-ASMT-04: a re-assessment before any assessment is refused (NO_ASSESSMENT)', async () => {
      const moment = await momentBefore('bondarenko', 'recordAssessment');
      await given(moment.history, moment)
        .when({ type: 'startReassessment', caseId: moment.caseId, input: { reason: 'Neue Lage' } })
        .then({ refused: 'NO_ASSESSMENT', rule: 'DOMAIN' });
    });
  });

  describe('when the assessment is confirmed', () => {
    it('INV-ASMT-01: confirming it again is refused (ASSESSMENT_ALREADY_CONFIRMED)', async () => {
      const confirm = await momentBefore('bondarenko', 'confirmAssessment');
      const moment = await momentBefore('bondarenko', 'agreeGoal');
      await given(moment.history, moment)
        .when(confirm.step)
        .then({ refused: 'ASSESSMENT_ALREADY_CONFIRMED', rule: 'DOMAIN' });
    });
  });

  describe('when a re-assessment recorded a second version', () => {
    it('INV-ASMT-02: confirming the first version is refused (ASSESSMENT_SUPERSEDED)', async () => {
      const confirm = await momentBefore('gebremedhin', 'confirmAssessment');
      const moment = await momentBefore('gebremedhin', 'confirmAssessment', { nth: 2 });
      const { refusals } = await given(moment.history, moment)
        .when(confirm.step)
        .then({ refused: 'ASSESSMENT_SUPERSEDED', rule: 'DOMAIN' });
      expect(refusals.map((r) => r.code)).to.include('ASSESSMENT_ALREADY_CONFIRMED');
    });

    it('confirmAssessment of the second version appends AssessmentConfirmed', async () => {
      const moment = await momentBefore('gebremedhin', 'confirmAssessment', { nth: 2 });
      await given(moment.history, moment)
        .when(moment.step)
        .then([{ type: 'AssessmentConfirmed' }]);
    });
  });
});
