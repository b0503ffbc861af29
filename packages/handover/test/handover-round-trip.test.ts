import { PERSON_FIELD_GROUPS, type CaseState, type PersonFieldGroup } from '@fallkit/core';
import { caseUnits, foldCase, foldHandoverPackages, handoverCaseId, personUnits } from '@fallkit/core/internal';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';
import { encryptForRecipient, receiveHandoverPackage, signMessage, verifyHandoverPackage } from '@fallkit/handover';
import { expect } from 'chai';
import { builtPackage, CONSENTED, handoverWorld } from './handover-world.js';

/** Categories of every unit of a case that holds content (a person's empty field groups hold none). */
function categoriesOf(state: CaseState): string[] {
  const found = new Set<string>();
  for (const person of state.persons) {
    const units = personUnits(state, person);
    for (const group of Object.keys(PERSON_FIELD_GROUPS) as PersonFieldGroup[])
      if (PERSON_FIELD_GROUPS[group].some((field) => person[field] !== undefined))
        for (const c of units[group].categories) found.add(c);
  }
  for (const unit of caseUnits({ ...state, persons: [] })) {
    const [section, id, part] = unit.key.split('/');
    const own = section === 'assessments' && part === undefined;
    if (own && state.assessments.find((a) => a.id === id)?.wishesAndDreams === '') continue;
    for (const c of unit.categories) found.add(c);
  }
  return [...found].sort();
}

describe('handover package: round trip between two agencies with their own stores', function () {
  this.timeout(20_000);

  it('DP-10, DP-06, DP-17, DP-16: the Jobcenter opens its own case holding exactly the consented categories; the manifest names the withheld ones with reasons', async () => {
    const world = await handoverWorld();
    const { package: pkg } = await builtPackage(world);
    const { manifest } = pkg;

    // The withheld list: the father's health (no consent), the housing domain (not consented), the
    // son's school problems (third-party data, DP-06), the daughter's own details (third party).
    const withheld = manifest.withheld.map((w) => `${w.category}:${w.code}`);
    expect(withheld).to.include('health:REDACT_NO_CONSENT');
    expect(withheld).to.include('housing:REDACT_NO_CONSENT');
    expect(withheld.some((w) => w.endsWith(':REDACT_THIRD_PARTY'))).to.equal(true);
    for (const entry of manifest.withheld) {
      expect(entry.message.de.length, 'German reason').to.be.greaterThan(0);
      expect(entry.message.en.length, 'English reason').to.be.greaterThan(0);
    }
    expect(manifest.included.categories).to.not.include('health');
    for (const category of manifest.included.categories) expect(CONSENTED).to.include(category);
    const serialised = JSON.stringify(pkg);
    expect(serialised, 'the father\u2019s back pain stays home').to.not.contain('Rückenschmerzen');
    expect(serialised, 'the son\u2019s school problems stay home').to.not.contain('6. Klasse');
    expect(serialised, 'no journal envelope travels').to.not.contain('"schemaVersion"');

    // Signed at the municipality, encrypted to the Jobcenter, verified and received there.
    const signed = await signMessage('package', pkg, world.kim.signing);
    const file = await encryptForRecipient(signed, world.jobcenter.encryption.publicJwk);
    world.clock.set('2026-05-28T08:00:00.000Z');
    world.jobcenter.as(EXAMPLE_ACTORS.jobcenterCaseManager);
    const verified = await verifyHandoverPackage(file, {
      recipientAgencyId: world.jobcenter.agencyId,
      keys: world.jobcenter.keys,
      register: world.jobcenter.register,
      now: world.clock.now(),
      decryptionKey: world.jobcenter.encryption.privateKey,
    });
    if (!verified.ok) expect.fail(verified.errors.map((e) => e.code).join());
    const opened = await receiveHandoverPackage(verified.value, {
      service: world.jobcenter.service,
      register: world.jobcenter.register,
      leadAgency: { agencyId: world.jobcenter.agencyId, name: world.jobcenter.name, legalDomain: 'SGB_II' },
    });
    if (!opened.ok) expect.fail(opened.errors.map((e) => `${e.code} ${e.message.en}`).join('; '));

    const caseId = handoverCaseId(manifest.packageId);
    const journal = await world.jobcenter.store.readJournal(caseId);
    const state = foldCase(journal)!;
    expect(categoriesOf(state)).to.deep.equal([...manifest.included.categories].sort());
    for (const category of categoriesOf(state)) expect(CONSENTED).to.include(category);
    expect(state.leadAgencies[0]!.agencyId).to.equal(world.jobcenter.agencyId);
    expect(state.assessments[0]!.domains.map((d) => d.domainId)).to.not.include.members(['health', 'familyChildren']);
    expect(state.goals.length).to.be.greaterThan(0);
    const sara = state.persons.find((p) => p.givenName === 'Sara');
    expect(sara, 'the daughter is named as a household member (DP-06)').to.not.equal(undefined);
    expect(sara!.birthDate, 'but her own details stay home').to.equal(undefined);
    // Every received item is marked received: origin, basis, date (DP-04, DP-16).
    for (const person of state.persons) {
      expect(person.origin).to.equal(`agency:${world.kim.agencyId}`);
      expect(person.legalBasis).to.equal(`consent:${world.consentId}`);
      expect(person.recordedAt).to.equal('2026-05-28T08:00:00.000Z');
    }
    // The event records the package hash and sender; nothing of the sender's journal came along.
    const received = foldHandoverPackages(journal).received!;
    expect(received.packageHash).to.equal(verified.value.packageHash);
    expect(received.sender.agencyId).to.equal(world.kim.agencyId);
    expect(received.withheldCategories).to.include('health');
    const senderHashes = new Set((await world.kim.store.readJournal(world.caseId)).map((e) => e.hash));
    expect(journal.some((e) => senderHashes.has(e.hash))).to.equal(false);

    // The sender's journal holds the transfer and the package as requested (DP-16, DP-28).
    const senderLoops = foldHandoverPackages(await world.kim.store.readJournal(world.caseId)).loops;
    expect(senderLoops.find((l) => l.packageId === manifest.packageId)?.status).to.equal('requested');
  });
});
