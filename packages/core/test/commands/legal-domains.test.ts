import { given } from '@fallkit/core/testing';
import { momentAtEnd } from './moments.js';

// Slice `legal-domains`: the legal domains (Rechtskreise) the case is run under.
describe('slice legal-domains: given/when/then', () => {
  describe('when SGB II is active and AsylbLG was ended (Rahimi)', () => {
    it('addLegalDomain appends LegalDomainAdded from today', async () => {
      const moment = await momentAtEnd('rahimi');
      await given(moment.history, moment)
        .when({ type: 'addLegalDomain', caseId: moment.caseId, input: { domain: 'SGB_VIII', reason: 'Jugendhilfe' } })
        .then([{ type: 'LegalDomainAdded', payload: { domain: 'SGB_VIII', from: '2026-07-01' } }]);
    });

    it('INV-LEGAL-01: adding SGB II again is refused (LEGAL_DOMAIN_ALREADY_ACTIVE)', async () => {
      const moment = await momentAtEnd('rahimi');
      await given(moment.history, moment)
        .when({ type: 'addLegalDomain', caseId: moment.caseId, input: { domain: 'SGB_II' } })
        .then({ refused: 'LEGAL_DOMAIN_ALREADY_ACTIVE', rule: 'DOMAIN' });
    });

    it('INV-LEGAL-02: ending AsylbLG again is refused (LEGAL_DOMAIN_NOT_ACTIVE)', async () => {
      const moment = await momentAtEnd('rahimi');
      await given(moment.history, moment)
        .when({ type: 'endLegalDomain', caseId: moment.caseId, input: { domain: 'AsylbLG' } })
        .then({ refused: 'LEGAL_DOMAIN_NOT_ACTIVE', rule: 'DOMAIN' });
    });
  });
});
