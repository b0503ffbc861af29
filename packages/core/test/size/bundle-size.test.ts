/**
 * The size gate (issue 18): every public entry and every define file stays under its ceiling and free of the
 * modules it must not pull in. Ceilings and their reasons live in `gated-entries.ts`. Builds run once per entry
 * (the define files in one shared build), so the whole gate takes seconds of CPU, not minutes.
 */
import { expect } from 'chai';
import { CORE_ENTRIES, DEFINE_CEILINGS, DEFINE_ENTRIES, PACKAGE_ENTRIES, defineFiles } from './gated-entries.js';
import { PEERS } from './measure-bundle.js';
import { checkEntry, type GatedEntry } from './size-gate.js';

/** Builds are CPU-bound and the machine is shared: generous per-test time, the builds themselves are cached. */
const BUILD_TIMEOUT = 180_000;

function gate(entries: readonly GatedEntry[]): void {
  for (const entry of entries) {
    it(`${entry.name} stays within ${entry.ceiling} B min+gzip and free of forbidden modules`, async () => {
      const { crossings } = await checkEntry(entry);
      expect(crossings).to.deep.equal([]);
    }).timeout(BUILD_TIMEOUT);
  }
}

describe('size gate (issue 18)', () => {
  describe('core', () => gate(CORE_ENTRIES));
  describe('packages', () => gate(PACKAGE_ENTRIES));
  describe('define files', () => {
    it('every define file has a ceiling of its own', () => {
      expect(defineFiles().filter((file) => !(file in DEFINE_CEILINGS))).to.deep.equal([]);
    });
    gate(DEFINE_ENTRIES);
  });

  describe('the gate itself', () => {
    const fixture = 'packages/core/test/size/fixtures/gate-fixture.ts';
    const spec = { input: { file: fixture }, external: [...PEERS] };

    it('reports an entry that crosses its ceiling, with the measured size', async () => {
      const { measured, crossings } = await checkEntry({ name: 'fixture', spec, ceiling: 10 });
      expect(measured.gzipped).to.be.greaterThan(10);
      expect(crossings).to.deep.equal([
        { entry: 'fixture', kind: 'ceiling', detail: `${measured.gzipped} B min+gzip > ceiling 10 B` },
      ]);
    });

    it('reports a forbidden module that the entry pulls in', async () => {
      const { crossings } = await checkEntry({
        name: 'fixture',
        spec,
        ceiling: 10_000,
        forbidden: [/gate-fixture-helper/],
      });
      expect(crossings.map((crossing) => crossing.kind)).to.deep.equal(['forbidden-module']);
      expect(crossings[0]?.detail).to.contain('packages/core/test/size/fixtures/gate-fixture-helper.ts');
    });

    it('passes the same entry under a ceiling above its size', async () => {
      const { measured, crossings } = await checkEntry({ name: 'fixture', spec, ceiling: 10_000 });
      expect(measured.gzipped).to.be.within(20, 10_000);
      expect(measured.modules).to.include('packages/core/test/size/fixtures/gate-fixture-helper.ts');
      expect(crossings).to.deep.equal([]);
    });
  });
});
