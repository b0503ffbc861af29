import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { runFormControlSuite } from '../suites/form-control-suite.js';
import './fixtures/sample-form.js';
import type { FkSampleForm, SampleValue } from './fixtures/sample-form.js';

// The shared suite run against the foundation's sample form proves the suite itself.
describe('<fk-sample-form> (foundation sample)', () => {
  runFormControlSuite<FkSampleForm>('fk-sample-form', {
    create: () => document.createElement('fk-sample-form'),
    validValue: { concern: 'Mietschulden, Angst vor Wohnungsverlust', wish: 'Wohnung halten' },
    invalidValue: { concern: '' },
    invalidMessage: { de: 'Bitte füllen Sie dieses Feld aus.', en: 'Please fill in this field.' },
    fillByKeyboard: async () => {
      await sendKeys({ type: 'Schulden' });
      await sendKeys({ press: 'Tab' });
    },
    expectAfterKeyboard: (value) => expect((value as SampleValue).concern).to.equal('Schulden'),
  });
});
