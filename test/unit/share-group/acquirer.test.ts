/**
 * The Acquirer over a real FileLogStore and FileShareStateStore whose journal fdatasync is held back (the journal's
 * I/O is the system edge tests inject): a fetch reads its records while the acquisitions become durable, and
 * answers only once they are; the acquisition of a second share-partition does not wait for the first one's
 * fdatasync.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JournalIo } from '../../../src/ack-tracker/index.js';
import { ManualClock } from '../../../src/clock.js';
import { ErrorCode } from '../../../src/errors.js';
import { NO_METRICS } from '../../../src/metrics/types.js';
import { Acquirer } from '../../../src/share-group/acquirer.js';
import { DEFAULT_SHARE_GROUP_CONFIG } from '../../../src/share-group/config.js';
import { ShareGroup, type ShareMember } from '../../../src/share-group/share-group.js';
import { ShareRecordReader } from '../../../src/share-group/share-record-reader.js';
import { FileLogStore } from '../../../src/storage/embedded/file-log-store.js';
import { FileShareStateStore } from '../../../src/storage/embedded/file-share-state-store.js';
import { useTmpDirs } from '../../helpers/tmp-dir.js';

const tmp = useTmpDirs('sharelog-acquirer-');

/** Once `gated`, fdatasync calls wait until released; `failNext` makes the next one fail. */
class GatedIo implements JournalIo {
  waiting: Array<() => void> = [];
  gated = false;
  calls = 0;
  failNext = false;
  writeSync(fd: number, data: Buffer): void {
    for (let off = 0; off < data.length; ) off += fs.writeSync(fd, data, off, data.length - off);
  }
  fdatasync(): Promise<void> {
    this.calls++;
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('EIO'));
    }
    if (!this.gated) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  async fsync(): Promise<void> {}
  release(): void {
    this.gated = false;
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}

async function setup() {
  const clock = new ManualClock(1_700_000_000_000);
  const dataDir = tmp.make();
  const log = FileLogStore.open({
    dataDir,
    fsync: { mode: 'never' },
    segmentBytes: 1 << 20,
    indexIntervalBytes: 4096,
    defaultTopicConfig: { retentionMs: -1, retentionBytes: -1 },
    retentionCheckMs: 3_600_000,
    clock,
  });
  const io = new GatedIo();
  const state = await FileShareStateStore.open(dataDir, clock, { io });
  tmp.onCleanup(async () => {
    io.release();
    await state.close();
    await log.close();
  });
  await log.createTopic('orders', 2);
  for (const partition of [0, 1]) {
    await log.append('orders', partition, Array.from({ length: 3 }, (_, i) => ({ key: null, value: Buffer.from(`p${partition}-${i}`), headers: [], timestampMs: 0 })));
  }
  const config = { ...DEFAULT_SHARE_GROUP_CONFIG };
  await state.saveGroup('g', config);
  for (const partition of [0, 1]) await state.ensurePartition('g', { topic: 'orders', partition }, 0);
  io.gated = true;
  const group = new ShareGroup('g', config);
  const member: ShareMember = {
    memberId: 'm1',
    epoch: 1,
    topics: ['orders'],
    lastSeen: clock.now(),
    assignment: new Map([['orders', [0, 1]]]),
    streaming: false,
    rotation: 0,
    clientHost: 'test',
  };
  group.members.set(member.memberId, member);
  const acquirer = new Acquirer(log, state, new ShareRecordReader(log, state), NO_METRICS, 1000);
  return { io, state, group, member, acquirer };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('Acquirer over the embedded store', () => {
  it('answers only once the acquisitions of both share-partitions are durable, without acquiring them one fsync apart', async () => {
    const { io, state, group, member, acquirer } = await setup();
    const callsBefore = io.calls;
    let answered = false;
    const fetch = acquirer.acquire(group, member, 10).then((records) => {
      answered = true;
      return records;
    });
    for (let i = 0; i < 20; i++) await settle();
    // The first partition's fdatasync is held back, and yet the second partition was acquired too: its frame is
    // written and waits for the next fdatasync. Nothing is answered.
    expect(answered).toBe(false);
    expect(io.calls - callsBefore).toBe(1);
    expect(await state.acquiredBy('g', 'm1')).toBe(6);
    io.release();
    const records = await fetch;
    expect(records.map((r) => `${r.partition}:${r.record.offset}`).sort()).toEqual(['0:0', '0:1', '0:2', '1:0', '1:1', '1:2']);
    expect(io.calls - callsBefore).toBe(2);
  });

  it('hands nothing out when the acquisition cannot be made durable', async () => {
    const { io, group, member, acquirer } = await setup();
    io.failNext = true;
    await expect(acquirer.acquire(group, member, 10)).rejects.toMatchObject({ code: ErrorCode.STORAGE_FAILED });
  });
});
