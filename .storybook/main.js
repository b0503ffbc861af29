// Storybook 10 for the Fallkit web components. Stories live in /stories, one folder per area.
/** @type {import('@storybook/web-components-vite').StorybookConfig} */
const config = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    // Resolve workspace packages to their TypeScript sources (the `development` export condition).
    viteConfig.resolve = {
      ...viteConfig.resolve,
      conditions: ['development', 'browser', 'module', 'import', 'default'],
    };
    // Lit's decorators are compiled the legacy way repo-wide (experimentalDecorators).
    viteConfig.esbuild = { ...(viteConfig.esbuild ?? {}), tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } } };
    viteConfig.oxc = { ...(viteConfig.oxc ?? {}), decorator: { legacy: true }, typescript: { ...(viteConfig.oxc?.typescript ?? {}) } };
    return viteConfig;
  },
};
export default config;
