/**
 * Entry of the demo page (`npm start`). Bundled with lit, dexie and zod into one offline file.
 */
import { MemoryCaseStore } from '@fallkit/core';
import { mountDemoShell } from './demo-shell.js';

const root = document.querySelector<HTMLElement>('#app');
if (root) {
  mountDemoShell(root, new MemoryCaseStore(), 'Arbeitsspeicher (MemoryCaseStore)');
}
