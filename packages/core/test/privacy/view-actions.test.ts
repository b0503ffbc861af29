import { expect } from 'chai';
import type { Actor } from '@fallkit/core';
import { authoriseCommand } from '../../src/access/authorise.js';
import { foldPrivacy } from '../../src/privacy/privacy-state.js';
import { ACTOR_KINDS, NOW, SCHULTE, TODAY, readWorld } from './read-channels-fixtures.js';

const A = ACTOR_KINDS as Readonly<Record<string, Actor>>;

describe('case views: the commands an actor may issue (issue 21 item 8)', function () {
  this.timeout(60_000);

  it('DP-40: the assigned case manager may close and record consents; an unassigned team lead may do neither', async () => {
    const world = await readWorld();
    const { state } = await world.full(SCHULTE);
    const manager = state.caseManagers.find((m) => m.from <= TODAY && (m.to === undefined || TODAY < m.to))!;
    world.as({ id: manager.userId, role: 'caseManager', agencyId: manager.agencyId });
    const mine = await world.views.viewCase(SCHULTE, 'caseManagement');
    expect(mine.ok, JSON.stringify(!mine.ok && mine.errors)).to.equal(true);
    if (!mine.ok) return;
    expect(mine.value.mayIssue).to.include.members(['closeCase', 'recordConsent', 'recordContact', 'referToProvider']);
    world.as(A['jobcenterTeamLead']!);
    const lead = await world.views.viewCase(SCHULTE, 'supervision');
    if (!lead.ok) return expect(lead.errors.length).to.be.greaterThan(0);
    expect(lead.value.mayIssue).to.not.include('closeCase');
    expect(lead.value.mayIssue).to.not.include('recordConsent');
    expect(lead.value.mayIssue).to.not.include('recordContact');
  });

  it('DP-23, DP-40: every listed command is one the access decision allows, every other one it refuses', async () => {
    const world = await readWorld();
    for (const name of ['jobcenterCaseManager', 'jobcenterColleague', 'jobcenterTeamLead', 'debtCounselling']) {
      const actor = A[name]!;
      world.as(actor);
      const view = await world.views.viewCase(SCHULTE, 'caseManagement');
      if (!view.ok) continue;
      const full = await world.full(SCHULTE);
      const privacy = foldPrivacy(full.events);
      const listed = new Set(view.value.mayIssue);
      for (const type of ['closeCase', 'recordConsent', 'changeLeadAgency', 'referToProvider', 'recordContact']) {
        const refusals = authoriseCommand({
          type,
          input: {},
          actor,
          state: full.state,
          privacy,
          now: NOW,
          today: TODAY,
        });
        expect(listed.has(type), `${name} ${type}`).to.equal(refusals.length === 0);
      }
    }
  });
});
