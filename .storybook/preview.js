// Shared Storybook settings: German first, a plain page background like a host intranet.
/** @type {import('@storybook/web-components').Preview} */
const preview = {
  parameters: {
    controls: { expanded: true },
    backgrounds: { options: { page: { name: 'Seite', value: '#f6f7f9' }, white: { name: 'Weiß', value: '#ffffff' } } },
  },
  initialGlobals: { backgrounds: { value: 'white' } },
};
export default preview;
