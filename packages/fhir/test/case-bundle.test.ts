import { EXAMPLE_CASES, PROFILE_EXAMPLE_CASES, step, type ExampleCase, type ExampleStep } from '@fallkit/core/examples';
import { caseBundle, type FhirBundle, type FhirResource } from '@fallkit/fhir';
import { expect } from 'chai';
import { Fhir } from 'fhir';
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import { decidedExample } from './fhir-world.js';

const validator = new Fhir();

/** A step of a data-protection command (the example steps are typed for case commands). */
function privacyStep(at: string, type: string, input: Record<string, unknown>): ExampleStep {
  return { at, type, input } as unknown as ExampleStep;
}

/**
 * The R4 invariants the mapping relies on, as the specification states them (ppc-2 with the scope
 * system R4 meant: its published expression tests a placeholder system), plus the mapping's own.
 */
const INVARIANTS: readonly { type: string; key: string; expression: string }[] = [
  { type: 'Consent', key: 'ppc-1', expression: 'policy.exists() or policyRule.exists()' },
  {
    type: 'Consent',
    key: 'ppc-2',
    expression:
      "patient.exists() or scope.coding.where(system='http://terminology.hl7.org/CodeSystem/consentscope' and code='patient-privacy').exists().not()",
  },
  {
    type: 'Consent',
    key: 'mapping: permit with period, actors and categories',
    expression:
      "provision.type = 'permit' and provision.period.start.exists() and provision.actor.exists() and provision.code.exists()",
  },
  {
    type: 'Goal',
    key: 'gol-1',
    expression: 'target.all((detail.exists() and measure.exists()) or detail.exists().not())',
  },
  { type: 'CarePlan', key: 'cpl-3', expression: 'activity.all(detail.empty() or reference.empty())' },
  {
    type: 'Task',
    key: 'inv-1',
    expression: 'lastModified.exists().not() or authoredOn.exists().not() or lastModified >= authoredOn',
  },
  { type: 'Observation', key: 'obs-6', expression: 'dataAbsentReason.empty() or value.empty()' },
  {
    type: 'Observation',
    key: 'obs-7',
    expression: 'value.empty() or component.code.where(coding.intersect(%resource.code.coding).exists()).empty()',
  },
  {
    type: 'Observation',
    key: 'mapping: one life domain from the local code system',
    expression:
      "code.coding.count() = 1 and code.coding.system = 'https://fallkit.example/fhir/CodeSystem/life-domain'",
  },
  {
    type: 'CareTeam',
    key: 'ctm-1',
    expression: "participant.all(onBehalfOf.empty() or member.reference.startsWith('Practitioner/'))",
  },
  { type: 'EpisodeOfCare', key: 'mapping: patient and care team', expression: 'patient.exists() and team.exists()' },
  { type: 'Encounter', key: 'mapping: part of the episode', expression: 'episodeOfCare.exists() and class.exists()' },
];

function evaluate(resource: unknown, expression: string): unknown[] {
  return fhirpath.evaluate(resource, expression, { resource }, r4) as unknown[];
}

function resources(bundle: FhirBundle, type?: string): FhirResource[] {
  return bundle.entry.map((e) => e.resource).filter((r) => type === undefined || r.resourceType === type);
}

/** Every `reference` in the Bundle names an entry of it (the Bundle stands alone). */
function dangling(bundle: FhirBundle): string[] {
  const present = new Set(bundle.entry.map((e) => `${e.resource.resourceType}/${e.resource.id}`));
  const refs = evaluate(bundle, 'Bundle.entry.resource.descendants().reference') as string[];
  return refs.filter((r) => !present.has(r));
}

function errorsOf(bundle: FhirBundle): string[] {
  const result = validator.validate(bundle, { errorOnUnexpected: true });
  return result.messages.filter((m) => m.severity === 'error').map((m) => `${m.location}: ${m.message}`);
}

describe('FHIR R4 Bundle of a decided case view', function () {
  this.timeout(60_000);
  const examples: ExampleCase[] = [...EXAMPLE_CASES, ...PROFILE_EXAMPLE_CASES];

  for (const example of examples) {
    it(`DP-23: the Bundle of ${example.key} validates against the R4 schema and the invariants the mapping relies on`, async () => {
      const decided = await decidedExample(example);
      const bundle = caseBundle({ view: decided.view, consents: decided.consents, generatedAt: decided.at });
      expect(errorsOf(bundle), 'R4 schema').to.deep.equal([]);
      const failed: string[] = [];
      for (const invariant of INVARIANTS)
        for (const resource of resources(bundle, invariant.type))
          if (evaluate(resource, invariant.expression)[0] !== true)
            failed.push(`${invariant.type}/${resource.id} ${invariant.key}`);
      expect(failed, 'invariants').to.deep.equal([]);
      expect(dangling(bundle), 'references that name no entry').to.deep.equal([]);
      expect(evaluate(bundle, 'entry.select(fullUrl).isDistinct()')[0], 'bdl-7').to.equal(true);
      // The case is there: one episode, one patient, an Observation per assessed domain the view shows.
      expect(resources(bundle, 'EpisodeOfCare')).to.have.length(1);
      expect(resources(bundle, 'Patient')).to.have.length(1);
      const domains = decided.view.case.assessments.flatMap((a) =>
        'domains' in a ? (a.domains as unknown[]).filter((d) => !(d as { redacted?: boolean }).redacted) : [],
      );
      expect(resources(bundle, 'Observation')).to.have.length(domains.length);
      const goals = decided.view.case.goals.filter((g) => !(g as { redacted?: boolean }).redacted);
      expect(resources(bundle, 'Goal')).to.have.length(goals.length);
    });
  }

  it('DP-23, DP-24: the Bundle holds what the view shows and nothing it withholds (a Jobcenter view without consent)', async () => {
    const rahimi = EXAMPLE_CASES.find((c) => c.key === 'rahimi')!;
    const decided = await decidedExample(rahimi);
    // The assigned Jobcenter worker's view: the KIM-era health finding is withheld without consent.
    const health = decided.view.case.assessments
      .flatMap((a) => ('domains' in a ? (a.domains as { domainId?: string; redacted?: boolean }[]) : []))
      .find((d) => d.domainId === 'health');
    const bundle = caseBundle({ view: decided.view, consents: decided.consents, generatedAt: decided.at });
    expect(health, 'the view withholds the health finding from the Jobcenter').to.include({ redacted: true });
    const text = JSON.stringify(bundle);
    expect(text).to.not.contain('Rückenschmerzen');
    expect(
      evaluate(bundle, "entry.resource.ofType(Observation).where(code.coding.code = 'health').count()")[0],
    ).to.equal(0);
    expect(evaluate(bundle, 'meta.security.code')).to.deep.equal(['REDACTED']);
    expect(resources(bundle, 'Observation'), 'no domain was passed on to the Jobcenter').to.have.length(0);
    // What the view shows is there: the Jobcenter's own contact; the municipality's contact is not.
    expect(resources(bundle, 'Encounter').map((e) => e.id)).to.deep.equal(['rahimi-contact-2']);
    expect(text).to.not.contain('Pässe bei Botschaft beantragt');
    expect(text, 'no journal envelope').to.not.contain('"schemaVersion"');
  });

  it('household relations (issue 22, INV-CASE-02): RelatedPerson.relationship with the v3 RoleCode where one fits, the local person-relation code otherwise, the graph between members as the person-relation extension', async () => {
    const kowalski = EXAMPLE_CASES.find((c) => c.key === 'kowalski')!;
    const index = kowalski.steps.findIndex((s) => s.type === 'updatePerson');
    const at = (minutes: number) => new Date(Date.parse(kowalski.steps[index]!.at) + minutes * 60_000).toISOString();
    const aunt = step(at(1), 'addPerson', {
      roles: ['householdMember'],
      givenName: 'Jana',
      familyName: 'Kowalski',
      relationToAddressee: 'Schwester',
      inHousehold: true,
      relations: [{ toPersonId: 'kowalski-person-2', relation: 'Tante von' }],
    } as never);
    const godchild = step(at(2), 'updatePerson', {
      personId: 'kowalski-person-2',
      changes: { relations: [{ toPersonId: 'kowalski-person-3', relation: 'Patenkind von' }] },
    } as never);
    const withHousehold: ExampleCase = {
      ...kowalski,
      steps: [...kowalski.steps.slice(0, index + 1), aunt, godchild, ...kowalski.steps.slice(index + 1)],
    };
    const decided = await decidedExample(withHousehold);
    const bundle = caseBundle({ view: decided.view, consents: decided.consents, generatedAt: decided.at });
    expect(errorsOf(bundle), 'R4 schema').to.deep.equal([]);
    expect(dangling(bundle), 'references that name no entry').to.deep.equal([]);
    const person = (id: string) => resources(bundle, 'RelatedPerson').find((r) => r.id === id)!;
    const V3 = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';
    const LOCAL = 'https://fallkit.example/fhir/CodeSystem/person-relation';
    const EXT = 'https://fallkit.example/fhir/StructureDefinition/person-relation';
    // To the addressee: Leon is her son (SON), Jana her sister (SIS); both live in the household.
    expect(evaluate(person('kowalski-person-2'), 'relationship.coding.code')).to.deep.equal(['SON', 'householdMember']);
    expect(evaluate(person('kowalski-person-3'), `relationship.coding.where(system = '${V3}').code`)).to.deep.equal([
      'SIS',
    ]);
    expect(evaluate(person('kowalski-person-3'), 'relationship.text')).to.deep.equal(['Schwester']);
    // Between members: Jana is Leon's aunt (AUNT); "Patenkind" has no RoleCode: local `other`, wording as text.
    const relationOf = (id: string) =>
      evaluate(
        person(id),
        `extension.where(url = '${EXT}').select(extension.where(url = 'person').value.reference | extension.where(url = 'relation').value.coding.code | extension.where(url = 'relation').value.text)`,
      );
    expect(relationOf('kowalski-person-3')).to.deep.equal(['RelatedPerson/kowalski-person-2', 'AUNT', 'Tante von']);
    expect(relationOf('kowalski-person-2')).to.deep.equal([
      'RelatedPerson/kowalski-person-3',
      'other',
      'Patenkind von',
    ]);
    expect(
      evaluate(person('kowalski-person-2'), `extension.extension.value.coding.where(code = 'other').system`),
    ).to.deep.equal([LOCAL]);
    // The local code system explains itself in the Bundle.
    expect(evaluate(bundle, `entry.resource.ofType(CodeSystem).where(url = '${LOCAL}').concept.code`)).to.deep.equal([
      'householdMember',
      'other',
    ]);
  });

  it('DP-24: a relation to a person the view withholds is not exported (it would name them)', async () => {
    const kowalski = EXAMPLE_CASES.find((c) => c.key === 'kowalski')!;
    const decided = await decidedExample(kowalski);
    const leon = decided.view.case.persons.find((p) => (p as { id?: unknown }).id === 'kowalski-person-2')!;
    const withRelation = {
      ...decided.view,
      case: {
        ...decided.view.case,
        // The addressee's relation to a person this (edited) view does not hold at all.
        persons: decided.view.case.persons
          .filter((p) => p !== leon)
          .map((p) => ({ ...p, relations: [{ toPersonId: 'kowalski-person-2', relation: 'Mutter von' }] })),
      },
    } as typeof decided.view;
    const bundle = caseBundle({ view: withRelation, generatedAt: decided.at });
    expect(JSON.stringify(bundle)).to.not.contain('kowalski-person-2');
    expect(dangling(bundle)).to.deep.equal([]);
  });

  it('a revised help plan is a new CarePlan that replaces the earlier one, which is revoked', async () => {
    const sgb2 = PROFILE_EXAMPLE_CASES[0]!;
    const index = sgb2.steps.findIndex((s) => s.type === 'recordPlan');
    const plan = sgb2.steps[index]!;
    // Revised an hour later: same plan, a later review date.
    const revision = step(new Date(Date.parse(plan.at) + 3_600_000).toISOString(), 'recordPlan', {
      ...(plan.input as Record<string, unknown>),
      reviewOn: '2026-06-30',
    } as never);
    const revised: ExampleCase = {
      ...sgb2,
      steps: [...sgb2.steps.slice(0, index + 1), revision, ...sgb2.steps.slice(index + 1)],
    };
    const decided = await decidedExample(revised);
    const bundle = caseBundle({ view: decided.view, consents: decided.consents, generatedAt: decided.at });
    expect(errorsOf(bundle)).to.deep.equal([]);
    const plans = resources(bundle, 'CarePlan');
    expect(plans).to.have.length(2);
    const [first, second] = plans as [FhirResource, FhirResource];
    expect(second['replaces']).to.deep.equal([{ reference: `CarePlan/${first.id}` }]);
    expect(first['status']).to.equal('revoked');
    // The case is closed at the end of its script: the current plan is completed, none is active.
    expect(second['status']).to.equal('completed');
    expect(
      evaluate(bundle, 'entry.resource.ofType(CarePlan).where(replaces.exists()).replaces.reference'),
    ).to.deep.equal([`CarePlan/${first.id}`]);
  });

  it('DP-07, DP-14: a consent is a Consent with a permit provision, and its withdrawal a nested deny from its time', async () => {
    const rahimi = EXAMPLE_CASES.find((c) => c.key === 'rahimi')!;
    const until = rahimi.steps.findIndex((s) => s.type === 'changeLeadAgency');
    const withConsent: ExampleCase = {
      ...rahimi,
      steps: [
        ...rahimi.steps.slice(0, until),
        privacyStep('2026-05-27T11:00:00.000Z', 'recordConsent', {
          categories: ['identity', 'employment'],
          recipients: [{ agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' }],
          purposes: ['caseManagement'],
          form: { kind: 'written', scanReference: 'scan://einwilligung-fhir.pdf' },
          informationTextHash: 'ab'.repeat(32),
          givenBy: { personId: 'rahimi-person-1', role: 'self' },
          validFrom: '2026-05-27',
        }),
        privacyStep('2026-05-28T11:00:00.000Z', 'withdrawConsent', {
          consentId: 'rahimi-consent-1',
          categories: ['employment'],
        }),
      ],
    };
    const decided = await decidedExample(withConsent);
    const bundle = caseBundle({ view: decided.view, consents: decided.consents, generatedAt: decided.at });
    expect(errorsOf(bundle)).to.deep.equal([]);
    const [consent] = resources(bundle, 'Consent');
    expect(consent, 'the consent is exported').to.not.equal(undefined);
    expect(evaluate(consent, 'policy.exists() or policyRule.exists()')[0], 'ppc-1').to.equal(true);
    expect(evaluate(consent, "provision.provision.where(type = 'deny').code.coding.code")).to.deep.equal([
      'employment',
    ]);
    expect(evaluate(consent, 'provision.provision.period.start')[0]).to.equal('2026-05-28T11:00:00.000Z');
    expect(evaluate(consent, 'provision.actor.reference.reference')).to.deep.equal([
      'Organization/agency-jobcenter-musterstadt',
    ]);
    expect(consent!['status'], 'a partial withdrawal leaves the consent active').to.equal('active');
  });
});
