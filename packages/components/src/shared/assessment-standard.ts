import { DEFAULT_PROCESS_STANDARD, type LocalizedText } from '@fallkit/core';

/** The part of a process standard the assessment form needs: life domains and the rating scale. */
export interface AssessmentStandard {
  readonly lifeDomains: readonly { readonly id: string; readonly label: LocalizedText; readonly code?: string }[];
  readonly ratingScale: {
    readonly id: string;
    readonly label: LocalizedText;
    readonly values: readonly { readonly value: string | number; readonly label: LocalizedText }[];
  };
}

/**
 * The assessment part of the core's default process standard (`default` / `1`). The forms use it when
 * the host passes no `standard`; a host running another standard hands its `assessment` part in.
 * Taken from the core so the forms and the process rules cannot drift apart.
 */
export const DEFAULT_ASSESSMENT_STANDARD: AssessmentStandard = DEFAULT_PROCESS_STANDARD.assessment;

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
