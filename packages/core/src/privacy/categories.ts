import { text, type LocalizedText } from '../i18n/localized-text.js';
import { DATA_CATEGORIES, SPECIAL_DATA_CATEGORIES, type DataCategory } from '../model/record-meta.js';

/*
 * DP-01: the ONE place that says which data categories every field of the case model holds. Forms,
 * views, transfers, exports and reports read it from here; components never classify on their own.
 * Item-level classification (`categories` in every item's record meta) is what the rules act on; the
 * field map below decides the defaults, refines views (a person's contact details are `contact`, not
 * `identity`) and refuses payload fields nobody classified (`DENY_UNTAGGED_DATA`).
 */

/** The ordinary social data categories (PRIVACY.md section 2). */
export const ORDINARY_DATA_CATEGORIES: readonly DataCategory[] = DATA_CATEGORIES.filter(
  (category) => !SPECIAL_DATA_CATEGORIES.includes(category),
);

/** Tells whether a category is special (GDPR Art. 9) or about offences (Art. 10). */
export function isSpecialCategory(category: DataCategory): boolean {
  return SPECIAL_DATA_CATEGORIES.includes(category);
}

/** The overlay flags of PRIVACY.md section 2, carried next to the categories of an item. */
export const OVERLAY_FLAGS = ['professionalSecret', 'entrusted', 'childProtection', 'thirdParty'] as const;

/** One of {@link OVERLAY_FLAGS}. */
export type OverlayFlag = (typeof OVERLAY_FLAGS)[number];

/** Display names of the data categories, German first. */
export const CATEGORY_LABELS: Readonly<Record<DataCategory, LocalizedText>> = {
  identity: text('Identität', 'Identity'),
  contact: text('Kontaktdaten', 'Contact details'),
  household: text('Haushalt', 'Household'),
  benefits: text('Leistungen', 'Benefits'),
  income: text('Einkommen', 'Income'),
  debts: text('Schulden', 'Debts'),
  housing: text('Wohnen', 'Housing'),
  education: text('Bildung und Sprache', 'Education and language'),
  employment: text('Arbeit und Ausbildung', 'Employment and training'),
  residenceStatus: text('Aufenthaltsstatus', 'Residence status'),
  goals: text('Ziele', 'Goals'),
  helpPlan: text('Hilfeplan', 'Help plan'),
  measures: text('Maßnahmen', 'Measures'),
  notes: text('Vermerke', 'Notes'),
  health: text('Gesundheit', 'Health'),
  addiction: text('Sucht', 'Addiction'),
  disability: text('Behinderung', 'Disability'),
  ethnicOrigin: text('Ethnische Herkunft', 'Ethnic origin'),
  religion: text('Religion', 'Religion'),
  sexLife: text('Sexualleben', 'Sex life'),
  politicalOpinion: text('Politische Meinung', 'Political opinion'),
  offences: text('Straftaten', 'Offences'),
};

/** Display names of the overlay flags. */
export const OVERLAY_LABELS: Readonly<Record<OverlayFlag, LocalizedText>> = {
  professionalSecret: text('Berufsgeheimnis (§ 76 SGB X)', 'Professional secret (§ 76 SGB X)'),
  entrusted: text('Anvertraute Daten (§ 65 SGB VIII)', 'Entrusted data (§ 65 SGB VIII)'),
  childProtection: text('Kinderschutz (§ 8a SGB VIII)', 'Child protection (§ 8a SGB VIII)'),
  thirdParty: text('Daten Dritter', 'Third-party data'),
};

/**
 * The categories of one field. An empty list marks case metadata: structure, dates, ids and
 * classification that carry no social data of their own (a team lead may see them, DP-23).
 */
export type FieldCategories = readonly DataCategory[];

/** Metadata: no categories of its own. */
const META: FieldCategories = [];

/** The record-meta fields every item carries (classification and provenance, not content). */
const RECORD_META_FIELDS = {
  id: META,
  subjectIds: META,
  categories: META,
  professionalSecret: META,
  entrusted: META,
  entrustedBy: META,
  childProtection: META,
  thirdParty: META,
  origin: META,
  purposeIds: META,
  legalBasis: META,
  recordedBy: META,
  recordedAt: META,
} as const satisfies Record<string, FieldCategories>;

/**
 * Every section of {@link CaseState} and, per section, every field of its items with its categories
 * (DP-01). `header` are the top-level scalar fields of the case. A field missing here is untagged:
 * payloads carrying it are refused, and the test suite checks every schema field is listed.
 */
export const CASE_FIELD_CATEGORIES = {
  header: {
    caseId: META,
    label: META,
    status: META,
    stage: META,
    openedOn: META,
    processStandard: META,
    addresseeId: META,
    lastSeq: META,
    updatedAt: META,
  },
  persons: {
    ...RECORD_META_FIELDS,
    roles: ['identity', 'household'],
    givenName: ['identity'],
    familyName: ['identity'],
    birthDate: ['identity'],
    gender: ['identity'],
    relationToAddressee: ['household'],
    relations: ['household'],
    languages: ['identity'],
    interpreter: ['identity'],
    contact: ['contact'],
    representations: ['identity'],
    presumedWill: ['health'],
    inHousehold: ['household'],
    note: ['notes'],
  },
  leadAgencies: { agencyId: META, name: META, legalDomain: META, from: META, to: META, handoverId: META },
  caseManagers: { userId: META, name: META, agencyId: META, role: META, from: META, to: META },
  legalDomains: { ...RECORD_META_FIELDS, domain: ['benefits'], from: META, to: META, reason: ['benefits'] },
  residenceStatuses: {
    ...RECORD_META_FIELDS,
    personId: META,
    status: ['residenceStatus'],
    legalGround: ['residenceStatus'],
    from: ['residenceStatus'],
    validUntil: ['residenceStatus'],
  },
  referrals: { ...RECORD_META_FIELDS, referrer: ['notes'], referredOn: META, reason: ['notes'] },
  casefindingChecks: {
    ...RECORD_META_FIELDS,
    checkedOn: META,
    criteria: ['notes'],
    targetGroupCriteria: ['notes'],
    complexNeeds: ['notes'],
    summary: ['notes'],
  },
  admission: {
    ...RECORD_META_FIELDS,
    decidedOn: META,
    admitted: META,
    reasons: ['notes'],
    deviationReason: ['notes'],
    referredElsewhereTo: ['notes'],
  },
  crises: {
    ...RECORD_META_FIELDS,
    flaggedOn: META,
    description: ['notes'],
    immediateHelp: ['notes'],
    resolvedOn: META,
    resolution: ['notes'],
  },
  firstCounselling: {
    ...RECORD_META_FIELDS,
    heldOn: META,
    participantIds: META,
    interpreterUsed: META,
    concernInOwnWords: ['notes'],
    firstPictureProblems: ['notes'],
    firstPictureResources: ['notes'],
    motivation: ['notes'],
    willingnessToCooperate: ['notes'],
    abilityToCooperate: ['notes'],
    barriers: ['notes'],
    informationGiven: META,
    oralContract: META,
    decision: ['notes'],
  },
  assessments: {
    ...RECORD_META_FIELDS,
    version: META,
    kind: META,
    recordedOn: META,
    participantIds: META,
    /** Each domain carries its own classification; see {@link LIFE_DOMAIN_TAGS}. */
    mode: META,
    domains: ['notes'],
    narrative: ['notes'],
    wishesAndDreams: ['notes'],
    supersedesId: META,
    status: META,
    confirmation: META,
  },
  reassessments: { ...RECORD_META_FIELDS, startedOn: META, reason: ['notes'], deviationIds: META },
  goals: {
    ...RECORD_META_FIELDS,
    level: META,
    parentGoalId: META,
    title: ['goals'],
    description: ['goals'],
    indicators: ['goals'],
    timeFrame: META,
    domainIds: META,
    wayOfLife: ['goals'],
    assessmentId: META,
    agreement: ['goals'],
    status: META,
    statusHistory: META,
    revisions: ['goals'],
  },
  measures: {
    ...RECORD_META_FIELDS,
    title: ['measures'],
    description: ['measures'],
    goalIds: META,
    by: ['measures'],
    legalDomain: ['benefits'],
    costCarrier: ['benefits'],
    startOn: META,
    endOn: META,
    dependsOn: META,
    alternatives: ['measures'],
    secondBest: ['measures'],
    agreement: ['helpPlan'],
    status: META,
    history: ['measures'],
  },
  providerReferrals: {
    ...RECORD_META_FIELDS,
    measureId: META,
    provider: ['measures'],
    referredOn: META,
    purpose: ['measures'],
    modalities: ['measures'],
    status: META,
    statusHistory: META,
    feedback: ['measures'],
  },
  caseConferences: {
    ...RECORD_META_FIELDS,
    heldOn: META,
    participants: ['helpPlan'],
    topic: ['notes'],
    decisions: ['helpPlan'],
    nextConferenceOn: META,
  },
  contacts: {
    ...RECORD_META_FIELDS,
    on: META,
    mode: META,
    withInterpreter: META,
    participantIds: META,
    reached: META,
    note: ['notes'],
    time: META,
  },
  followUps: {
    ...RECORD_META_FIELDS,
    dueOn: META,
    subject: ['notes'],
    assignedTo: META,
    relatesTo: META,
    done: META,
    doneOn: META,
    outcome: ['notes'],
    time: META,
    durationMinutes: META,
    // Where a meeting takes place can be the person's home: contact data, not metadata.
    place: ['contact'],
  },
  progressJudgements: { ...RECORD_META_FIELDS, on: META, target: META, judgement: ['goals'], note: ['notes'] },
  deviations: {
    ...RECORD_META_FIELDS,
    on: META,
    kind: META,
    description: ['notes'],
    relatesTo: META,
    triggersReassessment: META,
    missingService: ['measures'],
  },
  readinessObservations: { ...RECORD_META_FIELDS, on: META, signs: ['goals'], note: ['notes'] },
  handovers: {
    ...RECORD_META_FIELDS,
    variant: META,
    fromAgencyId: META,
    to: META,
    legalDomain: ['benefits'],
    endsLegalDomain: ['benefits'],
    effectiveFrom: META,
    reason: ['notes'],
    conference: ['notes'],
    continuingRole: ['notes'],
    involvedUntil: META,
    consentRef: META,
  },
  notes: { ...RECORD_META_FIELDS, on: META, text: ['notes'], relatesTo: META },
  // A document is one unit: its title and file name carry the document's own categories (a title such as
  // "Psychiatrisches Gutachten" says as much as the file), so they add none of their own.
  documents: {
    ...RECORD_META_FIELDS,
    title: META,
    fileName: META,
    mediaType: META,
    size: META,
    contentHash: META,
    receivedOn: META,
    relatesTo: META,
    removed: META,
  },
  plans: {
    ...RECORD_META_FIELDS,
    version: META,
    standard: META,
    recordedOn: META,
    participants: ['helpPlan'],
    sections: ['helpPlan'],
    personsOwnWords: ['goals'],
    helpOutsideFamily: ['helpPlan'],
    reviewOn: META,
    goalIds: META,
    measureIds: META,
  },
  closure: {
    ...RECORD_META_FIELDS,
    closedOn: META,
    reason: META,
    reasonNote: ['notes'],
    readinessSigns: ['goals'],
    goalAttainment: ['goals'],
    continuedBy: ['notes'],
  },
  evaluation: {
    ...RECORD_META_FIELDS,
    evaluatedOn: META,
    planVersusGoals: ['goals'],
    methods: ['notes'],
    cooperation: ['notes'],
    effort: META,
    satisfaction: ['notes'],
    providerFeedback: ['measures'],
  },
} as const satisfies Record<string, Record<string, FieldCategories>>;

/** A section of the case model: a list or single item of {@link CaseState}, or `header`. */
export type CaseSection = keyof typeof CASE_FIELD_CATEGORIES;

/** Every {@link CaseSection}. */
export const CASE_SECTIONS = Object.keys(CASE_FIELD_CATEGORIES) as CaseSection[];

/**
 * Categories of the life domains of an assessment (ids from `DEFAULT_LIFE_DOMAIN_IDS` and common
 * additions of process standards). A domain id not listed here must be classified explicitly by the
 * caller, or the command is refused with `DENY_UNTAGGED_DATA`.
 */
export const LIFE_DOMAIN_TAGS: Readonly<Record<string, FieldCategories>> = {
  housing: ['housing'],
  health: ['health'],
  workTraining: ['employment'],
  education: ['education'],
  language: ['education'],
  residence: ['residenceStatus'],
  financesDebts: ['income', 'debts'],
  familyChildren: ['household'],
  socialNetwork: ['household'],
  mobility: ['notes'],
  dailyLiving: ['notes'],
  addiction: ['health', 'addiction'],
  addictionHistory: ['health', 'addiction'],
  disability: ['health', 'disability'],
  mentalHealth: ['health'],
  religion: ['religion'],
  offences: ['offences'],
  // SGB II Potenzialanalyse (§ 15 Abs. 1): findings about employability; health goes in its own domain.
  personalCharacteristics: ['employment'],
  vocationalAbilities: ['employment', 'education'],
  suitability: ['employment'],
  strengths: ['employment'],
  hindrances: ['employment'],
  // SGB IX: the ICF life areas describe limitations of activity and participation due to a
  // disability, i.e. health data of GDPR Art. 9.
  icfLearning: ['health', 'disability'],
  icfGeneralTasks: ['health', 'disability'],
  icfCommunication: ['health', 'disability'],
  icfMobility: ['health', 'disability'],
  icfSelfCare: ['health', 'disability'],
  icfDomesticLife: ['health', 'disability'],
  icfInterpersonal: ['health', 'disability'],
  icfMajorLifeAreas: ['health', 'disability'],
  icfCommunityLife: ['health', 'disability'],
};

/** The categories of a life domain id, or `undefined` when nobody classified it. */
export function lifeDomainCategories(domainId: string): FieldCategories | undefined {
  return LIFE_DOMAIN_TAGS[domainId];
}

/** The categories of one field of a section, or `undefined` when the field is untagged. */
export function fieldCategories(section: CaseSection, field: string): FieldCategories | undefined {
  const fields = CASE_FIELD_CATEGORIES[section] as Readonly<Record<string, FieldCategories>>;
  return Object.hasOwn(fields, field) ? fields[field] : undefined;
}

/** The outcome of {@link classifyFields}: the union of the fields' categories, and untagged fields. */
export interface FieldClassification {
  readonly categories: readonly DataCategory[];
  readonly untagged: readonly string[];
}

/**
 * Classifies a payload of a section field by field (DP-01): the union of the categories of every
 * field present, and every field that has no mapping. Life-domain ids of assessment domains are
 * classified through {@link LIFE_DOMAIN_TAGS} unless the domain carries explicit categories.
 */
export function classifyFields(section: CaseSection, payload: Readonly<Record<string, unknown>>): FieldClassification {
  const categories = new Set<DataCategory>();
  const untagged: string[] = [];
  for (const [field, value] of Object.entries(payload)) {
    if (value === undefined) continue;
    const tags = fieldCategories(section, field);
    if (tags === undefined) {
      untagged.push(field);
      continue;
    }
    for (const category of tags) categories.add(category);
  }
  if (section === 'assessments' && Array.isArray(payload['domains'])) {
    (payload['domains'] as readonly Record<string, unknown>[]).forEach((domain, index) => {
      const explicit = domain['categories'] as readonly DataCategory[] | undefined;
      const tags = explicit ?? lifeDomainCategories(String(domain['domainId']));
      if (tags === undefined) untagged.push(`domains.${index}.${String(domain['domainId'])}`);
      else for (const category of tags) categories.add(category);
    });
  }
  return { categories: [...categories], untagged };
}

/** The categories a stored item carries: its record meta's, or none for an item without one. */
export function itemCategories(item: { readonly categories?: readonly DataCategory[] }): readonly DataCategory[] {
  return item.categories ?? [];
}

/**
 * A field whose categories are the ones the record names: a consent for `addiction` to an addiction
 * counselling service says the person has an addiction problem, so the record carries `addiction`.
 */
export const NAMED_CATEGORIES = 'named' as const;

/**
 * DP-01 for the data-protection records beside the case state: every field of a consent and of a
 * confidentiality release with its categories, like {@link CASE_FIELD_CATEGORIES} for case items.
 * The consents channel of the case views decides a record by the union of its fields' categories.
 */
export const PRIVACY_RECORD_FIELD_CATEGORIES = {
  consents: {
    id: META,
    subjectId: META,
    categories: NAMED_CATEGORIES,
    includesProfessionalSecret: META,
    recipients: META,
    purposes: META,
    validFrom: META,
    validUntil: META,
    form: META,
    informationTextHash: META,
    givenBy: META,
    childView: ['notes'],
    capacityToConsent: META,
    recordedBy: META,
    recordedAt: META,
  },
  releases: {
    id: META,
    subjectId: META,
    professionals: ['identity'],
    recipients: META,
    categories: NAMED_CATEGORIES,
    includesProfessionalSecret: META,
    validFrom: META,
    validUntil: META,
    form: META,
    informationTextHash: META,
    givenBy: META,
    recordedBy: META,
    recordedAt: META,
  },
} as const satisfies Record<string, Record<string, FieldCategories | typeof NAMED_CATEGORIES>>;

/** A kind of data-protection record: `consents` or `releases`. */
export type PrivacyRecordKind = keyof typeof PRIVACY_RECORD_FIELD_CATEGORIES;

/**
 * The categories a consent or release carries (DP-01): the categories it names plus those of every
 * other field it holds. A field nobody mapped makes the record count as `notes`, never as nothing.
 */
export function privacyRecordCategories(
  kind: PrivacyRecordKind,
  record: Readonly<Record<string, unknown>> & { readonly categories: readonly DataCategory[] },
): DataCategory[] {
  const fields = PRIVACY_RECORD_FIELD_CATEGORIES[kind] as Readonly<
    Record<string, FieldCategories | typeof NAMED_CATEGORIES>
  >;
  const out = new Set<DataCategory>();
  for (const [field, value] of Object.entries(record)) {
    if (value === undefined) continue;
    const tags = Object.hasOwn(fields, field) ? fields[field] : (['notes'] as const);
    for (const category of tags === NAMED_CATEGORIES ? record.categories : (tags ?? [])) out.add(category);
  }
  return [...out].sort();
}
