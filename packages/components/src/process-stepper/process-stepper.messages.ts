import { defineMessages } from '../i18n/message-catalog.js';

/** Texts of `<fk-process-stepper>`. Stage names come from the core's stage definitions unless overridden (`stage.<id>`). */
export const stepperMessages = defineMessages({
  de: {
    'stepper.label': 'Stand im Fallverlauf',
    'stepper.done': 'erledigt',
    'stepper.current': 'aktuelle Phase',
    'stepper.upcoming': 'noch offen',
    'stepper.skipped': 'entfällt',
    'stepper.position': 'Schritt {position} von {count}',
    'stepper.reassessment':
      'Re-Assessment: die veränderte Lage wird neu erfasst, danach Ziele und Plan neu vereinbart.',
    'stepper.noFurtherMeasures': 'Nach der Erstberatung: keine weiteren Maßnahmen.',
  },
  en: {
    'stepper.label': 'Where the case stands in the cycle',
    'stepper.done': 'done',
    'stepper.current': 'current stage',
    'stepper.upcoming': 'still to come',
    'stepper.skipped': 'does not apply',
    'stepper.position': 'step {position} of {count}',
    'stepper.reassessment':
      'Re-assessment: the changed situation is assessed anew, then goals and plan are agreed again.',
    'stepper.noFurtherMeasures': 'After first counselling: no further measures.',
  },
});
