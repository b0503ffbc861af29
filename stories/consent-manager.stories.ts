import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@fallkit/components/define/fk-consent-manager';
import type { ConsentStateLike, FkConsentManager } from '@fallkit/components';
import {
  connected,
  frame,
  loadExampleState,
  exampleCaseStories,
  stateOf,
} from '../packages/components/test/intake-screening/story-fixtures.js';

/** Consents and confidentiality releases: informed first (DP-09), partial (DP-10), expiry flags (DP-11), withdrawal (DP-14). */
const meta: Meta = {
  title: 'Stages/Einwilligungen (consent manager)',
  component: 'fk-consent-manager',
  parameters: { layout: 'padded' },
};
export default meta;

const el = () => {
  const e = document.createElement('fk-consent-manager') as FkConsentManager;
  e.today = '2026-03-01';
  return e;
};

/** The stories on the example case that every stage has (filled, read-only, English, themed). */
const stories = exampleCaseStories(el, (state) => ({ ...state, privacy: { consents: consents(state.addresseeId) } }));

function consents(subjectId: string): ConsentStateLike[] {
  const base = {
    subjectId,
    purposes: ['caseManagement'],
    informationTextHash: 'a'.repeat(64),
    givenBy: { personId: subjectId, role: 'self' as const },
  };
  return [
    {
      record: {
        ...base,
        id: 'consent-1',
        categories: ['employment', 'education', 'residenceStatus'],
        recipients: [{ agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' }],
        validFrom: '2025-04-01',
        validUntil: '2026-03-20',
        form: { kind: 'written', scanReference: 'DMS-2025-113' },
      },
      withdrawals: [],
    },
    {
      record: {
        ...base,
        id: 'consent-2',
        categories: ['debts', 'income', 'health'],
        recipients: [{ agencyId: 'schuldnerberatung', name: 'Schuldnerberatung Diakonie' }],
        validFrom: '2025-09-01',
        validUntil: '2026-08-31',
        form: { kind: 'electronic', language: 'ar', interpreter: { used: true, language: 'ar' } },
      },
      withdrawals: [{ consentId: 'consent-2', withdrawnAt: '2026-02-10T09:00:00.000Z', categories: ['health'] }],
    },
    {
      record: {
        ...base,
        id: 'consent-3',
        categories: ['housing'],
        recipients: [{ agencyId: 'wohnungsamt', name: 'Wohnungsamt' }],
        validFrom: '2025-01-01',
        validUntil: '2025-12-31',
        form: { kind: 'oralMinuted', exceptionReason: 'Telefonat, Zeugin anwesend' },
      },
      withdrawals: [],
    },
  ];
}

/** Standalone and empty: nothing is preselected. */
export const Leer: StoryObj = {
  name: 'Leer (empty)',
  render: () => {
    const e = el();
    e.persons = [{ id: 'p-1', name: 'Amira Haddad', birthDate: '1988-04-02' }];
    e.recipientOptions = [
      { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' },
      { agencyId: 'schuldnerberatung', name: 'Schuldnerberatung Diakonie' },
    ];
    return frame(e);
  },
};

/** Connected to the example case with three consents: expiring, partly withdrawn, expired. */
export const AusBeispielfall: StoryObj = { name: 'Aus dem Beispielfall (filled)', ...stories.filled };

/** A 12-year-old consenting alone, without information shown: the rules say why not. */
export const MitFehlern: StoryObj = {
  name: 'Mit Fehlern (with errors: minor, not informed)',
  render: () => {
    const e = el();
    e.persons = [
      { id: 'p-2', name: 'Samir Haddad', birthDate: '2013-09-10' },
      { id: 'p-1', name: 'Amira Haddad', birthDate: '1988-04-02' },
    ];
    e.recipientOptions = [{ agencyId: 'schule', name: 'Gesamtschule Nord' }];
    e.value = {
      kind: 'consent',
      subjectId: 'p-2',
      categories: ['education'],
      recipients: [{ agencyId: 'schule', name: 'Gesamtschule Nord' }],
      purposes: ['caseManagement'],
      validFrom: '2026-03-01',
      validUntil: '2027-06-01',
      form: {},
      givenBy: { personId: 'p-2', role: 'self' },
    };
    queueMicrotask(() => void e.requestSubmit());
    return frame(e);
  },
};

/** Read-only list and draft. */
export const NurLesen: StoryObj = { name: 'Nur lesen (read-only)', ...stories.readOnly };

/** The person's name withheld for this role: consents still list, the person shows by id. */
export const Ausgeblendet: StoryObj = {
  name: 'Ausgeblendet (redacted view)',
  loaders: [loadExampleState],
  render: (_args, ctx) =>
    frame(
      connected(el(), stateOf(ctx).caseId, {
        ...stateOf(ctx),
        persons: [],
        privacy: { consents: consents(stateOf(ctx).addresseeId) },
      }),
    ),
};

/** English. */
export const Englisch: StoryObj = { name: 'English', ...stories.english };

/** Themed through the documented tokens. */
export const Thema: StoryObj = { name: 'Eigenes Thema (themed)', ...stories.themed };
