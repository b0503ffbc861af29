/**
 * What the receiving desk remembers of packages between page loads: the register of received packages (the
 * replay guard and the way from a withdrawal notice to the case it concerns, `ReceivedPackageRegister`) and
 * the manifest of each package it answered, for the inbox list and for the signed status messages it owes the
 * sender. Kept in the tab's localStorage per device store: ids, agency names and manifests only, never
 * content (the content is in the case it opened, in the encrypted device store).
 */
import type { HandoverStatus } from '@fallkit/core';
import type { Manifest, ReceivedEntry, ReceivedPackageRegister } from '@fallkit/handover';

/** A package this desk has seen: its manifest and how far its loop is from here. */
export interface KnownPackage {
  readonly manifest: Manifest;
  /** The last status this desk signed and sent to the sender. */
  readonly answered?: HandoverStatus;
  /** The case it opened (accepted). */
  readonly caseId?: string;
}

interface Stored {
  received: ReceivedEntry[];
  known: Record<string, KnownPackage>;
}

/** The desk's memory for one device store. */
export interface DeskMemory extends ReceivedPackageRegister {
  known(packageId: string): KnownPackage | undefined;
  allKnown(): KnownPackage[];
  note(packageId: string, entry: KnownPackage): void;
}

/** The memory of the device store `scope`. */
export function deskMemory(scope: string, storage: Storage = localStorage): DeskMemory {
  const key = `fallkit-demo.handover.${scope}`;
  const read = (): Stored => {
    try {
      const parsed = JSON.parse(storage.getItem(key) ?? '') as Stored;
      return { received: parsed.received ?? [], known: parsed.known ?? {} };
    } catch {
      return { received: [], known: {} };
    }
  };
  const write = (stored: Stored) => storage.setItem(key, JSON.stringify(stored));
  return {
    has: async (packageId) => read().received.some((entry) => entry.packageId === packageId),
    async remember(entry) {
      const stored = read();
      write({ ...stored, received: [...stored.received.filter((e) => e.packageId !== entry.packageId), entry] });
    },
    byTransfer: async (senderAgencyId, transferId) =>
      read().received.find((e) => e.senderAgencyId === senderAgencyId && e.transferId === transferId),
    known: (packageId) => read().known[packageId],
    allKnown: () => Object.values(read().known),
    note(packageId, entry) {
      const stored = read();
      write({ ...stored, known: { ...stored.known, [packageId]: entry } });
    },
  };
}
