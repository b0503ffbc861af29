import * as z from 'zod/mini';
import type { ContactMode } from '../model/monitoring.js';

/**
 * `ContactRecorded` v1 as stored by Fallkit 0.0: no `mode`, a `homeVisit` flag instead, and no
 * `reached`. Kept so old journals can still be read and verified.
 */
export const contactRecordedV1Payload = z.looseObject({
  id: z.string(),
  on: z.string(),
  homeVisit: z.optional(z.boolean()),
  withInterpreter: z.boolean(),
});

/**
 * Upcasts `ContactRecorded` v1 to v2: a home visit becomes `mode: 'homeVisit'`, anything else was an
 * in-person meeting (the only other kind v1 knew); a recorded contact was always one that took place.
 */
export function upcastContactRecordedV1(payload: unknown): unknown {
  const { homeVisit, ...rest } = payload as { homeVisit?: boolean } & Record<string, unknown>;
  const mode: ContactMode = homeVisit === true ? 'homeVisit' : 'inPerson';
  return { ...rest, mode, reached: true };
}
