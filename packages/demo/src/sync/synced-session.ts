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

/** A synced demo session and its sync client (for the status and conflict elements). */
export interface SyncedDemoSession {
  readonly session: DemoSession;
  readonly sync: SyncClient;
  close(): void;
}

/**
 * Opens the signed-in person's synced device. The page's actor is the server's (DP-40): the actor switch
 * cannot change who the synced service decides for.
 */
export async function openSyncedDemoSession(options: {
  readonly accessToken: () => string | undefined;
  readonly passphrase: string;
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
  const session = {
    store: device.store,
    drafts: new DexieDraftStore({ store: device.store }),
    service: device.service,
    views: device.views,
    port: connectCaseService({ service: device.service, views: device.views, clock: systemClock }),
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
      close: () => {
        session.drafts.close();
        device.close();
      },
    },
  };
}
