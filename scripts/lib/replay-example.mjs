/**
 * Replays the first steps of an example case through a case service that makes its own ids (a synced
 * device's), under another case id: every id the example names (`<key>-person-1`, `<key>-assessment-1` …) is
 * mapped to the id the service made for the same thing, in the order the example made them. The function is
 * self-contained so e2e walks pass it into the page (`page.evaluate(replayExample, serviceHandle, …)`).
 *
 * @param {any} service
 * @param {{ steps: { type: string, input: unknown }[], key: string, fromCaseId: string, toCaseId: string }} options
 */
export async function replayExample(service, { steps, key, fromCaseId, toCaseId }) {
  const KINDS = {
    CaseOpened: 'person',
    PersonAdded: 'person',
    AssessmentRecorded: 'assessment',
    GoalAgreed: 'goal',
    MeasureAdded: 'measure',
  };
  /** @type {Record<string, number>} */
  const counters = {};
  /** @type {[string, string][]} */
  const mapped = [[fromCaseId, toCaseId]];
  const results = [];
  for (const step of steps) {
    let json = JSON.stringify(step.input);
    for (const [from, to] of mapped) json = json.split(JSON.stringify(from)).join(JSON.stringify(to));
    json = json.split(fromCaseId.toUpperCase()).join(toCaseId.toUpperCase());
    // The example's dates of its own year that lie in the past become today (the service records now, and a
    // date before the record is refused); birth dates and other earlier years stay as they are.
    const today = new Date().toISOString().slice(0, 10);
    json = json.replace(/"(2026-\d{2}-\d{2})"/g, (whole, date) => (date < today ? `"${today}"` : whole));
    const input = JSON.parse(json);
    const outcome = await service.execute({
      type: step.type,
      input,
      ...(step.type === 'openCase' ? {} : { caseId: toCaseId }),
    });
    results.push(outcome.ok ? 'ok' : `${step.type}: ${outcome.errors.map((e) => e.code).join(',')}`);
    if (!outcome.ok) break;
    for (const event of outcome.value.events) {
      const kind = KINDS[/** @type {keyof typeof KINDS} */ (event.type)];
      const id =
        event.type === 'CaseOpened'
          ? event.payload?.addressee?.id
          : (event.payload?.[kind ?? '']?.id ?? event.payload?.id);
      if (kind === undefined || typeof id !== 'string') continue;
      counters[kind] = (counters[kind] ?? 0) + 1;
      mapped.push([`${key}-${kind}-${counters[kind]}`, id]);
    }
  }
  return results;
}
