import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Actor } from '@fallkit/core';
import { defineElement } from '@fallkit/components';
import '@fallkit/components/define/foundation';
import { FkSampleForm } from '../../packages/components/test/foundation/fixtures/sample-form.js';
import { FakeCaseService, refusedWith } from '../../packages/components/test/suites/fake-case-service.js';

/**
 * The foundation's sample form (a test fixture): how any Fallkit form built on `FkFormElement` shows
 * validation errors, refusals in place and its status line.
 */
// Registered here: the package's `sideEffects` lets bundlers drop a bare import of a module outside `define/`.
defineElement('fk-sample-form', FkSampleForm);

const meta: Meta = {
  title: 'Foundation/Formular-Grundlage (form base)',
  parameters: { layout: 'padded' },
};
export default meta;

const actor: Actor = { id: 'u-1', role: 'caseManager', agencyId: 'kommune', name: 'Frau Berater' };
const frame = (content: unknown, lang = 'de') => html`<div lang=${lang} style="max-inline-size:40rem">${content}</div>`;

/** Standalone, empty. */
export const Leer: StoryObj = {
  name: 'Leer (empty)',
  render: () => frame(html`<fk-sample-form></fk-sample-form>`),
};

/** After a submit attempt with missing input. */
export const MitFehlern: StoryObj = {
  name: 'Mit Fehlern (with errors)',
  render: () => {
    const el = document.createElement('fk-sample-form') as FkSampleForm;
    el.value = { concern: '', since: '2026-02-30' };
    queueMicrotask(() => void el.requestSubmit());
    return frame(el);
  },
};

/** Connected; the save is refused and the typed text stays. */
export const Abgelehnt: StoryObj = {
  name: 'Abgelehnt (refused, text kept)',
  render: () => {
    const service = new FakeCaseService();
    service.setView('c-1', { caseId: 'c-1', concern: '' });
    service.respond = () =>
      refusedWith('DENY_CONSENT_WITHDRAWN', 'Die Einwilligung wurde widerrufen.', 'Consent was withdrawn.', {
        rule: 'DP-14',
        hint: { de: 'Neue Einwilligung einholen.', en: 'Obtain a new consent.' },
      });
    const provider = html`<fk-case-provider .service=${service} .actor=${actor} case-id="c-1">
      <fk-sample-form></fk-sample-form>
    </fk-case-provider>`;
    setTimeout(async () => {
      const el = document.querySelector('fk-sample-form') as FkSampleForm | null;
      if (!el) return;
      await el.updateComplete;
      (el as unknown as { setField(path: string, value: unknown): void }).setField('concern', 'Mietschulden seit März');
      await el.requestSubmit();
    }, 50);
    return frame(provider);
  },
};

/** English. */
export const Englisch: StoryObj = {
  name: 'English',
  render: () => frame(html`<fk-sample-form></fk-sample-form>`, 'en'),
};
