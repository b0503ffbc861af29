/** The slice of a measure the timeline reads. */
export interface TimelineMeasure {
  readonly id?: string;
  readonly key: string;
  readonly dependsOn?: readonly { readonly measureId: string; readonly kind: 'after' | 'parallel' }[];
}

/** One step of the course: measures that can run at the same time. */
export interface TimelineStep<M extends TimelineMeasure> {
  readonly index: number;
  readonly measures: readonly M[];
}

/**
 * Groups measures into steps (a simple network plan, DOMAIN.md 4.5): a measure without "after"
 * dependencies is in step 1; one that starts after others comes one step after the latest of them;
 * "parallel" pulls a measure into the step of its partner. Cycles (a data error) are cut, so every
 * measure lands in exactly one step.
 */
export function planSteps<M extends TimelineMeasure>(measures: readonly M[]): TimelineStep<M>[] {
  const byId = new Map(measures.filter((m) => m.id).map((m) => [m.id!, m]));
  const level = new Map<string, number>();
  const visiting = new Set<string>();
  const levelOf = (m: M): number => {
    const known = level.get(m.key);
    if (known !== undefined) return known;
    if (visiting.has(m.key)) return 0;
    visiting.add(m.key);
    let l = 0;
    for (const dep of m.dependsOn ?? []) {
      const other = byId.get(dep.measureId);
      if (!other) continue;
      l = Math.max(l, dep.kind === 'after' ? levelOf(other) + 1 : levelOf(other));
    }
    visiting.delete(m.key);
    level.set(m.key, l);
    return l;
  };
  for (const m of measures) levelOf(m);
  const steps: M[][] = [];
  for (const m of measures) (steps[level.get(m.key)!] ??= []).push(m);
  return steps.filter(Boolean).map((ms, index) => ({ index, measures: ms }));
}
