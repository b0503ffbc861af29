import { defineMessages } from '../i18n/message-catalog.js';

/** Texts of `<fk-sync-status>`. German is the reference; hosts override any key. */
export const syncStatusMessages = defineMessages({
  de: {
    'syncStatus.label': 'Abgleich mit dem Server',
    'syncStatus.online': 'Verbunden',
    'syncStatus.offline': 'Offline – Änderungen bleiben auf diesem Gerät',
    'syncStatus.syncing': 'Wird abgeglichen …',
    'syncStatus.pending.none': 'Alle Änderungen sind beim Server.',
    'syncStatus.pending.one': '1 Änderung wartet auf den Abgleich.',
    'syncStatus.pending.many': '{count} Änderungen warten auf den Abgleich.',
    'syncStatus.conflicts.one': '1 Konflikt wartet auf Ihre Entscheidung.',
    'syncStatus.conflicts.many': '{count} Konflikte warten auf Ihre Entscheidung.',
    'syncStatus.lastSynced': 'Zuletzt abgeglichen: {time}',
    'syncStatus.neverSynced': 'Noch nicht abgeglichen.',
    'syncStatus.progress': '{done} von {total} Akten geladen',
    'syncStatus.error': 'Problem:',
    'syncStatus.syncNow': 'Jetzt abgleichen',
  },
  en: {
    'syncStatus.label': 'Sync with the server',
    'syncStatus.online': 'Connected',
    'syncStatus.offline': 'Offline – changes stay on this device',
    'syncStatus.syncing': 'Syncing …',
    'syncStatus.pending.none': 'All changes are on the server.',
    'syncStatus.pending.one': '1 change is waiting to be synced.',
    'syncStatus.pending.many': '{count} changes are waiting to be synced.',
    'syncStatus.conflicts.one': '1 conflict is waiting for your decision.',
    'syncStatus.conflicts.many': '{count} conflicts are waiting for your decision.',
    'syncStatus.lastSynced': 'Last synced: {time}',
    'syncStatus.neverSynced': 'Not synced yet.',
    'syncStatus.progress': '{done} of {total} cases loaded',
    'syncStatus.error': 'Problem:',
    'syncStatus.syncNow': 'Sync now',
  },
});
