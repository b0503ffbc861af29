import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import * as events from '../../src/events/index.js';

/**
 * The shipped manifest (`custom-elements.json`, written by `npm run build`) against the elements as they
 * run: every part, slot and design token an element renders or styles with, and every event its class (or
 * base class) dispatches, must be listed for its tag. Fails on anything the manifest leaves out.
 */

interface ManifestItem {
  readonly name: string;
  readonly type?: { readonly text: string };
}
interface Declaration {
  readonly name: string;
  readonly tagName?: string;
  readonly customElement?: boolean;
  readonly events?: readonly ManifestItem[];
  readonly cssProperties?: readonly ManifestItem[];
  readonly cssParts?: readonly ManifestItem[];
  readonly slots?: readonly ManifestItem[];
  readonly superclass?: { readonly name: string; readonly module?: string };
}
interface Manifest {
  readonly modules: readonly {
    readonly path: string;
    readonly declarations?: readonly Declaration[];
    readonly exports?: readonly {
      readonly kind: string;
      readonly name: string;
      readonly declaration: { readonly name: string; readonly module: string };
    }[];
  }[];
}

const EVENT_NAMES = new Map<string, string>(
  Object.values(events)
    .filter((value): value is typeof value & { eventName: string; name: string } => 'eventName' in value)
    .map((cls) => [cls.name, cls.eventName]),
);

let manifest: Manifest | undefined;
async function loadManifest(): Promise<Manifest> {
  if (manifest) return manifest;
  const response = await fetch('/packages/components/custom-elements.json');
  if (!response.ok) throw new Error('packages/components/custom-elements.json is missing: run npm run build');
  manifest = (await response.json()) as Manifest;
  return manifest;
}

/** `dist/x/y.js` → the source URL the test runner serves. */
const sourceUrl = (distPath: string) =>
  `/packages/components/${distPath.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts')}`;

/** Tokens (`--fk-…`) in an element's adopted styles and those of the Fallkit elements in its shadow tree. */
function tokensUsed(el: Element, into = new Set<string>()): Set<string> {
  const root = el.shadowRoot;
  if (!root) return into;
  for (const sheet of root.adoptedStyleSheets)
    for (const rule of Array.from(sheet.cssRules))
      for (const m of rule.cssText.matchAll(/var\((--fk-[a-z0-9-]+)/g)) into.add(m[1]!);
  for (const style of Array.from(root.querySelectorAll('style')))
    for (const m of (style.textContent ?? '').matchAll(/var\((--fk-[a-z0-9-]+)/g)) into.add(m[1]!);
  for (const inner of Array.from(root.querySelectorAll('*')))
    if (inner.localName.startsWith('fk-')) tokensUsed(inner, into);
  return into;
}

/** Event names dispatched in the class's module and its base classes' modules (source text). */
async function eventsDispatched(decl: Declaration, modulePath: string): Promise<Set<string>> {
  const names = new Set<string>();
  // The base classes (FkFormElement, FkFieldElement) are named by the manifest's superclass module.
  const paths = [modulePath, ...(decl.superclass?.module ? [decl.superclass.module] : [])];
  for (const path of paths) {
    const text = await (await fetch(sourceUrl(path))).text();
    for (const m of text.matchAll(/new (Fk\w+Event)\b/g)) {
      const name = EVENT_NAMES.get(m[1]!);
      if (name) names.add(name);
    }
    for (const m of text.matchAll(/new (?:Custom)?Event(?:<[^>]*>)?\(\s*['"]([a-z][a-z0-9-]*)['"]/g)) names.add(m[1]!);
  }
  return names;
}

describe('custom elements manifest: lists everything an element uses', function () {
  this.timeout(60_000);
  afterEach(() => fixtureCleanup());

  it('names a definition, dist paths and typed events for every define file', async () => {
    const m = await loadManifest();
    const definitions = m.modules.flatMap((mod) =>
      (mod.exports ?? []).filter((e) => e.kind === 'custom-element-definition'),
    );
    expect(definitions.length).to.be.greaterThan(20);
    for (const mod of m.modules) expect(mod.path, 'module paths point at dist').to.match(/^dist\/.*\.js$/);
    for (const def of definitions) {
      expect(def.declaration.module).to.match(/^dist\/.*\.js$/);
      const decl = m.modules
        .find((mod) => mod.path === def.declaration.module)
        ?.declarations?.find((d) => d.name === def.declaration.name);
      expect(decl, `declaration of <${def.name}>`).to.not.equal(undefined);
      expect(decl!.tagName).to.equal(def.name);
      for (const e of decl!.events ?? []) {
        expect(e.name, `<${def.name}> event name`).to.match(/^[a-z][a-z0-9-]*$/);
        expect(e.type?.text, `<${def.name}> ${e.name} has a type`).to.be.a('string');
      }
    }
  });

  it('every rendered part and slot, every token in the styles and every dispatched event is listed', async () => {
    const m = await loadManifest();
    const problems: string[] = [];
    for (const mod of m.modules) {
      for (const def of (mod.exports ?? []).filter((e) => e.kind === 'custom-element-definition')) {
        await import(/* @vite-ignore */ sourceUrl(mod.path));
        const declModule = def.declaration.module;
        const decl = m.modules
          .find((x) => x.path === declModule)!
          .declarations!.find((d) => d.name === def.declaration.name)!;
        const listed = (items?: readonly ManifestItem[]) => new Set((items ?? []).map((i) => i.name));
        const parts = listed(decl.cssParts);
        const slots = listed(decl.slots);
        const tokens = listed(decl.cssProperties);
        const eventNames = listed(decl.events);

        const host = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
        const el = document.createElement(def.name) as HTMLElement & {
          updateComplete?: Promise<unknown>;
          required?: boolean;
          reportValidity?: () => boolean;
        };
        host.append(el);
        await el.updateComplete;
        // Show the error state too (required and empty), where the element is a form control.
        if (typeof el.reportValidity === 'function' && 'required' in el) {
          el.required = true;
          el.reportValidity();
          await el.updateComplete;
        }
        const root = el.shadowRoot;
        if (root) {
          for (const node of Array.from(root.querySelectorAll('[part]')))
            for (const p of (node.getAttribute('part') ?? '').split(/\s+/).filter(Boolean))
              if (!parts.has(p)) problems.push(`<${def.name}> renders part "${p}"`);
          for (const slot of Array.from(root.querySelectorAll('slot'))) {
            const name = slot.getAttribute('name') ?? '';
            if (!slots.has(name) && !(name.startsWith('item-') && slots.has('item-<id>')))
              problems.push(`<${def.name}> renders slot "${name || '(default)'}"`);
          }
        }
        for (const t of tokensUsed(el)) if (!tokens.has(t)) problems.push(`<${def.name}> styles with ${t}`);
        for (const e of await eventsDispatched(decl, declModule))
          if (!eventNames.has(e)) problems.push(`<${def.name}> dispatches ${e}`);
        fixtureCleanup();
      }
    }
    expect(problems, 'not in custom-elements.json').to.deep.equal([]);
  });
});
