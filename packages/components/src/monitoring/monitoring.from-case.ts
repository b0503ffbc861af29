import type {
  CaseState,
  Contact,
  Crisis,
  Person,
  Deviation,
  FollowUp,
  ProgressJudgement,
  ReadinessObservation,
  RedactionMarker,
} from '@fallkit/core';
import { splitRedacted } from '../shared/case-of-view.js';
import type { MonitoringListKey, MonitoringValue, ProgressTarget } from './monitoring.schema.js';

/** A person of the case who can take part in a contact: id and the name the view shows. */
export interface ContactParticipant {
  /** The person's id in the case (what `participantIds` holds). */
  readonly id: string;
  /** The name the view shows. */
  readonly name: string;
}

/** What `<fk-monitoring>` takes from the decided case view. */
export interface MonitoringFromCase {
  /** The lists as form entries (stored ones with their `id`). */
  readonly value: MonitoringValue;
  /** The entries the data-protection view withheld, by list. */
  readonly redactions: Partial<Record<MonitoringListKey, readonly RedactionMarker[]>>;
  /** Case-level goals and the measures: what progress is judged against. */
  readonly targets: readonly ProgressTarget[];
  /** The latest assessment or re-assessment start: deviations after it count toward the trigger. */
  readonly reassessmentSince: string | undefined;
  /** The persons the view shows, who can take part in a contact (the addressee first). */
  readonly participants: readonly ContactParticipant[];
}

/** A person's name as the view shows it (withheld parts left out; the id where nothing of the name is shown). */
function nameOf(person: Person): string {
  const part = (value: unknown) => (typeof value === 'string' ? value : '');
  return `${part(person.givenName)} ${part(person.familyName)}`.trim() || person.id;
}

/** Reads the monitoring lists, the judgeable goals and measures and the re-assessment date from a case view. */
export function monitoringFromCase(state: CaseState): MonitoringFromCase {
  const contacts = splitRedacted<Contact>(state.contacts);
  const followUps = splitRedacted<FollowUp>(state.followUps);
  const progress = splitRedacted<ProgressJudgement>(state.progressJudgements);
  const deviations = splitRedacted<Deviation>(state.deviations);
  const readiness = splitRedacted<ReadinessObservation>(state.readinessObservations);
  const crises = splitRedacted<Crisis>(state.crises ?? []);
  const persons = splitRedacted<Person>(state.persons).visible;
  const participants = [
    ...persons.filter((p) => p.id === state.addresseeId),
    ...persons.filter((p) => p.id !== state.addresseeId),
  ].map((p) => ({ id: p.id, name: nameOf(p) }));
  const redactions = {
    crises: crises.hidden,
    readiness: readiness.hidden,
    contacts: contacts.hidden,
    followUps: followUps.hidden,
    progress: progress.hidden,
    deviations: deviations.hidden,
  };
  const goals = splitRedacted<CaseState['goals'][number]>(state.goals).visible;
  const measures = splitRedacted<CaseState['measures'][number]>(state.measures).visible;
  const targets: ProgressTarget[] = [
    ...goals.filter((g) => g.level === 'case').map((g) => ({ kind: 'goal' as const, id: g.id, title: g.title })),
    ...measures.map((m) => ({ kind: 'measure' as const, id: m.id, title: m.title })),
  ];
  const assessments = splitRedacted<CaseState['assessments'][number]>(state.assessments).visible;
  const restarts = splitRedacted<CaseState['reassessments'][number]>(state.reassessments).visible;
  const since = [...assessments.map((a) => a.recordedOn), ...restarts.map((r) => r.startedOn)].sort().at(-1);
  return {
    redactions,
    targets,
    reassessmentSince: since,
    participants,
    value: {
      contacts: contacts.visible.map((c) => ({
        id: c.id,
        on: c.on,
        mode: c.mode,
        withInterpreter: c.withInterpreter,
        reached: c.reached,
        note: c.note,
        ...(c.participantIds ? { participantIds: [...c.participantIds] } : {}),
      })),
      crises: crises.visible.map((c) => ({
        id: c.id,
        flaggedOn: c.flaggedOn,
        description: c.description,
        ...(c.immediateHelp ? { immediateHelp: c.immediateHelp } : {}),
        ...(c.resolvedOn ? { resolvedOn: c.resolvedOn } : {}),
        ...(c.resolution ? { resolution: c.resolution } : {}),
      })),
      followUps: followUps.visible.map((f) => ({
        id: f.id,
        dueOn: f.dueOn,
        subject: f.subject,
        done: f.done,
        ...(f.doneOn ? { doneOn: f.doneOn } : {}),
        ...(f.outcome ? { outcome: f.outcome } : {}),
        ...(f.relatesTo ? { relatesTo: f.relatesTo } : {}),
      })),
      progress: progress.visible.map((p) => ({
        id: p.id,
        on: p.on,
        target: p.target,
        judgement: p.judgement,
        note: p.note,
      })),
      deviations: deviations.visible.map((d) => ({
        id: d.id,
        on: d.on,
        kind: d.kind,
        description: d.description,
        triggersReassessment: d.triggersReassessment,
        ...(d.missingService ? { missingService: d.missingService } : {}),
        ...(d.relatesTo ? { relatesTo: d.relatesTo } : {}),
      })),
      readiness: readiness.visible.map((r) => ({
        id: r.id,
        on: r.on,
        signs: [...r.signs],
        ...(r.note ? { note: r.note } : {}),
      })),
    },
  };
}
