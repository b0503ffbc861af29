import { expect } from 'chai';
import { PROFILE_EXAMPLE_CASES, runExampleCases, type ExampleCase } from '@fallkit/core/examples';

const sgb8 = PROFILE_EXAMPLE_CASES[1] as ExampleCase;
const cut = sgb8.steps.findIndex((s) => s.type === 'recordAssessment');
const narrativeStep = sgb8.steps[cut];

async function run(input: unknown): Promise<unknown> {
  const steps = [...sgb8.steps.slice(0, cut), { ...narrativeStep, input } as NonNullable<typeof narrativeStep>];
  try {
    await runExampleCases({ cases: [{ ...sgb8, steps }] });
    return undefined;
  } catch (error) {
    return (error as { errors?: unknown }).errors;
  }
}

describe('narrative assessment (issue 20)', () => {
  it('is recorded without life domains, confirmed, and goals are agreed after it (PR-12)', async () => {
    const { results } = await runExampleCases({ cases: [sgb8] });
    const state = results[0]?.state;
    const assessment = state?.assessments[0];
    expect(assessment?.mode).to.equal('narrative');
    expect(assessment?.domains).to.deep.equal([]);
    expect(assessment?.narrative).to.contain('Streit über Handy');
    expect(assessment?.status).to.equal('confirmed');
    expect(assessment?.categories).to.include('notes');
    expect(state?.goals[0]?.agreement?.agreedByPerson).to.equal(true);
  });

  it('a narrative assessment without its text is refused (INVALID_INPUT on narrative)', async () => {
    const errors = (await run({ mode: 'narrative', domains: [], narrative: '  ', wishesAndDreams: '' })) as {
      code: string;
      path: unknown[];
    }[];
    expect(errors.map((e) => e.code)).to.deep.equal(['INVALID_INPUT']);
    expect(errors[0]?.path).to.deep.equal(['input', 'narrative']);
  });

  it('a structured assessment still needs at least one life domain (INVALID_INPUT on domains)', async () => {
    const errors = (await run({ domains: [], wishesAndDreams: '' })) as { code: string; path: unknown[] }[];
    expect(errors.map((e) => e.code)).to.deep.equal(['INVALID_INPUT']);
    expect(errors[0]?.path).to.deep.equal(['input', 'domains']);
  });
});
