import { text } from '../../i18n/localized-text.js';
import type { CaseState } from '../../model/case-state.js';
import { domainRefusal, unknownId } from '../invariant-refusals.js';
import type { InvariantCheck } from '../invariant-checks.js';
import { notFuture, classification, reference } from '../invariant-checks.js';
import type { recordsInputs } from './inputs.js';

/** The domain invariants of this slice's commands; a command without an entry has none beyond its schema. */
export const recordsInvariants: { readonly [T in keyof typeof recordsInputs]?: InvariantCheck<T> } = {
  recordNote: (state, input, context) => [
    ...reference(state as CaseState, input.relatesTo, ['relatesTo']),
    ...notFuture(input.on, ['on'], context),
    ...classification(state, input),
  ],
  attachDocument: (state, input, context) => [
    ...reference(state as CaseState, input.relatesTo, ['relatesTo']),
    ...notFuture(input.receivedOn, ['receivedOn'], context),
    ...classification(state, input),
  ],
  removeDocument: (state, input) => {
    const document = (state as CaseState).documents.find((d) => d.id === input.documentId);
    if (!document) return [unknownId('UNKNOWN_DOCUMENT', ['documentId'], input.documentId)];
    if (document.removed === undefined) return [];
    return [
      // INV-REC-01
      domainRefusal(
        'DOCUMENT_ALREADY_REMOVED',
        ['documentId'],
        text(
          'Dieses Dokument wurde bereits aus der Akte genommen.',
          'This document was already removed from the file.',
        ),
      ),
    ];
  },
};
