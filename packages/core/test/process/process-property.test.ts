import { expect } from 'chai';
import fc from 'fast-check';
import { EXAMPLE_CASES } from '@fallkit/core/examples';
import { PROCESS_RULES } from '@fallkit/core/internal';
import { runExample } from './process-fixtures.js';

const RULE_IDS = new Set(Object.keys(PROCESS_RULES));

describe('process: property over shortened example scripts', () => {
  it('with random steps left out, every refusal names a known rule with texts, and the stored case folds to the reported stage', async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: EXAMPLE_CASES.length - 1 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 60, maxLength: 60 }),
        async (which, dice) => {
          const ex = EXAMPLE_CASES[which]!;
          // Step 0 opens the case; a 0 on the die leaves a step out.
          const run = await runExample(ex, {
            skip: (_type, index) => index > 0 && dice[index % 60] === 0,
            continueOnRefusal: true,
          });
          let lastStage: string | undefined;
          for (const step of run.steps) {
            if (step.stage !== undefined) lastStage = step.stage;
            for (const error of step.errors ?? []) {
              expect(error.message.de, error.code).to.have.length.greaterThan(5);
              expect(error.message.en, error.code).to.have.length.greaterThan(5);
              const rule = error.rule ?? '';
              expect(
                rule === 'DOMAIN' || rule === 'SCHEMA' || rule.startsWith('DP-') || RULE_IDS.has(rule),
                `${error.code} ${rule}`,
              ).to.equal(true);
              if (RULE_IDS.has(rule)) expect(error.hint?.de, rule).to.be.a('string');
            }
          }
          const loaded = await run.service.loadCase(ex.caseId, { verify: true });
          expect(loaded.ok).to.equal(true);
          if (loaded.ok) expect(loaded.value.state.stage).to.equal(lastStage);
        },
      ),
      { numRuns: 25 },
    );
  });
});
