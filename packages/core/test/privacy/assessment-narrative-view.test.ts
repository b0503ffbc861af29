/*
 * DP-03, DP-23: an assessment's narrative is withheld exactly when its wishes are: both are the
 * assessment's own text (category `notes`), decided as one unit. Before, the view replaced the wishes
 * with a marker and left the narrative as it was, so a reader without the notes category read the
 * whole narrative assessment (found while building the handover package, issue 16).
 */
import { expect } from 'chai';
import { ACTOR_ROLES, isRedactionMarker, type Actor, type CaseState } from '@fallkit/core';
import { foldCase, foldPrivacy, viewCase } from '@fallkit/core/internal';
import { foldRights } from '@fallkit/core/rights';
import { EXAMPLE_ACTORS, EXAMPLE_AGENCIES, runExampleCases } from '@fallkit/core/examples';

const NARRATIVE = 'Frau H. erzählt von ihrer Erkrankung und den Schulden seit der Trennung.';

describe('the narrative of an assessment in a data-protected view (DP-03, DP-23)', () => {
  it('for every example case, every role at every agency and every purpose: the narrative is shown exactly when the wishes are', async () => {
    const { store, results } = await runExampleCases();
    const agencies = Object.values(EXAMPLE_AGENCIES).map((a) => a.agencyId);
    const actors: Actor[] = [
      ...(Object.values(EXAMPLE_ACTORS) as Actor[]),
      ...ACTOR_ROLES.flatMap((role) => agencies.map((agencyId) => ({ id: 'u-x', role, agencyId }) as Actor)),
    ];
    const seen = { shown: 0, withheld: 0 };
    for (const r of results) {
      const journal = await store.readJournal(r.caseId);
      const folded = foldCase(journal)!;
      if (folded.assessments.length === 0) continue;
      // Every assessment of the case also carries a narrative with health and debt details.
      const state: CaseState = {
        ...folded,
        assessments: folded.assessments.map((a) => ({
          ...a,
          narrative: NARRATIVE,
          wishesAndDreams: a.wishesAndDreams || 'Eine eigene Wohnung.',
        })),
      };
      const options = { now: journal.at(-1)!.at, privacy: foldPrivacy(journal), rights: foldRights(journal) };
      for (const actor of actors)
        for (const purpose of ['caseManagement', 'handover', 'helpPlan', 'measureDelivery']) {
          const view = viewCase(state, actor, purpose, options);
          if (!view.ok) continue;
          const assessments = view.value.case.assessments;
          if (!Array.isArray(assessments)) continue;
          for (const assessment of assessments as unknown as Record<string, unknown>[]) {
            if (isRedactionMarker(assessment)) continue;
            const wishesShown =
              assessment['wishesAndDreams'] !== '' && typeof assessment['wishesAndDreams'] === 'string';
            const narrativeShown = assessment['narrative'] === NARRATIVE;
            expect(narrativeShown, `${actor.role}@${actor.agencyId} ${purpose}`).to.equal(wishesShown);
            if (wishesShown) seen.shown += 1;
            else seen.withheld += 1;
          }
        }
    }
    // The sweep met readers of the whole assessment and readers of its domains only.
    expect(seen.shown, 'assessments shown whole').to.be.greaterThan(0);
    expect(seen.withheld, 'assessments with their own text withheld').to.be.greaterThan(0);
  });
});
