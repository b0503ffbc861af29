import { fixture, html, waitUntil } from '@open-wc/testing';
import { runExampleCases, familyDuldungToSgbII, type Actor, type CaseState } from '@fallkit/core';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import type { FakeCaseService } from '../suites/fake-case-service.js';

/** The municipal case manager of the tests. */
export const caseManager: Actor = { id: 'u-km', role: 'caseManager', agencyId: 'kommune', name: 'Frau Yılmaz' };

/** The folded state of an example case. */
export async function exampleState(example = familyDuldungToSgbII): Promise<CaseState> {
  const { results } = await runExampleCases({ cases: [example] });
  return results[0]!.state;
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

/** Mounts `tag` inside a provider with a fake service and waits until `ready` holds. */
export async function mountConnected<E extends HTMLElement & { updateComplete: Promise<unknown> }>(
  tag: string,
  service: FakeCaseService<CaseState, unknown>,
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
