import {
  createCaseService,
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  type Actor,
  type CaseService,
  type CaseStore,
  domainInvariantGuard,
} from '@fallkit/core';
import { restrictionGuard } from '@fallkit/core/rights';
import { EXAMPLE_ACTORS, runExampleCases } from '@fallkit/core/examples';

/**
 * The guards the example scripts are loaded with: the scripts are valid case histories; access rules
 * of other modules are tested where they are defined, the rights commands below run the full default
 * pipeline.
 */
export const EXAMPLE_GUARDS = [domainInvariantGuard, restrictionGuard];

/** The instant the rights tests act at: after every example script's last step. */
export const RIGHTS_NOW = '2026-07-01T12:00:00.000Z';

/** The example cases in a fresh store, and a service factory acting as a given user. */
export async function rightsWorld(): Promise<{
  store: CaseStore;
  clock: FixedClock;
  as: (actor: Actor) => CaseService;
}> {
  const { store } = await runExampleCases({ store: new MemoryCaseStore(), guards: EXAMPLE_GUARDS });
  const clock = new FixedClock(RIGHTS_NOW);
  const ids = new SequentialIds();
  return { store, clock, as: (actor) => createCaseService({ store, clock, ids, actor }) };
}

/** The example users. */
export const KIM = EXAMPLE_ACTORS.kimCaseManager;
export const JOBCENTER = EXAMPLE_ACTORS.jobcenterCaseManager;

/** The data-protection officers of the two agencies: they decide data-subject requests (DP-41). */
export const KIM_DPO = EXAMPLE_ACTORS.kimDataProtectionOfficer;
export const JOBCENTER_DPO = EXAMPLE_ACTORS.jobcenterDataProtectionOfficer;
