import { expect, waitUntil } from '@open-wc/testing';

/**
 * The prebuilt element bundles (issue 18, packages/components/dist/bundle/) in a plain HTML page with one
 * script tag per element and no import map: the elements register, render, take a value and submit it
 * with the host form; nothing is loaded from node_modules or the sources, and the two elements share their
 * chunks (each file is fetched once).
 */
describe('prebuilt element bundles: a plain page without a bundler or import map', function () {
  this.timeout(30_000);

  async function loadPage(): Promise<{ win: Window; doc: Document }> {
    const iframe = document.createElement('iframe');
    iframe.style.inlineSize = '1280px';
    iframe.style.blockSize = '900px';
    iframe.src = '/test/dist-embed/bundle.html';
    document.body.append(iframe);
    await waitUntil(
      () =>
        iframe.contentWindow?.customElements.get('fk-goal-agreement') !== undefined &&
        iframe.contentWindow?.customElements.get('fk-help-plan') !== undefined,
      'the bundles registered their elements',
      { timeout: 20_000 },
    );
    return { win: iframe.contentWindow!, doc: iframe.contentDocument! };
  }

  it('registers and renders the elements from the bundles alone, each shared chunk fetched once', async () => {
    const { win, doc } = await loadPage();
    const goals = doc.querySelector('fk-goal-agreement') as HTMLElement & { updateComplete: Promise<boolean> };
    await goals.updateComplete;
    expect((goals.shadowRoot?.textContent ?? '').length, 'the goal agreement rendered').to.be.greaterThan(0);
    // Its fields are registered by the same bundles (the form renders fk-text-field and friends).
    expect(win.customElements.get('fk-text-field') !== undefined, 'fields come with the form').to.equal(true);
    const urls = win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    // The test server's own live-reload socket script is not the page's.
    const scripts = urls.filter((url) => url.endsWith('.js') && !url.startsWith('/__web-dev-server'));
    expect(
      scripts.every((url) => url.startsWith('/__embed__/packages/components/dist/bundle/')),
      scripts.join(),
    ).to.equal(true);
    expect(new Set(scripts).size, 'every chunk once').to.equal(scripts.length);
    // Measured: 44 files for these two forms (42 for the goal agreement alone), against about 300 modules
    // through an import map; the ceiling catches a split that turns into hundreds of requests again.
    expect(scripts.length).to.be.at.most(60);
  });

  it('a value set on the element is submitted as JSON with the host form', async () => {
    const { doc } = await loadPage();
    const plan = doc.querySelector('fk-help-plan') as HTMLElement & {
      value: unknown;
      updateComplete: Promise<boolean>;
    };
    plan.value = { measures: [] };
    await plan.updateComplete;
    const data = new FormData(doc.querySelector('form')!);
    expect(JSON.parse(String(data.get('plan')))).to.deep.equal({ measures: [] });
  });
});
