/**
 * One versioned step of the schema. Versions are numbered from 1 without gaps; a step, once released, never
 * changes (the runner keeps each step's checksum and refuses a database whose recorded step differs).
 */
export interface Migration {
  readonly version: number;
  /** What the step does, in a few words (kept in `fallkit.schema_migration`). */
  readonly name: string;
  /** PostgreSQL 15 statements, run in the migration transaction as the schema owner. */
  readonly sql: string;
}
