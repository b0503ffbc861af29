import { readFileSync } from 'node:fs';
import { handoverJsonSchemas } from '@fallkit/handover';
import { expect } from 'chai';

const docs = new URL('../../../docs/schemas/', import.meta.url);

describe('handover package: the documented JSON Schemas', () => {
  it('DP-16: docs/schemas/handover-*.schema.json are the schemas the verification uses (npm run docs:schemas)', () => {
    for (const [name, schema] of Object.entries(handoverJsonSchemas())) {
      const file = JSON.parse(readFileSync(new URL(`${name}.schema.json`, docs), 'utf8')) as unknown;
      expect(file, `${name}.schema.json`).to.deep.equal(JSON.parse(JSON.stringify(schema)));
    }
    const pkg = handoverJsonSchemas()['handover-package'] as { properties: { manifest: { required: string[] } } };
    expect(pkg.properties.manifest.required).to.include.members([
      'packageId',
      'expiresAt',
      'sender',
      'recipient',
      'legalBasis',
      'withheld',
      'source',
    ]);
  });
});
