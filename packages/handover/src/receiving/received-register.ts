/** What the recipient remembers of a received package: where it went and what it answered. */
export interface ReceivedEntry {
  readonly packageId: string;
  readonly packageHash: string;
  readonly transferId: string;
  readonly senderAgencyId: string;
  readonly senderName: string;
  /** The case the package opened. */
  readonly caseId: string;
}

/**
 * The recipient's register of received packages (its inbox record): refuses a replay before anything
 * is written, and maps a later withdrawal notice to the case it concerns. The core adds a second,
 * durable guard: a package opens the case `handover-<packageId>`, which can exist only once.
 */
export interface ReceivedPackageRegister {
  has(packageId: string): Promise<boolean>;
  remember(entry: ReceivedEntry): Promise<void>;
  byTransfer(senderAgencyId: string, transferId: string): Promise<ReceivedEntry | undefined>;
}

/** A register in memory (tests, a single page); a host keeps its own in its database. */
export function memoryReceivedRegister(): ReceivedPackageRegister {
  const entries = new Map<string, ReceivedEntry>();
  return {
    has: async (packageId) => entries.has(packageId),
    remember: async (entry) => {
      entries.set(entry.packageId, entry);
    },
    byTransfer: async (senderAgencyId, transferId) =>
      [...entries.values()].find((e) => e.senderAgencyId === senderAgencyId && e.transferId === transferId),
  };
}
