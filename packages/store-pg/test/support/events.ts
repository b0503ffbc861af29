/* Sealed test events and index rows, as the core's case service would hand them to a store. */
import { randomUUID } from 'node:crypto';
import { type Actor, type CaseIndexEntry, type JournalEvent } from '@fallkit/core';
import { sealEvents } from '@fallkit/core/internal';

const actor: Actor = { id: 'user-pg', role: 'caseManager', agencyId: 'agency-pg', name: 'Petra Gruber' };

/** `count` sealed events continuing `after` (or starting the stream), each with a random id. */
export function sealed(
  caseId: string,
  count: number,
  after?: JournalEvent,
  { type = 'NoteRecorded', reason, commandId }: { type?: string; reason?: string; commandId?: string } = {},
): Promise<JournalEvent[]> {
  return sealEvents(
    Array.from({ length: count }, (_, i) => ({
      type,
      schemaVersion: 1,
      payload: { text: `Notiz ${i + 1} zur Akte ${caseId}: Wohnungssuche läuft`, n: i },
      ...(reason === undefined ? {} : { reason }),
    })),
    {
      caseId,
      last: after,
      at: '2026-03-02T09:30:00.000Z',
      actor,
      newId: () => randomUUID(),
      ...(commandId === undefined ? {} : { commandId }),
    },
  );
}

/** An index row for a case at `lastSeq`. */
export function indexRow(caseId: string, lastSeq: number, overrides: Partial<CaseIndexEntry> = {}): CaseIndexEntry {
  return {
    caseId,
    lastSeq,
    updatedAt: '2026-03-02T09:30:00.000Z',
    status: 'open',
    stage: 'assessment',
    leadAgencyId: 'agency-pg',
    caseManagerIds: ['user-pg'],
    legalDomains: ['SGB_II'],
    nextDueDate: '2026-04-01',
    ...overrides,
  };
}

/** Unwraps a result or fails the test with its refusal codes. */
export function expectOk<T extends { ok: boolean }>(result: T, what = 'the call'): Extract<T, { ok: true }> {
  if (!result.ok) {
    const errors = (result as { errors?: { code: string }[] }).errors ?? [];
    throw new Error(`${what} was refused: ${errors.map((error) => error.code).join(', ')}`);
  }
  return result as Extract<T, { ok: true }>;
}

/** The first refusal code of a refused result (undefined when it succeeded). */
export function refusalCode(result: { ok: boolean }): string | undefined {
  return result.ok ? undefined : (result as unknown as { errors: { code: string }[] }).errors[0]?.code;
}
