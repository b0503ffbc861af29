import { recordMeta, splitClassification, stateOf } from '../handler-context.js';
import { caseEvent } from '../pending-event.js';
import type { CommandHandler } from '../handler-context.js';
import type { caseFileInputs } from './inputs.js';

/** The handler of each command of this slice: the events it decides. */
export const caseFileHandlers: { readonly [T in keyof typeof caseFileInputs]: CommandHandler<T> } = {
  openCase: (context, input) => {
    const { classification, rest: person } = splitClassification(input.addressee);
    const personId = context.ids.next('person');
    const openedOn = input.openedOn ?? context.today;
    const roles = person.roles.includes('addressee')
      ? person.roles
      : (['addressee', ...person.roles] as typeof person.roles);
    const meta = recordMeta(context, classification, 'person', { subjectIds: [personId], content: person });
    const caseManager = input.caseManager ?? {
      userId: context.actor.id,
      agencyId: context.actor.agencyId,
      name: context.actor.name,
    };
    const standard =
      input.processStandard ??
      (context.standard
        ? { id: context.standard.id, version: context.standard.version }
        : { id: 'default', version: '1' });
    return [
      caseEvent('CaseOpened', {
        caseId: context.caseId,
        label: input.label ?? context.caseId,
        openedOn,
        processStandard: standard,
        addressee: { id: personId, ...person, roles, ...meta },
        leadAgency: {
          agencyId: input.leadAgency.agencyId,
          name: input.leadAgency.name,
          legalDomain: input.leadAgency.legalDomain,
          from: openedOn,
        },
        caseManager: {
          userId: caseManager.userId,
          name: caseManager.name,
          agencyId: caseManager.agencyId,
          role: 'primary',
          from: openedOn,
        },
        legalDomains: (input.legalDomains ?? []).map(({ domain, reason }) => ({
          domain,
          from: openedOn,
          reason,
          ...recordMeta(context, {}, 'legalDomain', { subjectIds: [personId], content: { domain, reason } }),
        })),
      }),
    ];
  },
  addPerson: (context, input) => {
    const { classification, rest } = splitClassification(input);
    const id = context.ids.next('person');
    const meta = recordMeta(context, { thirdParty: true, ...classification }, 'person', {
      subjectIds: [id],
      content: rest,
    });
    return [caseEvent('PersonAdded', { person: { id, ...rest, ...meta } })];
  },
  updatePerson: (context, input) => [
    caseEvent('PersonUpdated', {
      personId: input.personId,
      updatedOn: input.updatedOn ?? context.today,
      changes: input.changes,
    }),
  ],
  recordResidenceStatus: (context, input) => {
    const { classification, rest } = splitClassification(input);
    const personId = rest.personId ?? stateOf(context).addresseeId;
    return [
      caseEvent('ResidenceStatusRecorded', {
        id: context.ids.next('residence'),
        ...rest,
        personId,
        ...recordMeta(context, classification, 'residenceStatus', { subjectIds: [personId], content: rest }),
      }),
    ];
  },
};
