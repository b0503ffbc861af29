import { defineMessages } from '../i18n/message-catalog.js';

/** Texts of `<fk-team-overview>`. German is the reference; hosts override any key. */
export const teamOverviewMessages = defineMessages({
  de: {
    'team.title': 'Teamübersicht',
    'team.lead':
      'Zahlen je Fachkraft, ohne Namen von Klientinnen und Klienten und ohne Inhalte der Fälle. Stand: {date}.',
    'team.loading': 'Die Übersicht wird geladen …',
    'team.refused': 'Die Teamübersicht ist nicht verfügbar.',
    'team.empty': 'Keine offenen Fälle im Team.',
    'team.col.worker': 'Fachkraft',
    'team.col.open': 'Offene Fälle',
    'team.col.casesOverdue': 'Fälle mit Überfälligem',
    'team.col.overdue': 'Überfällige Einträge',
    'team.col.handovers': 'Übergaben im Gang',
    'team.col.nextDeadline': 'Nächste Frist',
    'team.deadlineNote':
      'Nächste Frist: nur das Datum, die früheste Frist der offenen Fälle. Worum es geht, sieht nur die zuständige Fachkraft.',
    'team.noDeadline': 'keine',
    'team.total': 'Team gesamt',
    'team.unassigned': 'Offene Fälle ohne Fallverantwortung: {count}',
    'team.caption': 'Fälle je Fachkraft',
    'team.refresh': 'Aktualisieren',
  },
  en: {
    'team.title': 'Team overview',
    'team.lead': 'Figures per worker, without clients’ names and without case content. As of {date}.',
    'team.loading': 'Loading the overview …',
    'team.refused': 'The team overview is not available.',
    'team.empty': 'No open cases in the team.',
    'team.col.worker': 'Worker',
    'team.col.open': 'Open cases',
    'team.col.casesOverdue': 'Cases with overdue items',
    'team.col.overdue': 'Overdue items',
    'team.col.handovers': 'Handovers in progress',
    'team.col.nextDeadline': 'Next deadline',
    'team.deadlineNote':
      'Next deadline: the date only, the earliest deadline of the open cases. What it is about only the assigned worker sees.',
    'team.noDeadline': 'none',
    'team.total': 'Whole team',
    'team.unassigned': 'Open cases without a case manager: {count}',
    'team.caption': 'Cases per worker',
    'team.refresh': 'Refresh',
  },
});
