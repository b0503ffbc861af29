/**
 * Packs the public packages (`packages.mjs`) as they are published: `npm pack` of a staged copy of each package in
 * `.tmp/pack/stage/<pkg>/`, tarballs in `.tmp/pack/`. The stage holds what a host needs and nothing else:
 *
 * - `dist/` without `.tsbuildinfo` and without declaration maps (they would point at `src/`, which is not
 *   shipped: the JavaScript source maps carry the TypeScript text in `sourcesContent`, so debugging needs no
 *   `src/` either);
 * - the package's README and the repository's LICENSE (the EUPL wants its text with every copy);
 * - `custom-elements.json` for the components;
 * - a `package.json` whose exports point only at built JavaScript: the repository's own `@fallkit/source`
 *   condition (sources for tests, Storybook and benchmarks) and the `src/` side-effect globs are removed.
 *
 * Publish a tarball from `.tmp/pack/` (`npm publish .tmp/pack/fallkit-core-0.1.0.tgz`), never the
 * package folder. Needs a build (`npm run build`) first.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';

/** The published packages, in dependency order (one list for every script). */
import { PUBLIC_PACKAGES } from './packages.mjs';

export { PUBLIC_PACKAGES };

/** The repository's own condition: stripped from every published `package.json`. */
export const SOURCE_CONDITION = '@fallkit/source';

/**
 * @param {unknown} value an `exports` value
 * @returns {unknown} the same without the source condition
 */
export function withoutSourceCondition(value) {
  if (Array.isArray(value)) return value.map(withoutSourceCondition);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== SOURCE_CONDITION)
      .map(([key, inner]) => [key, withoutSourceCondition(inner)]),
  );
}

/**
 * The `package.json` as published.
 * @param {Record<string, unknown>} manifest
 */
export function publishedManifest(manifest) {
  const published = { ...manifest, exports: withoutSourceCondition(manifest.exports) };
  if (Array.isArray(manifest.sideEffects))
    published.sideEffects = manifest.sideEffects.filter((glob) => !String(glob).startsWith('./src/'));
  const files = ['dist'];
  if (existsSync(join(repoRoot, 'packages', String(manifest.name).replace('@fallkit/', ''), 'custom-elements.json')))
    files.push('custom-elements.json');
  published.files = files;
  return published;
}

/**
 * Stages and packs every public package.
 * @param {{ outDir?: string, quiet?: boolean }} [options]
 * @returns {{ name: string, pkg: string, tarball: string }[]}
 */
export function packPackages({ outDir = join(repoRoot, '.tmp', 'pack'), quiet = false } = {}) {
  const stageRoot = join(outDir, 'stage');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(stageRoot, { recursive: true });
  return PUBLIC_PACKAGES.map((pkg) => {
    const source = join(repoRoot, 'packages', pkg);
    const stage = join(stageRoot, pkg);
    if (!existsSync(join(source, 'dist', 'index.js')))
      throw new Error(`packages/${pkg}/dist is not built: run npm run build first`);
    cpSync(join(source, 'dist'), join(stage, 'dist'), {
      recursive: true,
      filter: (path) => !path.endsWith('.tsbuildinfo') && !path.endsWith('.d.ts.map'),
    });
    const ce = join(source, 'custom-elements.json');
    if (existsSync(ce)) cpSync(ce, join(stage, 'custom-elements.json'));
    cpSync(join(source, 'README.md'), join(stage, 'README.md'));
    cpSync(join(repoRoot, 'LICENSE'), join(stage, 'LICENSE'));
    const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
    writeFileSync(join(stage, 'package.json'), `${JSON.stringify(publishedManifest(manifest), null, 2)}\n`);
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], {
      cwd: stage,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', quiet ? 'ignore' : 'inherit'],
    });
    const [info] = JSON.parse(out);
    return { name: manifest.name, pkg, tarball: join(outDir, info.filename) };
  });
}
