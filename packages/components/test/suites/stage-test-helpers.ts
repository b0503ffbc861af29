import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import {
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  createCaseService,
  type Actor,
  type CaseCommand,
  type CaseService,
  type CaseState,
  type RedactionMarker,
} from '@fallkit/core';
import { familyDuldungToSgbII, runExampleCases } from '@fallkit/core/examples';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import type { CaseServicePort } from '../../src/context/case-service-port.js';
import { FakeCaseService } from './fake-case-service.js';

/** The municipal case manager of the tests. */
export const caseManager: Actor = { id: 'u-km', role: 'caseManager', agencyId: 'kommune', name: 'Frau Yılmaz' };

/** The folded state of an example case. */
export async function exampleState(example = familyDuldungToSgbII): Promise<CaseState> {
  const { results } = await runExampleCases({ cases: [example] });
  return results[0]!.state;
}

/** A fake case service acting as {@link caseManager} that shows `view` (default: `state`) for the case. */
export function fakeServiceFor(state: CaseState, view: CaseState = state): FakeCaseService<CaseState, CaseCommand> {
  const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
  service.setView(state.caseId, view);
  return service;
}

/**
 * The core's real case service on a memory store holding the example case, acting as the case's
 * current case manager at a fixed clock: for tests that save through the real rules.
 */
export async function realCaseService(
  example = familyDuldungToSgbII,
): Promise<{ core: CaseService; state: CaseState; store: MemoryCaseStore }> {
  const store = new MemoryCaseStore();
  const { results } = await runExampleCases({ store, cases: [example] });
  const state = results[0]!.state;
  // The case manager in force on the service's day (DP-40: assignments count from their date).
  const day = '2026-03-01';
  const cm =
    state.caseManagers.find((m) => m.from <= day && (m.to === undefined || day < m.to)) ??
    state.caseManagers.filter((m) => !m.to).at(-1)!;
  const actor: Actor = { id: cm.userId, role: 'caseManager', agencyId: cm.agencyId };
  const core = createCaseService({
    store,
    clock: new FixedClock(`${day}T10:00:00.000Z`),
    ids: new SequentialIds(),
    actor,
  });
  return { core, state, store };
}

/** A field the data-protection view withheld because the role does not need it (DP-23). */
export const needToKnowMarker: RedactionMarker = {
  redacted: true as const,
  code: 'REDACT_NEED_TO_KNOW',
  rule: 'DP-23',
  message: { de: 'für Ihre Rolle nicht erforderlich', en: 'not needed for your role' },
};

/** Submits the form, waits for its `fk-refused` event and the render that shows the refusal. */
export async function submitRefused(
  el: HTMLElement & {
    requestSubmit(): Promise<unknown>;
    updateComplete: Promise<unknown>;
  },
): Promise<void> {
  const refused = oneEvent(el, 'fk-refused');
  await el.requestSubmit();
  await refused;
  await el.updateComplete;
}

/** The inner native control of an internal field at `path` (input, textarea or select). */
export function control<T extends HTMLElement = HTMLInputElement>(
  el: HTMLElement,
  path: string,
  selector = 'input, textarea, select',
): T {
  const field = el.shadowRoot!.querySelector<HTMLElement>(`[data-path="${path}"]`);
  if (!field) throw new Error(`no field ${path}`);
  const inner = field.shadowRoot!.querySelector<T>(selector);
  if (!inner) throw new Error(`no control in ${path}`);
  return inner;
}

/** Types into the field at `path` as a user would (input event), then waits for the render. */
export async function typeInto(
  el: HTMLElement & { updateComplete: Promise<unknown> },
  path: string,
  text: string,
): Promise<void> {
  const c = control<HTMLInputElement | HTMLTextAreaElement>(el, path, 'input, textarea');
  c.value = text;
  c.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Picks the radio with `value` in the radio group at `path`. */
export async function pickRadio(
  el: HTMLElement & { updateComplete: Promise<unknown> },
  path: string,
  value: string,
): Promise<void> {
  const group = el.shadowRoot!.querySelector<HTMLElement>(`[data-path="${path}"]`)!;
  const radio = group.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${value}"]`)!;
  radio.click();
  await el.updateComplete;
}

/** Toggles the checkbox at `path`. */
export async function toggle(el: HTMLElement & { updateComplete: Promise<unknown> }, path: string): Promise<void> {
  control<HTMLInputElement>(el, path, 'input').click();
  await el.updateComplete;
}

/** A button of the element's shadow root by its text or aria-label. */
export function button(el: HTMLElement, label: RegExp): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
    label.test(b.getAttribute('aria-label') ?? b.textContent ?? ''),
  );
  if (!found) throw new Error(`no button ${label}`);
  return found;
}

/** Mounts `tag` inside a provider with a case service (fake or real) and waits until `ready` holds. */
export async function mountConnected<E extends HTMLElement & { updateComplete: Promise<unknown> }, Command = unknown>(
  tag: string,
  service: CaseServicePort<CaseState, Command>,
  caseId: string,
  ready: (el: E) => boolean,
  lang = 'de',
): Promise<E> {
  const provider = await fixture<FkCaseProvider>(
    html`<fk-case-provider .service=${service} case-id=${caseId} lang=${lang}></fk-case-provider>`,
  );
  const el = document.createElement(tag) as E;
  provider.append(el);
  await waitUntil(() => ready(el), `${tag} loaded`);
  await el.updateComplete;
  return el;
}
