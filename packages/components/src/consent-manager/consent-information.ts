import {
  CATEGORY_LABELS,
  SPECIAL_DATA_CATEGORIES,
  type DataCategory,
  type Language,
  type LocalizedText,
} from '@fallkit/core';
import { purposeName } from '../i18n/glossary.js';
import type { RecipientRefLike } from '../shared/privacy-shapes.js';

/** The information sections DP-09 requires before a consent may be confirmed, in the order shown. */
export const INFORMATION_SECTIONS = [
  'purpose',
  'recipients',
  'categories',
  'duration',
  'refusal',
  'withdrawal',
] as const;

/** One of {@link INFORMATION_SECTIONS}. */
export type InformationSection = (typeof INFORMATION_SECTIONS)[number];

/** What the information text is about: the consent as drafted or as recorded. */
export interface InformationSubject {
  readonly kind?: 'consent' | 'release';
  readonly categories: readonly DataCategory[];
  readonly recipients: readonly RecipientRefLike[];
  readonly purposes: readonly string[];
  readonly validFrom?: string;
  readonly validUntil?: string;
  readonly includesProfessionalSecret?: boolean;
  readonly professionals?: readonly { readonly name: string; readonly profession?: string }[];
}

/** The slice of the localize controller the text needs. */
export interface InformationLocalizer {
  readonly lang: Language;
  t(key: string, params?: Record<string, string | number>): string;
  text(value: LocalizedText): string;
  date(value: string): string;
  list(items: readonly string[]): string;
}

/** One section of the plain-language information: heading and text. */
export interface InformationPart {
  readonly id: InformationSection;
  readonly heading: string;
  readonly text: string;
}

/**
 * The plain-language information for the person (DP-09, § 67b Abs. 2 SGB X): purpose, recipients,
 * categories, duration, the effect of refusing and the right to withdraw, built from what the consent
 * names, so the text always says exactly what is being agreed to.
 */
export function informationParts(
  subject: InformationSubject,
  l: InformationLocalizer,
  purposeTitles?: Readonly<Record<string, string>>,
): InformationPart[] {
  const none = l.t('consent.info.none');
  // The glossary's names (issue 21): the same words as the list, the goal agreement and the prints.
  const purposes = subject.purposes.map((p) => purposeName(p, l.lang, purposeTitles));
  const recipients = subject.recipients.map((r) => r.name ?? r.agencyId);
  const ordinary = subject.categories
    .filter((c) => !SPECIAL_DATA_CATEGORIES.includes(c))
    .map((c) => l.text(CATEGORY_LABELS[c]));
  const special = subject.categories
    .filter((c) => SPECIAL_DATA_CATEGORIES.includes(c))
    .map((c) => l.text(CATEGORY_LABELS[c]));
  const categories = [
    ordinary.length ? l.t('consent.info.categoriesText', { list: l.list(ordinary) }) : '',
    special.length ? l.t('consent.info.specialText', { list: l.list(special) }) : '',
    subject.includesProfessionalSecret ? l.t('consent.info.secretText') : '',
    subject.professionals?.length
      ? l.t('consent.info.professionalsText', {
          list: l.list(subject.professionals.map((p) => (p.profession ? `${p.name} (${p.profession})` : p.name))),
        })
      : '',
  ].filter(Boolean);
  return [
    {
      id: 'purpose',
      heading: l.t('consent.info.purpose'),
      text: l.t('consent.info.purposeText', { list: purposes.length ? l.list(purposes) : none }),
    },
    {
      id: 'recipients',
      heading: l.t('consent.info.recipients'),
      text: l.t('consent.info.recipientsText', { list: recipients.length ? l.list(recipients) : none }),
    },
    {
      id: 'categories',
      heading: l.t('consent.info.categories'),
      text: categories.length ? categories.join(' ') : none,
    },
    {
      id: 'duration',
      heading: l.t('consent.info.duration'),
      text: l.t('consent.info.durationText', {
        from: subject.validFrom ? l.date(subject.validFrom) : none,
        until: subject.validUntil ? l.date(subject.validUntil) : none,
      }),
    },
    { id: 'refusal', heading: l.t('consent.info.refusal'), text: l.t('consent.info.refusalText') },
    { id: 'withdrawal', heading: l.t('consent.info.withdrawal'), text: l.t('consent.info.withdrawalText') },
  ];
}

/** The information as one text (the text whose hash the record stores, DP-08/DP-09). */
export function informationText(parts: readonly InformationPart[]): string {
  return parts.map((p) => `${p.heading}\n${p.text}`).join('\n\n');
}
