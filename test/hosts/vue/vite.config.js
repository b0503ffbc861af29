import vue from '@vitejs/plugin-vue';

// Vue is told which tags are custom elements; the components need nothing else from the dev server.
export default {
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('fk-') } } })],
  build: { chunkSizeWarningLimit: 2000 },
};
