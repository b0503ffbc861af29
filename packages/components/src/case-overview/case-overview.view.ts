import { html } from 'lit';
import type { ActionAvailability, CaseCommandType, CaseState, HistoryEntry, RedactionMarker } from '@fallkit/core';
import type { LocalizeController } from '../controllers/localize-controller.js';
import { categoryOfMarker } from '../shared/case-of-view.js';
import type { overviewMessages } from './case-overview.messages.js';

/**
 * What the section views of `<fk-case-overview>` read and may do: the element builds it once per
 * render and hands it to each view function (no access to the element's internals).
 */
export interface CaseOverviewView {
  readonly t: LocalizeController<typeof overviewMessages.de>;
  /** The case shown. */
  readonly state: CaseState;
  /** The history (undefined: not available), in any order. */
  readonly entries: HistoryEntry[] | undefined;
  /** How many history entries show before "show older". */
  readonly historyLimit: number;
  /** "Show older" was chosen. */
  readonly showAll: boolean;
  /** The actor sees a redacted view: free-text reasons of the journal stay hidden too (DP-24). */
  readonly viewRedacted: boolean;
  /** What the core's rules allow now, and why not (empty when a redacted view lacks what a rule reads). */
  availability(): ActionAvailability[];
  /** Fires `fk-action` for a next step. */
  choose(command: CaseCommandType, caseId: string): void;
  showOlder(): void;
  /** The sentence for one history entry, in the current language. */
  sentence(entry: HistoryEntry): string;
  /** The label of a legal domain (its code when there is no label). */
  domainLabel(domain: string): string;
}

/** Withheld entries of a list, each with its reason. */
export function hiddenEntries(v: CaseOverviewView, markers: readonly RedactionMarker[], fallback: string) {
  return markers.map(
    (m) =>
      html`<fk-redacted
        label=${v.t.t('overview.hidden')}
        category=${categoryOfMarker(m) ?? fallback}
        .marker=${m}
      ></fk-redacted>`,
  );
}

/** A period in words: "seit …" or "… bis …". */
export function period(v: CaseOverviewView, from: string, to?: string): string {
  const t = v.t;
  return to ? t.t('lead.range', { from: t.date(from), to: t.date(to) }) : t.t('lead.since', { from: t.date(from) });
}
