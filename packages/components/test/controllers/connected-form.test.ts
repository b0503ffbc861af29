import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { Actor, Result } from '@fallkit/core';
import { ConnectedForm, type ConnectedFormHooks } from '../../src/controllers/connected-form.js';
import { LocalizeController } from '../../src/controllers/localize-controller.js';
import { pageDrafts } from '../../src/controllers/draft-store.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { FkEvent } from '../../src/events/fk-event.js';
import { FakeCaseService, refusedWith } from '../suites/fake-case-service.js';
import '../../src/define/fk-case-provider.js';

interface Value {
  note?: string;
}
interface View {
  readonly caseId: string;
  readonly note?: string;
  readonly lastSeq?: number;
}

const caseManager: Actor = { id: 'u-1', role: 'caseManager', agencyId: 'kommune', name: 'Frau Berater' };

/**
 * A host that keeps only the state a form would (value, baseline, dirty, remoteChanged) and records the
 * steps the connected controllers ask of it: the wiring is what is tested, not a form.
 */
class ConnectedProbe extends LitElement {
  value: Value = {};
  baseline: Value | undefined;
  dirty = false;
  remoteChanged = false;
  readonly steps: string[] = [];
  /** The form's `save()`: stored unless a test says otherwise. */
  saveWith: (data: Value) => Promise<Result<unknown>> = () => Promise.resolve({ ok: true, value: undefined });
  readonly i18n = new LocalizeController(this, {});
  readonly hooks: ConnectedFormHooks<Value, Value, View> = {
    i18n: this.i18n,
    caseId: () => undefined,
    onContext: () => void this.steps.push('context'),
    formId: () => 'fk-connected-probe',
    standaloneKey: () => undefined,
    value: () => this.value,
    baseline: () => this.baseline,
    edits: () => ({ dirty: this.dirty, value: this.value, baseline: this.baseline }),
    valueFromView: (view) => ({ note: view.note }),
    save: (data) => this.saveWith(data),
    savedSummary: () => undefined,
    afterStored: async () => void this.steps.push('stored'),
    focusPath: (path) => void this.steps.push(`focus:${path.join('.')}`),
    setRemoteChanged: (on) => (this.remoteChanged = on),
    rest: (value) => {
      this.value = value;
      this.baseline = value;
    },
    clean: () => (this.dirty = false),
    adopt: () => void this.steps.push('adopt'),
    edit: (value) => void (this.value = value),
    submit: () => Promise.resolve(true),
    reapply: () => Promise.resolve(true),
  };
  readonly parts = new ConnectedForm<Value, Value, View, string>(this, this.hooks);
  override render() {
    return html`${this.parts.refusals.render()}`;
  }
}
customElements.define('fk-connected-probe', ConnectedProbe);

async function connected(service: FakeCaseService<View, string>) {
  const provider = await fixture<FkCaseProvider>(
    html`<fk-case-provider .service=${service} .actor=${caseManager} purpose="caseManagement" case-id="c-1"
      ><fk-connected-probe></fk-connected-probe
    ></fk-case-provider>`,
  );
  const probe = provider.querySelector<ConnectedProbe>('fk-connected-probe')!;
  await aTimeout(0);
  await probe.updateComplete;
  return probe;
}

class ProbeAction extends FkEvent<{ readonly what: string }> {
  static readonly eventName = 'fk-probe-action';
  constructor(detail: { readonly what: string }) {
    super(ProbeAction.eventName, detail, { cancelable: true });
  }
}

describe('ConnectedForm (the connected controllers, wired to each other)', () => {
  beforeEach(() => pageDrafts.clear());

  it('shows each view of the case while the form has no edits, resting on its journal position', async () => {
    const service = new FakeCaseService<View, string>();
    service.setView('c-1', { caseId: 'c-1', note: 'Wohnung', lastSeq: 3 });
    const probe = await connected(service);
    expect(probe.steps).to.include('context');
    expect(probe.value).to.deep.equal({ note: 'Wohnung' });
    expect(probe.baseline).to.deep.equal({ note: 'Wohnung' });
    expect(probe.parts.saving.baseSeq).to.equal(3);
  });

  it('keeps unsaved edits when someone else changed the case, and says so', async () => {
    const service = new FakeCaseService<View, string>();
    service.setView('c-1', { caseId: 'c-1', note: 'Wohnung', lastSeq: 3 });
    const probe = await connected(service);
    probe.dirty = true;
    probe.value = { note: 'Wohnung, Miete' };
    service.push('c-1', { caseId: 'c-1', note: 'Arbeit', lastSeq: 4 });
    expect(probe.remoteChanged).to.equal(true);
    expect(probe.value).to.deep.equal({ note: 'Wohnung, Miete' });
  });

  it('keys the drafts by the connected case', async () => {
    const service = new FakeCaseService<View, string>();
    service.setView('c-1', { caseId: 'c-1', note: 'Wohnung', lastSeq: 3 });
    const probe = await connected(service);
    expect(probe.parts.drafts.key).to.contain('c-1').and.to.contain('fk-connected-probe');
  });

  it('keeps the draft of a refused save, with the version it was typed on', async () => {
    const service = new FakeCaseService<View, string>();
    service.setView('c-1', { caseId: 'c-1', note: 'Wohnung', lastSeq: 3 });
    service.respond = () => refusedWith('DENY_PURPOSE', 'Nicht erlaubt.', 'Not allowed.');
    const probe = await connected(service);
    probe.saveWith = (data) => probe.parts.saving.saveCommands(data.note ? 'setNote' : undefined);
    probe.dirty = true;
    probe.value = { note: 'Wohnung, Miete' };
    const stored = await probe.parts.saving.store({ note: 'Wohnung, Miete' });
    expect(stored).to.equal(false);
    let kept: unknown;
    probe.parts.drafts.restoreOnce((draft) => (kept = draft));
    await aTimeout(0);
    expect(kept).to.deep.include({ value: { note: 'Wohnung, Miete' }, baseSeq: 3 });
  });

  it('runs a side action: the event on the form, then the command; a refusal shows in place and takes focus', async () => {
    const service = new FakeCaseService<View, string>();
    service.setView('c-1', { caseId: 'c-1', note: 'Wohnung', lastSeq: 3 });
    const probe = await connected(service);
    const seen: string[] = [];
    probe.addEventListener(ProbeAction.eventName, (e) => seen.push((e as ProbeAction).detail.what));
    expect(await probe.parts.sideAction(new ProbeAction({ what: 'confirm' }), 'confirm')).to.equal('done');
    expect(seen).to.deep.equal(['confirm']);
    expect(service.batches.map((b) => b.batch.commands)).to.deep.equal([['confirm']]);

    service.respond = (): Result<unknown> => refusedWith('DENY_STAGE', 'Nicht in dieser Phase.', 'Not in this stage.');
    expect(await probe.parts.sideAction(new ProbeAction({ what: 'withdraw' }), 'withdraw')).to.equal('refused');
    expect(probe.parts.refusals.list.map((r) => r.code)).to.deep.equal(['DENY_STAGE']);
    expect(probe.shadowRoot!.activeElement).to.equal(probe.parts.refusals.block());
  });

  it('runs no command for a side action the host cancelled', async () => {
    const service = new FakeCaseService<View, string>();
    service.setView('c-1', { caseId: 'c-1', note: 'Wohnung', lastSeq: 3 });
    const probe = await connected(service);
    probe.addEventListener(ProbeAction.eventName, (e) => e.preventDefault());
    expect(await probe.parts.sideAction(new ProbeAction({ what: 'confirm' }), 'confirm')).to.equal('cancelled');
    expect(service.batches).to.deep.equal([]);
  });

  it('leaves the conflict’s own refusal out of the refusals block while the conflict notice explains it', async () => {
    const service = new FakeCaseService<View, string>();
    service.setView('c-1', { caseId: 'c-1', note: 'Wohnung', lastSeq: 3 });
    const probe = await connected(service);
    probe.parts.refusals.show([{ code: 'STORE_CONFLICT', rule: 'STORE', message: { de: 'Konflikt', en: 'Conflict' } }]);
    probe.parts.saving.conflict = { baseSeq: 3, who: ['Herr Kollege'], fields: ['note'] };
    probe.requestUpdate();
    await probe.updateComplete;
    expect(probe.parts.refusals.block()).to.equal(undefined);
  });
});
