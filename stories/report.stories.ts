import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { runExampleCases } from '@fallkit/core/examples';
import { type CaseState, type Stage } from '@fallkit/core';
import '@fallkit/components/define/fk-report';

/** `<fk-report>`: anonymised figures with withheld small cells, a bar chart and CSV export. */
const meta: Meta = {
  title: 'Übergreifend/Auswertung (fk-report)',
  component: 'fk-report',
  parameters: { layout: 'padded' },
  argTypes: {
    view: { control: 'select', options: ['stage', 'goalAttainment', 'closureReason', 'serviceGap', 'misrouting'] },
  },
};
export default meta;

const frame = (content: unknown, lang = 'de') => html`<div lang=${lang} style="max-inline-size:72rem">${content}</div>`;

/** The example cases, copied into a caseload of 47 fictional cases so that figures can be shown. */
const caseload = async (): Promise<{ cases: CaseState[] }> => {
  const base = (await runExampleCases()).results.map((r) => r.state);
  const stages: Stage[] = [
    'monitoring',
    'monitoring',
    'helpPlanning',
    'assessment',
    'monitoring',
    'goalAgreement',
    'monitoring',
    'linking',
  ];
  const cases = [...base];
  for (let i = 0; i < 40; i++) {
    const from = base[i % base.length]!;
    cases.push({
      ...from,
      caseId: `muster-${i}`,
      label: `M-${i}`,
      stage: from.status === 'open' ? stages[i % stages.length]! : from.stage,
    });
  }
  return { cases };
};

/** No cases yet. */
export const Leer: StoryObj = {
  name: 'Leer (empty)',
  render: () => frame(html`<fk-report .cases=${[]}></fk-report>`),
};

/** Caseload by stage, with withheld small cells. */
export const Fallbestand: StoryObj = {
  name: 'Fallbestand nach Phase (filled)',
  args: { view: 'stage' },
  loaders: [caseload],
  render: (args, { loaded }) =>
    frame(html`<fk-report view=${args['view'] as string} .cases=${loaded['cases']}></fk-report>`),
};

/** Goal attainment. */
export const Zielerreichung: StoryObj = {
  name: 'Zielerreichung (goal attainment)',
  loaders: [caseload],
  render: (_args, { loaded }) => frame(html`<fk-report view="goalAttainment" .cases=${loaded['cases']}></fk-report>`),
};

/** Too few cases: the report is refused (DP-33). */
export const ZuWenigeFaelle: StoryObj = {
  name: 'Zu wenige Fälle (refused, error)',
  loaders: [caseload],
  render: (_args, { loaded }) =>
    frame(html`<fk-report .cases=${(loaded['cases'] as CaseState[]).slice(0, 3)}></fk-report>`),
};

/** By stage and lead agency: a cross table with totals. */
export const Kreuztabelle: StoryObj = {
  name: 'Kreuztabelle nach Stelle (cross table)',
  loaders: [caseload],
  render: (_args, { loaded }) =>
    frame(
      html`<fk-report
        view="closureReason"
        breakdown="organisation"
        minimum-cell-size="3"
        .cases=${loaded['cases']}
      ></fk-report>`,
    ),
};

/** English. */
export const Englisch: StoryObj = {
  name: 'English',
  loaders: [caseload],
  render: (_args, { loaded }) => frame(html`<fk-report .cases=${loaded['cases']}></fk-report>`, 'en'),
};

/** Host theme through tokens. */
export const Thema: StoryObj = {
  name: 'Eigenes Thema (themed)',
  loaders: [caseload],
  render: (_args, { loaded }) =>
    html`<div lang="de" style="max-inline-size:72rem;--fk-color-primary:#6b2f5e;--fk-color-redacted:#5a4a57">
      <fk-report view="goalAttainment" .cases=${loaded['cases']}></fk-report>
    </div>`,
};
