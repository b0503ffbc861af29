// Custom elements manifest (feeds Storybook's controls and docs). Run from packages/components:
// npx cem analyze --config custom-elements-manifest.config.mjs
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/define/**'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
};
