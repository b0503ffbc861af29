import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { CaseState } from '@fallkit/core';
import '@fallkit/components/define/fk-first-counselling';
import type { FkFirstCounselling } from '@fallkit/components';
import {
  THEMED_STYLE,
  connected,
  frame,
  loadExampleState,
  marker,
} from '../packages/components/test/intake-screening/story-fixtures.js';

/** Erstberatung: concern in the person's words, willingness vs ability, interpreting, oral contract, decision. */
const meta: Meta = {
  title: 'Stages/Erstberatung (first counselling)',
  component: 'fk-first-counselling',
  parameters: { layout: 'padded' },
};
export default meta;

/** The example case a story's loader put in its context. */
const st = (ctx: { loaded: Record<string, unknown> }): CaseState => ctx.loaded['state'] as CaseState;
const el = () => document.createElement('fk-first-counselling') as FkFirstCounselling;

/** Standalone and empty: free text first. */
export const Leer: StoryObj = {
  name: 'Leer (empty)',
  render: () => frame(html`<fk-first-counselling></fk-first-counselling>`),
};

/** Connected to the example case; the addressee's languages show. */
export const AusBeispielfall: StoryObj = {
  name: 'Aus dem Beispielfall (filled)',
  loaders: [loadExampleState],
  render: (_args, ctx) => frame(connected(el(), st(ctx).caseId, st(ctx))),
};

/** Refusing over language without an interpreter is blocked, and the missing fields show. */
export const MitFehlern: StoryObj = {
  name: 'Mit Fehlern (with errors: language is no reason)',
  render: () => {
    const e = el();
    e.value = {
      concernInOwnWords: '',
      firstPictureProblems: '',
      firstPictureResources: '',
      motivation: { level: 'unclear' },
      willingnessToCooperate: 'low',
      abilityToCooperate: 'low',
      barriers: ['language'],
      interpreterUsed: false,
      informationGiven: {
        processExplained: true,
        rolesExplained: false,
        chancesAndDemandsExplained: false,
        dataProtectionExplained: false,
      },
      oralContract: { made: false },
      decision: { kind: 'noFurtherMeasures', reason: 'Verständigung nicht möglich' },
    };
    queueMicrotask(() => void e.requestSubmit());
    return frame(e);
  },
};

/** Read-only, from the example case. */
export const NurLesen: StoryObj = {
  name: 'Nur lesen (read-only)',
  loaders: [loadExampleState],
  render: (_args, ctx) => {
    const e = el();
    e.readonly = true;
    return frame(connected(e, st(ctx).caseId, st(ctx)));
  },
};

/** Withheld fields explain themselves. */
export const Ausgeblendet: StoryObj = {
  name: 'Ausgeblendet (redacted view)',
  loaders: [loadExampleState],
  render: (_args, ctx) =>
    frame(
      connected(el(), st(ctx).caseId, {
        ...st(ctx),
        firstCounselling: {
          ...st(ctx).firstCounselling!,
          firstPictureProblems: marker(),
          firstPictureResources: marker(),
        },
      }),
    ),
};

/** English. */
export const Englisch: StoryObj = {
  name: 'English',
  loaders: [loadExampleState],
  render: (_args, ctx) => frame(connected(el(), st(ctx).caseId, st(ctx), { lang: 'en' }), 'en'),
};

/** Themed through the documented tokens. */
export const Thema: StoryObj = {
  name: 'Eigenes Thema (themed)',
  loaders: [loadExampleState],
  render: (_args, ctx) => frame(connected(el(), st(ctx).caseId, st(ctx)), 'de', THEMED_STYLE),
};
