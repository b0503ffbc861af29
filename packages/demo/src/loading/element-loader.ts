/**
 * Loads a case tab's element on first use: one dynamic import per element, which rollup turns into its own
 * chunk of the code-split demo bundle (rollup.config.js, `demoBuild`). The page renders a "loading" note
 * meanwhile (`missing-element.ts` asks {@link loadingElement}) and is re-rendered when the element is defined.
 */

/** The lazily loaded elements and their chunks. */
const LOADERS: Readonly<Record<string, () => Promise<unknown>>> = {
  'fk-intake-screening': () => import('@fallkit/components/define/fk-intake-screening'),
  'fk-first-counselling': () => import('@fallkit/components/define/fk-first-counselling'),
  'fk-consent-manager': () => import('@fallkit/components/define/fk-consent-manager'),
  'fk-assessment-form': () => import('@fallkit/components/define/fk-assessment-form'),
  'fk-goal-agreement': () => import('@fallkit/components/define/fk-goal-agreement'),
  // The help plan's print comes with the help plan's chunk.
  'fk-help-plan': () =>
    Promise.all([
      import('@fallkit/components/define/fk-help-plan'),
      import('@fallkit/components/define/fk-help-plan-print'),
    ]),
  'fk-plan-form': () => import('@fallkit/components/define/fk-plan-form'),
  'fk-referrals': () => import('@fallkit/components/define/fk-referrals'),
  'fk-monitoring': () => import('@fallkit/components/define/fk-monitoring'),
  'fk-handover': () => import('@fallkit/components/define/fk-handover'),
  'fk-case-closure': () => import('@fallkit/components/define/fk-case-closure'),
  'fk-report': () => import('@fallkit/components/define/fk-report'),
  // The case file around the cycle (issue 22): missing here, the built demo showed these tabs as "not contained".
  'fk-person-record': () => import('@fallkit/components/define/fk-person-record'),
  'fk-notes': () => import('@fallkit/components/define/fk-notes'),
  'fk-documents': () => import('@fallkit/components/define/fk-documents'),
  'fk-appointments': () => import('@fallkit/components/define/fk-appointments'),
  'fk-letter': () => import('@fallkit/components/define/fk-letter'),
};

/** Chunks on their way, and those that failed (the page then says the element is missing). */
const state = new Map<string, 'loading' | 'failed'>();
let enabled = false;

/** Turns lazy loading on (the bundle's entry does; tests that register every element do not need it). */
export function enableLazyElements(): void {
  enabled = true;
}

/**
 * Whether `tag` is on its way (and starts loading it): true while its chunk loads, false when the tag is
 * defined, unknown to the loader, or its chunk failed.
 */
export function loadingElement(tag: string): boolean {
  if (!enabled || customElements.get(tag)) return false;
  const loader = LOADERS[tag];
  if (!loader || state.get(tag) === 'failed') return false;
  if (state.get(tag) === 'loading') return true;
  state.set(tag, 'loading');
  loader().then(
    () => {
      state.delete(tag);
      // Re-render the page that asked (the demo renders into its light DOM: one element to update).
      const app = document.querySelector('fallkit-demo') as (HTMLElement & { requestUpdate?: () => void }) | null;
      app?.requestUpdate?.();
    },
    () => {
      state.set(tag, 'failed');
      const app = document.querySelector('fallkit-demo') as (HTMLElement & { requestUpdate?: () => void }) | null;
      app?.requestUpdate?.();
    },
  );
  return true;
}

/** Starts loading every lazy element in the background (after the first screen, when the browser is idle). */
export function preloadElements(): void {
  if (!enabled) return;
  for (const tag of Object.keys(LOADERS)) loadingElement(tag);
}
