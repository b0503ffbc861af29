import { EXAMPLE_CASES, PROFILE_EXAMPLE_CASES, step, type ExampleCase } from '@fallkit/core/examples';
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

  it("DP-29, DP-24: the person's own relations are in their export, the people they relate to only as a wording, never by id", async () => {
    const kowalski = EXAMPLE_CASES.find((c) => c.key === 'kowalski')!;
    const index = kowalski.steps.findIndex((s) => s.type === 'updatePerson');
    const addresseeId = (await decidedExport(kowalski)).exported.subjectId;
    const mother = step(new Date(Date.parse(kowalski.steps[index]!.at) + 60_000).toISOString(), 'updatePerson', {
      personId: addresseeId,
      changes: { relations: [{ toPersonId: 'kowalski-person-2', relation: 'Mutter von' }] },
    } as never);
    const withRelation: ExampleCase = {
      ...kowalski,
      steps: [...kowalski.steps.slice(0, index + 1), mother, ...kowalski.steps.slice(index + 1)],
    };
    const { exported } = await decidedExport(withRelation);
    const bundle = subjectExportBundle(exported);
    expect(errorsOf(bundle)).to.deep.equal([]);
    const EXT = 'https://fallkit.example/fhir/StructureDefinition/person-relation';
    const patient = bundle.entry.map((e) => e.resource).find((r) => r.resourceType === 'Patient')!;
    expect(
      evaluate(patient, `extension.where(url = '${EXT}').extension.where(url = 'relation').value.text`),
    ).to.deep.equal(['Mutter von']);
    expect(
      evaluate(patient, `extension.where(url = '${EXT}').extension.where(url = 'relation').value.coding.code`),
    ).to.deep.equal(['MTH']);
    expect(
      evaluate(patient, `extension.where(url = '${EXT}').extension.where(url = 'person').value.display`),
    ).to.deep.equal(['eine andere Person der Akte (nicht Teil dieser Auskunft)']);
    expect(
      evaluate(patient, `extension.where(url = '${EXT}').extension.where(url = 'person').value.reference`),
    ).to.deep.equal([]);
    expect(JSON.stringify(bundle)).to.not.contain('kowalski-person-2');
    const english = subjectExportBundle(exported, { lang: 'en' });
    expect(JSON.stringify(english)).to.contain('another person of the case file');
  });
});
