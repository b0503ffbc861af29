import { expect } from 'chai';
import { CASE_COMMAND_INPUTS, CASE_COMMAND_TYPES, CASE_EVENTS } from '@fallkit/core';
import { CASE_COMMAND_HANDLERS, CASE_COMMAND_SLICES, CASE_INVARIANTS } from '@fallkit/core/internal';

describe('command slices: the central tables are assembled from the slices (issue 19)', () => {
  it('every case command is in exactly one slice, and the catalog lists the slices in order', () => {
    const fromSlices = CASE_COMMAND_SLICES.flatMap((slice) => Object.keys(slice.inputs));
    expect(fromSlices).to.deep.equal(CASE_COMMAND_TYPES);
    expect(new Set(fromSlices).size).to.equal(fromSlices.length);
  });

  it('each table holds the slice’s own schema, handler and invariants', () => {
    for (const slice of CASE_COMMAND_SLICES) {
      for (const [type, schema] of Object.entries(slice.inputs)) {
        const key = type as keyof typeof CASE_COMMAND_INPUTS;
        expect(CASE_COMMAND_INPUTS[key], type).to.equal(schema);
        expect(CASE_COMMAND_HANDLERS[key], type).to.equal((slice.handlers as Record<string, unknown>)[type]);
        expect(CASE_INVARIANTS[key], type).to.equal((slice.invariants as Record<string, unknown>)[type]);
      }
    }
  });

  it('every event a slice says it appends is in the event catalog, and every command appends one', () => {
    for (const slice of CASE_COMMAND_SLICES)
      for (const [type, events] of Object.entries(slice.emits)) {
        expect(events, type).to.not.be.empty;
        for (const event of events) expect(CASE_EVENTS, `${type} → ${event}`).to.have.property(event);
      }
  });
});
