import type { ProcessStandard } from '../schema.js';
import { SGB2_KOOPERATIONSPLAN } from './sgb2-kooperationsplan.js';
import { SGB8_HILFEPLAN } from './sgb8-hilfeplan.js';
import { SGB9_GESAMTPLAN } from './sgb9-gesamtplan.js';

export { SGB2_KOOPERATIONSPLAN } from './sgb2-kooperationsplan.js';
export { SGB8_HILFEPLAN } from './sgb8-hilfeplan.js';
export { SGB9_GESAMTPLAN } from './sgb9-gesamtplan.js';

/**
 * The legal profiles Fallkit ships beside the default standard: SGB II Kooperationsplan, SGB VIII
 * Hilfeplan, SGB IX Gesamtplan. Each is a versioned process standard; a registry of all of them
 * lets every case be judged by the version it was opened under.
 */
export const LEGAL_PROFILES: readonly ProcessStandard[] = [SGB2_KOOPERATIONSPLAN, SGB8_HILFEPLAN, SGB9_GESAMTPLAN];

/**
 * The retention rows the shipped profiles bring, for the operator's retention table (DP-35): each
 * `verified: false` until the operator's data-protection officer confirms it (§ 9b SGB VIII's wording was
 * checked, its reach for a given operator was not).
 */
export const LEGAL_PROFILE_RETENTION_RULES = LEGAL_PROFILES.flatMap((profile) => profile.retention ?? []);
