import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { familyDuldungToSgbII, reassessmentLoop, runExampleCases } from '@fallkit/core/examples';
import { type CaseCommand, type CaseState } from '@fallkit/core';
import '@fallkit/components/define/fk-assessment-form';
import type { FkAssessmentForm } from '@fallkit/components';
import { FakeCaseService } from '../packages/components/test/suites/fake-case-service.js';

/**
 * `<fk-assessment-form>`: stage 2 of the cycle. Free text first, life domains opened on demand, both views
 * side by side, agreed interpretation and dissent, the standard's rating, confirmation with the person and
 * the comparison with the previous version on re-assessment.
 */
const meta: Meta = {
  title: 'Formulare/Assessment',
  component: 'fk-assessment-form',
  parameters: { layout: 'padded' },
  loaders: [
    async () => ({
      family: (await runExampleCases({ cases: [familyDuldungToSgbII] })).results[0]!.state,
      loop: (await runExampleCases({ cases: [reassessmentLoop] })).results[0]!.state,
    }),
  ],
};
export default meta;

type Loaded = { loaded: { family: CaseState; loop: CaseState } };
const frame = (content: unknown, lang = 'de', style = '') =>
  html`<div lang=${lang} style="max-inline-size:72rem;${style}">${content}</div>`;

function filled(state: CaseState, setup?: (el: FkAssessmentForm) => void): FkAssessmentForm {
  const el = document.createElement('fk-assessment-form');
  const latest = state.assessments.at(-1)!;
  el.value = { recordedOn: latest.recordedOn, domains: latest.domains, wishesAndDreams: latest.wishesAndDreams };
  el.record = latest;
  setup?.(el);
  return el;
}

/** Nothing recorded yet: the wishes first, domains are opened when they came up. */
export const Leer: StoryObj = {
  name: 'Leer (empty)',
  render: () => frame(html`<fk-assessment-form></fk-assessment-form>`),
};

/** Filled from the example case "Familie Rahimi" (Duldung → SGB II). */
export const Ausgefuellt: StoryObj = {
  name: 'Ausgefüllt (filled from an example case)',
  render: (_args, { loaded }) => frame(filled((loaded as Loaded['loaded']).family)),
};

/** Recorded, not yet confirmed: the confirm-with-person step. */
export const ZuBestaetigen: StoryObj = {
  name: 'Zu bestätigen (confirm with the person)',
  render: (_args, { loaded }) =>
    frame(
      filled((loaded as Loaded['loaded']).family, (el) => {
        el.record = { ...el.record!, status: 'recorded', confirmation: undefined };
      }),
    ),
};

/** Re-assessment: each domain says what changed against the previous version. */
export const ReAssessment: StoryObj = {
  name: 'Re-Assessment (compare with the previous version)',
  render: (_args, { loaded }) => {
    const state = (loaded as Loaded['loaded']).loop;
    return frame(filled(state, (el) => (el.previous = state.assessments.at(-2))));
  },
};

/** A submit attempt without any life domain. */
export const MitFehlern: StoryObj = {
  name: 'Mit Fehlern (with errors)',
  render: () => {
    const el = document.createElement('fk-assessment-form');
    el.value = { wishesAndDreams: 'Wieder arbeiten, als Köchin.', domains: [] };
    queueMicrotask(() => void el.requestSubmit());
    return frame(el);
  },
};

/** Read-only. */
export const NurLesen: StoryObj = {
  name: 'Nur lesen (read-only)',
  render: (_args, { loaded }) => frame(filled((loaded as Loaded['loaded']).family, (el) => (el.readonly = true))),
};

/** Connected for an actor without consent for health data: withheld parts say why (DP-24). */
export const Ausgeblendet: StoryObj = {
  name: 'Ausgeblendet (redacted view)',
  render: (_args, { loaded }) => {
    const state = (loaded as Loaded['loaded']).family;
    const latest = state.assessments.at(-1)!;
    const marker = {
      redacted: true as const,
      code: 'REDACT_NO_CONSENT',
      rule: 'DP-10',
      message: { de: 'Zurückgehalten: keine Einwilligung.', en: 'Withheld: no consent.' },
    };
    const view = {
      ...state,
      assessments: [
        {
          ...latest,
          domains: [
            ...latest.domains
              .filter((d) => d.domainId !== 'health')
              .map((d, i) => (i === 0 ? { ...d, problems: marker } : d)),
            { ...marker, domainId: 'health' },
          ],
        },
      ],
    } as unknown as CaseState;
    const service = new FakeCaseService<CaseState, CaseCommand>({
      id: 'u-jc',
      role: 'caseManager',
      agencyId: 'jobcenter',
    });
    service.setView(state.caseId, view);
    return frame(
      html`<fk-case-provider .service=${service} case-id=${state.caseId}>
        <fk-assessment-form></fk-assessment-form>
      </fk-case-provider>`,
    );
  },
};

/** English. */
export const Englisch: StoryObj = {
  name: 'English',
  render: (_args, { loaded }) => frame(filled((loaded as Loaded['loaded']).family), 'en'),
};

/** A host theme through the `--fk-` tokens. */
export const Themed: StoryObj = {
  name: 'Eigenes Thema (themed)',
  render: (_args, { loaded }) =>
    frame(
      filled((loaded as Loaded['loaded']).family),
      'de',
      '--fk-color-primary:#6b2c91;--fk-color-primary-hover:#55207a;--fk-color-focus:#6b2c91;--fk-radius-l:0;--fk-radius-m:0;--fk-font-family:Georgia,serif;--fk-color-surface-raised:#faf7fc;',
    ),
};
