import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { FileLogStore } from '../../src/storage/embedded/file-log-store.js';
import { describeLogStore } from './log-store.suite.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sharelog-conformance-'));
const store = FileLogStore.open({
  dataDir: dir,
  fsync: { mode: 'always' },
  segmentBytes: 4096,
  indexIntervalBytes: 256,
  defaultTopicConfig: { retentionMs: -1, retentionBytes: -1 },
  retentionCheckMs: 60_000,
  clock: systemClock,
});
let n = 0;
describeLogStore('embedded files', () => ({ store, topic: () => `t${n++}` }));
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
