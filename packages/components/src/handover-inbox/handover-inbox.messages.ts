import { defineMessages } from '../i18n/message-catalog.js';

/** Texts of `<fk-handover-inbox>`. German is the reference; hosts override any key. */
export const handoverInboxMessages = defineMessages({
  de: {
    'inbox.title': 'Eingegangene Übergabepakete',
    'inbox.empty': 'Keine Übergabepakete eingegangen.',
    'inbox.from': 'Übergabe von {sender}',
    'inbox.purpose': 'Zweck: {purpose}',
    'inbox.basis': 'Rechtsgrundlage: {basis}',
    'inbox.period': 'Erstellt am {issued}, gültig bis {expires}',
    'inbox.included': 'Enthalten',
    'inbox.items': '{count} Einträge',
    'inbox.withheld': 'Nicht übermittelt, mit Grund',
    'inbox.noneWithheld': 'Nichts zurückgehalten.',
    'inbox.accept': 'Annehmen',
    'inbox.decline': 'Ablehnen',
    'inbox.status.received': 'Empfangen, noch nicht angenommen',
    'inbox.status.accepted': 'Angenommen',
    'inbox.status.declined': 'Abgelehnt',
    'inbox.status.withdrawn':
      'Einwilligung widerrufen: Die Daten dürfen nicht mehr verwendet werden (Art. 7 Abs. 3 DSGVO).',
    'inbox.refused': 'Nicht angenommen',
  },
  en: {
    'inbox.title': 'Incoming handover packages',
    'inbox.empty': 'No handover packages have arrived.',
    'inbox.from': 'Handover from {sender}',
    'inbox.purpose': 'Purpose: {purpose}',
    'inbox.basis': 'Legal basis: {basis}',
    'inbox.period': 'Built on {issued}, valid until {expires}',
    'inbox.included': 'Included',
    'inbox.items': '{count} items',
    'inbox.withheld': 'Not passed on, with the reason',
    'inbox.noneWithheld': 'Nothing withheld.',
    'inbox.accept': 'Accept',
    'inbox.decline': 'Decline',
    'inbox.status.received': 'Received, not accepted yet',
    'inbox.status.accepted': 'Accepted',
    'inbox.status.declined': 'Declined',
    'inbox.status.withdrawn': 'Consent withdrawn: the data may no longer be used (Art. 7(3) GDPR).',
    'inbox.refused': 'Not accepted',
  },
});
