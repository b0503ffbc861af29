import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { EXAMPLE_ACTORS, familyDuldungToSgbII, noFurtherMeasures, runExampleCases } from '@fallkit/core/examples';
import { type CaseState, type JournalEvent } from '@fallkit/core';
import '@fallkit/components/define/fk-case-overview';
import { FakeCaseService } from '../packages/components/test/suites/fake-case-service.js';

/** `<fk-case-overview>`: stage, allowed next steps with rule reasons, lead agency over time, readable history. */
const meta: Meta = {
  title: 'Zyklus/Fallübersicht (fk-case-overview)',
  component: 'fk-case-overview',
  parameters: { layout: 'padded' },
};
export default meta;

const frame = (content: unknown, lang = 'de') => html`<div lang=${lang} style="max-inline-size:72rem">${content}</div>`;
const load =
  (example = familyDuldungToSgbII) =>
  async (): Promise<{ state: CaseState; journal: JournalEvent[] }> => {
    const { store, results } = await runExampleCases({ cases: [example] });
    const state = results[0]!.state;
    return { state, journal: await store.readJournal(state.caseId) };
  };
type Loaded = { state: CaseState; journal: JournalEvent[] };

/** No case chosen. */
export const Leer: StoryObj = {
  name: 'Leer (no case)',
  render: () => frame(html`<fk-case-overview></fk-case-overview>`),
};

/** The family whose legal domain changed from AsylbLG to SGB II (warm handover). */
export const AusBeispielfall: StoryObj = {
  name: 'Aus Beispielfall (filled from an example case)',
  loaders: [load()],
  render: (_args, { loaded }) => {
    const { state, journal } = loaded as Loaded;
    return frame(
      html`<fk-case-overview
        .state=${state}
        .journal=${journal}
        .actor=${EXAMPLE_ACTORS.jobcenterCaseManager}
      ></fk-case-overview>`,
    );
  },
};

/** A case closed after first counselling: the short path, most steps not possible. */
export const KeineWeiterenMassnahmen: StoryObj = {
  name: 'Keine weiteren Maßnahmen (blocked steps)',
  loaders: [load(noFurtherMeasures)],
  render: (_args, { loaded }) => {
    const { state, journal } = loaded as Loaded;
    return frame(html`<fk-case-overview .state=${state} .journal=${journal}></fk-case-overview>`);
  },
};

/** A refused view (DP-23) says so, with the rule. */
export const Abgelehnt: StoryObj = {
  name: 'Kein Zugriff (refused view, error)',
  render: () => {
    const service = new FakeCaseService();
    service.setView('c-x', {
      ok: false,
      errors: [
        {
          code: 'DENY_NOT_ASSIGNED',
          rule: 'DP-23',
          message: { de: 'Sie sind für diesen Fall nicht zuständig.', en: 'You are not assigned to this case.' },
        },
      ],
    });
    return frame(
      html`<fk-case-provider .service=${service} case-id="c-x"
        ><fk-case-overview></fk-case-overview
      ></fk-case-provider>`,
    );
  },
};

/** Withheld entries explain why (DP-24). */
export const Ausgeblendet: StoryObj = {
  name: 'Ausgeblendet (redacted view)',
  loaders: [load()],
  render: (_args, { loaded }) => {
    const { state } = loaded as Loaded;
    const marker = {
      redacted: true,
      code: 'REDACT_NOT_TRANSFERRED',
      rule: 'DP-14',
      message: { de: 'Nicht übermittelt.', en: 'Not transferred.' },
    };
    const service = new FakeCaseService<CaseState>(EXAMPLE_ACTORS.jobcenterCaseManager);
    service.setView(state.caseId, { ...state, legalDomains: [...state.legalDomains, marker] } as unknown as CaseState);
    return frame(
      html`<fk-case-provider .service=${service} case-id=${state.caseId}
        ><fk-case-overview></fk-case-overview
      ></fk-case-provider>`,
    );
  },
};

/** English. */
export const Englisch: StoryObj = {
  name: 'English',
  loaders: [load()],
  render: (_args, { loaded }) => {
    const { state, journal } = loaded as Loaded;
    return frame(html`<fk-case-overview .state=${state} .journal=${journal}></fk-case-overview>`, 'en');
  },
};

/** Host theme through tokens. */
export const Thema: StoryObj = {
  name: 'Eigenes Thema (themed)',
  loaders: [load()],
  render: (_args, { loaded }) => {
    const { state, journal } = loaded as Loaded;
    return html`<div
      lang="de"
      style="max-inline-size:72rem;--fk-color-primary:#6b2f5e;--fk-color-primary-subtle:#f5e8f2;--fk-color-primary-hover:#53244a"
    >
      <fk-case-overview .state=${state} .journal=${journal}></fk-case-overview>
    </div>`;
  },
};
