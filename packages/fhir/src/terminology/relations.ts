import type { Coding } from '../fhir-types.js';

/** The HL7 v3 RoleCode system (personal relationship role types). */
export const V3_ROLE_CODE = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';

/**
 * German relation words (as offices write them: "Sohn", "Mutter von") and the v3 RoleCode
 * (PersonalRelationshipRoleType) they mean: the person described is the <code> of the other person.
 * Only unambiguous words; anything else keeps its wording and gets the local `person-relation#other`.
 */
const ROLE_CODES: Readonly<Record<string, { code: string; display: string }>> = {
  mutter: { code: 'MTH', display: 'mother' },
  vater: { code: 'FTH', display: 'father' },
  elternteil: { code: 'PRN', display: 'parent' },
  sohn: { code: 'SON', display: 'natural son' },
  tochter: { code: 'DAU', display: 'natural daughter' },
  kind: { code: 'CHILD', display: 'child' },
  bruder: { code: 'BRO', display: 'brother' },
  schwester: { code: 'SIS', display: 'sister' },
  geschwister: { code: 'SIB', display: 'sibling' },
  geschwisterkind: { code: 'SIB', display: 'sibling' },
  halbbruder: { code: 'HBRO', display: 'half-brother' },
  halbschwester: { code: 'HSIS', display: 'half-sister' },
  ehefrau: { code: 'WIFE', display: 'wife' },
  ehemann: { code: 'HUSB', display: 'husband' },
  ehepartner: { code: 'SPS', display: 'spouse' },
  ehepartnerin: { code: 'SPS', display: 'spouse' },
  lebensgefährte: { code: 'DOMPART', display: 'domestic partner' },
  lebensgefährtin: { code: 'DOMPART', display: 'domestic partner' },
  partner: { code: 'DOMPART', display: 'domestic partner' },
  partnerin: { code: 'DOMPART', display: 'domestic partner' },
  großmutter: { code: 'GRMTH', display: 'grandmother' },
  großvater: { code: 'GRFTH', display: 'grandfather' },
  enkel: { code: 'GRNDSON', display: 'grandson' },
  enkelin: { code: 'GRNDDAU', display: 'granddaughter' },
  enkelkind: { code: 'GRNDCHILD', display: 'grandchild' },
  onkel: { code: 'UNCLE', display: 'uncle' },
  tante: { code: 'AUNT', display: 'aunt' },
  neffe: { code: 'NEPHEW', display: 'nephew' },
  nichte: { code: 'NIECE', display: 'niece' },
  cousin: { code: 'COUSN', display: 'cousin' },
  cousine: { code: 'COUSN', display: 'cousin' },
  stiefvater: { code: 'STPFTH', display: 'stepfather' },
  stiefmutter: { code: 'STPMTH', display: 'stepmother' },
  stiefsohn: { code: 'STPSON', display: 'stepson' },
  stieftochter: { code: 'STPDAU', display: 'stepdaughter' },
  stiefkind: { code: 'STPCHLD', display: 'step child' },
  pflegekind: { code: 'CHLDFOST', display: 'foster child' },
  pflegesohn: { code: 'SONFOST', display: 'foster son' },
  pflegetochter: { code: 'DAUFOST', display: 'foster daughter' },
  adoptivkind: { code: 'CHLDADOPT', display: 'adopted child' },
  freund: { code: 'FRND', display: 'unrelated friend' },
  freundin: { code: 'FRND', display: 'unrelated friend' },
  nachbar: { code: 'NBOR', display: 'neighbor' },
  nachbarin: { code: 'NBOR', display: 'neighbor' },
  mitbewohner: { code: 'ROOM', display: 'roommate' },
  mitbewohnerin: { code: 'ROOM', display: 'roommate' },
};

/** The word a relation names: "Mutter von" → `mutter`, "Sohn (17)" → `sohn`, "Schwester, älter" → `schwester`. */
function relationWord(relation: string): string {
  return (
    relation
      .trim()
      .toLowerCase()
      .split(/[\s,;(/]+/)[0] ?? ''
  );
}

/** The v3 RoleCode a relation's wording means, if one fits unambiguously. */
export function roleCodeOf(relation: string): Coding | undefined {
  const found = ROLE_CODES[relationWord(relation)];
  return found === undefined ? undefined : { system: V3_ROLE_CODE, code: found.code, display: found.display };
}
