import type { CommandCatalog, CommandDefinition } from '../../service/command-definition.js';
import {
  flagStaffCaseCommand,
  openBreakGlassCommand,
  recordSupervisionReasonCommand,
  recordTransferObjectionCommand,
} from './access-commands.js';
import {
  recordConfidentialityReleaseCommand,
  recordConsentCommand,
  withdrawConsentCommand,
} from './consent-commands.js';
import { transferDataCommand } from './transfer-commands.js';

export * from './consent-commands.js';
export * from './transfer-commands.js';
export * from './access-commands.js';

/**
 * The data-protection commands: consent, withdrawal, confidentiality release, transfer,
 * break-glass, supervision reason, staff-case flag, transfer objection. `createCaseService`
 * registers them by default.
 */
export const PRIVACY_COMMANDS: CommandCatalog = Object.fromEntries(
  [
    recordConsentCommand,
    withdrawConsentCommand,
    recordConfidentialityReleaseCommand,
    transferDataCommand,
    openBreakGlassCommand,
    recordSupervisionReasonCommand,
    flagStaffCaseCommand,
    recordTransferObjectionCommand,
  ].map((definition) => [definition.type, definition as unknown as CommandDefinition]),
);
