/**
 * Mounts `<fallkit-demo>` into a root element. Kept apart from the element registrations so the bundle's entry
 * (`main.ts`, which loads the case tabs' elements lazily) and the tests (`demo-shell.ts`, which registers
 * them all at once) share it.
 */
import { FallkitDemo, type DemoAppOptions } from './app/demo-app.js';

/**
 * Renders the demo into `root` (replacing the loading note of index.html).
 * @returns the application element
 */
export function mountDemo(root: HTMLElement, options: DemoAppOptions = {}): FallkitDemo {
  const app = document.createElement('fallkit-demo');
  app.options = options;
  root.replaceChildren(app);
  return app;
}
