import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { FileShareStateStore } from '../../src/storage/embedded/file-share-state-store.js';
import { describeShareStateStore } from './share-state-store.suite.js';

// The real clock: the suite runs unchanged against the redis store, whose clock is Redis TIME.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sharelog-share-conformance-'));
let store = await FileShareStateStore.open(dir, systemClock);
let n = 0;
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
describeShareStateStore('embedded files', () => ({
  store,
  topic: () => `t${n++}`,
  group: () => `g${n++}`,
  reopen: async () => {
    await store.close();
    store = await FileShareStateStore.open(dir, systemClock);
    return store;
  },
}));
