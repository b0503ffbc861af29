import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { CaseState } from '@fallkit/core';
import '@fallkit/components/define/fk-goal-agreement';
import type { AgreementConsent, FkGoalAgreement } from '@fallkit/components';
import { connected, loadExampleState } from '../packages/components/test/intake-screening/story-fixtures.js';

/**
 * `<fk-goal-agreement>`: stage 3. Goals derived from the assessment, on three levels, with indicators,
 * time frame, way of life, agreement and dissent; revisions keep their history; a printable
 * Integrationsvereinbarung with the person's consents.
 */
const meta: Meta = {
  title: 'Formulare/Zielvereinbarung (goal agreement)',
  component: 'fk-goal-agreement',
  parameters: { layout: 'padded' },
  loaders: [loadExampleState],
};
export default meta;

type Loaded = { state: CaseState };
const frame = (content: unknown, lang = 'de', style = '') =>
  html`<div lang=${lang} style="max-inline-size:72rem;${style}">${content}</div>`;

const consents: AgreementConsent[] = [
  {
    id: 'consent-1',
    categories: ['residenceStatus', 'benefits', 'education'],
    recipients: [
      { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' },
      { agencyId: 'abh-musterstadt', name: 'Ausländerbehörde Musterstadt' },
    ],
    purposes: ['caseManagement'],
    validFrom: '2026-02-10',
    validUntil: '2027-02-09',
  },
];

function filled(state: CaseState, setup?: (el: FkGoalAgreement) => void): FkGoalAgreement {
  const el = document.createElement('fk-goal-agreement');
  el.value = { goals: state.goals.map((g) => ({ ...g })) };
  el.assessment = state.assessments.at(-1);
  el.personName = 'Yusuf Rahimi';
  el.agencyName = 'Stadt Musterstadt, Kommunales Integrationsmanagement';
  el.caseLabel = state.label;
  el.consents = consents;
  setup?.(el);
  return el;
}

/** No goals yet; the assessment's domains are offered to derive from. */
export const Leer: StoryObj = {
  name: 'Leer (empty, derive from the assessment)',
  render: (_args, { loaded }) => {
    const el = document.createElement('fk-goal-agreement');
    el.assessment = (loaded as Loaded).state.assessments.at(-1);
    return frame(el);
  },
};

/** The goals of the example case "Familie Rahimi". */
export const Ausgefuellt: StoryObj = {
  name: 'Ausgefüllt (filled from an example case)',
  render: (_args, { loaded }) => frame(filled((loaded as Loaded).state)),
};

/** The printable Integrationsvereinbarung with the consent statements. */
export const Druckansicht: StoryObj = {
  name: 'Druckansicht (printable agreement)',
  render: (_args, { loaded }) => frame(filled((loaded as Loaded).state, (el) => (el.view = 'print'))),
};

/** An agreement without date, a time frame ending before it starts, a goal without title. */
export const MitFehlern: StoryObj = {
  name: 'Mit Fehlern (with errors)',
  render: () => {
    const el = document.createElement('fk-goal-agreement');
    el.value = {
      goals: [
        {
          level: 'case',
          title: '',
          indicators: [{ description: 'Mietvertrag unterschrieben' }],
          domainIds: ['housing'],
          timeFrame: { from: '2026-06-01', until: '2026-03-01' },
          agreement: { agreedByPerson: true, form: 'oral' },
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

/** Connected for a partner agency: one goal is withheld and says why (DP-24). */
export const Ausgeblendet: StoryObj = {
  name: 'Ausgeblendet (redacted view)',
  render: (_args, { loaded }) => {
    const state = (loaded as Loaded).state;
    const marker = {
      redacted: true as const,
      code: 'REDACT_NEED_TO_KNOW',
      rule: 'DP-06',
      message: {
        de: 'Zurückgehalten: für Ihre Aufgabe nicht erforderlich.',
        en: 'Withheld: not needed for your task.',
      },
    };
    const view = { ...state, goals: [...state.goals.slice(0, 2), marker] } as unknown as CaseState;
    return frame(
      connected(document.createElement('fk-goal-agreement'), state.caseId, view, {
        actor: { id: 'u-p', role: 'partnerAgency', agencyId: 'wohnungslotsen' },
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
      '--fk-color-primary:#00594f;--fk-color-primary-hover:#004037;--fk-color-focus:#00594f;--fk-color-primary-subtle:#e3f2ef;--fk-radius-l:0.75rem;--fk-font-size-m:1.0625rem;',
    ),
};
