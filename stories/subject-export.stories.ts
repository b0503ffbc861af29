import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createCaseService, createCaseViews, FixedClock } from '@fallkit/core';
import { EXAMPLE_ACTORS, familyDuldungToSgbII, runExampleCases, ScopedSequentialIds } from '@fallkit/core/examples';
import type { SubjectExport } from '@fallkit/core/rights';
import { subjectExportBundle } from '@fallkit/fhir';
import '@fallkit/components/define/fk-subject-export';

/**
 * `<fk-subject-export>`: the person's export (Auskunft, DP-29, Art. 15/20 GDPR) as a printable German
 * document, with downloads of the JSON and the FHIR R4 Bundle.
 */
const meta: Meta = {
  title: 'Rechte/Auskunft (fk-subject-export)',
  component: 'fk-subject-export',
  parameters: { layout: 'padded' },
};
export default meta;

/** Herr Rahimi's export, made by the Jobcenter worker who holds the case. */
async function rahimiExport(): Promise<SubjectExport> {
  const { store } = await runExampleCases({ cases: [familyDuldungToSgbII] });
  const clock = new FixedClock(familyDuldungToSgbII.steps.at(-1)!.at);
  const ids = new ScopedSequentialIds('story');
  const service = createCaseService({ store, clock, ids, actor: EXAMPLE_ACTORS.jobcenterCaseManager });
  const views = createCaseViews({ service, store, clock, ids });
  const exported = await views.exportSubject(familyDuldungToSgbII.caseId, 'rahimi-person-1');
  if (!exported.ok) throw new Error(exported.errors.map((e) => e.code).join());
  return exported.value;
}

const frame = (content: unknown, lang = 'de') => html`<div lang=${lang} style="max-inline-size:64rem">${content}</div>`;

/** The document with print, JSON and FHIR downloads. */
export const Auskunft: StoryObj = {
  loaders: [async () => ({ exported: await rahimiExport() })],
  render: (_args, { loaded }) => {
    const exported = loaded['exported'] as SubjectExport;
    return frame(
      html`<fk-subject-export .export=${exported} .bundle=${subjectExportBundle(exported)}></fk-subject-export>`,
    );
  },
};

/** The same in English, without a Bundle (the host offers none). */
export const English: StoryObj = {
  loaders: [async () => ({ exported: await rahimiExport() })],
  render: (_args, { loaded }) =>
    frame(html`<fk-subject-export .export=${loaded['exported'] as SubjectExport}></fk-subject-export>`, 'en'),
};
