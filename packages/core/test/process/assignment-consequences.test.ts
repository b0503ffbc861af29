import { expect } from 'chai';
import { assignmentConsequences, type AssignmentPlan, type CaseCommandInput } from '@fallkit/core';
import { openBasicCase, privacyWorld, R, U, type PrivacyWorld } from '../privacy/privacy-fixtures.js';

type HandoverInput = CaseCommandInput<'changeLeadAgency'>;

/** KIM (Sabine Krüger) leads; it hands over to the Jobcenter on 1 April; on 2 April the Jobcenter's case manager is to be named. */
async function handedOver(world: PrivacyWorld, input: Partial<HandoverInput> = {}): Promise<void> {
  await openBasicCase(world);
  await world.run('scheduleFollowUp', { dueOn: '2026-05-10', subject: 'Nachweise Deutschkurs', assignedTo: U.kim.id });
  await world.run('changeLeadAgency', {
    variant: 'warmHandover',
    to: { agencyId: R.jobcenter.agencyId, name: R.jobcenter.name },
    legalDomain: 'SGB_II',
    effectiveFrom: '2026-04-01',
    reason: 'Aufenthaltserlaubnis erteilt.',
    ...input,
  });
  world.clock.set('2026-04-02T08:00:00.000Z');
}

const takeover: AssignmentPlan = {
  userId: U.jobcenter.id,
  name: U.jobcenter.name,
  agencyId: U.jobcenter.agencyId,
  role: 'primary',
  from: '2026-04-02',
  replaces: U.kim.id,
};

describe('assignment consequences: what the confirmation says before assignCaseManager (issue 21; DP-23, HO-1/HO-2)', function () {
  this.timeout(30_000);

  it('HO-1, DP-23: a warm handover: the receiver gets the case, the sender stays deputy up to the day the command then records', async () => {
    const world = privacyWorld('2026-03-01T09:00:00.000Z');
    await handedOver(world, { involvedUntil: '2026-04-15' });
    const lines = assignmentConsequences((await world.load()).state, takeover, '2026-04-02');
    expect(lines.map((l) => l.de)).to.deep.equal([
      'Murat Demir übernimmt ab 02.04.2026 die Fallverantwortung und sieht ab dann den Fall.',
      'Die Fallverantwortung von Sabine Krüger endet am 02.04.2026.',
      'Warme Übergabe: Die bisher fallverantwortliche Person bleibt bis einschließlich 15.04.2026 als Vertretung beteiligt; danach endet ihr Zugang zum Fall.',
      'Offene Wiedervorlagen bleiben bei Sabine Krüger, weil die Übergabe keine Einwilligung nennt.',
    ]);
    expect(lines[0]!.en).to.equal(
      'Murat Demir takes over as case manager from 2 Apr 2026 and can see the case from then on.',
    );
    // What it said is what the command does: Sabine Krüger deputy until 15 April (inclusive).
    await world.runAs(U.kim, 'assignCaseManager', takeover);
    const { state } = await world.load();
    const deputy = state.caseManagers.find((p) => p.userId === U.kim.id && p.role === 'deputy')!;
    expect(deputy.to).to.equal('2026-04-16');
  });

  it('DP-23: a change within the agency without handover: the replaced case manager loses access on the day', async () => {
    const world = privacyWorld('2026-03-01T09:00:00.000Z');
    await openBasicCase(world);
    const lines = assignmentConsequences(
      (await world.load()).state,
      { userId: 'u-kim-neu', name: 'Lea Neu', agencyId: U.kim.agencyId, role: 'primary', replaces: U.kim.id },
      '2026-03-05',
    );
    expect(lines.map((l) => l.de)).to.deep.equal([
      'Lea Neu übernimmt ab 05.03.2026 die Fallverantwortung und sieht ab dann den Fall.',
      'Die Fallverantwortung von Sabine Krüger endet am 05.03.2026; ab dann hat Sabine Krüger keinen Zugang mehr zum Fall.',
    ]);
  });

  it('a deputy added: nobody loses access', async () => {
    const world = privacyWorld('2026-03-01T09:00:00.000Z');
    await openBasicCase(world);
    const lines = assignmentConsequences(
      (await world.load()).state,
      { userId: 'u-kim-neu', name: 'Lea Neu', agencyId: U.kim.agencyId, role: 'deputy' },
      '2026-03-05',
    );
    expect(lines.map((l) => l.en)).to.deep.equal([
      'Lea Neu becomes deputy case manager from 5 Mar 2026 and can see the case from then on.',
      'Nobody loses access to the case through this.',
    ]);
  });
});
