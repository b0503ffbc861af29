import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { familyDuldungToSgbII, olderPersonWithGuardian, runExampleCases } from '@fallkit/core/examples';
import { type CaseState } from '@fallkit/core';
import '@fallkit/components/define/fk-case-closure';
import { FakeCaseService } from '../packages/components/test/suites/fake-case-service.js';

/** `<fk-case-closure>`: closure reason, Ballew/Mink readiness signs, goal attainment and evaluation. */
const meta: Meta = {
  title: 'Zyklus/Abschluss (fk-case-closure)',
  component: 'fk-case-closure',
  parameters: { layout: 'padded' },
};
export default meta;

const frame = (content: unknown, lang = 'de') => html`<div lang=${lang} style="max-inline-size:64rem">${content}</div>`;
const load =
  (example = familyDuldungToSgbII) =>
  async (): Promise<{ state: CaseState }> => ({
    state: (await runExampleCases({ cases: [example] })).results[0]!.state,
  });
const connected = (state: CaseState) => {
  const service = new FakeCaseService<CaseState>(familyDuldungToSgbII.actor);
  service.setView(state.caseId, state);
  return frame(
    html`<fk-case-provider .service=${service} case-id=${state.caseId}
      ><fk-case-closure today="2026-06-30"></fk-case-closure
    ></fk-case-provider>`,
  );
};
const goals = [
  { id: 'g-1', title: 'Eine eigene Wohnung für die Familie' },
  { id: 'g-2', title: 'Deutschkurs B1 abschließen' },
];
const providers = [{ name: 'Wohnungslotsen Musterstadt e. V.', providerReferralId: 'r-1' }];

/** Nothing chosen yet. */
export const Leer: StoryObj = {
  name: 'Leer (empty)',
  render: () =>
    frame(html`<fk-case-closure today="2026-06-30" .goals=${goals} .providers=${providers}></fk-case-closure>`),
};

/** Connected to an example case in monitoring. */
export const AusBeispielfall: StoryObj = {
  name: 'Aus Beispielfall (filled from an example case)',
  loaders: [load()],
  render: (_args, { loaded }) => connected(loaded['state'] as CaseState),
};

/** A save attempt without the human decision and without goal judgements. */
export const MitFehlern: StoryObj = {
  name: 'Mit Fehlern (with errors)',
  render: () => {
    const el = document.createElement('fk-case-closure') as HTMLElement & {
      today?: string;
      goals: unknown;
      requestSubmit(): Promise<boolean>;
    };
    el.today = '2026-06-30';
    el.goals = goals;
    queueMicrotask(() => void el.requestSubmit());
    return frame(el);
  },
};

/** A closed case (older person with a guardian): closure read-only, evaluation editable. */
export const Abgeschlossen: StoryObj = {
  name: 'Abgeschlossen (closed case)',
  loaders: [load(olderPersonWithGuardian)],
  render: (_args, { loaded }) => connected(loaded['state'] as CaseState),
};

/** Read-only. */
export const NurLesen: StoryObj = {
  name: 'Nur lesen (read-only)',
  render: () =>
    frame(
      html`<fk-case-closure
        readonly
        .goals=${goals}
        .value=${{
          closure: {
            reason: 'selfSteering',
            closedOn: '2026-06-30',
            readinessSigns: ['decidesAlone', 'makesAppointmentsAlone'],
            goalAttainment: [{ goalId: 'g-1', attainment: 'achieved' }],
          },
          evaluation: {
            planVersusGoals: 'Wohnung über die Wohnungslotsen gefunden.',
            methods: '',
            cooperation: '',
            effort: { contacts: 14 },
            satisfaction: { rating: 4 },
            providerFeedback: [],
          },
          decisionConfirmed: true,
        }}
      ></fk-case-closure>`,
    ),
};

/** A withheld goal explains why (DP-24). */
export const Ausgeblendet: StoryObj = {
  name: 'Ausgeblendet (redacted view)',
  loaders: [load()],
  render: (_args, { loaded }) => {
    const state = loaded['state'] as CaseState;
    const marker = {
      redacted: true,
      code: 'REDACT_NEED_TO_KNOW',
      rule: 'DP-06',
      message: { de: 'Nicht erforderlich.', en: 'Not needed.' },
    };
    return connected({ ...state, goals: [...state.goals, marker] } as unknown as CaseState);
  },
};

/** English. */
export const Englisch: StoryObj = {
  name: 'English',
  render: () =>
    frame(html`<fk-case-closure today="2026-06-30" .goals=${goals} .providers=${providers}></fk-case-closure>`, 'en'),
};

/** Host theme through tokens. */
export const Thema: StoryObj = {
  name: 'Eigenes Thema (themed)',
  render: () =>
    html`<div
      lang="de"
      style="max-inline-size:64rem;--fk-color-primary:#6b2f5e;--fk-color-primary-hover:#53244a;--fk-color-primary-subtle:#f5e8f2;--fk-radius-l:0.75rem"
    >
      <fk-case-closure today="2026-06-30" .goals=${goals} .providers=${providers}></fk-case-closure>
    </div>`,
};
