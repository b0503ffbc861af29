import * as z from 'zod/mini';
import type { JournalEvent } from '../journal/journal-event.js';
import { isErasedPayload } from '../journal/journal-event.js';
import type {
  handoverPackageReceivedPayload,
  handoverStatusRecordedPayload,
  HandoverStatus,
} from './handover-package-events.js';

/** The package a case was opened from. */
export type ReceivedPackage = z.infer<typeof handoverPackageReceivedPayload>;

/** One recorded step of a status loop. */
export type HandoverStatusStep = z.infer<typeof handoverStatusRecordedPayload>;

/** The handover loop of one package as one journal knows it. */
export interface HandoverLoop {
  readonly packageId: string;
  readonly side: 'sent' | 'received';
  /** The latest status, or `undefined` for a sent package nobody answered yet. */
  readonly status?: HandoverStatus;
  readonly steps: readonly HandoverStatusStep[];
}

/** The handover packages of a case: the one it was opened from, and the loops of each package it sent or received. */
export interface HandoverPackagesState {
  readonly received?: ReceivedPackage;
  readonly loops: readonly HandoverLoop[];
}

/**
 * Folds the handover module's events of a journal. Pure; reads only this module's events, so a host
 * passes a journal it read through the decided channels or its own store.
 */
export function foldHandoverPackages(journal: readonly JournalEvent[]): HandoverPackagesState {
  let received: ReceivedPackage | undefined;
  const loops = new Map<string, { packageId: string; side: 'sent' | 'received'; steps: HandoverStatusStep[] }>();
  for (const event of journal) {
    if (isErasedPayload(event.payload)) continue;
    if (event.type === 'HandoverPackageReceived') received = event.payload as ReceivedPackage;
    if (event.type === 'HandoverStatusRecorded') {
      const step = event.payload as HandoverStatusStep;
      const key = `${step.side}:${step.packageId}`;
      const loop = loops.get(key) ?? { packageId: step.packageId, side: step.side, steps: [] };
      loop.steps.push(step);
      loops.set(key, loop);
    }
  }
  return {
    ...(received === undefined ? {} : { received }),
    loops: [...loops.values()].map((loop) => {
      const status = loop.steps.at(-1)?.status;
      return status === undefined ? loop : { ...loop, status };
    }),
  };
}
