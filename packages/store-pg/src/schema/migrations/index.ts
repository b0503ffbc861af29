import type { Migration } from '../migration.js';
import { migration0001 } from './0001-tenant-journals.js';
import { migration0002 } from './0002-command-ids.js';
import { migration0003 } from './0003-notes-and-seals.js';
import { migration0004 } from './0004-handover-inbox.js';
import { migration0005 } from './0005-case-content.js';

/** Every schema step in order. Add a file `NNNN-what.ts` and list it here; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
];
