/// <reference types="node" />
/**
 * Measures what a host pays for one entry: the entry bundled alone with rollup, minified with terser, gzipped
 * at level 9 (the same recipe as `bench/cases/bundle-size.bench.mjs`, so the gate and the bench agree). Peers
 * a host loads once for all (lit, @lit/context, dexie, and zod unless asked for) stay external; so do the
 * other `@fallkit` packages when an entry of one package is measured.
 *
 * Builds are cached by entry within one run: the gate's tests and the test of the gate share them.
 */
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup, type Plugin } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';

/** The repository root, from this file's place in `packages/core/test/size/`. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** What a host loads once for every entry, never counted against one. */
export const PEERS: readonly RegExp[] = [/^lit($|\/)/, /^@lit\//, /^dexie($|\/)/];
export const ZOD: RegExp = /^zod($|\/)/;
export const WORKSPACE: RegExp = /^@fallkit\//;

/** One entry to measure: a source file, or a few lines of code that import from sources (a virtual entry). */
export interface EntrySpec {
  /** A path from the repository root, or virtual module code (imports by path from the repository root). */
  readonly input: { readonly file: string } | { readonly code: string };
  /** Imports left out of the bundle (the host has them anyway). */
  readonly external: readonly RegExp[];
  /**
   * Files bundled in one rollup build with this one (`input.file` among them), to keep the gate fast: each
   * is then measured as its entry chunk plus every chunk it loads, so code two entries share is counted for
   * both, as a host importing one of them pays it. A module shared with an entry that uses more of its exports
   * keeps those exports here too, so a figure may read a little higher than the entry bundled alone (the
   * bench's figure); never lower.
   */
  readonly together?: readonly string[];
}

export interface Measured {
  readonly minified: number;
  readonly gzipped: number;
  /** Modules that contributed code, as paths from the repository root (`node_modules/...` for packages). */
  readonly modules: readonly string[];
  /** External imports the bundle keeps (peers and other packages it needs at run time). */
  readonly imports: readonly string[];
}

const VIRTUAL = '\0fallkit-size-entry';

function virtualEntry(code: string): Plugin {
  return {
    name: 'fallkit-size-entry',
    resolveId: (id) => (id === VIRTUAL ? id : null),
    load: (id) => (id === VIRTUAL ? code : null),
  };
}

const cache = new Map<string, Promise<Measured>>();

/** Bundles, minifies and gzips one entry; the same spec (or group) is built once per run. */
export function measure(spec: EntrySpec): Promise<Measured> {
  if (spec.together && 'file' in spec.input) return measureInGroup(spec.input.file, spec.together, spec.external);
  const key = JSON.stringify({ input: spec.input, external: spec.external.map(String) });
  let measured = cache.get(key);
  if (!measured) {
    measured = build(spec);
    cache.set(key, measured);
  }
  return measured;
}

const groups = new Map<string, Promise<Map<string, Measured>>>();

async function measureInGroup(file: string, together: readonly string[], external: readonly RegExp[]) {
  const key = JSON.stringify({ together, external: external.map(String) });
  let group = groups.get(key);
  if (!group) {
    group = buildGroup(together, external);
    groups.set(key, group);
  }
  const measured = (await group).get(file);
  if (!measured) throw new Error(`${file} is not among the files built together with it`);
  return measured;
}

function plugins(extra: Plugin[] = []): Plugin[] {
  return [
    ...extra,
    // Browser and production conditions: lit's production build; the sources are the input, never dist.
    nodeResolve({ browser: true, rootDir: repoRoot }),
    esbuild({ target: 'es2022', tsconfig: join(repoRoot, 'tsconfig.base.json') }),
    terser({ format: { comments: false } }),
  ];
}

const fromRoot = (id: string): string => relative(repoRoot, id).split(sep).join('/');

async function buildGroup(files: readonly string[], external: readonly RegExp[]): Promise<Map<string, Measured>> {
  const bundle = await rollup({
    input: files.map((file) => join(repoRoot, file)),
    external: (id) => external.some((pattern) => pattern.test(id)),
    plugins: plugins(),
    onwarn: () => undefined,
  });
  try {
    const { output } = await bundle.generate({ format: 'es' });
    const chunks = new Map(output.flatMap((item) => (item.type === 'chunk' ? [[item.fileName, item] as const] : [])));
    const result = new Map<string, Measured>();
    for (const entry of chunks.values()) {
      if (!entry.isEntry || !entry.facadeModuleId) continue;
      // The entry chunk and all it loads, statically or on demand (as `inlineDynamicImports` counts alone).
      const loaded = new Set([entry.fileName]);
      for (const name of loaded) {
        const chunk = chunks.get(name);
        for (const next of [...(chunk?.imports ?? []), ...(chunk?.dynamicImports ?? [])]) {
          if (chunks.has(next)) loaded.add(next);
        }
      }
      const parts = [...loaded].map((name) => chunks.get(name)!);
      const code = parts.map((chunk) => chunk.code).join('');
      result.set(fromRoot(entry.facadeModuleId), {
        minified: Buffer.byteLength(code),
        gzipped: gzipSync(code, { level: 9 }).length,
        modules: parts.flatMap((chunk) =>
          Object.entries(chunk.modules)
            .filter(([, info]) => info.renderedLength > 0)
            .map(([id]) => fromRoot(id)),
        ),
        imports: [...new Set(parts.flatMap((chunk) => [...chunk.imports, ...chunk.dynamicImports]))].filter(
          (id) => !chunks.has(id),
        ),
      });
    }
    return result;
  } finally {
    await bundle.close();
  }
}

async function build(spec: EntrySpec): Promise<Measured> {
  const isVirtual = 'code' in spec.input;
  const bundle = await rollup({
    input: 'code' in spec.input ? VIRTUAL : join(repoRoot, spec.input.file),
    external: (id) => spec.external.some((pattern) => pattern.test(id)),
    plugins: plugins(isVirtual ? [virtualEntry((spec.input as { code: string }).code)] : []),
    onwarn: () => undefined,
  });
  try {
    const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
    const chunks = output.flatMap((item) => (item.type === 'chunk' ? [item] : []));
    const code = chunks.map((chunk) => chunk.code).join('');
    const modules = chunks
      .flatMap((chunk) => Object.entries(chunk.modules))
      .filter(([id, info]) => info.renderedLength > 0 && id !== VIRTUAL)
      .map(([id]) => fromRoot(id));
    return {
      minified: Buffer.byteLength(code),
      gzipped: gzipSync(code, { level: 9 }).length,
      modules,
      imports: [...new Set(chunks.flatMap((chunk) => chunk.imports))],
    };
  } finally {
    await bundle.close();
  }
}
