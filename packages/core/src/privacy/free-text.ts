import { text } from '../i18n/localized-text.js';
import type { DataCategory } from '../model/record-meta.js';
import type { IssuePath, Notice } from '../result/refusal.js';
import { CATEGORY_LABELS } from './categories.js';
import { privacyNotice } from './reason-codes.js';

/** One pattern of the local free-text check: what it suggests tagging the text with. */
interface Pattern {
  readonly category: DataCategory | 'thirdPartyName';
  readonly pattern: RegExp;
}

/*
 * Local, deliberately simple word lists (German and English): the check warns and suggests a tag,
 * never blocks, never sends text anywhere (DP-03). False positives cost a click; a misses costs a tag.
 */
const PATTERNS: readonly Pattern[] = [
  {
    category: 'health',
    pattern:
      /\b(diagnose|diagnosis|depression|depressiv\w*|psychose|psychosis|psychiatr\w*|therapie|therapy|klinik|krankenhaus|hospital|medikament\w*|medication|krebs|cancer|diabetes|hiv|schwanger\w*|pregnan\w*|trauma\w*|ptbs|ptsd|suizid\w*|suicid\w*|arztbrief|befund\w*|erkrank\w*|illness)\b/iu,
  },
  {
    category: 'addiction',
    pattern:
      /\b(sucht|süchtig|addict\w*|alkohol\w*|alcohol\w*|drogen|drugs?|cannabis|kokain|cocaine|heroin|opioid\w*|methadon|substitution|crystal|entzug|withdrawal treatment|spielsucht|gambling)\b/iu,
  },
  {
    category: 'religion',
    pattern:
      /\b(religion|religiös\w*|religious|muslim\w*|christ\w*|jüd\w*|jewish|islam\w*|moschee|mosque|kirche|church|synagoge|synagogue|konvert\w*|convert\w*)\b/iu,
  },
  {
    category: 'sexLife',
    pattern: /\b(homosexu\w*|lesbisch|schwul|gay|bisexu\w*|transgender|sexuell\w*|sexual\w*)\b/iu,
  },
  {
    category: 'offences',
    pattern:
      /\b(straftat\w*|vorstraf\w*|haft|gefängnis|prison|verurteil\w*|convicted|bewährung|probation|anzeige wegen)\b/iu,
  },
  { category: 'ethnicOrigin', pattern: /\b(ethni\w*|roma|sinti|kurd\w*|jesid\w*|yazidi)\b/iu },
  {
    category: 'politicalOpinion',
    pattern: /\b(politisch verfolgt|political persecution|partei\w*mitglied|opposition\w*)\b/iu,
  },
];

/** A finding of the free-text check: a suggested category (or a third-party name) and the matched words. */
export interface FreeTextFinding {
  readonly suggestion: DataCategory | 'thirdPartyName';
  readonly match: string;
}

/** A relation word followed by a word: a third person's name if that word is capitalised. */
const RELATION_NAME =
  /\b(partner|partnerin|ex-partner\w*|ehemann|ehefrau|husband|wife|vater|mutter|father|mother|sohn|tochter|son|daughter|nachbar\w*|neighbou?r)\s+(\p{L}+)/giu;

/** Checks a free text locally for signs of special-category or third-party data (DP-03). Pure. */
export function scanFreeText(value: string): FreeTextFinding[] {
  const findings: FreeTextFinding[] = [];
  for (const { category, pattern } of PATTERNS) {
    const match = pattern.exec(value);
    if (match) findings.push({ suggestion: category, match: match[0] });
  }
  for (const match of value.matchAll(RELATION_NAME)) {
    const name = match[2] ?? '';
    if (name.charAt(0) !== name.charAt(0).toLowerCase()) {
      findings.push({ suggestion: 'thirdPartyName', match: match[0] });
      break;
    }
  }
  return findings;
}

/**
 * The DP-03 notices for a text given the categories it is already tagged with: one
 * `SENSITIVE_FREE_TEXT` notice per suggested tag that is missing. Never a refusal.
 */
export function freeTextNotices(value: string, tagged: readonly DataCategory[], path: IssuePath): Notice[] {
  return scanFreeText(value)
    .filter((f) => f.suggestion === 'thirdPartyName' || !tagged.includes(f.suggestion))
    .map((f) =>
      privacyNotice('SENSITIVE_FREE_TEXT', {
        path,
        subject: f.suggestion,
        detail:
          f.suggestion === 'thirdPartyName'
            ? text(
                `Name einer dritten Person? („${f.match}“) Vorschlag: als Daten Dritter kennzeichnen.`,
                `A third person's name? ("${f.match}") Suggestion: tag as third-party data.`,
              )
            : text(
                `(„${f.match}“) Vorschlag: Kategorie „${CATEGORY_LABELS[f.suggestion].de}“.`,
                `("${f.match}") Suggestion: category "${CATEGORY_LABELS[f.suggestion].en}".`,
              ),
      }),
    );
}

/** The tag a finding suggests (for the "tag it" button): a category, or the `thirdParty` flag. */
export function suggestedTag(finding: FreeTextFinding): DataCategory | 'thirdParty' {
  return finding.suggestion === 'thirdPartyName' ? 'thirdParty' : finding.suggestion;
}
