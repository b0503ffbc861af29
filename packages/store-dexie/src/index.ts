/**
 * `@fallkit/store-dexie`: the core's store port on IndexedDB through Dexie 4, with live queries
 * across tabs, schema migrations, encryption at rest, backup and restore, and typed browser errors.
 * @packageDocumentation
 */
export { DexieCaseStore, type DexieCaseStoreSettings, type ProjectIndex } from './store/dexie-case-store.js';
export { openDexieCaseStore, type EncryptionSetting, type OpenDexieCaseStoreOptions } from './store/open-store.js';
export type { EncryptionSecret } from './store/unlock.js';
export { StoreRefusalError, storeRefusal, storeRefused, type DexieStoreRefusalCode } from './errors/store-refusals.js';
export { classifyStoreError } from './errors/classify-error.js';
export { DexieDraftStore, type DexieDraftStoreOptions, type DraftStoreHost } from './drafts/dexie-draft-store.js';
export { DRAFT_KEY_SEPARATOR, draftScopeOf, type DraftStore } from './drafts/draft-store-port.js';
export { DRAFTS_SCHEMA_V1, draftsDatabaseName, type DraftRow } from './drafts/draft-database.js';
export {
  PBKDF2_ITERATIONS,
  MIN_PBKDF2_ITERATIONS,
  MIN_PASSPHRASE_LENGTH,
  MIN_PASSPHRASE_BITS,
  deriveKeyFromPassphrase,
  estimatePassphraseBits,
  passphraseIsStrong,
} from './crypto/passphrase.js';
export {
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  STORE_SCHEMA_VERSION,
  declareSchema,
  type FallkitDexie,
} from './schema/schema-versions.js';
export { exportBackup, type BackupSource, type ExportBackupOptions } from './backup/export-backup.js';
export {
  importBackup,
  type ImportBackupOptions,
  type ImportReport,
  type RefusedStream,
} from './backup/import-backup.js';
export {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BackupLine,
  type EncryptedBackupHeader,
} from './backup/backup-format.js';
