// @ts-check
/**
 * Post-processes the analyzer's custom elements manifest into the lean, correct one that ships:
 *
 * - module paths point at the built files (`dist/…/x.js`), the only files a host has;
 * - only custom elements are kept (their public properties, attributes and methods; no private or protected
 *   members, no helper functions), plus one module per define file with its `custom-element-definition`;
 * - events come from the `@event` tags (the analyzer also reads `new FkXEvent(detail)` as events named
 *   `detail` or `undefined`: dropped), each typed by its event class (`src/events/`), with the form's value
 *   and output types filled into the generic events (`fk-submit` of the assessment is
 *   `FkSubmitEvent<AssessmentFormData>`);
 * - CSS custom properties: every design token the element's styles read, its own and those of the Fallkit
 *   elements it renders (a token set on the element reaches them), found statically in the sources it
 *   imports; each with its default;
 * - parts and slots: every `part="…"` and `<slot>` in the templates of the element's module and the modules
 *   it imports (base classes, views), with the descriptions of the `@csspart` / `@slot` tags where given.
 *
 * `test/embedding/manifest.test.ts` renders every element and fails on a part, slot, token or event the
 * manifest does not list.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const src = join(packageRoot, 'src');

/** @param {string} file */
const read = (file) => readFileSync(file, 'utf8');

/** `src/x/y.ts` → `dist/x/y.js` */
export function distPath(/** @type {string} */ path) {
  return path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
}

/** Event name → event class, from `src/events/*.ts` (`static readonly eventName = '…'`). */
function eventClasses() {
  /** @type {Map<string, string>} */
  const map = new Map();
  for (const file of readdirSync(join(src, 'events'))) {
    const text = read(join(src, 'events', file));
    const cls = /export class (\w+)/.exec(text)?.[1];
    const name = /static readonly eventName = '([^']+)'/.exec(text)?.[1];
    if (cls && name) map.set(name, cls);
  }
  return map;
}

/** The relative imports of a source file, as absolute `.ts` paths. */
function importsOf(/** @type {string} */ file) {
  const text = read(file);
  const found = [];
  for (const match of text.matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)) {
    const target = resolve(dirname(file), /** @type {string} */ (match[1]).replace(/\.js$/, '.ts'));
    if (existsSync(target)) found.push(target);
  }
  return found;
}

/** `file` and every source it imports (relative imports, transitively), messages and i18n left out. */
function closure(/** @type {string} */ file) {
  /** @type {Set<string>} */
  const seen = new Set();
  const walk = (/** @type {string} */ f) => {
    if (seen.has(f) || /\.messages\.ts$|\/i18n\//.test(f)) return;
    seen.add(f);
    for (const next of importsOf(f)) walk(next);
  };
  walk(file);
  return [...seen];
}

/** Splits the type arguments of `Name<…>` at top-level commas. */
function typeArguments(/** @type {string} */ text, /** @type {string} */ generic) {
  const start = text.indexOf(`extends ${generic}<`);
  if (start < 0) return [];
  let depth = 0;
  let current = '';
  const args = [];
  for (let i = start + `extends ${generic}<`.length; i < text.length; i++) {
    const c = /** @type {string} */ (text[i]);
    if (c === '<') depth++;
    if (c === '>') {
      if (depth === 0) break;
      depth--;
    }
    if (c === ',' && depth === 0) {
      args.push(current.trim());
      current = '';
    } else current += c;
  }
  if (current.trim()) args.push(current.trim());
  return args;
}

/** Token defaults from `src/theme/tokens.ts`. */
function tokenDefaults() {
  const text = read(join(src, 'theme', 'tokens.ts'));
  /** @type {Map<string, string>} */
  const map = new Map();
  for (const m of text.matchAll(/^\s*'([a-z0-9-]+)':\s*\n?\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'),?$/gm))
    map.set(`--fk-${m[1]}`, /** @type {string} */ (m[2]).slice(1, -1));
  return map;
}

/** What a set of source files use: tokens, parts, slots, rendered Fallkit tags. */
function usesOf(/** @type {string[]} */ files) {
  const tokens = new Set();
  const parts = new Set();
  const slots = new Set();
  const tags = new Set();
  for (const file of files) {
    const text = read(file);
    for (const m of text.matchAll(/token\('([a-z0-9-]+)'\)/g)) tokens.add(`--fk-${m[1]}`);
    for (const m of text.matchAll(/var\((--fk-[a-z0-9-]+)/g)) tokens.add(m[1]);
    for (const m of text.matchAll(/\bpart="([^"$]+)"/g))
      for (const p of /** @type {string} */ (m[1]).split(/\s+/)) if (p) parts.add(p);
    for (const m of text.matchAll(/<slot(?:\s+name="([^"]+)")?/g)) slots.add(m[1] ?? '');
    for (const m of text.matchAll(/<(fk-[a-z-]+)[\s>]/g)) tags.add(m[1]);
  }
  return { tokens, parts, slots, tags };
}

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
export function fallkitManifest() {
  return {
    name: 'fallkit-manifest',
    packageLinkPhase({ customElementsManifest }) {
      const manifest = /** @type {any} */ (customElementsManifest);
      const events = eventClasses();
      const defaults = tokenDefaults();

      // Definitions from the define files: tag → class, and the class's module.
      /** @type {Map<string, string>} class name → tag */
      const tagOf = new Map();
      /** @type {{ tag: string, cls: string, module: string, file: string }[]} */
      const definitions = [];
      for (const file of readdirSync(join(src, 'define')).sort()) {
        if (!/^fk-.*\.ts$/.test(file)) continue;
        const text = read(join(src, 'define', file));
        const m = /defineElement\('([a-z0-9-]+)',\s*(\w+)\)/.exec(text);
        if (!m) continue;
        const [, tag, cls] = /** @type {[string, string, string]} */ (m);
        const from = new RegExp(`import \\{[^}]*\\b${cls}\\b[^}]*\\} from '([^']+)'`).exec(text)?.[1];
        if (!from) continue;
        const module = relative(packageRoot, resolve(join(src, 'define'), from.replace(/\.js$/, '.ts')));
        tagOf.set(cls, tag);
        definitions.push({ tag, cls, module, file: `src/define/${file}` });
      }

      /** @type {Map<string, ReturnType<typeof usesOf>>} */
      const usesByTag = new Map();
      for (const d of definitions) usesByTag.set(d.tag, usesOf(closure(join(packageRoot, d.module))));
      /** Tokens of a tag and of every Fallkit element it renders. */
      const tokensOf = (/** @type {string} */ tag, seen = new Set()) => {
        if (seen.has(tag)) return new Set();
        seen.add(tag);
        const own = usesByTag.get(tag);
        if (!own) return new Set();
        const all = new Set(own.tokens);
        for (const inner of own.tags) if (inner !== tag) for (const t of tokensOf(inner, seen)) all.add(t);
        return all;
      };

      const modules = [];
      for (const mod of manifest.modules) {
        const declarations = (mod.declarations ?? []).filter(
          (/** @type {any} */ d) => d.kind === 'class' && tagOf.has(d.name),
        );
        if (declarations.length === 0) continue;
        const sourceText = read(join(packageRoot, mod.path));
        for (const d of declarations) {
          const tag = /** @type {string} */ (tagOf.get(d.name));
          d.tagName = tag;
          d.customElement = true;
          d.members = (d.members ?? []).filter(
            (/** @type {any} */ m) =>
              !m.static && m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'),
          );
          d.attributes = (d.attributes ?? []).filter((/** @type {any} */ a) => a.name && !a.name.startsWith('_'));
          for (const part of [...(d.members ?? []), ...(d.attributes ?? [])]) {
            if (part.inheritedFrom?.module) part.inheritedFrom.module = distPath(part.inheritedFrom.module);
          }
          if (d.superclass?.module) d.superclass.module = distPath(d.superclass.module);

          // Events: named ones only, typed by their class; the form's generics filled in.
          const [valueType = 'unknown', outType = valueType] = typeArguments(sourceText, 'FkFormElement');
          /** @type {Map<string, any>} */
          const byName = new Map();
          for (const e of d.events ?? []) {
            // Only real event names: a Fallkit event class's, or the native `change` / `input` of the fields.
            if (typeof e.name !== 'string' || !(events.has(e.name) || e.name === 'change' || e.name === 'input'))
              continue;
            if (!byName.has(e.name) || (e.description && !byName.get(e.name).description)) byName.set(e.name, e);
          }
          d.events = [...byName.values()].map((e) => {
            const cls = events.get(e.name);
            let type = e.type?.text;
            if (e.name === 'change' && typeArguments(sourceText, 'FkFormElement').length)
              type = `CustomEvent<FkChangeDetail<${valueType}>>`;
            else if (e.name === 'fk-change') type = `FkChangeEvent<${valueType}>`;
            else if (e.name === 'fk-submit') type = `FkSubmitEvent<${outType}>`;
            else if (e.name === 'fk-refused') type = `FkRefusedEvent<${valueType}>`;
            else if (cls) type = cls;
            else if (!type || /^Fk\w+Event$/.test(type) === false) type = e.name === 'input' ? 'InputEvent' : 'Event';
            const { inheritedFrom, ...rest } = e;
            return {
              ...rest,
              type: { text: type },
              ...(inheritedFrom ? { inheritedFrom: { ...inheritedFrom, module: distPath(inheritedFrom.module) } } : {}),
            };
          });

          // CSS custom properties, parts, slots: what the sources use, with the tags' descriptions.
          const uses = usesByTag.get(tag) ?? usesOf([]);
          const described = new Map((d.cssProperties ?? []).map((/** @type {any} */ p) => [p.name, p]));
          d.cssProperties = [...tokensOf(tag)].sort().map((name) => {
            const given = described.get(name);
            const def = defaults.get(name);
            return {
              name,
              ...(given?.description ? { description: given.description } : {}),
              ...(def !== undefined ? { default: def } : {}),
            };
          });
          const partDocs = new Map((d.cssParts ?? []).map((/** @type {any} */ p) => [p.name, p.description]));
          // Parts named from state (`part="step step-${state}"`) are documented as `(also `step-done`, …)`.
          for (const [name, description] of [...partDocs]) {
            const also = /\(also ([^)]*)\)/.exec(description ?? '')?.[1] ?? '';
            for (const m of also.matchAll(/`([a-z0-9-]+)`/g))
              if (!partDocs.has(m[1])) partDocs.set(m[1], `A \`${name}\` in that state.`);
          }
          d.cssParts = [...new Set([...uses.parts, ...partDocs.keys()])].sort().map((name) => ({
            name,
            description: partDocs.get(name) ?? '',
          }));
          const slotDocs = new Map((d.slots ?? []).map((/** @type {any} */ s) => [s.name, s.description]));
          d.slots = [...new Set([...uses.slots, ...slotDocs.keys()])].sort().map((name) => ({
            name,
            description: slotDocs.get(name) ?? (name === '' ? 'Default slot.' : ''),
          }));
        }
        modules.push({
          kind: 'javascript-module',
          path: distPath(mod.path),
          declarations,
          exports: declarations.map((/** @type {any} */ d) => ({
            kind: 'js',
            name: d.name,
            declaration: { name: d.name, module: distPath(mod.path) },
          })),
        });
      }
      for (const def of definitions) {
        modules.push({
          kind: 'javascript-module',
          path: distPath(def.file),
          declarations: [],
          exports: [
            {
              kind: 'custom-element-definition',
              name: def.tag,
              declaration: { name: def.cls, module: distPath(def.module) },
            },
          ],
        });
      }
      manifest.modules = modules;
    },
  };
}
