import { text, type LocalizedText } from '../../i18n/localized-text.js';
import type { Actor } from '../../ports/actor.js';
import type { CaseState } from '../../model/case-state.js';
import type { DataCategory } from '../../model/record-meta.js';
import { decide, prepareDecision, type DecisionUnit } from '../decide.js';
import type { Decision, DecisionReason } from '../decision.js';
import { EMPTY_PRIVACY_STATE, type PrivacyState } from '../privacy-state.js';
import { purposeLabel } from '../purposes.js';
import { reasonFor } from '../reason-codes.js';
import { caseUnits } from '../view/case-units.js';
import { legalBasisLabel, normaliseLegalBasis, type LegalBasis, type TransferRecipient } from './legal-basis.js';
import type { ItemSelection } from './transfer-record.js';

/** What a caller asks to pass on (DP-17: a selection, never the whole file). */
export interface TransferRequest {
  readonly recipient: TransferRecipient;
  readonly legalBasis?: LegalBasis | string;
  readonly purpose: string;
  /** Selected items or parts. */
  readonly items?: readonly ItemSelection[];
  /** Selected categories (every item holding one of them). */
  readonly categories?: readonly DataCategory[];
  /** Asking for the whole case file; always refused (DP-17). */
  readonly wholeCase?: boolean;
}

/** One unit in a preview: whether it would go and why. */
export interface PreviewedUnit {
  readonly key: string;
  readonly section: string;
  readonly id: string;
  readonly part?: string;
  readonly categories: readonly DataCategory[];
  readonly send: boolean;
  readonly reason: DecisionReason;
}

/**
 * What a transfer would pass on and on which basis, before anything is sent: for the referral,
 * handover and conference components to show, and for the `transferData` command to record.
 */
export interface TransferPreview {
  readonly decision: Decision;
  readonly units: readonly PreviewedUnit[];
  /** Categories that would go. */
  readonly categories: readonly DataCategory[];
  /** The basis as recorded (`consent:consent-1`, `sgb10_69` …), if one was given and understood. */
  readonly basis?: string;
  /** The purpose-binding notice sent with the data (§ 78 SGB X, DP-17). */
  readonly purposeBindingNotice: LocalizedText;
}

function parse(key: string): { section: string; id: string; part?: string } {
  const [section = '', id = '', ...rest] = key.split('/');
  return rest.length === 0 ? { section, id } : { section, id, part: rest.join('/') };
}

function selected(unit: DecisionUnit, request: TransferRequest): boolean {
  const { section, id, part } = parse(unit.key);
  const byItem = (request.items ?? []).some(
    (s) => s.section === section && s.id === id && (s.part === undefined || s.part === part),
  );
  const byCategory = (request.categories ?? []).some((c) => unit.categories.includes(c));
  return byItem || byCategory;
}

/**
 * Previews a transfer: which items and parts would go to the recipient under the given basis, which
 * are held back and why. Pure. `decision` is what `transferData` would decide.
 */
export function previewTransfer(
  state: CaseState,
  actor: Actor,
  request: TransferRequest,
  options: {
    readonly now: string;
    readonly privacy?: PrivacyState;
    /**
     * Which units the sender may see (its own view's decisions): the others are not part of the
     * preview at all, so a preview never names, counts or classifies what the sender's view withholds
     * (DP-23, DP-24). The case views' `previewTransfer` channel passes it; all units if absent.
     */
    readonly readable?: (unit: DecisionUnit) => boolean;
  },
): TransferPreview {
  const privacy = options.privacy ?? EMPTY_PRIVACY_STATE;
  const basis = normaliseLegalBasis(request.legalBasis);
  const notice = text(
    `Zweckbindung: Die Daten dürfen nur für „${purposeLabel(request.purpose).de}“ verwendet werden (§ 78 SGB X).`,
    `Purpose binding: the data may be used only for "${purposeLabel(request.purpose).en}" (§ 78 SGB X).`,
  );
  const empty = (request.items?.length ?? 0) === 0 && (request.categories?.length ?? 0) === 0;
  const base = {
    action: 'transfer' as const,
    actor,
    caseState: state,
    privacy,
    purpose: request.purpose,
    recipient: request.recipient,
    now: options.now,
    wholeCase: request.wholeCase === true || empty,
    ...(request.legalBasis === undefined ? {} : { legalBasis: request.legalBasis }),
  };
  const readable = options.readable ?? (() => true);
  const units = caseUnits(state).filter((unit) => readable(unit) && selected(unit, request));
  const decided = decide({ ...base, items: units });
  const decision: Decision =
    units.length === 0 && decided.outcome !== 'deny'
      ? {
          outcome: 'deny',
          reasons: [
            reasonFor('DENY_FULL_FILE_TRANSFER', {
              detail: text('Die Auswahl enthält keine Angaben.', 'The selection holds no items.'),
            }),
          ],
        }
      : decided;
  const decider = prepareDecision(base);
  const previewed: PreviewedUnit[] = units.map((unit) => {
    const verdict = decider.judge(unit);
    return {
      ...parse(unit.key),
      key: unit.key,
      categories: unit.categories,
      send: verdict.effect === 'allow',
      reason: verdict.reason,
    };
  });
  const categories = [...new Set(previewed.filter((u) => u.send).flatMap((u) => u.categories))].sort();
  return {
    decision,
    units: previewed,
    categories,
    ...(basis === undefined ? {} : { basis: legalBasisLabel(basis) }),
    purposeBindingNotice: notice,
  };
}
