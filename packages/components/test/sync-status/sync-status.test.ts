import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Observer, Subscribable } from '@fallkit/core';
import '../../src/define/fk-sync-status.js';
import type { FkSyncStatus } from '../../src/sync-status/sync-status.component.js';
import type { SyncStatusSource, SyncStatusView } from '../../src/sync-status/sync-status-port.js';

/** A live status the test moves by hand, and a sync button that counts its presses. */
class FakeStatusSource implements SyncStatusSource {
  value: SyncStatusView;
  readonly #observers = new Set<Observer<SyncStatusView>>();
  rounds = 0;
  constructor(value: SyncStatusView) {
    this.value = value;
  }
  readonly status: Subscribable<SyncStatusView> = {
    subscribe: (observer) => {
      const target = typeof observer === 'function' ? { next: observer } : observer;
      this.#observers.add(target);
      target.next(this.value);
      return { unsubscribe: () => void this.#observers.delete(target) };
    },
  };
  set(value: SyncStatusView): void {
    this.value = value;
    for (const observer of this.#observers) observer.next(value);
  }
  async syncNow(): Promise<void> {
    this.rounds += 1;
  }
  acknowledged = 0;
  acknowledgeSetAside(): void {
    this.acknowledged += 1;
    const { setAside: _read, ...rest } = this.value;
    this.set(rest);
  }
  get subscribers(): number {
    return this.#observers.size;
  }
}

const text = (el: FkSyncStatus) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('<fk-sync-status>', () => {
  it('says online, nothing pending and when it last synced, in German', async () => {
    const el = await fixture<FkSyncStatus>(
      html`<fk-sync-status
        lang="de"
        .status=${{ online: true, pending: 0, lastSyncedAt: '2026-03-02T09:15:00.000Z' }}
      ></fk-sync-status>`,
    );
    expect(text(el)).to.include('Verbunden');
    expect(text(el)).to.include('Alle Änderungen sind beim Server.');
    expect(text(el)).to.match(/Zuletzt abgeglichen: 02\.03\.2026/);
  });

  it('says offline, the pending count, the conflicts and the error in words, in English', async () => {
    const el = await fixture<FkSyncStatus>(
      html`<fk-sync-status
        lang="en"
        .status=${{
          online: false,
          pending: 3,
          conflicts: 1,
          error: { code: 'SYNC_OFFLINE', message: { de: 'Keine Verbindung.', en: 'No connection to the server.' } },
        }}
      ></fk-sync-status>`,
    );
    const words = text(el);
    expect(words).to.include('Offline – changes stay on this device');
    expect(words).to.include('3 changes are waiting to be synced.');
    expect(words).to.include('1 conflict is waiting for your decision.');
    expect(words).to.include('Problem: No connection to the server.');
    expect(words).to.include('Not synced yet.');
    expect(words).to.not.include('Keine Verbindung');
  });

  it('follows a live source, announces changes in a polite live region, and stops listening when removed', async () => {
    const source = new FakeStatusSource({ online: true, pending: 0 });
    const el = await fixture<FkSyncStatus>(html`<fk-sync-status lang="de" .source=${source}></fk-sync-status>`);
    const region = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    source.set({ online: false, pending: 2 });
    await el.updateComplete;
    expect(text(el)).to.include('2 Änderungen warten auf den Abgleich.');
    expect(text(el)).to.include('Offline');
    el.remove();
    expect(source.subscribers).to.equal(0);
  });

  it('starts a round with the keyboard (Tab, Enter)', async () => {
    const source = new FakeStatusSource({ online: true, pending: 1 });
    const el = await fixture<FkSyncStatus>(html`<fk-sync-status lang="de" .source=${source}></fk-sync-status>`);
    const button = el.shadowRoot!.querySelector('button')!;
    expect(button.textContent!.trim()).to.equal('Jetzt abgleichen');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(button);
    await sendKeys({ press: 'Enter' });
    expect(source.rounds).to.equal(1);
  });

  it('is accessible online and offline with an error', async () => {
    const ok = await fixture<FkSyncStatus>(
      html`<fk-sync-status lang="de" .source=${new FakeStatusSource({ online: true, pending: 0 })}></fk-sync-status>`,
    );
    await expect(ok).to.be.accessible();
    const down = await fixture<FkSyncStatus>(
      html`<fk-sync-status
        lang="de"
        .status=${{ online: false, pending: 4, error: { code: 'X', message: { de: 'Fehler.', en: 'Error.' } } }}
      ></fk-sync-status>`,
    );
    await expect(down).to.be.accessible();
  });

  it('lists what the server refused for good, in words, until the person marks it read (issue 15)', async () => {
    const source = new FakeStatusSource({
      online: true,
      pending: 0,
      setAside: [
        {
          code: 'DOCUMENT_REMOVED',
          message: { de: 'Das Dokument wurde entfernt.', en: 'The document was removed.' },
        },
        {
          code: 'ACCESS_LOG_UPLOAD_INVALID',
          message: { de: 'Der Protokolleintrag ist ungültig.', en: 'The access-log entry is invalid.' },
        },
      ],
    });
    const el = await fixture<FkSyncStatus>(html`<fk-sync-status lang="de" .source=${source}></fk-sync-status>`);
    const list = el.shadowRoot!.querySelector('[part="set-aside"]')!;
    expect(list.textContent!.replace(/\s+/g, ' ')).to.include('2 Übertragungen hat der Server endgültig abgelehnt:');
    expect([...list.querySelectorAll('li')].map((li) => [li.dataset.code, li.textContent!.trim()])).to.deep.equal([
      ['DOCUMENT_REMOVED', 'Das Dokument wurde entfernt.'],
      ['ACCESS_LOG_UPLOAD_INVALID', 'Der Protokolleintrag ist ungültig.'],
    ]);
    await expect(el).to.be.accessible();
    const read = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="acknowledge"]')!;
    expect(read.textContent!.trim()).to.equal('Gelesen');
    read.click();
    await el.updateComplete;
    expect(source.acknowledged).to.equal(1);
    expect(el.shadowRoot!.querySelector('[part="set-aside"]')).to.equal(null);
  });

  it('shows set-aside refusals in English without a button when standalone', async () => {
    const el = await fixture<FkSyncStatus>(
      html`<fk-sync-status
        lang="en"
        .status=${{
          online: true,
          pending: 0,
          setAside: [{ code: 'DOCUMENT_REMOVED', message: { de: 'Entfernt.', en: 'Removed.' } }],
        }}
      ></fk-sync-status>`,
    );
    const words = text(el);
    expect(words).to.include('The server refused 1 upload for good: Removed.');
    expect(words).to.include('They were not transferred and will not be retried.');
    expect(el.shadowRoot!.querySelector('[part="acknowledge"]')).to.equal(null);
  });
});
