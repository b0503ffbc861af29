import { html, type TemplateResult } from 'lit';
import { familyDuldungToSgbII, runExampleCases } from '@fallkit/core/examples';
import { type Actor, type CaseState, type RedactionMarker } from '@fallkit/core';
import { FakeCaseService, refusedWith } from '../suites/fake-case-service.js';

/*
 * Shared by the stories of the stage components (intake screening, first counselling, consent
 * manager, referrals, handover): an example case, a connected frame around an element, markers and a
 * themed frame. No test-runner imports, so Storybook can load it.
 */

/** Loads the folded state of the example "family with Duldung, later SGB II". */
export async function loadExampleState(): Promise<{ state: CaseState }> {
  const { results } = await runExampleCases({ cases: [familyDuldungToSgbII] });
  return { state: results[0]!.state };
}

/** A marker as the data-protection view puts it in place of a withheld item. */
export function marker(
  code = 'REDACT_NEED_TO_KNOW',
  rule = 'DP-23',
  de = 'für Ihre Rolle nicht erforderlich',
  en = 'not needed for your role',
): RedactionMarker {
  return { redacted: true, code, rule, message: { de, en } };
}

/** A page frame with the language set, at most 60rem wide. */
export function frame(content: unknown, lang = 'de', style = ''): TemplateResult {
  return html`<div lang=${lang} style="max-inline-size:60rem;${style}">${content}</div>`;
}

/** A themed frame: the documented tokens only. */
export const THEMED_STYLE =
  '--fk-color-primary:#6b2c91;--fk-color-primary-hover:#53206f;--fk-color-primary-subtle:#f3e9f8;--fk-color-focus:#6b2c91;--fk-radius-m:0;--fk-radius-l:0;--fk-font-family:Georgia,serif;--fk-color-surface-raised:#faf7fc';

/** The actor of the connected stories unless a story names another: the municipal case manager. */
const STORY_ACTOR: Actor = {
  id: 'u-kim-krueger',
  role: 'caseManager',
  agencyId: 'kim-musterstadt',
  name: 'Frau Krüger',
};

/**
 * Puts `element` inside a provider with a fake service showing `view` to `actor`; `refuse` makes every
 * save come back refused (the typed text stays).
 */
export function connected(
  element: HTMLElement,
  caseId: string,
  view: unknown,
  options: { lang?: string; refuse?: boolean; actor?: Actor } = {},
): TemplateResult {
  const service = new FakeCaseService<unknown>(options.actor ?? STORY_ACTOR);
  service.setView(caseId, view);
  if (options.refuse) {
    service.respond = () =>
      refusedWith(
        'PR_STAGE_ORDER',
        'Dieser Schritt passt nicht zum Stand des Falls.',
        'This step does not fit the stage of the case.',
        {
          rule: 'PR-03',
          hint: { de: 'Prüfen Sie den Ablauf in der Fallübersicht.', en: 'Check the process in the case overview.' },
        },
      );
  }
  return html`<fk-case-provider .service=${service} case-id=${caseId} lang=${options.lang ?? 'de'}
    >${element}</fk-case-provider
  >`;
}

/** The example case a story's loader (`loadExampleState`) put in its context. */
export function stateOf(ctx: { loaded: Record<string, unknown> }): CaseState {
  return ctx.loaded['state'] as CaseState;
}

/** A story's render function as the stage stories use it. */
type StageRender = (args: unknown, ctx: { loaded: Record<string, unknown> }) => TemplateResult;

/**
 * The stories every stage component has on the example case, connected to a fake service: `filled`,
 * `readOnly`, `english` and `themed`. A story file spreads one into its story next to the story's
 * name. `view` derives what the service shows from the example state (default: the state itself).
 */
export function exampleCaseStories<E extends HTMLElement & { readonly: boolean }>(
  create: () => E,
  view: (state: CaseState) => unknown = (state) => state,
): Record<'filled' | 'readOnly' | 'english' | 'themed', { loaders: (typeof loadExampleState)[]; render: StageRender }> {
  const story = (options: { readonly?: boolean; lang?: string; style?: string } = {}) => ({
    loaders: [loadExampleState],
    render: ((_args, ctx) => {
      const element = create();
      if (options.readonly) element.readonly = true;
      const state = stateOf(ctx);
      const lang = options.lang ?? 'de';
      return frame(connected(element, state.caseId, view(state), options.lang ? { lang } : {}), lang, options.style);
    }) satisfies StageRender,
  });
  return {
    filled: story(),
    readOnly: story({ readonly: true }),
    english: story({ lang: 'en' }),
    themed: story({ style: THEMED_STYLE }),
  };
}
