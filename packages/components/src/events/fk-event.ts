/**
 * The base of every Fallkit event (Web Awesome's `src/events/*.ts` is the model): a `CustomEvent` with a
 * typed `detail`, bubbling and composed, so a host listening on the element or any ancestor (React 19's
 * `onfk-submit`, Vue's `@fk-submit`, Angular's `(fk-submit)`) gets the detail typed. Each event has its own
 * class and is registered in `GlobalEventHandlersEventMap`, so `addEventListener('fk-submit', e => e.detail)`
 * is typed without a cast.
 */
export abstract class FkEvent<D> extends CustomEvent<D> {
  protected constructor(type: string, detail: D, options: { cancelable: boolean; composed?: boolean }) {
    super(type, { detail, bubbles: true, composed: options.composed ?? true, cancelable: options.cancelable });
  }
}
