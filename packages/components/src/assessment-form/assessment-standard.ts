import type { LocalizedText } from '@fallkit/core';

/** The part of a process standard the assessment form needs: life domains and the rating scale. */
export interface AssessmentStandard {
  readonly lifeDomains: readonly { readonly id: string; readonly label: LocalizedText }[];
  readonly ratingScale: {
    readonly id: string;
    readonly label: LocalizedText;
    readonly values: readonly { readonly value: string | number; readonly label: LocalizedText }[];
  };
}

const l = (de: string, en: string): LocalizedText => ({ de, en });

/**
 * The assessment part of the core's default process standard (`default` / `1`). The forms use it when
 * the host passes no `standard`; a host running another standard hands its `assessment` part in.
 * Kept here because the core's standard registry is not part of its public index yet.
 */
export const DEFAULT_ASSESSMENT_STANDARD: AssessmentStandard = {
  lifeDomains: [
    { id: 'housing', label: l('Wohnen', 'Housing') },
    { id: 'health', label: l('Gesundheit', 'Health') },
    { id: 'workTraining', label: l('Arbeit und Ausbildung', 'Work and training') },
    { id: 'education', label: l('Bildung und Schule', 'Education and school') },
    { id: 'language', label: l('Sprache', 'Language') },
    { id: 'residence', label: l('Aufenthalt', 'Residence status') },
    { id: 'financesDebts', label: l('Finanzen und Schulden', 'Finances and debts') },
    { id: 'familyChildren', label: l('Familie und Kinder', 'Family and children') },
    { id: 'socialNetwork', label: l('Soziales Netz', 'Social network') },
    { id: 'mobility', label: l('Mobilität', 'Mobility') },
    { id: 'dailyLiving', label: l('Alltagsbewältigung', 'Daily living') },
  ],
  ratingScale: {
    id: 'need-1-5',
    label: l('Unterstützungsbedarf 1 (kein) bis 5 (sehr hoch)', 'Need of support 1 (none) to 5 (very high)'),
    values: [
      { value: 1, label: l('kein Bedarf', 'no need') },
      { value: 2, label: l('geringer Bedarf', 'low need') },
      { value: 3, label: l('mittlerer Bedarf', 'medium need') },
      { value: 4, label: l('hoher Bedarf', 'high need') },
      { value: 5, label: l('sehr hoher Bedarf', 'very high need') },
    ],
  },
};

/**
 * Life domains whose content is a special category (GDPR Art. 9) by nature, with that category. They
 * are optional and collapsed by default (DP-02), and an opened one is classified accordingly.
 */
export const SPECIAL_CATEGORY_DOMAINS: Readonly<Record<string, 'health' | 'addiction' | 'disability' | 'religion'>> = {
  health: 'health',
  addiction: 'addiction',
  disability: 'disability',
  religion: 'religion',
};

/** The label of a life domain in a language; the id itself for domains the standard does not know. */
export function domainLabel(standard: AssessmentStandard, id: string, lang: 'de' | 'en'): string {
  const found = standard.lifeDomains.find((d) => d.id === id);
  return found ? found.label[lang] : id;
}
