/**
 * The demo office's letterhead and letter templates for `<fk-letter>`: what a real host configures
 * with its own wording (invitation, consent form, plan document, handover confirmation).
 */
import type { LetterTemplate, Letterhead } from '@fallkit/components';

/** The letterhead of the fictional integration management of Musterstadt. */
export const DEMO_LETTERHEAD: Letterhead = {
  office: 'Kommunales Integrationsmanagement Musterstadt',
  address: ['Rathausplatz 1', '45127 Musterstadt'],
  phone: '0201 100-0',
  email: 'kim@musterstadt.invalid',
  place: 'Musterstadt',
  footer: 'Datenschutzbeauftragte: datenschutz@musterstadt.invalid · Sprechzeiten Mo–Fr 8–12 Uhr',
};

/** The demo's templates. */
export const DEMO_LETTERS: readonly LetterTemplate[] = [
  {
    id: 'invitation',
    kind: 'invitation',
    title: { de: 'Einladung zum Gespräch', en: 'Invitation to a meeting' },
    subject: {
      de: 'Einladung zum Gespräch am {{appointment.date}}',
      en: 'Invitation to a meeting on {{appointment.date}}',
    },
    body: {
      de: 'Guten Tag {{recipient.name}},\n\nwir laden Sie herzlich zu einem Gespräch am {{appointment.date}} um {{appointment.time}} Uhr ein. Ort: {{appointment.place}}.\n\nWenn Sie eine Dolmetscherin oder einen Dolmetscher brauchen, sagen Sie uns bitte Bescheid; die Kosten übernehmen wir.\n\nMit freundlichen Grüßen\n{{caseManager.name}}',
      en: 'Dear {{recipient.name}},\n\nwe would like to invite you to a meeting on {{appointment.date}} at {{appointment.time}}. Place: {{appointment.place}}.\n\nIf you need an interpreter, please let us know; we cover the cost.\n\nKind regards\n{{caseManager.name}}',
    },
  },
  {
    id: 'consent-form',
    kind: 'consentForm',
    title: { de: 'Einwilligungserklärung (Begleitschreiben)', en: 'Consent form (cover letter)' },
    subject: { de: 'Ihre Einwilligung: Informationen und Formular', en: 'Your consent: information and form' },
    body: {
      de: 'Guten Tag {{recipient.name}},\n\nanbei erhalten Sie die Einwilligungserklärung, über die wir gesprochen haben. Ihre Einwilligung ist freiwillig und kann jederzeit für die Zukunft widerrufen werden.\n\nMit freundlichen Grüßen\n{{caseManager.name}}',
      en: 'Dear {{recipient.name}},\n\nplease find enclosed the consent form we talked about. Your consent is voluntary and can be withdrawn for the future at any time.\n\nKind regards\n{{caseManager.name}}',
    },
  },
  {
    id: 'plan',
    kind: 'planDocument',
    title: { de: 'Planunterlagen (Begleitschreiben)', en: 'Plan documents (cover letter)' },
    subject: { de: 'Ihr Plan', en: 'Your plan' },
    body: {
      de: 'Guten Tag {{recipient.name}},\n\nanbei erhalten Sie Ihre Ausfertigung des gemeinsam erstellten Plans.\n\nMit freundlichen Grüßen\n{{caseManager.name}}',
      en: 'Dear {{recipient.name}},\n\nplease find enclosed your copy of the plan we made together.\n\nKind regards\n{{caseManager.name}}',
    },
  },
  {
    id: 'handover',
    kind: 'handoverConfirmation',
    title: { de: 'Bestätigung der Übergabe', en: 'Handover confirmation' },
    subject: { de: 'Bestätigung der Übergabe', en: 'Confirmation of the handover' },
    body: {
      de: 'Guten Tag {{recipient.name}},\n\nwir bestätigen, dass Ihre Begleitung wie mit Ihnen besprochen übergeben wurde. Bei Fragen erreichen Sie uns unter den oben genannten Kontaktdaten.\n\nMit freundlichen Grüßen\n{{caseManager.name}}',
      en: 'Dear {{recipient.name}},\n\nwe confirm that your support was handed over as agreed with you. For questions, please contact us as given above.\n\nKind regards\n{{caseManager.name}}',
    },
  },
];
