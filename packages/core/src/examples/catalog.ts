import type { ExampleCase } from './example-types.js';
import { contactLost } from './cases/contact-lost.js';
import { familyDuldungToSgbII } from './cases/family-duldung-to-sgb-ii.js';
import { noFurtherMeasures } from './cases/no-further-measures.js';
import { olderPersonWithGuardian } from './cases/older-person-guardian.js';
import { reassessmentLoop } from './cases/reassessment-loop.js';
import { singleMotherYouthWelfare } from './cases/single-mother-youth-welfare.js';
import { youngAdultDebtsAddiction } from './cases/young-adult-debts-addiction.js';

/** The fictional example cases of Musterstadt, in the order they are seeded. */
export const EXAMPLE_CASES: readonly ExampleCase[] = [
  familyDuldungToSgbII,
  youngAdultDebtsAddiction,
  singleMotherYouthWelfare,
  noFurtherMeasures,
  contactLost,
  reassessmentLoop,
  olderPersonWithGuardian,
];

export {
  contactLost,
  familyDuldungToSgbII,
  noFurtherMeasures,
  olderPersonWithGuardian,
  reassessmentLoop,
  singleMotherYouthWelfare,
  youngAdultDebtsAddiction,
};
