import { text } from '../../i18n/localized-text.js';
import type { CaseState } from '../../model/case-state.js';
import { domainRefusal } from '../invariant-refusals.js';
import type { InvariantCheck } from '../invariant-checks.js';
import { classification, activeLegalDomain } from '../invariant-checks.js';
import type { legalDomainsInputs } from './inputs.js';

/** The domain invariants of this slice's commands; a command without an entry has none beyond its schema. */
export const legalDomainsInvariants: { readonly [T in keyof typeof legalDomainsInputs]?: InvariantCheck<T> } = {
  addLegalDomain: (state, input) => [
    ...(activeLegalDomain(state as CaseState, input.domain)
      ? [
          // INV-LEGAL-01
          domainRefusal(
            'LEGAL_DOMAIN_ALREADY_ACTIVE',
            ['domain'],
            text(`Rechtskreis ${input.domain} ist bereits aktiv.`, `Legal domain ${input.domain} is already active.`),
          ),
        ]
      : []),
    ...classification(state, input),
  ],
  endLegalDomain: (state, input) =>
    activeLegalDomain(state as CaseState, input.domain)
      ? []
      : [
          // INV-LEGAL-02
          domainRefusal(
            'LEGAL_DOMAIN_NOT_ACTIVE',
            ['domain'],
            text(
              `Rechtskreis ${input.domain} ist in dieser Akte nicht aktiv.`,
              `Legal domain ${input.domain} is not active in this case.`,
            ),
          ),
        ],
};
