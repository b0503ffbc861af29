/**
 * Hash routes of the demo page, so every page can be bookmarked, reloaded and screenshotted:
 *
 *   #/                           caseload and worklist
 *   #/fall/<caseId>              a case, overview
 *   #/fall/<caseId>/<section>    a case, one stage of the cycle (see CASE_SECTIONS)
 *   #/berichte                   reports
 *
 * `?als=<actor>` (kim, jobcenter, schuldnerberatung, teamlead, statistik) and `?lang=en` may follow.
 */

/** The tabs of a case. */
export const CASE_SECTIONS = [
  'overview',
  'people',
  'intake',
  'counselling',
  'consent',
  'assessment',
  'goals',
  'helpPlan',
  'plan',
  'referrals',
  'monitoring',
  'handover',
  'closure',
  'notes',
  'documents',
  'appointments',
  'letter',
  'history',
] as const;

/** One of {@link CASE_SECTIONS}. */
export type CaseSectionKey = (typeof CASE_SECTIONS)[number];

/** A parsed route. */
export type Route =
  | { readonly page: 'caseload' }
  | { readonly page: 'case'; readonly caseId: string; readonly section: CaseSectionKey }
  | { readonly page: 'reports' };

/** The route, actor key and language a hash names. */
export interface Location {
  readonly route: Route;
  readonly actor?: string;
  readonly lang?: 'de' | 'en';
}

/** Parses `location.hash`. Unknown paths show the caseload. */
export function parseHash(hash: string): Location {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const lang = params.get('lang');
  const extras: { actor?: string; lang?: 'de' | 'en' } = {
    ...(params.get('als') ? { actor: params.get('als')! } : {}),
    ...(lang === 'de' || lang === 'en' ? { lang } : {}),
  };
  if (parts[0] === 'fall' && parts[1]) {
    const section = (CASE_SECTIONS as readonly string[]).includes(parts[2] ?? '')
      ? (parts[2] as CaseSectionKey)
      : 'overview';
    return { route: { page: 'case', caseId: parts[1], section }, ...extras };
  }
  if (parts[0] === 'berichte') return { route: { page: 'reports' }, ...extras };
  return { route: { page: 'caseload' }, ...extras };
}

/** The hash of a route (actor and language are kept in the page's state, not repeated in links). */
export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'caseload':
      return '#/';
    case 'reports':
      return '#/berichte';
    case 'case':
      return `#/fall/${encodeURIComponent(route.caseId)}${route.section === 'overview' ? '' : `/${route.section}`}`;
  }
}
