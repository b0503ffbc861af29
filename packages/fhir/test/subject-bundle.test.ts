import { EXAMPLE_CASES, PROFILE_EXAMPLE_CASES } from '@fallkit/core/examples';
import { subjectExportBundle, type FhirBundle } from '@fallkit/fhir';
import { expect } from 'chai';
import { Fhir } from 'fhir';
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import { decidedExport } from './fhir-world.js';

const validator = new Fhir();

function evaluate(resource: unknown, expression: string): unknown[] {
  return fhirpath.evaluate(resource, expression, { resource }, r4) as unknown[];
}

function errorsOf(bundle: FhirBundle): string[] {
  return validator
    .validate(bundle, { errorOnUnexpected: true })
    .messages.filter((m) => m.severity === 'error')
    .map((m) => `${m.location}: ${m.message}`);
}

describe("FHIR R4 Bundle of the person's export (DP-29)", function () {
  this.timeout(60_000);

  for (const example of [...EXAMPLE_CASES, ...PROFILE_EXAMPLE_CASES]) {
    it(`DP-29: the export of ${example.key}'s addressee as a Bundle validates against R4, with the person as Patient and every reference inside`, async () => {
      const { exported } = await decidedExport(example);
      const bundle = subjectExportBundle(exported);
      expect(errorsOf(bundle)).to.deep.equal([]);
      expect(evaluate(bundle, 'entry.resource.ofType(Patient).count()')[0]).to.equal(1);
      const present = new Set(bundle.entry.map((e) => `${e.resource.resourceType}/${e.resource.id}`));
      const refs = evaluate(bundle, 'Bundle.entry.resource.descendants().reference') as string[];
      expect(refs.filter((r) => !present.has(r))).to.deep.equal([]);
      for (const consent of bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Consent'))
        expect(evaluate(consent, 'policy.exists() or policyRule.exists()')[0], `ppc-1 ${consent.id}`).to.equal(true);
      expect(evaluate(bundle, 'entry.select(fullUrl).isDistinct()')[0]).to.equal(true);
    });
  }

  it("DP-29, DP-06: Herr Rahimi's export holds his own assessment, not his son's school problems (third-party data)", async () => {
    const rahimi = EXAMPLE_CASES.find((c) => c.key === 'rahimi')!;
    const { exported } = await decidedExport(rahimi);
    const bundle = subjectExportBundle(exported);
    const text = JSON.stringify(bundle);
    expect(text).to.contain('Rückenschmerzen');
    expect(text).to.not.contain('6. Klasse');
    expect(
      evaluate(bundle, "entry.resource.ofType(Observation).where(code.coding.code = 'familyChildren').count()")[0],
    ).to.equal(0);
    expect(evaluate(bundle, 'entry.resource.ofType(Patient).name.given')).to.deep.equal(['Yusuf']);
    expect(evaluate(bundle, 'meta.security.code')).to.deep.equal(['REDACTED']);
  });
});
