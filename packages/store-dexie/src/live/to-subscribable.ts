import { liveQuery } from 'dexie';
import type { Observer, Subscribable, Unsubscribable } from '@fallkit/core';
import { classifyStoreError } from '../errors/classify-error.js';
import { StoreRefusalError } from '../errors/store-refusals.js';

function toObserver<T>(observer: Observer<T> | ((value: T) => void)): Observer<T> {
  return typeof observer === 'function' ? { next: observer } : observer;
}

/**
 * Adapts a Dexie `liveQuery` to the port's {@link Subscribable}. The live query reads raw rows only,
 * because awaiting WebCrypto inside a live query would lose Dexie's change tracking; decoding
 * (decryption) runs afterwards, one emission at a time so values never arrive out of order. Dexie
 * re-runs the query when this or another connection, also in another tab (BroadcastChannel), writes
 * to the ranges it read. Errors reach `observer.error` as {@link StoreRefusalError}.
 */
export function liveSubscribable<R, T>(read: () => Promise<R>, decode: (raw: R) => Promise<T>): Subscribable<T> {
  return {
    subscribe(observerOrNext): Unsubscribable {
      const observer = toObserver(observerOrNext);
      let active = true;
      let queue: Promise<void> = Promise.resolve();
      const fail = (error: unknown): void => {
        if (active) observer.error?.(new StoreRefusalError(classifyStoreError(error)));
      };
      const subscription = liveQuery(read).subscribe({
        next: (raw) => {
          queue = queue
            .then(() => decode(raw))
            .then((value) => {
              if (active) observer.next(value);
            }, fail);
        },
        error: fail,
      });
      return {
        unsubscribe: () => {
          active = false;
          subscription.unsubscribe();
        },
      };
    },
  };
}
