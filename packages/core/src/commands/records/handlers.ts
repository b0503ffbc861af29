import { recordMeta, splitClassification } from '../handler-context.js';
import { caseEvent } from '../pending-event.js';
import type { CommandHandler } from '../handler-context.js';
import type { recordsInputs } from './inputs.js';

/** The handler of each command of this slice: the events it decides. */
export const recordsHandlers: { readonly [T in keyof typeof recordsInputs]: CommandHandler<T> } = {
  recordNote: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('NoteRecorded', {
        id: context.ids.next('note'),
        ...rest,
        on: rest.on ?? context.today,
        ...recordMeta(context, classification, 'note', { content: rest }),
      }),
    ];
  },
  attachDocument: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('DocumentAttached', {
        id: context.ids.next('document'),
        ...rest,
        receivedOn: rest.receivedOn ?? context.today,
        ...recordMeta(context, classification, 'document', { content: rest }),
      }),
    ];
  },
  removeDocument: (context, input) => [
    caseEvent('DocumentRemoved', {
      documentId: input.documentId,
      on: context.today,
      at: context.now,
      by: context.actor.id,
      reason: input.reason,
    }),
  ],
};
