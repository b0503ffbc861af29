/**
 * Entry of the demo page (`npm start`), bundled with lit, dexie and zod and split into chunks: this one holds
 * the application, the store and the elements of the first screen; each case tab's element is its own chunk,
 * loaded when the tab is first shown (`loading/element-loader.ts`) and preloaded when the browser is idle.
 *
 * The store is encrypted at rest (DP-37): the page asks for the passphrase, which for this demo of
 * invented cases is printed on the page. `?demo-passphrase=…` in the address unlocks at once (for the
 * screenshots and smoke test; a real host never puts a passphrase in a URL), and `?demo-db=…` names the
 * database, so two tests that serve the page at once do not share (and delete) one store.
 */
import './loading/shell-elements.js';
import { enableLazyElements, preloadElements } from './loading/element-loader.js';
import { mountDemo } from './mount.js';

enableLazyElements();
const root = document.querySelector<HTMLElement>('#app');
const databaseName = new URLSearchParams(window.location.search).get('demo-db') ?? undefined;
if (root) mountDemo(root, databaseName === undefined ? {} : { databaseName });
// The other elements arrive while the person reads the first screen, so a tab opens without waiting.
const idle = (callback: () => void): void => {
  if ('requestIdleCallback' in window) window.requestIdleCallback(callback, { timeout: 3000 });
  else setTimeout(callback, 1500);
};
idle(preloadElements);
