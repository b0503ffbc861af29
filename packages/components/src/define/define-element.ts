/**
 * Registers a custom element once. A second copy of the library on the same page (a common embedding
 * accident, lit issue 4455) then reuses the first registration instead of throwing
 * "the name has already been used with this registry".
 */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, constructor);
}
