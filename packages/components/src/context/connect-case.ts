import { ok, refused, text, type CaseCommandInput, type CaseViews, type Refusal, type Result } from '@fallkit/core';
import { connectCaseService, type CoreConnection } from './core-port.js';

/** What {@link connectCase} needs: the core's service and views, the case, and how to open it if it is new. */
export interface ConnectCaseOptions extends CoreConnection {
  /** The views; `viewCase` tells (decided and logged, DP-23) whether the case exists for this actor. */
  readonly views: CoreConnection['views'] & Pick<CaseViews, 'viewCase'>;
  /** The case the element works on. */
  readonly caseId: string;
  /**
   * Opens the case under `caseId` when it does not exist yet: the `openCase` input without its id. Without
   * it, a missing case is refused (`CASE_NOT_FOUND`) and nothing is written.
   */
  readonly open?: Omit<CaseCommandInput<'openCase'>, 'caseId'>;
  /** The purpose of the existence check and of the element's reads; `caseManagement` if absent. */
  readonly purpose?: string;
}

/** What {@link connectCase} did. */
export interface ConnectedCase {
  readonly caseId: string;
  /** True when the case was opened by this call (`openCase`), false when it existed. */
  readonly opened: boolean;
  /** The provider the element is connected through (the surrounding one, or a new one around it). */
  readonly provider: HTMLElement;
}

const NO_ELEMENT = (): Refusal => ({
  code: 'COMPONENT_NO_ELEMENT',
  rule: 'COMPONENT',
  message: text('Es wurde kein Element zum Verbinden übergeben.', 'No element to connect was given.'),
});

/** The provider properties {@link connectCase} sets. */
type ProviderLike = HTMLElement & { service?: unknown; caseId?: string; purpose?: string };

/**
 * One call that puts a Fallkit element on a case: finds the `<fk-case-provider>` around `element` (or uses
 * `element` itself when it is one, or wraps it in a new provider), checks through the data-protected views
 * whether the case exists, opens it with `open` (the `openCase` command, decided like any command) when it
 * does not, and then hands the provider the connected service and the case id. Never throws: a refusal of
 * the check or of `openCase` comes back as the `Result`, and the provider is left untouched then.
 *
 * ```ts
 * const result = await connectCase(document.querySelector('fk-assessment-form')!, {
 *   service, views, caseId: 'F-2025-0042',
 *   open: { addressee: { roles: ['addressee'], givenName: 'Mia', familyName: 'Muster' },
 *           leadAgency: { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt', legalDomain: 'SGB_II' } },
 * });
 * ```
 */
export async function connectCase(
  element: HTMLElement | null | undefined,
  options: ConnectCaseOptions,
): Promise<Result<ConnectedCase>> {
  if (!element) return refused(NO_ELEMENT());
  const purpose = options.purpose ?? 'caseManagement';
  let opened = false;
  try {
    const seen = await options.views.viewCase(options.caseId, purpose);
    if (!seen.ok) {
      const missing = seen.errors.every((e) => e.code === 'CASE_NOT_FOUND');
      if (!missing || options.open === undefined) return seen;
      const created = await options.service.execute({
        type: 'openCase',
        input: { ...options.open, caseId: options.caseId },
      });
      if (!created.ok) return created;
      opened = true;
    }
  } catch (error) {
    return refused({
      code: 'COMPONENT_CONNECT_FAILED',
      rule: 'COMPONENT',
      message: text(
        `Der Fall konnte nicht geöffnet werden: ${String(error)}`,
        `The case could not be opened: ${String(error)}`,
      ),
    });
  }
  const provider = providerFor(element);
  provider.service = connectCaseService(options);
  if (options.purpose !== undefined) provider.purpose = options.purpose;
  provider.caseId = options.caseId;
  return ok({ caseId: options.caseId, opened, provider });
}

/** The provider around `element`, `element` itself, or a new provider wrapped around it. */
function providerFor(element: HTMLElement): ProviderLike {
  if (element.localName === 'fk-case-provider') return element as ProviderLike;
  const around = element.closest<ProviderLike>('fk-case-provider');
  if (around) return around;
  const provider = element.ownerDocument.createElement('fk-case-provider') as ProviderLike;
  element.replaceWith(provider);
  provider.append(element);
  return provider;
}
