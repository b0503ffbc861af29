// @ts-check
/**
 * Shared Storybook settings: German first, a plain page background like a host intranet. Loads the custom
 * elements manifest for controls and docs when `npm run build` has written it; Storybook still starts without.
 */
import { setCustomElementsManifest } from '@storybook/web-components';

// A glob, not a plain import: a missing manifest yields an empty match instead of a failed build.
const manifests = import.meta.glob('../packages/components/custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(manifests)[0];
if (manifest) setCustomElementsManifest(manifest);

/** @type {import('@storybook/web-components').Preview} */
const preview = {
  parameters: {
    controls: { expanded: true },
    backgrounds: {
      options: { page: { name: 'Seite', value: '#f6f7f9' }, white: { name: 'Weiß', value: '#ffffff' } },
    },
  },
  initialGlobals: { backgrounds: { value: 'white' } },
};
export default preview;
