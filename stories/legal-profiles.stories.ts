import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@fallkit/components/define/fk-plan-form';
import '@fallkit/components/define/fk-plan-document';
import '@fallkit/components/define/fk-assessment-form';
import '@fallkit/components/define/fk-goal-agreement';
import '@fallkit/components/define/fk-help-plan';
import '@fallkit/components/define/fk-handover';
import { SGB2_KOOPERATIONSPLAN, SGB9_GESAMTPLAN } from '@fallkit/core';
import { loadProfile, profileFrame, profileOf } from '../packages/components/test/plan-document/story-fixtures.js';

/**
 * The legal profiles (issue 20): SGB II Kooperationsplan, SGB VIII Hilfeplan, SGB IX Gesamtplan. Each
 * profile's plan form and printed document, the together mode, and the stage forms that adapt to the
 * case's standard (ICF areas, the profile's goal and measure items, variant 1 + 3 of the handover).
 */
const meta: Meta = {
  title: 'Profiles/Legal profiles (SGB II, VIII, IX)',
  parameters: { layout: 'padded' },
};
export default meta;

const planForm = (index: 0 | 1 | 2, options: { together?: boolean; lang?: string } = {}): StoryObj => ({
  loaders: [loadProfile(index)],
  render: (_args, ctx) => {
    const { standard, beforePlan } = profileOf(ctx);
    return profileFrame(
      html`<fk-plan-form
        ?together=${options.together === true}
        .standard=${standard}
        .caseState=${beforePlan}
      ></fk-plan-form>`,
      options.lang,
    );
  },
});

const document = (index: 0 | 1 | 2, options: { together?: boolean; lang?: string } = {}): StoryObj => ({
  loaders: [loadProfile(index)],
  render: (_args, ctx) => {
    const { standard, withPlan } = profileOf(ctx);
    return profileFrame(
      html`<fk-plan-document
        ?together=${options.together === true}
        .standard=${standard}
        .state=${withPlan}
      ></fk-plan-document>`,
      options.lang,
    );
  },
});

/** SGB II: the Kooperationsplan as a form (Pflicht/Soll items with § 15 SGB II). */
export const KooperationsplanFormular: StoryObj = { name: 'SGB II: Kooperationsplan (Formular)', ...planForm(0) };
/** SGB II: the printed Kooperationsplan (text form, no signature line). */
export const KooperationsplanDokument: StoryObj = { name: 'SGB II: Kooperationsplan (Dokument)', ...document(0) };
/** SGB II: together mode, with the person's copy at the end. */
export const KooperationsplanGemeinsam: StoryObj = {
  name: 'SGB II: Kooperationsplan gemeinsam (together, person’s copy)',
  ...document(0, { together: true }),
};
/** SGB II: the form in together mode. */
export const KooperationsplanFormularGemeinsam: StoryObj = {
  name: 'SGB II: Kooperationsplan gemeinsam (together form)',
  ...planForm(0, { together: true }),
};
/** SGB VIII: the Hilfeplan as a form (participants, perspective § 37c). */
export const HilfeplanFormular: StoryObj = { name: 'SGB VIII: Hilfeplan (Formular)', ...planForm(1) };
/** SGB VIII: the printed Hilfeplan with the participants and the perspective. */
export const HilfeplanDokument: StoryObj = { name: 'SGB VIII: Hilfeplan (Dokument)', ...document(1) };
/** SGB IX: the Gesamtplan as a form (§ 121 Abs. 4). */
export const GesamtplanFormular: StoryObj = { name: 'SGB IX: Gesamtplan (Formular)', ...planForm(2) };
/** SGB IX: the printed Gesamtplan with § 121 Abs. 4's content. */
export const GesamtplanDokument: StoryObj = { name: 'SGB IX: Gesamtplan (Dokument)', ...document(2) };
/** SGB IX in English. */
export const GesamtplanEnglisch: StoryObj = { name: 'SGB IX: overall plan (English)', ...document(2, { lang: 'en' }) };
/** SGB VIII form in English. */
export const HilfeplanFormularEnglisch: StoryObj = {
  name: 'SGB VIII: help plan form (English)',
  ...planForm(1, { lang: 'en' }),
};

/** The assessment under the SGB IX profile: the nine ICF areas with their codes. */
export const AssessmentIcf: StoryObj = {
  name: 'SGB IX: Assessment nach ICF (d1-d9)',
  render: () => profileFrame(html`<fk-assessment-form .standard=${SGB9_GESAMTPLAN.assessment}></fk-assessment-form>`),
};

/** The narrative assessment for a person who does not want the structured one. */
export const AssessmentNarrativ: StoryObj = {
  name: 'Narratives Assessment (narrative mode)',
  render: () =>
    profileFrame(
      html`<fk-assessment-form
        .value=${{
          mode: 'narrative',
          domains: [],
          narrative: 'Jana erzählt von Streit über Handy und Ausgehzeiten. In der Wohngruppe fühlt sie sich sicher.',
          wishesAndDreams: 'Abitur machen und Tierärztin werden.',
        }}
      ></fk-assessment-form>`,
    ),
};

/** The goal agreement under the SGB II profile names the integration goal with § 15 Abs. 2 Satz 1. */
export const ZieleKooperationsplan: StoryObj = {
  name: 'SGB II: Zielvereinbarung mit Eingliederungsziel',
  render: () => profileFrame(html`<fk-goal-agreement .processStandard=${SGB2_KOOPERATIONSPLAN}></fk-goal-agreement>`),
};

/** The help plan under the SGB IX profile, together mode. */
export const HilfeplanGesamtplanGemeinsam: StoryObj = {
  name: 'SGB IX: Hilfeplan gemeinsam (together)',
  render: () => profileFrame(html`<fk-help-plan together .processStandard=${SGB9_GESAMTPLAN}></fk-help-plan>`),
};

/** The handover with variant 1 and 3 together. */
export const UebergabeVariante1und3: StoryObj = {
  name: 'Übergabe: warm und weitere Bedarfe (variant 1 + 3)',
  render: () =>
    profileFrame(
      html`<fk-handover
        .value=${{
          variant: 'warmHandover',
          to: { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' },
          legalDomain: 'SGB_II',
          effectiveFrom: '2026-04-01',
          reason: 'Aufenthaltserlaubnis, SGB II beantragt.',
          conference: { heldOn: '2026-03-25', participants: [{ name: 'Frau Yılmaz', role: 'Integrationsmanagerin' }] },
        }}
      ></fk-handover>`,
    ),
};
