/**
 * The demo working synced: once the person is signed in through `npm start`'s provider, the page opens that
 * person's own encrypted device store (`fallkit-<tenant>-<user>`, filled from the server's feed, holding only
 * what the server's cut lets this person see) with `@fallkit/sync`, and the stage elements work on it: every
 * command is decided locally (offline too), queued, pushed, and a conflict waits in `<fk-sync-conflicts>`.
 */
import { systemClock, type Result } from '@fallkit/core';
import { connectCaseService } from '@fallkit/components';
import { DexieDraftStore } from '@fallkit/store-dexie';
import { openSyncedDevice, type SyncClient } from '@fallkit/sync';
import '@fallkit/components/define/fk-sync-status';
import '@fallkit/components/define/fk-sync-conflicts';
import { DEMO_ACTORS } from '../app/demo-actors.js';
import type { DemoSession } from '../app/demo-session.js';
import { withOutcomeHook } from './handover-hook.js';
import type { HandoverDesk } from './handover-desk.js';

/** A synced demo session and its sync client (for the status and conflict elements). */
export interface SyncedDemoSession {
  readonly session: DemoSession;
  readonly sync: SyncClient;
  /** Issue 16: the handover desk (server inbox and key directory), once it opened; undefined offline. */
  readonly handover: () => HandoverDesk | undefined;
  /** Issue 16, on sign-out: removes the device's handover keys of the signed-in person. */
  forgetKeys(): Promise<void>;
  close(): void;
}

/**
 * Opens the signed-in person's synced device. The page's actor is the server's (DP-40): the actor switch
 * cannot change who the synced service decides for.
 */
export async function openSyncedDemoSession(options: {
  readonly accessToken: () => string | undefined;
  readonly passphrase: string;
  /** Called once the handover desk opened (or failed to). */
  readonly onHandoverDesk?: () => void;
}): Promise<Result<SyncedDemoSession>> {
  const opened = await openSyncedDevice({
    baseUrl: location.origin,
    token: options.accessToken,
    encryption: { passphrase: options.passphrase },
  });
  if (!opened.ok) return opened;
  const device = opened.value;
  const demoActor = DEMO_ACTORS.find((entry) => entry.actor.id === device.actor.id) ?? {
    key: device.actor.id,
    actor: device.actor,
    agencyName: device.actor.agencyId,
    role: { de: device.actor.role, en: device.actor.role },
    purpose: 'caseManagement',
  };
  // Issue 16: a consent withdrawal decided here sends its signed notices to the agencies that received a
  // package under it (DP-14), whichever element withdrew it.
  let desk: HandoverDesk | undefined;
  const service = withOutcomeHook(device.service, (outcome) => void desk?.afterCommand(outcome));
  void import('./handover-desk.js').then(async ({ openHandoverDesk }) => {
    const opened = await openHandoverDesk({
      baseUrl: location.origin,
      token: options.accessToken,
      actor: device.actor,
      agencyName: demoActor.agencyName,
      service: device.service,
      views: device.views,
      store: device.store,
      scope: device.store.database.name,
      syncNow: () => device.sync.syncNow(),
      // Confirmed: a round went through and nothing of this device is queued (a refused write is a conflict).
      confirmed: async () => {
        const round = await device.sync.syncNow();
        let pending = 1;
        // The status answers its current value on subscribing.
        device.sync.status.subscribe((status) => void (pending = status.pending)).unsubscribe();
        return round.ok && pending === 0;
      },
    });
    if (opened.ok) desk = opened.value;
    options.onHandoverDesk?.();
  });
  const session = {
    store: device.store,
    drafts: new DexieDraftStore({ store: device.store }),
    service,
    views: device.views,
    port: connectCaseService({ service, views: device.views, clock: systemClock }),
    databaseName: device.store.database.name,
    seed: undefined,
  } as unknown as DemoSession;
  Object.defineProperty(session, 'actor', {
    get: () => demoActor,
    // The synced service acts for the signed-in person only.
    set: () => undefined,
    enumerable: true,
  });
  return {
    ok: true,
    value: {
      session,
      sync: device.sync,
      handover: () => desk,
      // Sign-out: the device's key material of the signed-in person goes (handover-keys.ts).
      forgetKeys: async () => {
        if (desk !== undefined) return desk.forgetKeys();
        const { forgetDeviceKeys } = await import('./handover-keys.js');
        await forgetDeviceKeys(device.store.database.name);
      },
      close: () => {
        session.drafts.close();
        device.close();
      },
    },
  };
}
