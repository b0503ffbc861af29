import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Observer, Result, Subscribable } from '@fallkit/core';
import '../../src/define/fk-sync-conflicts.js';
import type { FkSyncConflicts } from '../../src/sync-conflicts/sync-conflicts.component.js';
import type { SyncConflictView, SyncConflictsSource } from '../../src/sync-conflicts/sync-conflicts-port.js';

const conflict: SyncConflictView = {
  id: 'conflict-1',
  caseId: 'F-2026-0042',
  kind: 'conflict',
  createdAt: '2026-03-02T10:00:00.000Z',
  mine: {
    caseId: 'F-2026-0042',
    commands: [
      { type: 'reviseGoal', input: { goalId: 'goal-1', reason: 'Neue Frist', changes: { title: 'Wohnung bis Juni' } } },
    ],
  },
  theirs: [
    {
      type: 'GoalRevised',
      seq: 7,
      at: '2026-03-02T09:30:00.000Z',
      actor: { id: 'u-kim-krueger', name: 'Sabine Krüger' },
      payload: { goalId: 'goal-1', changes: { title: 'Wohnung bis Mai' } },
    },
    { type: 'ConsentRecorded', seq: 8, at: '2026-03-02T09:31:00.000Z', actor: { id: 'u-kim-krueger' } },
    { hidden: true, seq: 9 },
  ],
  errors: [],
};
const refusedOne: SyncConflictView = {
  id: 'conflict-2',
  caseId: 'F-2026-0050',
  kind: 'refused',
  createdAt: '2026-03-02T10:05:00.000Z',
  mine: { caseId: 'F-2026-0050', commands: [{ type: 'closeCase', input: { reason: 'goalsAchieved' } }] },
  theirs: [],
  errors: [
    {
      code: 'DENY_NOT_ASSIGNED',
      message: { de: 'Sie sind der Akte nicht mehr zugeordnet.', en: 'You are no longer assigned to the case.' },
    },
  ],
};

/** A conflict list the test controls: resolving takes an entry out, as the sync client does. */
class FakeConflictsSource implements SyncConflictsSource {
  list: SyncConflictView[];
  readonly calls: string[] = [];
  refuseReapply = false;
  readonly #observers = new Set<Observer<readonly SyncConflictView[]>>();
  constructor(list: SyncConflictView[]) {
    this.list = list;
  }
  readonly conflicts: Subscribable<readonly SyncConflictView[]> = {
    subscribe: (observer) => {
      const target = typeof observer === 'function' ? { next: observer } : observer;
      this.#observers.add(target);
      target.next(this.list);
      return { unsubscribe: () => void this.#observers.delete(target) };
    },
  };
  #drop(id: string): void {
    this.list = this.list.filter((c) => c.id !== id);
    for (const observer of this.#observers) observer.next(this.list);
  }
  async reapply(id: string): Promise<Result<unknown>> {
    this.calls.push(`reapply ${id}`);
    if (this.refuseReapply)
      return {
        ok: false,
        errors: [{ code: 'CASE_CLOSED', message: { de: 'Die Akte ist geschlossen.', en: 'The case is closed.' } }],
      };
    this.#drop(id);
    return { ok: true, value: { commandId: 'command-new' } };
  }
  async discard(id: string, reason: string): Promise<Result<unknown>> {
    this.calls.push(`discard ${id}: ${reason}`);
    this.#drop(id);
    return { ok: true, value: undefined };
  }
}

const words = (el: Element | ShadowRoot) => el.textContent!.replace(/\s+/g, ' ');

describe('<fk-sync-conflicts>', () => {
  it('shows each conflict side by side: mine, theirs (with author and time), in German', async () => {
    const el = await fixture<FkSyncConflicts>(
      html`<fk-sync-conflicts
        lang="de"
        .conflicts=${[conflict, refusedOne]}
        .typeLabels=${{ reviseGoal: 'Ziel ändern', GoalRevised: 'Ziel geändert' }}
      ></fk-sync-conflicts>`,
    );
    const [first, second] = [...el.shadowRoot!.querySelectorAll('article')];
    const mine = first!.querySelector('[part="mine"]')!;
    const theirs = first!.querySelector('[part="theirs"]')!;
    expect(words(first!)).to.include('Akte F-2026-0042');
    expect(words(first!)).to.include('Jemand anderes hat dasselbe in der Zwischenzeit geändert.');
    expect(words(mine)).to.include('Meine Änderung');
    expect(words(mine)).to.include('Ziel ändern');
    expect(words(mine)).to.include('Wohnung bis Juni');
    expect(words(theirs)).to.include('Die andere Änderung');
    expect(words(theirs)).to.include('Ziel geändert');
    expect(words(theirs)).to.include('Wohnung bis Mai');
    expect(words(theirs)).to.include('Sabine Krüger');
    expect(words(theirs)).to.include('Inhalt ausgeblendet'); // the withheld payload of the second event
    expect(words(theirs)).to.include('Ein Eintrag, den Sie nicht sehen dürfen.'); // a hidden link of a cut (DP-24)
    expect(words(second!)).to.include('Der Server hat die Änderung abgelehnt.');
    expect(words(second!.querySelector('[part="theirs"]')!)).to.include('Sie sind der Akte nicht mehr zugeordnet.');
  });

  it('speaks English', async () => {
    const el = await fixture<FkSyncConflicts>(
      html`<fk-sync-conflicts lang="en" .conflicts=${[refusedOne]}></fk-sync-conflicts>`,
    );
    const all = words(el.shadowRoot!);
    expect(all).to.include('Sync conflicts');
    expect(all).to.include("The server's answer");
    expect(all).to.include('You are no longer assigned to the case.');
    expect(all).to.include('Apply my change on top of the other');
    expect(all).to.not.include('Meine Änderung');
  });

  it('says when there is nothing to decide', async () => {
    const el = await fixture<FkSyncConflicts>(html`<fk-sync-conflicts lang="de"></fk-sync-conflicts>`);
    expect(words(el.shadowRoot!)).to.include('Keine offenen Konflikte.');
  });

  it('re-applies through the source; the conflict leaves the list; a refusal is shown in words and it stays', async () => {
    const source = new FakeConflictsSource([conflict, refusedOne]);
    source.refuseReapply = true;
    const el = await fixture<FkSyncConflicts>(
      html`<fk-sync-conflicts lang="de" .source=${source}></fk-sync-conflicts>`,
    );
    expect(await el.reapply('conflict-1')).to.equal(false);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.include('Die Akte ist geschlossen.');
    expect(el.shadowRoot!.querySelectorAll('article')).to.have.length(2);
    source.refuseReapply = false;
    expect(await el.reapply('conflict-1')).to.equal(true);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('article')).to.have.length(1);
    expect(source.calls).to.deep.equal(['reapply conflict-1', 'reapply conflict-1']);
  });

  it('discards only with a reason, with the keyboard: Tab to "verwerfen", Enter, type, Enter on the button', async () => {
    const source = new FakeConflictsSource([conflict]);
    const el = await fixture<FkSyncConflicts>(
      html`<fk-sync-conflicts lang="de" .source=${source}></fk-sync-conflicts>`,
    );
    await sendKeys({ press: 'Tab' }); // re-apply
    await sendKeys({ press: 'Tab' }); // discard …
    const discard = el.shadowRoot!.activeElement as HTMLButtonElement;
    expect(discard.textContent!.trim()).to.equal('Meine Änderung verwerfen …');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.activeElement?.localName === 'textarea');
    // An empty reason is refused and said.
    expect(await el.confirmDiscard('conflict-1')).to.equal(false);
    await el.updateComplete;
    expect(words(el.shadowRoot!)).to.include('Bitte einen Grund angeben.');
    expect(source.calls).to.deep.equal([]);
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'Die Fassung des KIM gilt.' });
    await sendKeys({ press: 'Tab' });
    expect((el.shadowRoot!.activeElement as HTMLElement).textContent!.trim()).to.equal('Verwerfen');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => source.calls.length === 1);
    expect(source.calls).to.deep.equal(['discard conflict-1: Die Fassung des KIM gilt.']);
    await el.updateComplete;
    expect(words(el.shadowRoot!)).to.include('Keine offenen Konflikte.');
  });

  it('Escape closes the reason form and gives the focus back to the discard button', async () => {
    const el = await fixture<FkSyncConflicts>(
      html`<fk-sync-conflicts lang="de" .conflicts=${[conflict]}></fk-sync-conflicts>`,
    );
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-discard]')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.localName === 'textarea');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => el.shadowRoot!.activeElement?.hasAttribute('data-discard') === true);
    expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
  });

  it('standalone, fires fk-submit with the decision (re-apply; discard with the reason)', async () => {
    const el = await fixture<FkSyncConflicts>(
      html`<fk-sync-conflicts lang="en" .conflicts=${[conflict]}></fk-sync-conflicts>`,
    );
    setTimeout(() => void el.reapply('conflict-1'));
    const reapplied = await oneEvent(el, 'fk-submit');
    expect(reapplied.detail).to.deep.equal({ action: 'reapply', conflictId: 'conflict-1' });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-discard]')!.click();
    await el.updateComplete;
    const textarea = el.shadowRoot!.querySelector('textarea')!;
    textarea.value = 'Duplicate';
    textarea.dispatchEvent(new Event('input'));
    setTimeout(() => void el.confirmDiscard('conflict-1'));
    const discarded = await oneEvent(el, 'fk-submit');
    expect(discarded.detail).to.deep.equal({ action: 'discard', conflictId: 'conflict-1', reason: 'Duplicate' });
  });

  it('a cancelled fk-submit stops the source from carrying the decision out', async () => {
    const source = new FakeConflictsSource([conflict]);
    const el = await fixture<FkSyncConflicts>(
      html`<fk-sync-conflicts lang="de" .source=${source}></fk-sync-conflicts>`,
    );
    el.addEventListener('fk-submit', (event) => event.preventDefault());
    expect(await el.reapply('conflict-1')).to.equal(false);
    expect(source.calls).to.deep.equal([]);
    expect(el.shadowRoot!.querySelectorAll('article')).to.have.length(1);
  });

  it('is accessible with a conflict and a refusal', async () => {
    const el = await fixture<FkSyncConflicts>(
      html`<fk-sync-conflicts lang="de" .conflicts=${[conflict, refusedOne]}></fk-sync-conflicts>`,
    );
    await expect(el).to.be.accessible();
  });
});
