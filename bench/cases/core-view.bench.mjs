/**
 * Data-protected reading: 10,000 consent-checked `viewCase` calls (fold the journal, fold the consents and
 * transfers, decide every item and part, build the redacted copy) against 10,000 unchecked folds of the
 * same journal in the same run. Two viewers: the assigned case manager (everything allowed) and the
 * Jobcenter after a change of lead agency (consent and transfer checks on every item, markers).
 *
 * The three are timed in turns, 500 calls at a time, in CPU time of the process (the build machine is shared: wall
 * time swung the baseline between 3 and 10 s from one run to the next); each figure is the median chunk times 20.
 *
 * The core is imported from its TypeScript sources through tsx, as the tests do; no build needed.
 */
import { loadCore } from '../lib/load-core.mjs';

const VIEWS = 10_000;
/** Views per chunk: the three figures are timed in turns, chunk by chunk, so a load that comes and goes hits all three alike. */
const CHUNK = 500;

/** CPU time of this process in ms: on a shared machine, wall time also counts the time other processes had the core. */
function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Times each piece of work in turns, `CHUNK` calls at a time, until each has run `VIEWS` times.
 * @param {Record<string, () => unknown>} works
 * @returns {Record<string, number>} CPU ms for `VIEWS` calls of each (median chunk, times the chunks)
 */
function timeInTurns(works) {
  const chunks = Object.fromEntries(Object.keys(works).map((name) => [name, /** @type {number[]} */ ([])]));
  for (const work of Object.values(works)) for (let i = 0; i < CHUNK; i += 1) work(); // warm-up
  for (let done = 0; done < VIEWS; done += CHUNK)
    for (const [name, work] of Object.entries(works)) {
      const started = cpuMs();
      for (let i = 0; i < CHUNK; i += 1) work();
      chunks[name].push(cpuMs() - started);
    }
  return Object.fromEntries(
    Object.entries(chunks).map(([name, times]) => {
      const sorted = [...times].sort((a, b) => a - b);
      return [name, sorted[sorted.length >> 1] * (VIEWS / CHUNK)];
    }),
  );
}

/** A municipal case after a Rechtskreiswechsel: assessment, notes, contacts, a consent, two transfers. */
async function buildCase(core) {
  const { createCaseService, MemoryCaseStore, FixedClock, SequentialIds, domainInvariantGuard, privacyGuard } = core;
  const store = new MemoryCaseStore();
  const clock = new FixedClock('2026-03-01T09:00:00.000Z');
  const kim = { id: 'u-kim', role: 'caseManager', agencyId: 'kim-musterstadt' };
  const service = createCaseService({
    store,
    clock,
    ids: new SequentialIds(),
    actor: kim,
    guards: [domainInvariantGuard, privacyGuard],
  });
  const run = async (type, input, caseId) => {
    const result = await service.execute({ type, input, ...(caseId ? { caseId } : {}) });
    if (!result.ok) throw new Error(`${type}: ${result.errors.map((e) => e.message.en).join('; ')}`);
    return result.value;
  };
  const { caseId } = await run('openCase', {
    addressee: { roles: ['addressee'], givenName: 'Nour', familyName: 'Haddad', birthDate: '1988-04-12' },
    leadAgency: { agencyId: kim.agencyId, name: 'KIM Musterstadt' },
  });
  const domain = (domainId, problems, extra = {}) => ({
    domainId,
    resources: 'r',
    problems,
    personView: 'p',
    caseManagerView: 'c',
    ...extra,
  });
  const { state } = await run(
    'recordAssessment',
    {
      domains: [
        domain('health', 'Rückenschmerzen.'),
        domain('financesDebts', 'Mietschulden.'),
        domain('workTraining', 'Abschluss nicht anerkannt.'),
        domain('housing', 'Zu klein.'),
        domain('familyChildren', 'Zwei Kinder.'),
        domain('language', 'B1.'),
      ],
      wishesAndDreams: 'Eine eigene Schneiderei.',
    },
    caseId,
  );
  const assessmentId = state.assessments[0].id;
  for (let i = 0; i < 20; i += 1)
    await run(
      'recordNote',
      { text: `Vermerk ${i}.`, categories: i % 3 === 0 ? ['notes', 'health'] : ['notes'] },
      caseId,
    );
  for (let i = 0; i < 20; i += 1) await run('recordContact', { mode: 'phone', note: `Telefonat ${i}.` }, caseId);
  const jobcenter = { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt', kind: 'statutoryAgency' };
  const consent = await run(
    'recordConsent',
    {
      categories: ['health', 'employment'],
      recipients: [{ agencyId: jobcenter.agencyId }],
      purposes: ['caseManagement'],
      form: { kind: 'written', scanReference: 'scan-1' },
      informationTextHash: 'ab'.repeat(32),
      givenBy: { personId: state.addresseeId, role: 'self' },
    },
    caseId,
  );
  await run(
    'transferData',
    {
      recipient: jobcenter,
      legalBasis: { kind: 'sgb10_69', taskReference: 'SGB II' },
      purpose: 'caseManagement',
      items: [{ section: 'assessments', id: assessmentId, part: 'workTraining' }],
    },
    caseId,
  );
  await run(
    'transferData',
    {
      recipient: jobcenter,
      legalBasis: `consent:${consent.events[0].payload.id}`,
      purpose: 'caseManagement',
      categories: ['health'],
    },
    caseId,
  );
  await run('assignCaseManager', { userId: 'u-jc', agencyId: jobcenter.agencyId, role: 'primary' }, caseId);
  return {
    journal: await store.readJournal(caseId),
    kim,
    jobcenterActor: { id: 'u-jc', role: 'caseManager', agencyId: jobcenter.agencyId },
  };
}

/** @param {{ repoRoot: string }} context */
export default async function ({ repoRoot }) {
  const core = await loadCore(repoRoot);
  const { journal, kim, jobcenterActor } = await buildCase(core);
  const now = '2026-03-02T09:00:00.000Z';
  const viewAs = (actor) => () => {
    const result = core.viewCase(core.foldCase(journal), actor, 'caseManagement', {
      now,
      privacy: core.foldPrivacy(journal),
    });
    if (!result.ok) throw new Error(result.errors[0].code);
  };
  const times = timeInTurns({
    fold: () => core.foldCase(journal),
    kim: viewAs(kim),
    jobcenter: viewAs(jobcenterActor),
  });
  const baseline = times.fold;
  const baselineName = `unchecked foldCase, ${VIEWS.toLocaleString('en')} times (${journal.length} events)`;
  return [
    {
      name: `core: ${VIEWS.toLocaleString('en')} consent-checked viewCase, assigned case manager (CPU ms)`,
      value: times.kim,
      unit: 'ms',
      baseline,
      baselineName,
    },
    {
      name: `core: ${VIEWS.toLocaleString('en')} consent-checked viewCase, Jobcenter after handover (markers) (CPU ms)`,
      value: times.jobcenter,
      unit: 'ms',
      baseline,
      baselineName,
    },
  ];
}
