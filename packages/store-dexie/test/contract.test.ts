import { describeStoreContract } from '@fallkit/core/testing';
import { cleanUp, openStore } from './helpers.js';

// The core's port contract, unchanged: a fresh database per test, deleted afterwards.
describe('DexieCaseStore', () => {
  afterEach(cleanUp);
  describeStoreContract('DexieCaseStore (unencrypted)', () => openStore({ encryption: 'off' }));
  describeStoreContract('DexieCaseStore (encrypted, passphrase)', () =>
    openStore({ encryption: { passphrase: 'Vertrag-Kennwort 🔐' } }),
  );
});
