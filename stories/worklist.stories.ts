import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { runExampleCases } from '@fallkit/core/examples';
import { type CaseState } from '@fallkit/core';
import '@fallkit/components/define/fk-worklist';

/** `<fk-worklist>`: due and overdue items of a caseload, filters, opens a case. */
const meta: Meta = {
  title: 'Übergreifend/Arbeitsliste (fk-worklist)',
  component: 'fk-worklist',
  parameters: { layout: 'padded' },
};
export default meta;

const frame = (content: unknown, lang = 'de') => html`<div lang=${lang} style="max-inline-size:72rem">${content}</div>`;
const caseload = async (): Promise<{ cases: CaseState[] }> => ({
  cases: (await runExampleCases()).results.map((r) => r.state),
});
const DATE = '2026-06-20';

/** Nothing due. */
export const Leer: StoryObj = {
  name: 'Leer (empty)',
  render: () => frame(html`<fk-worklist date=${DATE} .items=${[]}></fk-worklist>`),
};

/** The seven example cases of Musterstadt. */
export const AusBeispielfaellen: StoryObj = {
  name: 'Aus Beispielfällen (filled from the example cases)',
  loaders: [caseload],
  render: (_args, { loaded }) => frame(html`<fk-worklist date=${DATE} .cases=${loaded['cases']}></fk-worklist>`),
};

/** Only overdue items. */
export const NurUeberfaellig: StoryObj = {
  name: 'Nur Überfälliges (filtered)',
  loaders: [caseload],
  render: (_args, { loaded }) =>
    frame(
      html`<fk-worklist
        date=${DATE}
        .cases=${loaded['cases']}
        .filter=${{ kind: '', manager: '', overdueOnly: true }}
      ></fk-worklist>`,
    ),
};

/** A filter that leaves nothing. */
export const KeineTreffer: StoryObj = {
  name: 'Keine Treffer (no match)',
  loaders: [caseload],
  render: (_args, { loaded }) =>
    frame(
      html`<fk-worklist
        date=${DATE}
        .cases=${loaded['cases']}
        .filter=${{ kind: 'consentExpiry', manager: '', overdueOnly: false }}
      ></fk-worklist>`,
    ),
};

/** Narrow panel: rows become cards. */
export const Schmal: StoryObj = {
  name: 'Schmal (narrow)',
  loaders: [caseload],
  render: (_args, { loaded }) =>
    html`<div lang="de" style="max-inline-size:22rem">
      <fk-worklist date=${DATE} .cases=${loaded['cases']}></fk-worklist>
    </div>`,
};

/** English. */
export const Englisch: StoryObj = {
  name: 'English',
  loaders: [caseload],
  render: (_args, { loaded }) => frame(html`<fk-worklist date=${DATE} .cases=${loaded['cases']}></fk-worklist>`, 'en'),
};

/** Host theme through tokens. */
export const Thema: StoryObj = {
  name: 'Eigenes Thema (themed)',
  loaders: [caseload],
  render: (_args, { loaded }) =>
    html`<div
      lang="de"
      style="max-inline-size:72rem;--fk-color-primary:#2f6b3b;--fk-color-danger:#9c1c1c;--fk-font-family:Georgia,serif"
    >
      <fk-worklist date=${DATE} .cases=${loaded['cases']}></fk-worklist>
    </div>`,
};
