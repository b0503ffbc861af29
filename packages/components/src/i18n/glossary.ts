/**
 * One glossary for the names of stages and purposes (issue 21 item 9): tabs, headings, the stepper,
 * prints and rules use these, so a stage has one name everywhere. The names themselves live in the
 * core (`STAGE_DEFINITIONS[stage].label`, `PURPOSE_LABELS`), where the rules' sentences use them too.
 *
 * Gender-fair German (docs/components.md, "Language"): neutral forms where German has them
 * (Fachkraft, Fallverantwortung, Teamleitung, Leistungserbringer as an organisation); a named person
 * keeps the form of their own role ("Fallmanagerin" for Frau Krüger).
 */
import {
  CATEGORY_LABELS,
  PURPOSE_LABELS,
  STAGE_DEFINITIONS,
  purposeLabel,
  type Language,
  type LocalizedText,
  type Stage,
} from '@fallkit/core';
import { formatList } from './format.js';

/**
 * The one name of a purpose of processing in `lang` ("Fallsteuerung" for `caseManagement`): the core's
 * `PURPOSE_LABELS` (and the family name of a consent's `measureDelivery`), which the rules' sentences
 * and the prints use too. A measure's or conference's purpose (`measureDelivery:<id>`) is named by its
 * kind and, where `titles` knows it, the measure's title ("Durchführung einer Maßnahme: Bewerbungstraining");
 * never by its bare id, which says nothing to a person.
 */
export function purposeName(purpose: string, lang: Language, titles?: Readonly<Record<string, string>>): string {
  const colon = purpose.indexOf(':');
  const labels = PURPOSE_LABELS as Readonly<Record<string, LocalizedText | undefined>>;
  const kind = colon < 0 ? undefined : labels[purpose.slice(0, colon)];
  if (kind === undefined) return purposeLabel(purpose)[lang];
  const title = titles?.[purpose] ?? titles?.[purpose.slice(colon + 1)];
  return title ? `${kind[lang]}: ${title}` : kind[lang];
}

/**
 * The one name of a data category in `lang` ("Gesundheit" for `health`): the core's `CATEGORY_LABELS`,
 * which the consent manager's list, its information text and its print use too, so a consent signed on
 * the goal agreement's sheet names its categories as the consent form does. An unknown code stays as it is.
 */
export function categoryName(category: string, lang: Language): string {
  return (CATEGORY_LABELS as Readonly<Record<string, LocalizedText | undefined>>)[category]?.[lang] ?? category;
}

/** The one name of a stage in `lang` (the stage id itself for an unknown one). */
export function stageName(stage: string, lang: Language): string {
  return (
    (STAGE_DEFINITIONS as Partial<Record<string, { label: Record<Language, string> }>>)[stage]?.label[lang] ?? stage
  );
}

/** The names of several stages as one phrase: "Zuweisung und Fallauswahl". */
export function stagesName(stages: readonly Stage[], lang: Language): string {
  return formatList(
    stages.map((stage) => stageName(stage, lang)),
    lang,
  );
}

/** Display names of the legal domains; "ohne Rechtskreis" in German, "no legal domain" in English. */
export function legalDomainName(domain: string, lang: Language): string {
  if (domain === 'nonStatutory') return lang === 'de' ? 'ohne Rechtskreis' : 'no legal domain';
  return domain.replace(/_/g, ' ');
}
