/**
 * The size gate: a ceiling in gzipped bytes per entry, and modules or imports that must not appear in it.
 * `checkEntry` reports every crossing instead of throwing at the first, so one failed run names them all.
 */
import { measure, type EntrySpec, type Measured } from './measure-bundle.js';

export interface GatedEntry {
  /** How the entry is named in the test title and in a crossing. */
  readonly name: string;
  readonly spec: EntrySpec;
  /** Most gzipped bytes the entry may weigh. */
  readonly ceiling: number;
  /**
   * Module paths (from the repository root) or external imports that must not be in this entry: the areas a
   * host of this entry must not pay for.
   */
  readonly forbidden?: readonly RegExp[];
}

export interface Crossing {
  readonly entry: string;
  readonly kind: 'ceiling' | 'forbidden-module' | 'forbidden-import';
  readonly detail: string;
}

export interface GateResult {
  readonly measured: Measured;
  readonly crossings: readonly Crossing[];
}

/** Measures one entry and lists what it crosses (an empty list: within the gate). */
export async function checkEntry(entry: GatedEntry): Promise<GateResult> {
  const measured = await measure(entry.spec);
  const crossings: Crossing[] = [];
  if (measured.gzipped > entry.ceiling) {
    crossings.push({
      entry: entry.name,
      kind: 'ceiling',
      detail: `${measured.gzipped} B min+gzip > ceiling ${entry.ceiling} B`,
    });
  }
  for (const pattern of entry.forbidden ?? []) {
    for (const module of measured.modules.filter((id) => pattern.test(id))) {
      crossings.push({ entry: entry.name, kind: 'forbidden-module', detail: `${module} (matches ${pattern})` });
    }
    for (const imported of measured.imports.filter((id) => pattern.test(id))) {
      crossings.push({ entry: entry.name, kind: 'forbidden-import', detail: `${imported} (matches ${pattern})` });
    }
  }
  return { measured, crossings };
}
