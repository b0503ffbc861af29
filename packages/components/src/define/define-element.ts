/**
 * The version of this copy of `@fallkit/components`, injected by the build (rollup's esbuild `define`);
 * `0.0.0-source` when the sources run untransformed (tests, Storybook).
 */
declare const __FALLKIT_VERSION__: string | undefined;
export const FALLKIT_VERSION: string = typeof __FALLKIT_VERSION__ === 'string' ? __FALLKIT_VERSION__ : '0.0.0-source';

/** The page's Fallkit registrations, shared by every copy (a global symbol, not a module variable). */
interface Registrations {
  /** The copy that registered first: it owns every `fk-` tag of the page. */
  owner?: symbol;
  ownerVersion?: string;
}

const REGISTRATIONS = Symbol.for('fallkit.components.registrations');

/** This copy of the module (every bundled or installed copy has its own). */
const THIS_COPY = Symbol(`fallkit ${FALLKIT_VERSION}`);

let warned = false;

function registrations(): Registrations {
  const holder = globalThis as typeof globalThis & { [REGISTRATIONS]?: Registrations };
  holder[REGISTRATIONS] ??= {};
  return holder[REGISTRATIONS];
}

function warnOnce(name: string, theirs: string): void {
  if (warned) return;
  warned = true;
  const copy = theirs === FALLKIT_VERSION ? 'zweite Kopie' : 'Kopie';
  const copyEn = theirs === FALLKIT_VERSION ? 'second copy' : 'copy';
  console.warn(
    `Fallkit: <${name}> und die anderen Fallkit-Elemente sind bereits von Fallkit ${theirs} registriert; diese ${copy} ` +
      `(Fallkit ${FALLKIT_VERSION}) registriert keines ihrer Elemente, die Seite verwendet die von Fallkit ${theirs}. ` +
      `/ <${name}> and the other Fallkit elements are already registered by Fallkit ${theirs}; this ${copyEn} ` +
      `(Fallkit ${FALLKIT_VERSION}) registers none of its elements, the page uses those of Fallkit ${theirs}. ` +
      'See docs/components.md, "Two versions on one page".',
  );
}

/**
 * Registers a custom element, unless another copy of Fallkit owns the page's tags.
 *
 * A second copy on one page (a common embedding accident, lit issue 4455) cannot define a tag again ("the
 * name has already been used with this registry"), and registering only the tags the first copy lacks would
 * put one version's form around the other version's fields. So the first copy that registers anything owns
 * every Fallkit tag of the page; every later copy registers nothing and warns once in the console (German
 * and English), naming the tag and both versions. Two versions side by side: docs/components.md, "Two
 * versions on one page".
 */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  const page = registrations();
  page.owner ??= THIS_COPY;
  page.ownerVersion ??= FALLKIT_VERSION;
  if (page.owner !== THIS_COPY) {
    warnOnce(name, page.ownerVersion);
    return;
  }
  const existing = customElements.get(name);
  if (!existing) customElements.define(name, constructor);
  // Taken by something that is not a Fallkit copy of this page (or one from before this check existed).
  else if (existing !== constructor) warnOnce(name, 'unbekannt/unknown');
}
