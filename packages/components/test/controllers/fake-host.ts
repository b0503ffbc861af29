import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A host that only collects controllers: the controllers tested here need no element. */
export function fakeHost(): ReactiveControllerHost {
  const controllers: ReactiveController[] = [];
  return {
    addController: (c) => void controllers.push(c),
    removeController: () => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
  };
}
