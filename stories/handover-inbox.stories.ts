import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@fallkit/components/define/fk-handover-inbox';
import type { HandoverInboxEntry } from '@fallkit/components';

/**
 * `<fk-handover-inbox>`: incoming handover packages from other agencies (issue 16): what each holds,
 * what the sender withheld and why, accept or decline.
 */
const meta: Meta = {
  title: 'Übergabe/Posteingang (fk-handover-inbox)',
  component: 'fk-handover-inbox',
  parameters: { layout: 'padded' },
};
export default meta;

const rahimi: HandoverInboxEntry = {
  packageId: '7d0f2a4e-1b7c-4c55-9a0e-3f1d2c9b8a71',
  sender: { agencyId: 'kim-musterstadt', name: 'Kommunales Integrationsmanagement Musterstadt' },
  issuedAt: '2026-05-27T11:00:00.000Z',
  expiresAt: '2026-06-10T11:00:00.000Z',
  purpose: 'caseManagement',
  legalBasis: { label: 'consent:kim-consent-1' },
  purposeBindingNotice: {
    de: 'Zweckbindung: Die Daten dürfen nur für „Fallsteuerung“ verwendet werden (§ 78 SGB X).',
    en: 'Purpose binding: the data may be used only for "Case management" (§ 78 SGB X).',
  },
  included: {
    categories: ['education', 'employment', 'goals', 'household', 'identity', 'residenceStatus'],
    items: [{ section: 'persons' }, { section: 'persons' }, { section: 'assessments' }, { section: 'goals' }],
  },
  withheld: [
    {
      category: 'health',
      code: 'REDACT_NO_CONSENT',
      message: {
        de: 'Zurückgehalten: keine Einwilligung für diese Daten gegenüber diesem Empfänger.',
        en: 'Withheld: no consent for these data to this recipient.',
      },
    },
  ],
  status: 'received',
};

const frame = (content: unknown, lang = 'de') => html`<div lang=${lang} style="max-inline-size:48rem">${content}</div>`;

/** One received package, one whose consent was withdrawn, one that did not verify. */
export const Posteingang: StoryObj = {
  render: () =>
    frame(
      html`<fk-handover-inbox
        .packages=${[
          rahimi,
          { ...rahimi, packageId: 'p-2', status: 'withdrawn' },
          {
            ...rahimi,
            packageId: 'p-3',
            refusal: {
              code: 'HANDOVER_WRONG_RECIPIENT',
              message: {
                de: 'Das Paket ist an eine andere Stelle gerichtet.',
                en: 'The package is addressed to another agency.',
              },
            },
          },
        ]}
      ></fk-handover-inbox>`,
    ),
};

/** In English. */
export const English: StoryObj = {
  render: () => frame(html`<fk-handover-inbox .packages=${[rahimi]}></fk-handover-inbox>`, 'en'),
};
