/**
 * Replays the first steps of an example case through a case service that makes its own ids (a synced
 * device's), under another case id: every id the example names (`<key>-person-1`, `<key>-assessment-1` …) is
 * mapped to the id the case holds for the same thing, in the order the example made them. With a sync client,
 * each step is pushed before the next one is written and the ids are read back from the case as it stands after
 * the round: the server decides every pushed command again (naming what it creates from the command id, as the
 * device did, `itemIdsFromCommand`), and reading the ids back from the settled case keeps the walk true to what
 * the server holds. Self-contained, so e2e walks pass it into the page
 * (`page.evaluate(replayExample, serviceHandle, syncHandle, options)`).
 *
 * @param {any} service
 * @param {{ syncNow(): Promise<{ ok: boolean }> } | undefined} sync
 * @param {{ steps: { type: string, input: unknown }[], key: string, fromCaseId: string, toCaseId: string }} options
 */
export async function replayExample(service, sync, { steps, key, fromCaseId, toCaseId }) {
  const LISTS = { person: 'persons', assessment: 'assessments', goal: 'goals', measure: 'measures' };
  /** @type {[string, string][]} */
  let mapped = [[fromCaseId, toCaseId]];
  const results = [];
  for (const step of steps) {
    let json = JSON.stringify(step.input);
    for (const [from, to] of mapped) json = json.split(JSON.stringify(from)).join(JSON.stringify(to));
    json = json.split(fromCaseId.toUpperCase()).join(toCaseId.toUpperCase());
    // The example's dates of its own year that lie in the past become today (the service records now, and a
    // date before the record is refused); birth dates and other earlier years stay as they are.
    const today = new Date().toISOString().slice(0, 10);
    json = json.replace(/"(2026-\d{2}-\d{2})"/g, (whole, date) => (date < today ? `"${today}"` : whole));
    const outcome = await service.execute({
      type: step.type,
      input: JSON.parse(json),
      ...(step.type === 'openCase' ? {} : { caseId: toCaseId }),
    });
    results.push(outcome.ok ? 'ok' : `${step.type}: ${outcome.errors.map((/** @type {any} */ e) => e.code).join(',')}`);
    if (!outcome.ok) break;
    if (sync) {
      let round = await sync.syncNow();
      for (let tries = 0; tries < 5 && !round.ok; tries += 1) round = await sync.syncNow();
    }
    const loaded = await service.loadCaseUnchecked(toCaseId);
    if (!loaded.ok) break;
    mapped = [[fromCaseId, toCaseId]];
    for (const [kind, list] of Object.entries(LISTS))
      (loaded.value.state[list] ?? []).forEach((/** @type {{ id: string }} */ item, /** @type {number} */ i) =>
        mapped.push([`${key}-${kind}-${i + 1}`, item.id]),
      );
  }
  return results;
}
