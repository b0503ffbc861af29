import { recordMeta, splitClassification } from '../handler-context.js';
import { caseEvent } from '../pending-event.js';
import type { CommandHandler } from '../handler-context.js';
import type { legalDomainsInputs } from './inputs.js';

/** The handler of each command of this slice: the events it decides. */
export const legalDomainsHandlers: { readonly [T in keyof typeof legalDomainsInputs]: CommandHandler<T> } = {
  addLegalDomain: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('LegalDomainAdded', {
        ...rest,
        from: rest.from ?? context.today,
        ...recordMeta(context, classification, 'legalDomain', { content: rest }),
      }),
    ];
  },
  endLegalDomain: (context, input) => [caseEvent('LegalDomainEnded', { ...input, to: input.to ?? context.today })],
};
