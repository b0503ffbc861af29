// Plain Vite: the components are ES modules with no condition of their own a dev server could pick wrongly.
export default {
  oxc: { jsx: { runtime: 'automatic' } },
  build: { chunkSizeWarningLimit: 2000 },
};
