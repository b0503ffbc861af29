import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@fallkit/components/define/fk-handover-package';
import type { CaseHandoverStatus, TransferPreview } from '@fallkit/core';

/**
 * `<fk-handover-package>`: a handover package before it leaves (issue 16): what the core lets pass to
 * the recipient and what stays, with the reason; then sign and send, or download as a file.
 */
const meta: Meta = {
  title: 'Übergabe/Übergabepaket (fk-handover-package)',
  component: 'fk-handover-package',
  parameters: { layout: 'padded' },
};
export default meta;

const recipient = { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' };
const noConsent = {
  code: 'REDACT_NO_CONSENT',
  rule: 'DP-10',
  message: {
    de: 'Zurückgehalten: keine Einwilligung für diese Daten gegenüber diesem Empfänger.',
    en: 'Withheld: no consent for these data to this recipient.',
  },
};
const allowed = {
  code: 'ALLOW_CONSENT',
  rule: 'DP-07',
  message: { de: 'Einwilligung liegt vor.', en: 'Consent given.' },
};
const preview: TransferPreview = {
  decision: { outcome: 'allow-redacted', reasons: [noConsent, allowed] },
  units: [
    {
      key: 'persons/p-1/basics',
      section: 'persons',
      id: 'p-1',
      part: 'basics',
      categories: ['identity'],
      send: true,
      reason: allowed,
    },
    { key: 'goals/g-1', section: 'goals', id: 'g-1', categories: ['goals'], send: true, reason: allowed },
    {
      key: 'assessments/a-1/health',
      section: 'assessments',
      id: 'a-1',
      part: 'health',
      categories: ['health'],
      send: false,
      reason: noConsent,
    },
  ],
  categories: ['goals', 'identity'],
  basis: 'consent:kim-consent-1',
  purposeBindingNotice: {
    de: 'Zweckbindung: Die Daten dürfen nur für „Fallsteuerung“ verwendet werden (§ 78 SGB X).',
    en: 'Purpose binding: the data may be used only for "Case management" (§ 78 SGB X).',
  },
};

const frame = (content: unknown, lang = 'de') => html`<div lang=${lang} style="max-inline-size:48rem">${content}</div>`;

/** What goes, what stays and why. */
export const Vorschau: StoryObj = {
  render: () => frame(html`<fk-handover-package .preview=${preview} .recipient=${recipient}></fk-handover-package>`),
};

/** In English. */
export const English: StoryObj = {
  render: () =>
    frame(html`<fk-handover-package .preview=${preview} .recipient=${recipient}></fk-handover-package>`, 'en'),
};

const counterpart = { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' };
/** The decided status channel's answer (`views.handoverStatus`): an earlier package the Jobcenter declined. */
const status: CaseHandoverStatus = {
  caseId: 'kim-2026-0001',
  loops: [
    {
      packageId: 'pkg-2026-05-27',
      side: 'sent',
      status: 'declined',
      steps: [
        {
          packageId: 'pkg-2026-05-27',
          status: 'requested',
          side: 'sent',
          counterpart,
          at: '2026-05-27T11:00:00.000Z',
          recordedBy: 'u-kim-krueger',
        },
        {
          packageId: 'pkg-2026-05-27',
          status: 'received',
          side: 'sent',
          counterpart,
          at: '2026-05-28T08:00:00.000Z',
          recordedBy: 'u-kim-krueger',
        },
        {
          packageId: 'pkg-2026-05-27',
          status: 'declined',
          side: 'sent',
          counterpart,
          at: '2026-05-29T09:00:00.000Z',
          recordedBy: 'u-kim-krueger',
          note: 'Kein Leistungsbezug nach SGB II: bitte beim Sozialamt anfragen.',
        },
      ],
    },
  ],
};

/** With the answers to an earlier package to the same recipient (issue 16's status loop). */
export const MitRueckmeldungen: StoryObj = {
  name: 'Mit Rückmeldungen',
  render: () =>
    frame(
      html`<fk-handover-package .preview=${preview} .recipient=${recipient} .status=${status}></fk-handover-package>`,
    ),
};
