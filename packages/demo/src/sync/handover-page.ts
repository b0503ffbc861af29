/**
 * Where the demo shows the handover between agencies when it works synced (issue 16): the package for the
 * Jobcenter on a case's "Übergabe" section, the inbox on the caseload page. The elements load on first use.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Route } from '../app/routes.js';
import type { HandoverDesk } from './handover-desk.js';

let loading: Promise<unknown> | undefined;

/** The handover part of the page for the route, or nothing. */
export function renderHandover(options: {
  readonly lang: 'de' | 'en';
  readonly route: Route;
  readonly desk: HandoverDesk | undefined;
}): TemplateResult | typeof nothing {
  const { lang, route, desk } = options;
  if (desk === undefined) return nothing;
  const wanted = route.page === 'caseload' || (route.page === 'case' && route.section === 'handover');
  if (!wanted) return nothing;
  loading ??= import('./handover-elements.js');
  if (route.page === 'case')
    return html`<fallkit-demo-handover-send
      lang=${lang}
      .desk=${desk}
      .caseId=${route.caseId}
    ></fallkit-demo-handover-send>`;
  return html`<fallkit-demo-handover-inbox lang=${lang} .desk=${desk}></fallkit-demo-handover-inbox>`;
}
