import type { JournalEvent } from '../journal/journal-event.js';
import type { Stage } from '../model/case-header.js';
import type { CaseState } from '../model/case-state.js';
import { stageAfterEvent } from '../process/cycle.js';

/**
 * The stage a case is in after an event, by the declarative cycle's transition table
 * (`STAGE_TRANSITIONS` in `process/cycle.ts`). `state` already includes the event's effect, but
 * `state.stage` is still the stage before it. Events that may happen in any stage (contacts, notes,
 * follow-ups, crises, persons) keep the stage.
 */
export function nextStage(state: CaseState, event: Pick<JournalEvent, 'type'>): Stage {
  return stageAfterEvent(state, event);
}
