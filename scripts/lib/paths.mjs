/**
 * Paths shared by the scripts: the repository root and the local binaries, called directly rather than
 * through npx (faster, and no npm warnings in the output).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * @param {string} name a binary from node_modules/.bin
 * @returns {string}
 */
export function bin(name) {
  return join(repoRoot, 'node_modules', '.bin', name);
}
