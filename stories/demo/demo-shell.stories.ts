import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { MemoryCaseStore } from '@fallkit/core';
import { mountDemoShell } from '../../packages/demo/src/demo-shell.js';

/** The page `npm start` serves, mounted on an in-memory store: the frame later issues fill with components. */
const meta: Meta = {
  title: 'Demo/Seitenrahmen (page shell)',
  parameters: { layout: 'fullscreen' },
};
export default meta;

/** A fresh installation: no cases yet. */
export const EmptyCaseload: StoryObj = {
  name: 'Leere Fallübersicht (empty caseload)',
  render: () => {
    const root = document.createElement('main');
    mountDemoShell(root, new MemoryCaseStore(), 'Arbeitsspeicher (MemoryCaseStore)');
    return root;
  },
};
