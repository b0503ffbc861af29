import { expect } from 'chai';
import {
  closeCaseInput,
  EMAIL_MAX,
  ENTRIES_MAX,
  ID_MAX,
  IDS_MAX,
  INPUT_DEPTH_MAX,
  NAME_MAX,
  NOTE_MAX,
  openCaseInput,
  REASON_MAX,
  recordNoteInput,
  type AnyCommand,
  type CaseService,
  type CaseStore,
  type Refusal,
  type Result,
} from '@fallkit/core';
import { admitCommand, canonicalJson } from '@fallkit/core/internal';
import { valueAtPath } from '@fallkit/core/rights';
import { seededService, snapshot } from '../core-fixtures.js';

/*
 * Named regressions for the input reproductions of issue 13, one rule id each (docs/core.md, "Input
 * rules"): IN-01 strict, IN-02 bounded, IN-03 NFC, IN-04 plain ids, IN-05 no control/bidi/surrogates,
 * IN-06 happened-on dates, IN-07 own-key command lookup, IN-08 the raw command's budget, IN-09
 * prototype-safe paths and canonical JSON.
 */

const R = 'kim-2026-0019'; // Gebremedhin: the acting case manager's case
const P1 = 'gebremedhin-person-1';
const lead = { agencyId: 'kim-musterstadt', name: 'KIM Musterstadt' };
const addressee = { roles: ['addressee'], givenName: 'Lea', familyName: 'Sommer' };

function refusals(result: Result<unknown>): readonly Refusal[] {
  if (result.ok) throw new Error('expected a refusal, the command was carried out');
  return result.errors;
}

function expectTyped(errors: readonly Refusal[]): void {
  expect(errors).to.not.be.empty;
  for (const error of errors) {
    expect(error.code).to.match(/^[A-Z][A-Z0-9_]*$/);
    expect(error.message.de).to.be.a('string').and.not.be.empty;
    expect(error.message.en).to.be.a('string').and.not.be.empty;
  }
}

describe('input rules of issue 13', () => {
  let store: CaseStore;
  let service: CaseService;
  let before: string;
  /** A case the acting case manager is assigned to, and its addressee, for commands that must pass. */
  const C = 'input-rules-1';
  let addresseeId: string;

  beforeEach(async () => {
    ({ store, service } = await seededService());
    const opened = await service.execute({ type: 'openCase', input: { caseId: C, addressee, leadAgency: lead } });
    if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
    addresseeId = opened.value.state.addresseeId;
    before = await snapshot(store, [R, C]);
  });

  /** Executes, expects a typed refusal and an unchanged store, returns the refusals. */
  async function refuse(command: unknown): Promise<readonly Refusal[]> {
    const errors = refusals(await service.execute(command as AnyCommand));
    expectTyped(errors);
    expect(await snapshot(store, [R, C])).to.equal(before);
    expect((await store.listCases()).map((c) => c.caseId)).to.not.include('case-1');
    return errors;
  }

  describe('IN-01: unknown members are refused with their path, never dropped', () => {
    it('IN-01: a misspelled profesionalSecret on a note is refused, so no § 76 note is stored unprotected', async () => {
      const errors = await refuse({
        type: 'recordNote',
        caseId: R,
        input: { text: 'Befund der Hausärztin', profesionalSecret: true },
      });
      expect(errors).to.have.length(1);
      expect(errors[0]).to.deep.include({ code: 'INVALID_INPUT', rule: 'IN-01' });
      expect(errors[0]!.path).to.deep.equal(['input', 'profesionalSecret']);
      expect(errors[0]!.message.de).to.contain('profesionalSecret');
      expect(errors[0]!.message.en).to.contain('profesionalSecret');
    });

    it('IN-01: a misspelled entrustet is refused, so no § 65 note is stored unprotected', async () => {
      const errors = await refuse({
        type: 'recordNote',
        caseId: R,
        input: { text: 'Im Vertrauen erzählt', entrustet: true, entrustedBy: 'Frau Rahimi' },
      });
      expect(errors.map((e) => e.path)).to.deep.equal([['input', 'entrustet']]);
    });

    it('IN-01: unknown members are found in nested objects and in the envelope, each with its path', async () => {
      const errors = await refuse({
        type: 'openCase',
        expectedSequence: 0,
        input: { addressee: { ...addressee, contact: { phone: '1', fax: '2' } }, leadAgency: lead },
      });
      expect(errors.map((e) => [e.rule, e.path])).to.deep.equal([['IN-01', ['expectedSequence']]]);
      const nested = await refuse({
        type: 'openCase',
        input: { addressee: { ...addressee, contact: { phone: '1', fax: '2' } }, leadAgency: lead },
      });
      expect(nested.map((e) => e.path)).to.deep.equal([['input', 'addressee', 'contact', 'fax']]);
    });

    it('IN-01: a member named __proto__ or constructor is an unknown member, not a prototype', async () => {
      const input = JSON.parse('{"text":"x","__proto__":{"professionalSecret":true},"constructor":1}') as object;
      const errors = await refuse({ type: 'recordNote', caseId: R, input });
      expect(errors.map((e) => e.path)).to.have.deep.members([
        ['input', '__proto__'],
        ['input', 'constructor'],
      ]);
      expect(({} as Record<string, unknown>)['professionalSecret']).to.equal(undefined);
    });
  });

  describe('IN-02: every string and list is bounded', () => {
    it('IN-02: a name over NAME_MAX, a reason over REASON_MAX, a note over NOTE_MAX are refused at their path', async () => {
      const long = (n: number) => 'a'.repeat(n);
      const name = await refuse({
        type: 'openCase',
        input: { addressee: { ...addressee, familyName: long(NAME_MAX + 1) }, leadAgency: lead },
      });
      expect(name.map((e) => [e.rule, e.path])).to.deep.equal([['IN-02', ['input', 'addressee', 'familyName']]]);
      expect(name[0]!.message.de).to.contain(String(NAME_MAX));
      const reason = await refuse({ type: 'flagCrisis', caseId: R, input: { description: long(REASON_MAX + 1) } });
      expect(reason.map((e) => e.path)).to.deep.equal([['input', 'description']]);
      expect(recordNoteInput.safeParse({ text: long(NOTE_MAX) }).success).to.equal(true);
      expect(recordNoteInput.safeParse({ text: long(NOTE_MAX + 1) }).success).to.equal(false);
    });

    it('IN-02: lists have bounds too (ids, entries), the limit itself is still accepted', () => {
      const base = { addressee, leadAgency: lead };
      const subjects = (n: number) => Array.from({ length: n }, (_, i) => `p-${i}`);
      expect(
        openCaseInput.safeParse({ ...base, addressee: { ...addressee, subjectIds: subjects(IDS_MAX) } }).success,
      ).to.equal(true);
      const over = openCaseInput.safeParse({ ...base, addressee: { ...addressee, subjectIds: subjects(IDS_MAX + 1) } });
      expect(over.error?.issues.map((i) => [i.code, i.path])).to.deep.equal([['too_big', ['addressee', 'subjectIds']]]);
      const attainment = Array.from({ length: ENTRIES_MAX + 1 }, () => ({ goalId: 'g-1', attainment: 'achieved' }));
      expect(closeCaseInput.safeParse({ reason: 'goalsReached', goalAttainment: attainment }).success).to.equal(false);
    });

    it('IN-02: an e-mail address over EMAIL_MAX and an id over ID_MAX are refused', async () => {
      const email = await refuse({
        type: 'addPerson',
        caseId: R,
        input: { ...addressee, roles: ['relative'], contact: { email: `${'a'.repeat(EMAIL_MAX)}@x.de` } },
      });
      expect(email.map((e) => e.path)).to.deep.equal([['input', 'contact', 'email']]);
      const id = await refuse({ type: 'recordNote', caseId: 'c'.repeat(ID_MAX + 1), input: { text: 'x' } });
      expect(id.map((e) => e.path)).to.deep.equal([['caseId']]);
    });
  });

  describe('IN-03: text is NFC-normalised', () => {
    it('IN-03: a decomposed name and note are stored composed', async () => {
      const note = await service.execute({
        type: 'recordNote',
        caseId: C,
        input: { text: 'Jose\u0301 kam pu\u0308nktlich.' },
      });
      expect(note.ok).to.equal(true);
      if (note.ok) expect((note.value.events[0]!.payload as { text: string }).text).to.equal('José kam pünktlich.');
    });
  });

  describe('IN-04: ids are plain tokens', () => {
    for (const id of [
      '   ',
      '',
      'a b',
      '__proto__',
      'constructor',
      'toString',
      'prototype',
      '-lead',
      'x\u0000',
      'ö-1',
    ]) {
      it(`IN-04: the id ${JSON.stringify(id)} is refused`, async () => {
        const errors = await refuse({ type: 'recordAccessRequest', caseId: R, input: { subjectId: id } });
        for (const error of errors)
          expect([error.code, error.path]).to.deep.equal(['INVALID_INPUT', ['input', 'subjectId']]);
      });
    }

    it('IN-04: UUIDs, prefixed host ids and e-mail-like user ids are accepted', async () => {
      for (const id of ['0b7c2f9e-6a1d-4c83-9f0e-2d5b8a7c1e44', 'agency:jc-42', 'u.kim@musterstadt.de', 'case_2026.17'])
        expect(openCaseInput.safeParse({ caseId: id, addressee, leadAgency: lead }).success, id).to.equal(true);
    });
  });

  describe('IN-05: no control characters, lone surrogates or bidi overrides', () => {
    it('IN-05: NUL in a note, a lone surrogate in a name and RLO in a name are refused', async () => {
      const nul = await refuse({ type: 'recordNote', caseId: R, input: { text: 'Termin\u0000verlegt' } });
      expect(nul.map((e) => [e.rule, e.path])).to.deep.equal([['IN-05', ['input', 'text']]]);
      const surrogate = await refuse({
        type: 'addPerson',
        caseId: R,
        input: { ...addressee, roles: ['child'], givenName: 'Ali\ud800' },
      });
      expect(surrogate.map((e) => [e.rule, e.path])).to.deep.equal([['IN-05', ['input', 'givenName']]]);
      // "Lea \u202Egnuhcszaj" would show as "Lea jazschung" reversed in a list: a spoofed name.
      const rlo = await refuse({
        type: 'addPerson',
        caseId: R,
        input: { ...addressee, roles: ['child'], givenName: 'Lea \u202egnuhc' },
      });
      expect(rlo.map((e) => [e.rule, e.path])).to.deep.equal([['IN-05', ['input', 'givenName']]]);
    });

    it('IN-05: multi-line text keeps its line breaks and tabs; single-line text refuses them', async () => {
      const note = await service.execute({
        type: 'recordNote',
        caseId: C,
        input: { text: 'Zeile 1\n\tZeile 2\r\nZeile 3' },
      });
      expect(note.ok, JSON.stringify(!note.ok && note.errors)).to.equal(true);
      if (note.ok)
        expect((note.value.events[0]!.payload as { text: string }).text).to.equal('Zeile 1\n\tZeile 2\r\nZeile 3');
      before = await snapshot(store, [R, C]);
      const name = await refuse({
        type: 'addPerson',
        caseId: C,
        input: { ...addressee, roles: ['child'], familyName: 'Som\nmer' },
      });
      expect(name.map((e) => e.path)).to.deep.equal([['input', 'familyName']]);
    });
  });

  describe('IN-06: dates of what happened are not in the future', () => {
    it('IN-06: recordAccessRequest with receivedOn 2076 is refused, so the Art. 12 deadline cannot move to 2076', async () => {
      const errors = await refuse({
        type: 'recordAccessRequest',
        caseId: R,
        input: { subjectId: P1, receivedOn: '2076-01-01' },
      });
      expect(errors.map((e) => [e.code, e.rule, e.path])).to.deep.equal([
        ['DATE_IN_FUTURE', 'IN-06', ['input', 'receivedOn']],
      ]);
      expect(errors[0]!.message.de).to.contain('2076-01-01');
    });

    it('IN-06: the other rights and privacy happened-on dates are checked too', async () => {
      await refuse({
        type: 'recordObjection',
        caseId: R,
        input: { subjectId: P1, grounds: 'x', receivedOn: '2031-01-01' },
      });
      await refuse({
        type: 'requestErasure',
        caseId: R,
        input: { subjectId: P1, scope: 'case', requestedOn: '2027-01-01' },
      });
      await refuse({
        type: 'rectifyData',
        caseId: R,
        input: {
          subjectId: P1,
          target: { collection: 'persons', id: P1 },
          field: 'familyName',
          newValue: 'X',
          rectifiedOn: '2030-01-01',
        },
      });
    });

    it('IN-06: today is accepted; planned dates (a follow-up, a restriction’s end) may lie in the future', async () => {
      const today = await service.execute({
        type: 'recordAccessRequest',
        caseId: C,
        input: { subjectId: addresseeId, receivedOn: '2026-07-01' },
      });
      expect(today.ok, JSON.stringify(!today.ok && today.errors)).to.equal(true);
      const planned = await service.execute({
        type: 'scheduleFollowUp',
        caseId: C,
        input: { dueOn: '2030-01-15', subject: 'Bescheid prüfen' },
      });
      expect(planned.ok, JSON.stringify(!planned.ok && planned.errors)).to.equal(true);
    });

    it('IN-06: a date before 1900 or after 2199 is refused by the schema', async () => {
      const errors = await refuse({
        type: 'scheduleFollowUp',
        caseId: R,
        input: { dueOn: '2200-01-01', subject: 'x' },
      });
      expect(errors.map((e) => [e.rule, e.path])).to.deep.equal([['IN-06', ['input', 'dueOn']]]);
      await refuse({
        type: 'addPerson',
        caseId: R,
        input: { ...addressee, roles: ['relative'], birthDate: '1899-12-31' },
      });
    });
  });

  describe('IN-07: command lookup reaches own commands only', () => {
    for (const type of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf']) {
      it(`IN-07: command type ${type} is UNKNOWN_COMMAND, not a throw`, async () => {
        const errors = await refuse({ type, caseId: R, input: {} });
        expect(errors.map((e) => [e.code, e.path])).to.deep.equal([['UNKNOWN_COMMAND', ['type']]]);
      });
    }
  });

  describe('IN-08: deep or huge input is refused before it is walked', () => {
    it('IN-08: a 1,000,000-item array is refused as INPUT_TOO_LARGE without reading one item', async () => {
      const items = new Array<string>(1_000_000).fill('addressee');
      // The same array behind a proxy that counts reads of its items: refusing by the length alone reads none.
      let reads = 0;
      const roles = new Proxy(items, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
          return Reflect.get(target, key, receiver) as unknown;
        },
        getOwnPropertyDescriptor(target, key) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
          return Reflect.getOwnPropertyDescriptor(target, key);
        },
      });
      const started = performance.now();
      const errors = await refuse({
        type: 'openCase',
        input: { addressee: { ...addressee, roles }, leadAgency: lead },
      });
      expect(reads).to.equal(0);
      // Generous for a loaded machine; walking the items through the schema takes far longer.
      expect(performance.now() - started).to.be.below(1_000);
      expect(errors.map((e) => [e.code, e.rule, e.path])).to.deep.equal([
        ['INPUT_TOO_LARGE', 'IN-08', ['input', 'addressee', 'roles']],
      ]);
    });

    it('IN-08: a 10 MB string and 10,000 levels of nesting are refused', async () => {
      const big = await refuse({ type: 'recordNote', caseId: R, input: { text: 'x'.repeat(10 * 1024 * 1024) } });
      expect(big.map((e) => [e.code, e.path])).to.deep.equal([['INPUT_TOO_LARGE', ['input', 'text']]]);
      let deep: unknown = {};
      for (let i = 0; i < 10_000; i += 1) deep = { relatesTo: deep };
      const nested = await refuse({ type: 'recordNote', caseId: R, input: { text: 'x', relatesTo: deep } });
      expect(nested.map((e) => e.code)).to.deep.equal(['INPUT_TOO_DEEP']);
      expect(nested[0]!.path).to.have.length(INPUT_DEPTH_MAX);
    });

    it('IN-08: getters, class instances and hostile proxies are refused, never read twice or thrown through', async () => {
      let reads = 0;
      const sneaky = {
        type: 'recordNote',
        caseId: R,
        input: {
          get text() {
            reads += 1;
            return reads === 1 ? 'kurz' : 'x'.repeat(10_000_000);
          },
        },
      };
      expect((await refuse(sneaky)).map((e) => e.code)).to.deep.equal(['INPUT_NOT_PLAIN_DATA']);
      const proxy = new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error('boom');
          },
          getPrototypeOf: () => {
            throw new Error('boom');
          },
        },
      );
      expect((await refuse({ type: 'recordNote', caseId: R, input: proxy })).map((e) => e.code)).to.deep.equal([
        'INPUT_UNREADABLE',
      ]);
      expect(
        (await refuse({ type: 'recordNote', caseId: R, input: { text: new Date() } })).map((e) => e.code),
      ).to.deep.equal(['INPUT_NOT_PLAIN_DATA']);
    });

    it('IN-08: the admitted copy is plain data; a __proto__ member stays a member', () => {
      const raw = JSON.parse('{"a":{"__proto__":{"polluted":true}},"b":[1,"x",null]}') as unknown;
      const admitted = admitCommand(raw);
      expect(admitted.ok).to.equal(true);
      if (!admitted.ok) return;
      expect(admitted.value).to.not.equal(raw);
      const a = (admitted.value as { a: object }).a;
      expect(Object.getPrototypeOf(a)).to.equal(Object.prototype);
      expect(Object.keys(a)).to.deep.equal(['__proto__']);
      expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
      expect(canonicalJson(admitted.value)).to.equal(canonicalJson(raw));
    });
  });

  describe('IN-09: paths and canonical JSON never reach a prototype', () => {
    it('IN-09: rectifyData with field constructor is a typed refusal, not a throw in canonicalJson', async () => {
      for (const field of ['constructor', 'toString', '__proto__', 'familyName.constructor', 'domains.0.__proto__']) {
        const errors = await refuse({
          type: 'rectifyData',
          caseId: R,
          input: { subjectId: P1, target: { collection: 'persons', id: P1 }, field, newValue: 'x' },
        });
        expect(
          errors.map((e) => [e.code, e.rule, e.path]),
          field,
        ).to.deep.equal([['INVALID_INPUT', 'IN-04', ['input', 'field']]]);
      }
      const collection = await refuse({
        type: 'rectifyData',
        caseId: R,
        input: { subjectId: P1, target: { collection: 'constructor', id: P1 }, field: 'x', newValue: 'x' },
      });
      expect(collection.map((e) => e.path)).to.deep.equal([['input', 'target', 'collection']]);
    });

    it('IN-09: valueAtPath reads own members only', () => {
      expect(valueAtPath({ a: { b: 1 } }, 'a.b')).to.equal(1);
      expect(valueAtPath({ a: 1 }, 'constructor')).to.equal(undefined);
      expect(valueAtPath({ a: 1 }, 'a.toString')).to.equal(undefined);
      expect(valueAtPath({}, '__proto__')).to.equal(undefined);
    });

    it('IN-09: canonicalJson serialises own members named constructor or __proto__ as data', () => {
      const withOwn = JSON.parse('{"b":1,"constructor":"c","__proto__":{"x":2}}') as unknown;
      expect(canonicalJson(withOwn)).to.equal('{"__proto__":{"x":2},"b":1,"constructor":"c"}');
      const bare = Object.assign(Object.create(null) as object, { z: 1, a: [true, null] });
      expect(canonicalJson(bare)).to.equal('{"a":[true,null],"z":1}');
      expect(canonicalJson({ inherited: Object.create({ hidden: 1 }) as object })).to.equal('{"inherited":{}}');
    });
  });
});
