import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@fallkit/components/define/fk-sync-status';
import type { SyncStatusView } from '@fallkit/components';

/** `<fk-sync-status>`: how this device stands with the sync server. */
const meta: Meta = {
  title: 'Abgleich/Status (fk-sync-status)',
  component: 'fk-sync-status',
  parameters: { layout: 'padded' },
};
export default meta;

const frame = (status: SyncStatusView, lang = 'de') =>
  html`<div lang=${lang} style="max-inline-size:32rem"><fk-sync-status .status=${status}></fk-sync-status></div>`;

/** Online, everything on the server. */
export const Verbunden: StoryObj = {
  name: 'Verbunden (online)',
  render: () => frame({ online: true, pending: 0, lastSyncedAt: '2026-03-02T09:15:00.000Z' }),
};

/** Offline with changes waiting and a conflict; the error in words. */
export const Offline: StoryObj = {
  name: 'Offline, 3 Änderungen wartend',
  render: () =>
    frame({
      online: false,
      pending: 3,
      conflicts: 1,
      lastSyncedAt: '2026-03-02T08:40:00.000Z',
      error: {
        code: 'SYNC_OFFLINE',
        message: {
          de: 'Keine Verbindung zum Server. Die Änderungen bleiben auf diesem Gerät und werden später gesendet.',
          en: 'No connection to the server. The changes stay on this device and are sent later.',
        },
      },
    }),
};

/** A first sync under way, in English. */
export const FirstSync: StoryObj = {
  name: 'First sync (English)',
  render: () => frame({ online: true, syncing: true, pending: 0, progress: { done: 412, total: 2000 } }, 'en'),
};

/** The server refused a document's content for good: the device set it aside and says so until it is read. */
export const SetAside: StoryObj = {
  name: 'Übertragung endgültig abgelehnt',
  render: () =>
    frame({
      online: true,
      pending: 0,
      lastSyncedAt: '2026-03-02T09:15:00.000Z',
      setAside: [
        {
          code: 'DOCUMENT_REMOVED',
          message: {
            de: 'Das Dokument wurde inzwischen aus der Akte entfernt; sein Inhalt wird nicht mehr angenommen.',
            en: 'The document has since been removed from the case file; its content is no longer accepted.',
          },
        },
      ],
    }),
};
