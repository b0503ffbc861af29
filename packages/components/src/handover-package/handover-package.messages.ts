import { defineMessages } from '../i18n/message-catalog.js';

/** Texts of `<fk-handover-package>`. German is the reference; hosts override any key. */
export const handoverPackageMessages = defineMessages({
  de: {
    'package.title': 'Übergabepaket an {recipient}',
    'package.basis': 'Rechtsgrundlage: {basis}',
    'package.goes': 'Wird übergeben',
    'package.items': '{count} Einträge',
    'package.withheld': 'Bleibt hier, mit Grund',
    'package.noneWithheld': 'Nichts zurückgehalten.',
    'package.denied': 'Diese Übergabe ist so nicht zulässig.',
    'package.send': 'Signieren und senden',
    'package.download': 'Signieren und als Datei herunterladen',
    'package.empty': 'Noch keine Vorschau.',
  },
  en: {
    'package.title': 'Handover package to {recipient}',
    'package.basis': 'Legal basis: {basis}',
    'package.goes': 'Handed over',
    'package.items': '{count} items',
    'package.withheld': 'Stays here, with the reason',
    'package.noneWithheld': 'Nothing withheld.',
    'package.denied': 'This handover is not allowed like this.',
    'package.send': 'Sign and send',
    'package.download': 'Sign and download as a file',
    'package.empty': 'No preview yet.',
  },
});
