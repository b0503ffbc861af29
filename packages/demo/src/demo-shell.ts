/**
 * The demo page's shell: the heading and the caseload of the store it is given. Kept apart from `main.ts`
 * so a test can mount it with any store; later issues add the case-management components here.
 */
import { html, render, type TemplateResult } from 'lit';
import type { CaseIndexEntry, CaseStore, Unsubscribable } from '@fallkit/core';

/** The page heading, also the document title. */
export const DEMO_TITLE = 'Fallkit Demo – Fallübersicht';

function caseloadView(cases: readonly CaseIndexEntry[]): TemplateResult {
  if (cases.length === 0) {
    return html`<p class="caseload-empty" role="status">Keine Fälle vorhanden</p>`;
  }
  return html`<ul class="caseload">
    ${cases.map((entry) => html`<li>${entry.label ?? entry.caseId} · ${entry.stage} · ${entry.status}</li>`)}
  </ul>`;
}

function pageView(cases: readonly CaseIndexEntry[] | undefined, storeName: string): TemplateResult {
  return html`<h1>${DEMO_TITLE}</h1>
    <section aria-labelledby="caseload-heading">
      <h2 id="caseload-heading">Meine Fälle</h2>
      ${cases === undefined ? html`<p role="status">Fallakte wird geladen …</p>` : caseloadView(cases)}
    </section>
    <p class="store-note">Ablage: ${storeName}</p>`;
}

/**
 * Renders the shell into `root` and keeps the caseload live from the store.
 * @returns a function that stops the live subscription
 */
export function mountDemoShell(root: HTMLElement, store: CaseStore, storeName: string): () => void {
  // index.html carries a static heading for the moment before the module runs; lit renders after it.
  root.replaceChildren();
  render(pageView(undefined, storeName), root);
  const subscription: Unsubscribable = store
    .observeCases()
    .subscribe((cases: CaseIndexEntry[]) => render(pageView(cases, storeName), root));
  return () => subscription.unsubscribe();
}
