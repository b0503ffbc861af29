/**
 * What a connected view says the actor may do: the core's `CaseView.mayIssue` (the one access
 * decision, `authoriseCommand` over `COMMAND_ACCESS`, DP-40), which `connectCaseService` carries on
 * every view. The elements decide nothing themselves: they show an action only when its command is
 * listed. A view that does not say (standalone, a host's own port) leaves every action shown; the
 * core decides the write when it is sent either way.
 */
export type Issuable = ReadonlySet<string> | undefined;

/** The commands the view lists, or `undefined` when the view does not say. */
export function issuableOf(view: unknown): Issuable {
  const list = (view as { mayIssue?: unknown } | undefined)?.mayIssue;
  return Array.isArray(list) ? new Set(list.filter((x): x is string => typeof x === 'string')) : undefined;
}

/** Whether to offer the action that sends `type`. */
export function offers(issuable: Issuable, type: string): boolean {
  return issuable === undefined || issuable.has(type);
}
