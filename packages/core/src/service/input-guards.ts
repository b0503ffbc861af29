import { happenedDateRefusals } from '../commands/happened-dates.js';
import type { CommandGuard } from './command-guard.js';

/**
 * IN-06: a date that says when something happened lies no later than today (the service's clock in
 * its time zone) plus the documented tolerance. The schemas cannot check it, because "today" is not
 * theirs to know; this guard gets it the way every guard does. The dates are listed per command in
 * `commands/happened-dates.ts`.
 */
export const happenedDateGuard: CommandGuard = ({ command, today }) =>
  happenedDateRefusals(command.type, command.input, today);
