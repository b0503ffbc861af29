/**
 * Entry of the demo page (`npm start`). Bundled with lit, dexie and zod into one offline file.
 *
 * The store is encrypted at rest (DP-37): the page asks for the passphrase, which for this demo of
 * invented cases is printed on the page. `?demo-passphrase=…` in the address unlocks at once (for the
 * screenshots and smoke test; a real host never puts a passphrase in a URL).
 */
import { mountDemo } from './demo-shell.js';

const root = document.querySelector<HTMLElement>('#app');
if (root) mountDemo(root);
