/**
 * The public packages, in one list for the build (tsc, rollup), the packing and the package checks: a new
 * package is added here once, not in each script (four branches adding packages at once conflicted in all
 * of them). Folder names under `packages/`; the private demo is not among them.
 */
export const PUBLIC_PACKAGES = ['core', 'store-dexie', 'store-pg', 'server', 'sync', 'handover', 'fhir', 'components'];
