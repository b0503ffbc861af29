import { defineMessages } from '../i18n/message-catalog.js';

/** Texts of `<fk-subject-export>`. German is the reference; hosts override any key. */
export const subjectExportMessages = defineMessages({
  de: {
    'subjectExport.print': 'Drucken',
    'subjectExport.json': 'JSON herunterladen',
    'subjectExport.fhir': 'FHIR-Bundle herunterladen',
    'subjectExport.actions': 'Auskunft ausgeben',
    'subjectExport.empty': 'Keine Auskunft geladen.',
  },
  en: {
    'subjectExport.print': 'Print',
    'subjectExport.json': 'Download JSON',
    'subjectExport.fhir': 'Download FHIR Bundle',
    'subjectExport.actions': 'Hand out the access',
    'subjectExport.empty': 'No access loaded.',
  },
});
