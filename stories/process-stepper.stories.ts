import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@fallkit/components/define/fk-process-stepper';

/** `<fk-process-stepper>`: where a case stands in the cycle, `aria-current="step"` on the current stage. */
const meta: Meta = {
  title: 'Zyklus/Prozessschritte (fk-process-stepper)',
  component: 'fk-process-stepper',
  parameters: { layout: 'padded' },
  argTypes: {
    stage: {
      control: 'select',
      options: [
        'referral',
        'screening',
        'firstCounselling',
        'assessment',
        'goalAgreement',
        'helpPlanning',
        'linking',
        'monitoring',
        'reassessment',
        'closure',
        'closed',
        'noFurtherMeasures',
      ],
    },
  },
};
export default meta;

const frame = (content: unknown, lang = 'de') => html`<div lang=${lang} style="max-inline-size:64rem">${content}</div>`;

/** At the start: the referral. */
export const Leer: StoryObj = {
  name: 'Anfang (empty case)',
  render: () => frame(html`<fk-process-stepper stage="referral"></fk-process-stepper>`),
};

/** A case in monitoring. */
export const Monitoring: StoryObj = {
  name: 'Im Monitoring (filled)',
  args: { stage: 'monitoring' },
  render: (args) => frame(html`<fk-process-stepper stage=${args['stage'] as string}></fk-process-stepper>`),
};

/** A re-assessment loops back to the assessment step. */
export const ReAssessment: StoryObj = {
  name: 'Re-Assessment',
  render: () => frame(html`<fk-process-stepper stage="reassessment"></fk-process-stepper>`),
};

/** Closed after first counselling: the short path. */
export const KeineWeiterenMassnahmen: StoryObj = {
  name: 'Keine weiteren Maßnahmen (short path)',
  render: () => frame(html`<fk-process-stepper stage="closed" branch="noFurtherMeasures"></fk-process-stepper>`),
};

/** Steps as buttons; in a narrow panel the list is vertical. */
export const Auswaehlbar: StoryObj = {
  name: 'Auswählbar, schmal (selectable, narrow)',
  render: () =>
    html`<div lang="de" style="max-inline-size:20rem">
      <fk-process-stepper selectable stage="helpPlanning"></fk-process-stepper>
    </div>`,
};

/** English. */
export const Englisch: StoryObj = {
  name: 'English',
  render: () => frame(html`<fk-process-stepper stage="goalAgreement"></fk-process-stepper>`, 'en'),
};

/** Host theme through tokens. */
export const Thema: StoryObj = {
  name: 'Eigenes Thema (themed)',
  render: () =>
    html`<div lang="de" style="max-inline-size:64rem;--fk-color-primary:#2f6b3b;--fk-color-primary-subtle:#e8f3ea">
      <fk-process-stepper stage="linking"></fk-process-stepper>
    </div>`,
};
