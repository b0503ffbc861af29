// @ts-check
/**
 * Storybook 10 for the Fallkit web components. Stories live in /stories (one folder per area); controls and
 * docs come from packages/components/custom-elements.json (written by `npm run build`). Telemetry is off: the
 * project reaches no network at run time.
 * @type {import('@storybook/web-components-vite').StorybookConfig}
 */
const config = {
  stories: ['../stories/**/*.stories.@(ts|js)'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    // Resolve workspace packages to their TypeScript sources (the scoped `@fallkit/source` export condition), so
    // stories need no package build.
    viteConfig.resolve = {
      ...viteConfig.resolve,
      conditions: ['@fallkit/source', 'browser', 'module', 'import', 'default'],
    };
    // Lit's decorators are compiled the legacy way repo-wide (experimentalDecorators): esbuild and oxc both.
    viteConfig.esbuild = {
      ...(viteConfig.esbuild ?? {}),
      tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    };
    viteConfig.oxc = {
      ...(viteConfig.oxc ?? {}),
      decorator: { legacy: true },
      typescript: { ...(viteConfig.oxc?.typescript ?? {}) },
    };
    // One preview bundle of lit, dexie and zod is expected; keep the build log for real problems.
    viteConfig.build = { ...(viteConfig.build ?? {}), chunkSizeWarningLimit: 2000 };
    return viteConfig;
  },
};
export default config;
