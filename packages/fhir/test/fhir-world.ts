import {
  createCaseService,
  createCaseViews,
  FixedClock,
  localDate,
  type Actor,
  type CaseConsents,
  type CaseState,
  type CaseView,
} from '@fallkit/core';
import { runExampleCases, ScopedSequentialIds, type ExampleCase } from '@fallkit/core/examples';
import type { SubjectExport } from '@fallkit/core/rights';
import { expect } from 'chai';

/** A decided view of an example case for the worker who holds it at the end of its script. */
export interface DecidedExample {
  readonly example: ExampleCase;
  readonly actor: Actor;
  readonly view: CaseView;
  readonly consents: CaseConsents;
  readonly at: string;
}

function holder(state: CaseState, day: string, fallback: Actor): Actor {
  const primary = state.caseManagers
    .filter((m) => m.role === 'primary' && m.from <= day && (m.to === undefined || day < m.to))
    .at(-1);
  return primary === undefined
    ? fallback
    : {
        id: primary.userId,
        role: 'caseManager',
        agencyId: primary.agencyId,
        ...(primary.name ? { name: primary.name } : {}),
      };
}

/** Runs an example and reads it back through the case views, as its current case manager (DP-23). */
export async function decidedExample(example: ExampleCase): Promise<DecidedExample> {
  const { store, results } = await runExampleCases({ cases: [example] });
  const at = example.steps.at(-1)!.at;
  const clock = new FixedClock(at);
  const actor = holder(results[0]!.state, localDate(at), example.actor);
  const ids = new ScopedSequentialIds(`${example.key}-read`);
  const service = createCaseService({ store, clock, ids, actor });
  const views = createCaseViews({ service, store, clock, ids });
  const view = await views.viewCase(example.caseId, 'caseManagement');
  if (!view.ok) expect.fail(`${example.key}: ${view.errors.map((e) => e.code).join()}`);
  const consents = await views.consents(example.caseId, 'caseManagement');
  if (!consents.ok) expect.fail(`${example.key}: ${consents.errors.map((e) => e.code).join()}`);
  return { example, actor, view: view.value, consents: consents.value, at };
}

/** The person's export (DP-29) of an example's addressee, made by the worker who holds the case. */
export async function decidedExport(example: ExampleCase): Promise<{ exported: SubjectExport; at: string }> {
  const { store, results } = await runExampleCases({ cases: [example] });
  const at = example.steps.at(-1)!.at;
  const clock = new FixedClock(at);
  const state = results[0]!.state;
  const actor = holder(state, localDate(at), example.actor);
  const ids = new ScopedSequentialIds(`${example.key}-export`);
  const service = createCaseService({ store, clock, ids, actor });
  const views = createCaseViews({ service, store, clock, ids });
  const exported = await views.exportSubject(example.caseId, state.addresseeId);
  if (!exported.ok) expect.fail(`${example.key}: ${exported.errors.map((e) => e.code).join()}`);
  return { exported: exported.value, at };
}
