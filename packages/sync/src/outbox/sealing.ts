/** An AES-GCM ciphertext with its IV, as the store seals companion data (`DexieCaseStore.sealCompanion`). */
export interface SealedBox {
  readonly iv: Uint8Array;
  readonly data: ArrayBuffer;
}

/**
 * What the sync state needs of the local store to keep its rows encrypted like the rest: the store's
 * own companion sealing under its master key (DP-37). `sealCompanion` answers `undefined` for a store
 * without encryption; then rows are kept in clear, as the store's own rows are.
 */
export interface CompanionSealer {
  readonly encrypted: boolean;
  sealCompanion(value: unknown): Promise<SealedBox | undefined>;
  openCompanion<T>(box: SealedBox): Promise<T>;
}

/** Seals a value for a row: `{ sealed }` with encryption, `{ plain }` without. */
export async function sealRow(
  sealer: CompanionSealer,
  value: unknown,
): Promise<{ sealed?: SealedBox; plain?: unknown }> {
  const sealed = await sealer.sealCompanion(value);
  return sealed === undefined ? { plain: structuredClone(value) } : { sealed };
}

/** Opens a row sealed with {@link sealRow}. A row in clear in an encrypted store is not ours and reads as `undefined`. */
export async function openRow<T>(
  sealer: CompanionSealer,
  row: { readonly sealed?: SealedBox; readonly plain?: unknown },
): Promise<T | undefined> {
  if (row.sealed !== undefined) return sealer.openCompanion<T>(row.sealed);
  return sealer.encrypted ? undefined : (row.plain as T | undefined);
}
