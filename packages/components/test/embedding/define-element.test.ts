import { expect } from '@open-wc/testing';

type DefineModule = typeof import('../../src/define/define-element.js');

/**
 * Two copies of the components on one page. Each import with another query string is a separate module
 * instance, as a second bundled or installed copy is; the version of a copy is read from the build's
 * `__FALLKIT_VERSION__`, which the test sets as a global before loading the copy.
 */
async function loadCopy(tag: string, version?: string): Promise<DefineModule> {
  const g = globalThis as { __FALLKIT_VERSION__?: string };
  if (version === undefined) delete g.__FALLKIT_VERSION__;
  else g.__FALLKIT_VERSION__ = version;
  try {
    return (await import(/* @vite-ignore */ `../../src/define/define-element.ts?copy=${tag}`)) as DefineModule;
  } finally {
    delete g.__FALLKIT_VERSION__;
  }
}

function captureWarnings(): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  return { messages, restore: () => (console.warn = original) };
}

const REGISTRATIONS = Symbol.for('fallkit.components.registrations');

describe('double registration: two copies of the components on one page', () => {
  let saved: unknown;
  beforeEach(() => {
    const g = globalThis as Record<symbol, unknown>;
    // This test plays a fresh page: the copy of the other test files of this page must not own it.
    saved = g[REGISTRATIONS];
    delete g[REGISTRATIONS];
  });
  afterEach(() => {
    (globalThis as Record<symbol, unknown>)[REGISTRATIONS] = saved;
  });

  it('the first copy registers; a second version registers nothing and warns once, naming both versions', async () => {
    const first = await loadCopy('first-a', '1.4.0');
    const second = await loadCopy('second-a', '2.0.0');
    expect(first.FALLKIT_VERSION).to.equal('1.4.0');
    expect(second.FALLKIT_VERSION).to.equal('2.0.0');
    class A extends HTMLElement {}
    class B extends HTMLElement {}
    class C extends HTMLElement {}
    const warnings = captureWarnings();
    try {
      first.defineElement('fk-dup-one-a', A);
      second.defineElement('fk-dup-one-a', B);
      // A tag only the second copy has: still not registered, so one version never wraps the other's fields.
      second.defineElement('fk-dup-two-a', C);
    } finally {
      warnings.restore();
    }
    expect(customElements.get('fk-dup-one-a')).to.equal(A);
    expect(customElements.get('fk-dup-two-a')).to.equal(undefined);
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('<fk-dup-one-a>');
    expect(warnings.messages[0]).to.contain('Fallkit 1.4.0');
    expect(warnings.messages[0]).to.contain('Fallkit 2.0.0');
    expect(warnings.messages[0]).to.contain('registriert keines ihrer Elemente');
    expect(warnings.messages[0]).to.contain('registers none of its elements');
  });

  it('a second copy of the same version warns as a second copy', async () => {
    const first = await loadCopy('first-b', '1.4.0');
    const second = await loadCopy('second-b', '1.4.0');
    class A extends HTMLElement {}
    const warnings = captureWarnings();
    try {
      first.defineElement('fk-dup-one-b', A);
      second.defineElement('fk-dup-one-b', class extends HTMLElement {});
      second.defineElement('fk-dup-one-b', class extends HTMLElement {});
    } finally {
      warnings.restore();
    }
    expect(customElements.get('fk-dup-one-b')).to.equal(A);
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('zweite Kopie');
  });

  it('one copy defining its tags again is silent (the define files of one copy share the registry)', async () => {
    const only = await loadCopy('only-c');
    expect(only.FALLKIT_VERSION).to.equal('0.0.0-source');
    class A extends HTMLElement {}
    const warnings = captureWarnings();
    try {
      only.defineElement('fk-dup-one-c', A);
      only.defineElement('fk-dup-one-c', A);
    } finally {
      warnings.restore();
    }
    expect(customElements.get('fk-dup-one-c')).to.equal(A);
    expect(warnings.messages).to.deep.equal([]);
  });
});
