import { MemoryCaseStore } from '@fallkit/core';
import { describeStoreContract } from '@fallkit/core/testing';

describeStoreContract('MemoryCaseStore', () => new MemoryCaseStore());
