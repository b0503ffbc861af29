import type { CommandCatalog, CommandDefinition } from '../service/command-definition.js';
import { openCaseFromHandoverCommand } from './open-case-from-handover.js';
import { recordHandoverStatusCommand } from './record-handover-status.js';

export * from './handover-package-events.js';
export * from './handover-package-state.js';
export * from './open-case-from-handover.js';
export * from './record-handover-status.js';

/**
 * The receiving side of a handover between agencies that keep their own files: open a case from a
 * verified package, and record the steps of its status loop. `createCaseService` registers them.
 */
export const HANDOVER_PACKAGE_COMMANDS: CommandCatalog = Object.fromEntries(
  [openCaseFromHandoverCommand, recordHandoverStatusCommand].map((definition) => [
    definition.type,
    definition as unknown as CommandDefinition,
  ]),
);
