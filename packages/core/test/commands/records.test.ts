import { given } from '@fallkit/core/testing';
import { momentAtEnd, momentBefore, stepInput } from './moments.js';

// Slice `records`: notes and documents of the case file.
describe('slice records: given/when/then', () => {
  it('recordNote appends NoteRecorded with the text', async () => {
    const moment = await momentBefore('kowalski', 'recordNote');
    const { text } = moment.step.input as { text: string };
    await given(moment.history, moment)
      .when(moment.step)
      .then([{ type: 'NoteRecorded', payload: { text } }]);
  });

  it('INV-CLS-01: entrusted data without who entrusted it is refused (ENTRUSTED_BY_MISSING)', async () => {
    const moment = await momentBefore('kowalski', 'recordNote');
    const { entrustedBy: _by, ...input } = moment.step.input as Record<string, unknown>;
    await given(moment.history, moment)
      .when({ ...moment.step, input: { ...input, entrusted: true } })
      .then({ refused: 'ENTRUSTED_BY_MISSING', rule: 'DOMAIN' });
  });

  it('attachDocument appends DocumentAttached with the description of the file', async () => {
    const moment = await momentBefore('kowalski', 'attachDocument');
    const { contentHash } = moment.step.input as { contentHash: string };
    await given(moment.history, moment)
      .when(moment.step)
      .then([{ type: 'DocumentAttached', payload: { contentHash } }]);
  });

  it('INV-REC-01: when a document was removed, removing it again is refused (DOCUMENT_ALREADY_REMOVED)', async () => {
    const moment = await momentAtEnd('kowalski');
    await given(moment.history, moment)
      .when({ type: 'removeDocument', caseId: moment.caseId, input: stepInput('kowalski', 'removeDocument') })
      .then({ refused: 'DOCUMENT_ALREADY_REMOVED', rule: 'DOMAIN' });
  });
});
