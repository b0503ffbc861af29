// Custom elements manifest (ships in the package; feeds Storybook's controls and docs and the host typings).
// Run from packages/components: npx cem analyze --config custom-elements-manifest.config.mjs
// The analyzer reads the sources; cem/fallkit-manifest.mjs turns its output into the lean manifest with
// dist paths, definitions, typed events, tokens, parts and slots.
import { fallkitManifest } from './cem/fallkit-manifest.mjs';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/define/**', 'src/i18n/**', 'src/**/*.messages.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
  plugins: [fallkitManifest()],
};
