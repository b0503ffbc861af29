import { expect } from 'chai';
import { MemoryCaseStore } from '@fallkit/core';
import { DEMO_TITLE, mountDemoShell } from '../packages/demo/src/demo-shell.js';

/** Polls until `find` returns something, so the test waits for the page's module without fixed sleeps. */
async function waitFor<T>(find: () => T | null | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('demo page shell', () => {
  it('serves index.html whose heading and title name the Fallübersicht, and shows an empty caseload', async () => {
    // The page as `npm start` serves it; web-test-runner.config.js maps its bundle main.js to src/main.ts.
    const frame = document.createElement('iframe');
    frame.src = '/packages/demo/index.html';
    document.body.append(frame);
    try {
      await new Promise((resolve, reject) => {
        frame.addEventListener('load', resolve, { once: true });
        frame.addEventListener('error', reject, { once: true });
      });
      const page = frame.contentDocument!;
      expect(page.documentElement.lang).to.equal('de');
      expect(page.title).to.equal('Fallkit Demo – Fallübersicht');
      const empty = await waitFor(() => page.querySelector('.caseload-empty'), 'the empty caseload');
      expect(empty.textContent).to.equal('Keine Fälle vorhanden');
      const headings = page.querySelectorAll('h1');
      expect(headings).to.have.length(1);
      expect(headings[0]!.textContent).to.equal('Fallkit Demo – Fallübersicht');
      // main.ts opened the Dexie store, not the in-memory fallback.
      expect(page.querySelector('.store-note')!.textContent).to.contain('IndexedDB „fallkit-demo“ (Dexie)');
    } finally {
      frame.remove();
    }
  });

  it('renders the heading and the live caseload of the store it is given', async () => {
    const root = document.createElement('main');
    document.body.append(root);
    const stop = mountDemoShell(root, new MemoryCaseStore(), 'Arbeitsspeicher');
    try {
      expect(root.querySelector('h1')!.textContent).to.equal(DEMO_TITLE);
      const empty = await waitFor(() => root.querySelector('.caseload-empty'), 'the empty caseload');
      expect(empty.getAttribute('role')).to.equal('status');
      expect(root.textContent).to.contain('Ablage: Arbeitsspeicher');
    } finally {
      stop();
      root.remove();
    }
  });
});
