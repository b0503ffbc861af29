import { html, type TemplateResult } from 'lit';
import { LEGAL_PROFILES, type CaseState, type ProcessStandard } from '@fallkit/core';
import { PROFILE_EXAMPLE_CASES, runExampleCases } from '@fallkit/core/examples';

/*
 * Shared by the stories of the legal profiles (plan form, plan documents, profile-aware stage forms):
 * each profile's example case before and after its plan. No test-runner imports, so Storybook can load it.
 */

/** One profile with its example case before the plan is recorded and right after. */
export interface ProfileCase {
  readonly standard: ProcessStandard;
  readonly beforePlan: CaseState;
  readonly withPlan: CaseState;
}

async function profileCase(index: number): Promise<ProfileCase> {
  const example = PROFILE_EXAMPLE_CASES[index]!;
  const cut = example.steps.findIndex((s) => s.type === 'recordPlan');
  const before = await runExampleCases({ cases: [{ ...example, steps: example.steps.slice(0, cut) }] });
  const after = await runExampleCases({ cases: [{ ...example, steps: example.steps.slice(0, cut + 1) }] });
  const withPlan = after.results[0]!.state;
  return {
    standard: LEGAL_PROFILES.find((p) => p.id === withPlan.processStandard.id)!,
    beforePlan: before.results[0]!.state,
    withPlan,
  };
}

/** Story loader: `profile` is the SGB II (0), SGB VIII (1) or SGB IX (2) example. */
export function loadProfile(index: 0 | 1 | 2): () => Promise<{ profile: ProfileCase }> {
  return async () => ({ profile: await profileCase(index) });
}

/** The loaded profile of a story. */
export function profileOf(ctx: { loaded: Record<string, unknown> }): ProfileCase {
  return ctx.loaded['profile'] as ProfileCase;
}

/** A page frame with the language set, at most 60rem wide. */
export function profileFrame(content: unknown, lang = 'de'): TemplateResult {
  return html`<div lang=${lang} style="max-inline-size:60rem">${content}</div>`;
}
