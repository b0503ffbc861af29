import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@fallkit/components/define/fk-first-counselling';
import type { FkFirstCounselling } from '@fallkit/components';
import {
  connected,
  frame,
  loadExampleState,
  marker,
  exampleCaseStories,
  stateOf,
} from '../packages/components/test/intake-screening/story-fixtures.js';

/** Erstberatung: concern in the person's words, willingness vs ability, interpreting, oral contract, decision. */
const meta: Meta = {
  title: 'Stages/Erstberatung (first counselling)',
  component: 'fk-first-counselling',
  parameters: { layout: 'padded' },
};
export default meta;

const el = () => document.createElement('fk-first-counselling') as FkFirstCounselling;

/** The stories on the example case that every stage has (filled, read-only, English, themed). */
const stories = exampleCaseStories(el);

/** Standalone and empty: free text first. */
export const Leer: StoryObj = {
  name: 'Leer (empty)',
  render: () => frame(html`<fk-first-counselling></fk-first-counselling>`),
};

/** Connected to the example case; the addressee's languages show. */
export const AusBeispielfall: StoryObj = { name: 'Aus dem Beispielfall (filled)', ...stories.filled };

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
export const NurLesen: StoryObj = { name: 'Nur lesen (read-only)', ...stories.readOnly };

/** Withheld fields explain themselves. */
export const Ausgeblendet: StoryObj = {
  name: 'Ausgeblendet (redacted view)',
  loaders: [loadExampleState],
  render: (_args, ctx) =>
    frame(
      connected(el(), stateOf(ctx).caseId, {
        ...stateOf(ctx),
        firstCounselling: {
          ...stateOf(ctx).firstCounselling!,
          firstPictureProblems: marker(),
          firstPictureResources: marker(),
        },
      }),
    ),
};

/** English. */
export const Englisch: StoryObj = { name: 'English', ...stories.english };

/** Themed through the documented tokens. */
export const Thema: StoryObj = { name: 'Eigenes Thema (themed)', ...stories.themed };
