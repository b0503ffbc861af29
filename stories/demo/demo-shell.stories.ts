import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DEMO_PASSPHRASE, mountDemo } from '../../packages/demo/src/demo-shell.js';

/** The page `npm start` serves: the intranet page of the demo, unlocked with the demo passphrase. */
const meta: Meta = {
  title: 'Demo/Seitenrahmen (page shell)',
  parameters: { layout: 'fullscreen' },
};
export default meta;

/** The caseload of the seeded example cases, on the story's own encrypted IndexedDB database. */
export const Caseload: StoryObj = {
  name: 'Fallübersicht (caseload)',
  render: () => {
    const root = document.createElement('div');
    mountDemo(root, { databaseName: 'fallkit-storybook-demo', passphrase: DEMO_PASSPHRASE });
    return root;
  },
};
