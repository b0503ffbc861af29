import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { runExampleCases, youngAdultDebtsAddiction } from '@fallkit/core/examples';
import { type CaseState } from '@fallkit/core';
import '@fallkit/components/define/fk-monitoring';
import { FakeCaseService } from '../packages/components/test/suites/fake-case-service.js';

/**
 * `<fk-monitoring>`: contact log, follow-ups, progress per goal and measure, deviations with the
 * re-assessment trigger and service gaps (stage 6 of the cycle).
 */
const meta: Meta = {
  title: 'Zyklus/Monitoring (fk-monitoring)',
  component: 'fk-monitoring',
  parameters: { layout: 'padded' },
};
export default meta;

const frame = (content: unknown, lang = 'de') => html`<div lang=${lang} style="max-inline-size:64rem">${content}</div>`;
const example = async (): Promise<{ state: CaseState }> => ({
  state: (await runExampleCases({ cases: [youngAdultDebtsAddiction] })).results[0]!.state,
});
const connected = (state: CaseState, lang = 'de') => {
  const service = new FakeCaseService<CaseState>(youngAdultDebtsAddiction.actor);
  service.setView(state.caseId, state);
  return frame(
    html`<fk-case-provider .service=${service} case-id=${state.caseId}
      ><fk-monitoring today="2026-05-04"></fk-monitoring
    ></fk-case-provider>`,
    lang,
  );
};

/** The form's value shape (see `MonitoringValue` in `@fallkit/components`). */
type FormLike = HTMLElement & { today?: string; value: unknown; requestSubmit(): Promise<boolean> };

const stored = {
  contacts: [
    {
      id: 'c-1',
      on: '2026-04-20',
      mode: 'homeVisit',
      withInterpreter: true,
      reached: true,
      note: 'Hausbesuch mit Sprachmittlerin (Dari). Familie wohnt weiter beengt.',
    },
    { id: 'c-2', on: '2026-04-02', mode: 'phone', withInterpreter: false, reached: false, note: '' },
  ],
  followUps: [
    { id: 'f-1', dueOn: '2026-04-28', subject: 'Kita-Platz beim Jugendamt nachfragen', done: false },
    { id: 'f-2', dueOn: '2026-05-20', subject: 'Rückmeldung Wohnungslotsen', done: false },
  ],
  progress: [
    {
      id: 'p-1',
      on: '2026-04-20',
      target: { kind: 'goal', id: 'g-1' },
      judgement: 'stalled',
      note: 'Noch keine Wohnung in Aussicht.',
    },
  ],
  deviations: [
    {
      id: 'd-1',
      on: '2026-04-20',
      kind: 'situationChanged',
      description: 'Trennung vom Partner, Umzug zur Schwester',
      triggersReassessment: true,
    },
  ],
};
const targets = [
  { kind: 'goal', id: 'g-1', title: 'Eine eigene Wohnung für die Familie' },
  { kind: 'measure', id: 'm-1', title: 'Wohnungslotsen Musterstadt' },
];

/** Nothing documented yet. */
export const Leer: StoryObj = {
  name: 'Leer (empty)',
  render: () => frame(html`<fk-monitoring today="2026-05-04"></fk-monitoring>`),
};

/** The persons who can take part in a contact (connected: from the case view). */
const participants = [
  { id: 'p-1', name: 'Kevin Schulte' },
  { id: 'p-2', name: 'Sandra Schulte' },
];

/** Crises with their resolution, one still open; who took part in each contact (issue 20). */
const withCrises = {
  ...stored,
  contacts: stored.contacts.map((c, i) => ({ ...c, participantIds: i === 0 ? ['p-1', 'p-2'] : ['p-1'] })),
  crises: [
    {
      id: 'cr-1',
      flaggedOn: '2026-02-04',
      description: 'Stromsperre zum 10.02. angekündigt.',
      immediateHelp: 'Ratenvereinbarung mit den Stadtwerken vermittelt.',
      resolvedOn: '2026-02-06',
      resolution: 'Ratenvereinbarung unterschrieben, Sperre abgewendet.',
    },
    { id: 'cr-2', flaggedOn: '2026-05-02', description: 'Räumungsklage angekündigt.' },
  ],
};

/** Crises (one resolved, one to resolve here) and the persons who took part in each contact. */
export const KrisenUndBeteiligte: StoryObj = {
  name: 'Krisen und Beteiligte (crises, contact participants)',
  render: () =>
    frame(
      html`<fk-monitoring
        today="2026-05-04"
        .targets=${targets}
        .participants=${participants}
        .value=${withCrises}
      ></fk-monitoring>`,
    ),
};

/** Crises and participants, read-only and in English. */
export const KrisenNurLesenEnglisch: StoryObj = {
  name: 'Crises and participants, read-only (English)',
  render: () =>
    frame(
      html`<fk-monitoring
        readonly
        today="2026-05-04"
        .targets=${targets}
        .participants=${participants}
        .value=${withCrises}
      ></fk-monitoring>`,
      'en',
    ),
};

/** Connected to an example case of Musterstadt (young adult, debts and addiction). */
export const AusBeispielfall: StoryObj = {
  name: 'Aus Beispielfall (filled from an example case)',
  loaders: [example],
  render: (_args, { loaded }) => connected(loaded['state'] as CaseState),
};

/** Stored entries, an overdue follow-up and the re-assessment trigger. */
export const MitVerlauf: StoryObj = {
  name: 'Mit Verlauf und Re-Assessment-Hinweis (history, trigger)',
  render: () => frame(html`<fk-monitoring today="2026-05-04" .targets=${targets} .value=${stored}></fk-monitoring>`),
};

/** A new follow-up without subject and date after a save attempt. */
export const MitFehlern: StoryObj = {
  name: 'Mit Fehlern (with errors)',
  render: () => {
    const el = document.createElement('fk-monitoring') as FormLike;
    el.today = '2026-05-04';
    el.value = {
      ...stored,
      followUps: [...stored.followUps, { dueOn: '', subject: '' }],
      deviations: [...stored.deviations, { kind: 'other', description: '', triggersReassessment: false }],
    };
    queueMicrotask(() => void el.requestSubmit());
    return frame(el);
  },
};

/** Read-only. */
export const NurLesen: StoryObj = {
  name: 'Nur lesen (read-only)',
  render: () =>
    frame(html`<fk-monitoring readonly today="2026-05-04" .targets=${targets} .value=${stored}></fk-monitoring>`),
};

/** Entries the data-protection view withheld explain why (DP-24). */
export const Ausgeblendet: StoryObj = {
  name: 'Ausgeblendet (redacted view)',
  loaders: [example],
  render: (_args, { loaded }) => {
    const state = loaded['state'] as CaseState;
    const marker = {
      redacted: true,
      code: 'REDACT_NO_CONSENT',
      rule: 'DP-10',
      message: { de: 'Keine Einwilligung.', en: 'No consent.' },
      category: 'addiction',
    };
    return connected({
      ...state,
      contacts: [...state.contacts, marker],
      deviations: [...state.deviations, marker],
    } as unknown as CaseState);
  },
};

/** English. */
export const Englisch: StoryObj = {
  name: 'English',
  render: () =>
    frame(html`<fk-monitoring today="2026-05-04" .targets=${targets} .value=${stored}></fk-monitoring>`, 'en'),
};

/** Host theme through tokens. */
export const Thema: StoryObj = {
  name: 'Eigenes Thema (themed)',
  render: () =>
    html`<div
      lang="de"
      style="max-inline-size:64rem;--fk-color-primary:#2f6b3b;--fk-color-primary-hover:#24532e;--fk-color-primary-subtle:#e8f3ea;--fk-focus-ring:3px solid #2f6b3b;--fk-radius-l:0;--fk-radius-m:0;--fk-font-family:Georgia,serif"
    >
      <fk-monitoring today="2026-05-04" .targets=${targets} .value=${stored}></fk-monitoring>
    </div>`,
};
