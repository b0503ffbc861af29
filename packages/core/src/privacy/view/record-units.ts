import type { ConfidentialityRelease, ConsentRecord } from '../consent/consent-record.js';
import { privacyRecordCategories } from '../categories.js';
import type { DecisionUnit } from '../decide.js';
import type { TransferRecord } from '../transfer/transfer-record.js';

/**
 * The decision unit of a consent (DP-01, DP-07): about its subject, recorded by whoever recorded it,
 * carrying the categories it names. A consent is itself personal data: who agreed to pass on what
 * to whom says what the file holds.
 */
export function consentUnit(record: ConsentRecord): DecisionUnit {
  return {
    key: `consents/${record.id}`,
    categories: privacyRecordCategories('consents', record),
    subjectIds: [record.subjectId],
    recordedBy: record.recordedBy,
    recordedAt: record.recordedAt,
  };
}

/** The decision unit of a confidentiality release (DP-01, DP-15), like {@link consentUnit}. */
export function releaseUnit(release: ConfidentialityRelease): DecisionUnit {
  return {
    key: `releases/${release.id}`,
    categories: privacyRecordCategories('releases', release),
    subjectIds: [release.subjectId],
    recordedBy: release.recordedBy,
    recordedAt: release.recordedAt,
  };
}

/** The decision unit of a recorded transfer: the categories that went, recorded by its sender. */
export function transferUnit(record: TransferRecord): DecisionUnit {
  return {
    key: `transfers/${record.id}`,
    categories: record.categories.length > 0 ? record.categories : ['notes'],
    recordedBy: record.by.userId,
  };
}
