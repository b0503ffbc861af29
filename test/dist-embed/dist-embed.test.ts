import { expect, waitUntil } from '@open-wc/testing';

/**
 * The three forms of issue 8, BUILT (packages/components/dist), in a plain HTML page without a build step:
 * the page loads lit, @lit/context, zod and @fallkit/core through an import map. The page runs in an iframe;
 * the test fills each form standalone and submits the host form, which carries each value as JSON.
 */

type FormLike = HTMLElement & {
  value: unknown;
  updateComplete: Promise<boolean>;
  checkValidity(): boolean;
  requestSubmit(): Promise<boolean>;
};

async function loadPage(): Promise<{
  win: Window & { fallkitEmbed?: { ready: boolean; coreSchema: boolean } };
  doc: Document;
}> {
  const iframe = document.createElement('iframe');
  iframe.style.inlineSize = '1280px';
  iframe.style.blockSize = '900px';
  iframe.src = '/test/dist-embed/index.html';
  document.body.append(iframe);
  await waitUntil(
    () => (iframe.contentWindow as { fallkitEmbed?: { ready: boolean } } | null)?.fallkitEmbed?.ready === true,
    'the page loaded the built components',
    {
      timeout: 20000,
    },
  );
  return {
    win: iframe.contentWindow as Window & { fallkitEmbed?: { ready: boolean; coreSchema: boolean } },
    doc: iframe.contentDocument!,
  };
}

describe('dist embed: the built forms in a plain HTML page with an import map', function () {
  // Dozens of unbundled modules load one by one; on a busy machine that takes a while.
  this.timeout(30_000);
  it('loads the built files, not the sources', async () => {
    const response = await fetch('/packages/components/dist/define/fk-help-plan.js');
    expect(response.ok, 'packages/components/dist is built (npm run build)').to.equal(true);
    const { win } = await loadPage();
    expect(win.fallkitEmbed!.coreSchema).to.equal(true);
    const scripts = win.performance.getEntriesByType('resource').map((e) => e.name);
    expect(
      scripts.some((url) => url.includes('/__embed__/packages/components/dist/define/fk-assessment-form.js')),
    ).to.equal(true);
    expect(scripts.some((url) => url.includes('/__embed__/node_modules/@fallkit/core/dist/'))).to.equal(true);
    expect(scripts.some((url) => url.includes('/packages/components/src/'))).to.equal(false);
    expect(scripts.some((url) => url.includes('/packages/core/src/'))).to.equal(false);
  });

  it('renders the three forms and submits them with the host form', async () => {
    const { win, doc } = await loadPage();
    for (const tag of ['fk-assessment-form', 'fk-goal-agreement', 'fk-help-plan'])
      expect(win.customElements.get(tag), `${tag} is defined`).to.not.equal(undefined);
    const assessment = doc.querySelector<FormLike>('fk-assessment-form')!;
    const goals = doc.querySelector<FormLike>('fk-goal-agreement')!;
    const plan = doc.querySelector<FormLike>('fk-help-plan')!;
    await Promise.all([assessment.updateComplete, goals.updateComplete, plan.updateComplete]);
    expect(assessment.shadowRoot!.textContent).to.contain('Wünsche und Träume');
    expect(goals.shadowRoot!.textContent).to.contain('Zielvereinbarung');
    expect(plan.shadowRoot!.textContent).to.contain('Hilfeplan');

    // Empty required forms block the host form (the assessment needs a life domain).
    const form = doc.getElementById('host-form') as HTMLFormElement;
    let submitted: FormData | undefined;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted = new FormData(form);
    });
    expect(form.checkValidity()).to.equal(false);

    // Fill by the forms' own buttons and fields, as a user would.
    const click = (host: HTMLElement, text: RegExp) => {
      const b = [...host.shadowRoot!.querySelectorAll('button')].find((x) => text.test(x.textContent ?? ''));
      if (!b) throw new Error(`no button ${text}`);
      b.click();
    };
    const type = async (host: FormLike, path: string, text: string) => {
      const field = host.shadowRoot!.querySelector(`[data-path="${path}"]`)!;
      const input = field.shadowRoot!.querySelector<HTMLInputElement>('input, textarea')!;
      input.value = text;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await host.updateComplete;
    };
    await type(assessment, 'wishesAndDreams', 'Eine Wohnung für die Familie');
    click(assessment, /Wohnen/);
    await assessment.updateComplete;
    await type(assessment, 'domains.0.problems', 'Zu fünft in einem Zimmer');

    click(goals, /Ziel hinzufügen/);
    await goals.updateComplete;
    await type(goals, 'goals.0.title', 'Eigene Wohnung bis Herbst');
    await type(goals, 'goals.0.agreement.agreedOn', '2026-03-01');

    click(plan, /Maßnahme hinzufügen/);
    await plan.updateComplete;
    await type(plan, 'measures.0.title', 'Wohnungslotsen');
    await type(plan, 'measures.0.by.name', 'Wohnungslotsen e. V.');

    for (const el of [assessment, goals, plan]) expect(el.checkValidity(), el.localName).to.equal(true);
    let fkSubmit = 0;
    plan.addEventListener('fk-submit', () => fkSubmit++);
    expect(await plan.requestSubmit()).to.equal(true);
    expect(fkSubmit).to.equal(1);

    (doc.getElementById('send') as HTMLButtonElement).click();
    expect(submitted, 'the host form submitted').to.not.equal(undefined);
    expect(JSON.parse(submitted!.get('assessment') as string).domains[0]).to.include({
      domainId: 'housing',
      problems: 'Zu fünft in einem Zimmer',
    });
    expect(JSON.parse(submitted!.get('goals') as string).goals[0]).to.include({ title: 'Eigene Wohnung bis Herbst' });
    expect(JSON.parse(submitted!.get('plan') as string).measures[0]).to.deep.include({ title: 'Wohnungslotsen' });
  });
});
