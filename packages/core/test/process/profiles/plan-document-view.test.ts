/*
 * The plan document laid out from a data-protected view (issue 20): a reader whose view withholds the
 * help plan, the goals or the measures gets a layout with those sections marked withheld. Before, the
 * layout called `.filter` on a redaction marker and threw, so `fk-plan-document` could not print the
 * plan for anyone but a full reader.
 */
import { expect } from 'chai';
import { ACTOR_ROLES, LEGAL_PROFILES, planDocumentLayout, type Actor, type CaseState } from '@fallkit/core';
import { foldCase, foldPrivacy, viewCase } from '@fallkit/core/internal';
import { foldRights } from '@fallkit/core/rights';
import { EXAMPLE_ACTORS, EXAMPLE_AGENCIES, PROFILE_EXAMPLE_CASES, runExampleCases } from '@fallkit/core/examples';

interface Planned {
  readonly caseId: string;
  readonly state: CaseState;
  readonly privacy: ReturnType<typeof foldPrivacy>;
  readonly rights: ReturnType<typeof foldRights>;
  readonly now: string;
}

let planned: Planned[] = [];

before(async () => {
  const { store, results } = await runExampleCases({ cases: PROFILE_EXAMPLE_CASES });
  planned = [];
  for (const r of results) {
    const journal = await store.readJournal(r.caseId);
    const state = foldCase(journal);
    if (state === undefined || state.plans.length === 0) continue;
    planned.push({
      caseId: r.caseId,
      state,
      privacy: foldPrivacy(journal),
      rights: foldRights(journal),
      now: journal.at(-1)!.at,
    });
  }
});

const agencies = Object.values(EXAMPLE_AGENCIES).map((a) => a.agencyId);

/** Every text the layout prints. */
function printed(layout: NonNullable<ReturnType<typeof planDocumentLayout>>): string[] {
  return [
    ...layout.participants.map((p) => p.name),
    ...layout.sections.flatMap((s) => s.lines.flatMap((l) => [l.text, ...(l.details ?? [])])),
  ];
}

describe('the plan document from a data-protected view (issue 20)', () => {
  it('has cases with a plan under every profile that prints one', () => {
    expect(planned.length).to.be.at.least(3);
  });

  it('DP-03 (every actor kind): for every profile case, every role at every agency and every purpose the layout of the view never throws, prints only what the full document prints, and never calls a withheld section missing', () => {
    const seen = { views: 0, withheld: 0 };
    const actors: Actor[] = [
      ...(Object.values(EXAMPLE_ACTORS) as Actor[]),
      ...ACTOR_ROLES.flatMap((role) =>
        agencies.flatMap((agencyId) => ['u-kim-krueger', 'u-x'].map((id) => ({ id, role, agencyId }) as Actor)),
      ),
    ];
    for (const { state, privacy, rights, now } of planned) {
      const standard = LEGAL_PROFILES.find((p) => p.id === state.processStandard.id);
      if (standard === undefined) continue;
      const full = planDocumentLayout(state, standard)!;
      const everything = new Set(printed(full));
      for (const actor of actors)
        for (const purpose of ['caseManagement', 'handover', 'helpPlan']) {
          const view = viewCase(state, actor, purpose, { now, privacy, rights });
          if (!view.ok) continue;
          const layout = planDocumentLayout(view.value.case, standard);
          expect(layout, `${actor.role}@${actor.agencyId}`).to.not.equal(undefined);
          if (layout === undefined) continue;
          seen.views += 1;
          if (layout.sections.some((s) => s.withheld) || layout.participantsWithheld) seen.withheld += 1;
          for (const line of printed(layout)) expect(everything.has(line), line).to.equal(true);
          expect(layout.missing, `${actor.role}@${actor.agencyId} ${purpose}`).to.deep.equal(full.missing);
        }
    }
    // The sweep met readers with the whole plan and readers with parts of it withheld.
    expect(seen.views, 'views decided').to.be.greaterThan(seen.withheld);
    expect(seen.withheld, 'views with a withheld section').to.be.greaterThan(0);
  });

  it('DP-03: a reader without the help plan category gets withheld sections, not missing ones', () => {
    const { state } = planned[0]!;
    const standard = LEGAL_PROFILES.find((p) => p.id === state.processStandard.id)!;
    const marker = { redacted: true, code: 'DENY_CATEGORY', category: 'helpPlan' } as const;
    const plan = { ...state.plans.at(-1)!, sections: marker, participants: marker };
    const redacted = { ...state, plans: [plan] } as unknown as CaseState;
    const layout = planDocumentLayout(redacted, standard)!;
    expect(layout.missing).to.deep.equal([]);
    expect(layout.participants).to.deep.equal([]);
    expect(layout.participantsWithheld).to.equal(true);
    const texts = layout.sections.filter((s) => s.item.from === 'text');
    expect(texts.length).to.be.greaterThan(0);
    for (const section of texts) expect(section.withheld, section.item.id).to.equal(true);
  });
});
