import { text } from '../i18n/localized-text.js';
import type { Refusal } from '../result/refusal.js';
import type { HandoverConsentCheck } from '../process/process-guard.js';
import { consentWindowGap, whollyWithdrawn } from './consent/consent-scope.js';
import { foldPrivacy } from './privacy-state.js';
import { privacyRefusal } from './reason-codes.js';

/**
 * The warm-handover consent check the process guard calls (PR-24). A handover that names the consent
 * it relies on (`consentRef`) is refused unless that consent exists, names the receiving agency, is
 * in force and not withdrawn (DP-07, DP-11, DP-14). A handover without `consentRef` passes: the
 * handover record holds no content, and what the new lead may see or receive is decided item by item
 * by the views and `transferData` (DP-16, DP-23).
 */
export const handoverConsentCheck: HandoverConsentCheck = ({ input, now, journal }): readonly Refusal[] => {
  if (input.consentRef === undefined) return [];
  const path = ['input', 'consentRef'];
  const consent = foldPrivacy(journal ?? []).consents.find((c) => c.record.id === input.consentRef);
  if (consent === undefined) return [privacyRefusal('DENY_CONSENT_UNKNOWN', { path })];
  const agencyId = input.to.agencyId;
  if (!consent.record.recipients.some((r) => r.agencyId === agencyId)) {
    return [
      privacyRefusal('DENY_NO_CONSENT', {
        path,
        detail: text(`Die Einwilligung nennt ${input.to.name} nicht.`, `The consent does not name ${input.to.name}.`),
      }),
    ];
  }
  if (whollyWithdrawn(consent, agencyId, now) !== undefined)
    return [privacyRefusal('DENY_CONSENT_WITHDRAWN', { path })];
  const window = consentWindowGap(consent.record, now);
  if (window !== undefined) return [privacyRefusal(window, { path })];
  return [];
};
