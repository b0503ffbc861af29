import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { CaseState } from '@fallkit/core';
import '@fallkit/components/define/fk-help-plan';
import type { FkHelpPlan, MeasureEntry } from '@fallkit/components';
import { connected, loadExampleState } from '../packages/components/test/intake-screening/story-fixtures.js';

/**
 * `<fk-help-plan>`: stage 4. Measures with who / what / when, legal domain and cost carrier, status,
 * sequence and parallel steps as a timeline, alternatives, second-best with the missing service,
 * dissent; keyboard reordering; built for 200 measures.
 */
const meta: Meta = {
  title: 'Formulare/Hilfeplan (help plan)',
  component: 'fk-help-plan',
  parameters: { layout: 'padded' },
  loaders: [loadExampleState],
};
export default meta;

type Loaded = { state: CaseState };
const frame = (content: unknown, lang = 'de', style = '') =>
  html`<div lang=${lang} style="max-inline-size:72rem;${style}">${content}</div>`;

function filled(state: CaseState, setup?: (el: FkHelpPlan) => void): FkHelpPlan {
  const el = document.createElement('fk-help-plan');
  el.value = { measures: state.measures.map((m) => ({ ...m })) };
  el.goals = state.goals.map((g) => ({ id: g.id, title: g.title }));
  setup?.(el);
  return el;
}

/** No measures yet. */
export const Leer: StoryObj = {
  name: 'Leer (empty)',
  render: (_args, { loaded }) => {
    const el = document.createElement('fk-help-plan');
    el.goals = (loaded as Loaded).state.goals.map((g) => ({ id: g.id, title: g.title }));
    return frame(el);
  },
};

/** The plan of the example case "Familie Rahimi", with a parallel step and a second-best measure. */
export const Ausgefuellt: StoryObj = {
  name: 'Ausgefüllt (filled from an example case)',
  render: (_args, { loaded }) => frame(filled((loaded as Loaded).state)),
};

/** 200 measures: pages of 25 rows, editors only for opened rows. */
export const ZweihundertMassnahmen: StoryObj = {
  name: '200 Maßnahmen (200 measures)',
  render: (_args, { loaded }) =>
    frame(
      filled((loaded as Loaded).state, (el) => {
        const base = (loaded as Loaded).state.measures;
        el.value = {
          measures: Array.from({ length: 200 }, (_, i): MeasureEntry => {
            const m = base[i % base.length]!;
            return { ...m, id: `m-${i + 1}`, title: `${m.title} (${i + 1})`, dependsOn: undefined };
          }),
        };
      }),
    ),
};

/** A new measure without title and provider, a second-best without the missing service. */
export const MitFehlern: StoryObj = {
  name: 'Mit Fehlern (with errors)',
  render: () => {
    const el = document.createElement('fk-help-plan');
    el.value = {
      measures: [
        {
          title: '',
          goalIds: [],
          by: { kind: 'formalProvider', name: '' },
          agreement: { agreed: false },
          secondBest: { missingService: '' },
        },
      ],
    };
    queueMicrotask(() => void el.requestSubmit());
    return frame(el);
  },
};

/** Read-only. */
export const NurLesen: StoryObj = {
  name: 'Nur lesen (read-only)',
  render: (_args, { loaded }) => frame(filled((loaded as Loaded).state, (el) => (el.readonly = true))),
};

/** Connected after a handover: a measure not transferred to this agency says why (DP-24). */
export const Ausgeblendet: StoryObj = {
  name: 'Ausgeblendet (redacted view)',
  render: (_args, { loaded }) => {
    const state = (loaded as Loaded).state;
    const marker = {
      redacted: true as const,
      code: 'REDACT_NOT_TRANSFERRED',
      rule: 'DP-16',
      message: { de: 'Zurückgehalten: nicht übermittelt.', en: 'Withheld: not transferred.' },
    };
    const view = { ...state, measures: [...state.measures.slice(1), marker] } as unknown as CaseState;
    return frame(
      connected(document.createElement('fk-help-plan'), state.caseId, view, {
        actor: { id: 'u-jc', role: 'caseManager', agencyId: 'jobcenter' },
      }),
    );
  },
};

/** English. */
export const Englisch: StoryObj = {
  name: 'English',
  render: (_args, { loaded }) => frame(filled((loaded as Loaded).state), 'en'),
};

/** A host theme through the `--fk-` tokens. */
export const Themed: StoryObj = {
  name: 'Eigenes Thema (themed)',
  render: (_args, { loaded }) =>
    frame(
      filled((loaded as Loaded).state),
      'de',
      '--fk-color-primary:#8a3b12;--fk-color-primary-hover:#6e2e0d;--fk-color-focus:#8a3b12;--fk-color-surface-raised:#fbf6f2;--fk-radius-m:0;--fk-radius-l:0;',
    ),
};
