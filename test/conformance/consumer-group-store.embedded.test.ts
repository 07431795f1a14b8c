import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { FileConsumerGroupStore } from '../../src/storage/embedded/file-consumer-group-store.js';
import { describeConsumerGroupStore } from './consumer-group-store.suite.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sharelog-cg-conformance-'));
let store: FileConsumerGroupStore;
let n = 0;
beforeAll(async () => {
  store = await FileConsumerGroupStore.open(dir);
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
describeConsumerGroupStore('embedded files', {
  store: () => store,
  reopen: async () => {
    await store.close();
    store = await FileConsumerGroupStore.open(dir);
    return store;
  },
  group: () => `g${n++}`,
});
