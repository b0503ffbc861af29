import {
  completeFollowUpInput,
  judgeProgressInput,
  recordContactInput,
  recordDeviationInput,
  recordReadinessSignsInput,
  resolveCrisisInput,
  scheduleFollowUpInput,
  type CaseCommand,
  type CaseCommandInput,
  type CaseCommandInputIn,
} from '@fallkit/core';
import type { ParsingSchema, SchemaIssue, SchemaResult } from '../base/validator.js';

/** A contact in the form: the input of `recordContact`; entries already in the case carry their `id`. */
export type ContactEntry = CaseCommandInputIn<'recordContact'> & { id?: string };
/** A follow-up: the input of `scheduleFollowUp`; stored ones carry `id` and may be marked `done`. */
export type FollowUpEntry = CaseCommandInputIn<'scheduleFollowUp'> & {
  id?: string;
  done?: boolean;
  doneOn?: string;
  outcome?: string;
};
/** A progress judgement: the input of `judgeProgress`; stored ones carry their `id`. */
export type ProgressEntry = CaseCommandInputIn<'judgeProgress'> & { id?: string };
/** A deviation: the input of `recordDeviation`; stored ones carry their `id`. */
export type DeviationEntry = CaseCommandInputIn<'recordDeviation'> & { id?: string };

/** An observation of Ballew/Mink readiness signs: the input of `recordReadinessSigns`; stored ones carry their `id`. */
export type ReadinessEntry = CaseCommandInputIn<'recordReadinessSigns'> & { id?: string };

/**
 * A crisis of the case (flagged at intake, `flagCrisis`): always a stored one with its `id`. Monitoring
 * resolves it: a `resolution` typed into a crisis that was open in the stored case is sent as
 * `resolveCrisis` (with `resolvedOn`, today if absent).
 */
export interface CrisisEntry {
  /** The crisis's id in the case. */
  id: string;
  /** When it was flagged (ISO date). */
  flaggedOn: string;
  /** What the crisis is. */
  description: string;
  /** The help given at once, if recorded. */
  immediateHelp?: string;
  /** When it was resolved (ISO date); stored once resolved, or typed with a new resolution. */
  resolvedOn?: string;
  /** How it was resolved: stored, or typed here for an open crisis (then sent as `resolveCrisis`). */
  resolution?: string;
}

/** The value of `<fk-monitoring>`: the case's monitoring lists; entries without `id` are new. */
export interface MonitoringValue {
  contacts: ContactEntry[];
  followUps: FollowUpEntry[];
  progress: ProgressEntry[];
  deviations: DeviationEntry[];
  /** Readiness observations (optional in a host's value). */
  readiness?: ReadinessEntry[];
  /** The case's crises (optional in a host's value); an open one is resolved by typing its resolution. */
  crises?: CrisisEntry[];
}

/** What is already stored: follow-ups done and crises resolved (their completion is history, not an edit). */
export interface MonitoringBaseline {
  readonly done: ReadonlySet<string>;
  readonly resolved: ReadonlySet<string>;
}

/** The validated data of `fk-submit`: what is new, as the inputs of the commands that record it. */
export interface MonitoringData {
  contacts: CaseCommandInput<'recordContact'>[];
  followUps: CaseCommandInput<'scheduleFollowUp'>[];
  completions: CaseCommandInput<'completeFollowUp'>[];
  progress: CaseCommandInput<'judgeProgress'>[];
  deviations: CaseCommandInput<'recordDeviation'>[];
  readiness: CaseCommandInput<'recordReadinessSigns'>[];
  /** Crises resolved now (`resolveCrisis`); absent in a value parsed before crises were part of the form. */
  resolutions?: CaseCommandInput<'resolveCrisis'>[];
}

/** A goal or measure whose progress can be judged. */
export interface ProgressTarget {
  readonly kind: 'goal' | 'measure';
  readonly id: string;
  readonly title: string;
}

/** The lists of the form value, each present. */
export type MonitoringLists = Required<MonitoringValue>;
/** One of the form's lists. */
export type MonitoringListKey = keyof MonitoringLists;

/** What is new in the value: one entry per command to send, with the place in the value it came from. */
interface NewEntry {
  readonly part: keyof MonitoringData;
  readonly list: MonitoringListKey;
  readonly index: number;
  readonly schema: ParsingSchema<unknown>;
  readonly input: unknown;
}

const strip = <T extends { id?: string }>(entry: T): Omit<T, 'id'> => {
  const { id: _id, ...rest } = entry;
  return rest;
};

/**
 * Everything new in `value`, in list order: entries without `id` (as the input of the command that
 * records them) and follow-ups newly marked done (`completeFollowUp`). Parsing and the mapping of a
 * refused command back to its entry both walk this one list, so a refusal lands on the entry by its
 * position among the new ones, never by comparing its text (two equal notes stay apart).
 */
function newEntries(v: Partial<MonitoringValue>, baseline: MonitoringBaseline): NewEntry[] {
  const baselineDone = baseline.done;
  const entries: NewEntry[] = [];
  (v.contacts ?? []).forEach((e, index) => {
    if (!e.id) {
      // No one picked: the core records the addressee (an empty list would say nobody took part).
      const { participantIds, ...rest } = strip(e);
      const input = participantIds?.length ? { ...rest, participantIds } : rest;
      entries.push({ part: 'contacts', list: 'contacts', index, schema: recordContactInput, input });
    }
  });
  (v.followUps ?? []).forEach((e, index) => {
    if (!e.id) {
      const { done: _d, doneOn: _o, outcome: _x, ...input } = strip(e);
      entries.push({ part: 'followUps', list: 'followUps', index, schema: scheduleFollowUpInput, input });
    } else if (e.done && !baselineDone.has(e.id)) {
      const input = {
        followUpId: e.id,
        ...(e.doneOn ? { doneOn: e.doneOn } : {}),
        ...(e.outcome?.trim() ? { outcome: e.outcome } : {}),
      };
      entries.push({ part: 'completions', list: 'followUps', index, schema: completeFollowUpInput, input });
    }
  });
  (v.progress ?? []).forEach((e, index) => {
    if (!e.id) entries.push({ part: 'progress', list: 'progress', index, schema: judgeProgressInput, input: strip(e) });
  });
  (v.deviations ?? []).forEach((e, index) => {
    if (!e.id)
      entries.push({ part: 'deviations', list: 'deviations', index, schema: recordDeviationInput, input: strip(e) });
  });
  (v.readiness ?? []).forEach((e, index) => {
    if (!e.id)
      entries.push({ part: 'readiness', list: 'readiness', index, schema: recordReadinessSignsInput, input: strip(e) });
  });
  (v.crises ?? []).forEach((e, index) => {
    // Only a crisis open in the stored case, and only once something is typed: an untouched open crisis stays open.
    if (baseline.resolved.has(e.id) || !(e.resolution ?? '').trim()) return;
    const input = { crisisId: e.id, resolution: e.resolution, ...(e.resolvedOn ? { resolvedOn: e.resolvedOn } : {}) };
    entries.push({ part: 'resolutions', list: 'crises', index, schema: resolveCrisisInput, input });
  });
  return entries;
}

/**
 * Checks only what is new against the core's input schema of the command that records it. Issues carry
 * the path into the list (`['deviations', 1, 'description']`) so each shows at its field.
 */
export function monitoringSchema(baseline: () => MonitoringBaseline): ParsingSchema<MonitoringData> {
  return {
    safeParse(value: unknown): SchemaResult<MonitoringData> {
      const issues: SchemaIssue[] = [];
      const data: Record<keyof MonitoringData, unknown[]> = {
        contacts: [],
        followUps: [],
        completions: [],
        progress: [],
        deviations: [],
        readiness: [],
        resolutions: [],
      };
      for (const entry of newEntries((value ?? {}) as Partial<MonitoringValue>, baseline())) {
        const r = entry.schema.safeParse(entry.input) as SchemaResult<unknown>;
        if (r.success) data[entry.part].push(r.data);
        else
          for (const issue of r.error.issues) issues.push({ ...issue, path: [entry.list, entry.index, ...issue.path] });
      }
      return issues.length
        ? { success: false, error: { issues } }
        : // Each part holds what the core's schema of its command returned: the command inputs of MonitoringData.
          { success: true, data: data as unknown as MonitoringData };
    },
  };
}

/** A command to send and the path of the entry it records (`['contacts', 2]`), where its refusal shows. */
export interface MonitoringCommand {
  readonly command: CaseCommand;
  /** Absent when `data` was not parsed from `value` (then a refusal shows above the form). */
  readonly at?: readonly [MonitoringListKey, number];
}

/**
 * The commands that record `data` (what the schema parsed from `value`), in save order, each with the
 * entry it came from. The n-th input of a part is the n-th new entry of that part in `value`.
 */
export function monitoringCommands(
  caseId: CaseCommand['caseId'],
  data: MonitoringData,
  value: MonitoringValue,
  baseline: MonitoringBaseline,
): MonitoringCommand[] {
  const origins = newEntries(value, baseline);
  const out: MonitoringCommand[] = [];
  const add = <I>(part: keyof MonitoringData, inputs: readonly I[], make: (input: I) => CaseCommand) => {
    const from = origins.filter((o) => o.part === part);
    inputs.forEach((input, n) => {
      const origin = from[n];
      out.push(origin ? { command: make(input), at: [origin.list, origin.index] } : { command: make(input) });
    });
  };
  add('contacts', data.contacts, (input) => ({ type: 'recordContact', caseId, input }));
  add('progress', data.progress, (input) => ({ type: 'judgeProgress', caseId, input }));
  add('deviations', data.deviations, (input) => ({ type: 'recordDeviation', caseId, input }));
  add('followUps', data.followUps, (input) => ({ type: 'scheduleFollowUp', caseId, input }));
  add('completions', data.completions, (input) => ({ type: 'completeFollowUp', caseId, input }));
  add('readiness', data.readiness, (input) => ({ type: 'recordReadinessSigns', caseId, input }));
  add('resolutions', data.resolutions ?? [], (input) => ({ type: 'resolveCrisis', caseId, input }));
  return out;
}
