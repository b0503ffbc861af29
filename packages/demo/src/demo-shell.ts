/**
 * The demo page's shell: registers the Fallkit elements and mounts `<fallkit-demo>` into a root element.
 * Kept apart from `main.ts` so a test can mount the whole application with its own database and passphrase.
 */
import './app/components.js';
import { FallkitDemo, type DemoAppOptions } from './app/demo-app.js';
import { mountDemo } from './mount.js';

export { FallkitDemo, mountDemo, type DemoAppOptions };
export { DEMO_PASSPHRASE, DEMO_DATABASE, openDemoSession, type DemoSession } from './app/demo-session.js';
export { DEMO_ACTORS, demoActor, type DemoActor } from './app/demo-actors.js';
export { demoCases, seedDemo } from './app/demo-seed.js';

/** The page title. */
export const DEMO_TITLE = 'Fallkit Demo – Kommunales Integrationsmanagement Musterstadt';
