import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/clock.js';
import { ErrorCode } from '../../../src/errors.js';
import { FileLogStore, resolveTopicConfig, type FileLogStoreOptions } from '../../../src/storage/embedded/file-log-store.js';
import type { TopicConfig } from '../../../src/storage/types.js';
import { useTmpDirs } from '../../helpers/tmp-dir.js';
import { expectCode, expectRejectCode, recordsFrom, valueFor } from './fixtures.js';

const tmp = useTmpDirs('sharelog-store-');
const DEFAULTS: TopicConfig = { retentionMs: 7 * 24 * 3600_000, retentionBytes: -1 };

function options(dataDir: string, over: Partial<FileLogStoreOptions> = {}): FileLogStoreOptions {
  return {
    dataDir,
    fsync: { mode: 'never' },
    segmentBytes: 1024,
    indexIntervalBytes: 100,
    defaultTopicConfig: DEFAULTS,
    retentionCheckMs: 3_600_000,
    clock: new ManualClock(1_700_000_000_000),
    ...over,
  };
}

function open(dataDir: string, over: Partial<FileLogStoreOptions> = {}): FileLogStore {
  const store = FileLogStore.open(options(dataDir, over));
  tmp.onCleanup(() => store.close());
  return store;
}

async function values(store: FileLogStore, topic: string, partition: number, from = 0): Promise<string[]> {
  const { records } = await store.read(topic, partition, from, 10_000, 1 << 20);
  return records.map((r) => r.value.toString());
}

describe('FileLogStore topics', () => {
  it('creates, lists, describes and deletes topics', async () => {
    const dataDir = tmp.make();
    const store = open(dataDir);
    expect(await store.listTopics()).toEqual([]);
    const info = await store.createTopic('orders', 3, { retentionBytes: 5000 });
    expect(info).toEqual({ name: 'orders', partitions: 3, config: { retentionMs: DEFAULTS.retentionMs, retentionBytes: 5000 } });
    await store.createTopic('a.b_c-9', 1);
    expect((await store.listTopics()).map((t) => t.name)).toEqual(['a.b_c-9', 'orders']);
    expect(await store.getTopic('orders')).toEqual(info);
    expect(fs.existsSync(path.join(dataDir, 'topics', 'orders', 'topic.json'))).toBe(true);

    await store.append('orders', 1, recordsFrom(0, 4));
    expect(await store.describePartitions('orders')).toEqual([
      { partition: 0, startOffset: 0, endOffset: 0, sizeBytes: 0 },
      { partition: 1, startOffset: 0, endOffset: 4, sizeBytes: expect.any(Number) },
      { partition: 2, startOffset: 0, endOffset: 0, sizeBytes: 0 },
    ]);
    expect((await store.describePartitions('orders'))[1].sizeBytes).toBeGreaterThan(0);
    expect(await store.offsets('orders', 1)).toEqual({ logStartOffset: 0, highWatermark: 4 });
    const read = await store.read('orders', 1, 1, 2, 1 << 20);
    expect(read.records.map((r) => r.offset)).toEqual([1, 2]);
    expect([read.highWatermark, read.logStartOffset]).toEqual([4, 0]);

    await store.deleteTopic('orders');
    expect((await store.listTopics()).map((t) => t.name)).toEqual(['a.b_c-9']);
    expect(fs.existsSync(path.join(dataDir, 'topics', 'orders'))).toBe(false);
    await expectRejectCode(store.getTopic('orders'), ErrorCode.TOPIC_NOT_FOUND);
    // The name is free again, and the new topic starts empty.
    await store.createTopic('orders', 1);
    expect(await store.offsets('orders', 0)).toEqual({ logStartOffset: 0, highWatermark: 0 });
  });

  it.each(['', '.', '..', 'a/b', 'a\\b', 'x'.repeat(250), 'with space', 'ümlaut', '../escape'])(
    'refuses the topic name %j with INVALID_ARGUMENT',
    async (name) => {
      const dataDir = tmp.make();
      const store = open(dataDir);
      await expectRejectCode(store.createTopic(name, 1), ErrorCode.INVALID_ARGUMENT);
      expect(fs.readdirSync(path.join(dataDir, 'topics'))).toEqual([]);
    },
  );

  it('accepts a 249-character name and refuses bad partition counts and configs', async () => {
    const store = open(tmp.make());
    await store.createTopic('y'.repeat(249), 1);
    for (const count of [0, -1, 1.5, 10_001, Number.NaN]) {
      await expectRejectCode(store.createTopic('t', count), ErrorCode.INVALID_ARGUMENT);
    }
    await expectRejectCode(store.createTopic('t', 1, { retentionMs: -2 }), ErrorCode.INVALID_ARGUMENT);
    expect((await store.listTopics()).map((t) => t.name)).toEqual(['y'.repeat(249)]);
  });

  it('refuses a duplicate topic with TOPIC_EXISTS and leaves the original intact', async () => {
    const store = open(tmp.make());
    await store.createTopic('t', 2);
    await store.append('t', 0, recordsFrom(0, 3));
    await expectRejectCode(store.createTopic('t', 5), ErrorCode.TOPIC_EXISTS);
    expect((await store.getTopic('t')).partitions).toBe(2);
    expect(await values(store, 't', 0)).toEqual([0, 1, 2].map(valueFor));
  });

  it('reports TOPIC_NOT_FOUND and PARTITION_NOT_FOUND', async () => {
    const store = open(tmp.make());
    await store.createTopic('t', 2);
    await expectRejectCode(store.getTopic('nope'), ErrorCode.TOPIC_NOT_FOUND);
    await expectRejectCode(store.describePartitions('nope'), ErrorCode.TOPIC_NOT_FOUND);
    await expectRejectCode(store.deleteTopic('nope'), ErrorCode.TOPIC_NOT_FOUND);
    await expectRejectCode(store.createPartitions('nope', 3), ErrorCode.TOPIC_NOT_FOUND);
    await expectRejectCode(store.append('nope', 0, recordsFrom(0, 1)), ErrorCode.TOPIC_NOT_FOUND);
    await expectRejectCode(store.read('nope', 0, 0, 1, 1), ErrorCode.TOPIC_NOT_FOUND);
    for (const p of [2, -1, 1.5, 100]) {
      await expectRejectCode(store.append('t', p, recordsFrom(0, 1)), ErrorCode.PARTITION_NOT_FOUND);
      await expectRejectCode(store.read('t', p, 0, 1, 1), ErrorCode.PARTITION_NOT_FOUND);
      await expectRejectCode(store.offsets('t', p), ErrorCode.PARTITION_NOT_FOUND);
      await expectRejectCode(store.offsetForTimestamp('t', p, 0), ErrorCode.PARTITION_NOT_FOUND);
      await expectRejectCode(store.waitForData('t', p, 0, 10), ErrorCode.PARTITION_NOT_FOUND);
      expectCode(() => store.onData('t', p, () => undefined), ErrorCode.PARTITION_NOT_FOUND);
    }
    await expectRejectCode(store.read('t', 0, 1, 1, 1), ErrorCode.OFFSET_OUT_OF_RANGE);
  });

  it('grows partitions and refuses to shrink them', async () => {
    const store = open(tmp.make());
    await store.createTopic('t', 2);
    await store.append('t', 1, recordsFrom(0, 2));
    expect((await store.createPartitions('t', 4)).partitions).toBe(4);
    expect((await store.describePartitions('t')).map((p) => p.partition)).toEqual([0, 1, 2, 3]);
    expect((await store.append('t', 3, recordsFrom(0, 1))).baseOffset).toBe(0);
    await expectRejectCode(store.createPartitions('t', 3), ErrorCode.INVALID_ARGUMENT);
    await expectRejectCode(store.createPartitions('t', 0), ErrorCode.INVALID_ARGUMENT);
    expect((await store.createPartitions('t', 4)).partitions).toBe(4); // same count: nothing changes
    expect((await store.getTopic('t')).partitions).toBe(4);
    expect(await values(store, 't', 1)).toEqual([0, 1].map(valueFor));
  });

  it('keeps topics, partitions and data across close and reopen; deleted topics stay gone', async () => {
    const dataDir = tmp.make();
    const first = FileLogStore.open(options(dataDir));
    tmp.onCleanup(() => first.close());
    await first.createTopic('keep', 2, { retentionMs: 1234 });
    await first.createTopic('drop', 1);
    await first.createPartitions('keep', 3);
    for (let o = 0; o < 60; o += 3) await first.append('keep', 2, recordsFrom(o, 3));
    await first.append('drop', 0, recordsFrom(0, 1));
    await first.deleteTopic('drop');
    await first.close();
    await expectRejectCode(first.createTopic('x', 1), ErrorCode.SHUTTING_DOWN);

    const store = open(dataDir);
    expect(await store.listTopics()).toEqual([{ name: 'keep', partitions: 3, config: { retentionMs: 1234, retentionBytes: -1 } }]);
    await expectRejectCode(store.getTopic('drop'), ErrorCode.TOPIC_NOT_FOUND);
    expect(await values(store, 'keep', 2)).toEqual(Array.from({ length: 60 }, (_, o) => valueFor(o)));
    expect((await store.offsets('keep', 2)).highWatermark).toBe(60);
    expect((await store.append('keep', 2, recordsFrom(60, 1))).baseOffset).toBe(60);
    expect(fs.existsSync(path.join(dataDir, 'trash'))).toBe(false);
  });

  // Regression guard (fixed bug): deleteTopic removes the name from the map, awaits the
  // partitions' close (an fsync), and only then renames `<topics>/<name>` to the trash: a createTopic of the same name
  // in between has already rm'd and re-created that directory, so the new topic's files are moved away and deleted.
  it('keeps a topic re-created while the deletion of its namesake is still closing partitions', async () => {
    const dataDir = tmp.make();
    const first = FileLogStore.open(options(dataDir));
    tmp.onCleanup(() => first.close());
    await first.createTopic('t', 1);
    await first.append('t', 0, recordsFrom(0, 3)); // dirty under fsync=never: closing it awaits an fsync
    const deleting = first.deleteTopic('t');
    const creating = first.createTopic('t', 2); // the name is already free in memory
    await Promise.all([deleting, creating]);
    await first.append('t', 1, recordsFrom(0, 2));
    expect((await first.getTopic('t')).partitions).toBe(2);
    expect(fs.existsSync(path.join(dataDir, 'topics', 't', 'topic.json'))).toBe(true);
    await first.close();
    const store = open(dataDir);
    expect((await store.getTopic('t')).partitions).toBe(2);
    expect(await values(store, 't', 1)).toEqual([0, 1].map(valueFor));
  });

  // Regression guard (fixed bug): a CorruptBatchError from Segment.read escapes as
  // a plain Error, so the API answers INTERNAL instead of DATA_LOSS (CORRUPT_DATA, common.proto).
  it('reports a batch that fails its checksum on read as CORRUPT_DATA', async () => {
    const dataDir = tmp.make();
    const first = FileLogStore.open(options(dataDir));
    tmp.onCleanup(() => first.close());
    await first.createTopic('t', 1);
    for (let o = 0; o < 60; o += 3) await first.append('t', 0, recordsFrom(o, 3));
    await first.close();
    // Closed segments are not re-scanned at start-up, so the damage is only found when the batch is read.
    const logFile = path.join(dataDir, 'topics', 't', '0', '00000000000000000000.log');
    const bytes = fs.readFileSync(logFile);
    bytes[60] ^= 0x04;
    fs.writeFileSync(logFile, bytes);
    const store = open(dataDir);
    expect((await store.offsets('t', 0)).highWatermark).toBe(60);
    await expectRejectCode(store.read('t', 0, 0, 10, 1 << 20), ErrorCode.CORRUPT_DATA);
  });

  it('ignores a topic directory without topic.json and removes leftover trash on open', async () => {
    const dataDir = tmp.make();
    fs.mkdirSync(path.join(dataDir, 'topics', 'half-created', '0'), { recursive: true });
    fs.mkdirSync(path.join(dataDir, 'trash', 'old-123'), { recursive: true });
    const store = open(dataDir);
    expect(await store.listTopics()).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'trash'))).toBe(false);
    await store.createTopic('half-created', 1); // the leftover directory is replaced
    expect(await store.offsets('half-created', 0)).toEqual({ logStartOffset: 0, highWatermark: 0 });
  });

  it('applies each topic’s retention and wakes long-polls through the store', async () => {
    const store = open(tmp.make());
    await store.createTopic('small', 1, { retentionBytes: 1 });
    await store.createTopic('big', 1);
    for (let o = 0; o < 60; o += 3) {
      await store.append('small', 0, recordsFrom(o, 3));
      await store.append('big', 0, recordsFrom(o, 3));
    }
    expect(store.applyRetention()).toBeGreaterThan(0);
    expect((await store.offsets('small', 0)).logStartOffset).toBeGreaterThan(0);
    expect((await store.offsets('big', 0)).logStartOffset).toBe(0);

    let woken = 0;
    const unsubscribe = store.onData('big', 0, () => woken++);
    const wait = store.waitForData('big', 0, 60, 600_000);
    await store.append('big', 0, recordsFrom(60, 1));
    await wait;
    unsubscribe();
    expect(woken).toBe(1);
    expect(await store.offsetForTimestamp('big', 0, 0)).toBe(0);
  });
});

describe('resolveTopicConfig', () => {
  it('uses defaults for missing or 0 values and keeps -1', () => {
    expect(resolveTopicConfig({}, DEFAULTS)).toEqual(DEFAULTS);
    expect(resolveTopicConfig({ retentionMs: 0, retentionBytes: -1 }, DEFAULTS)).toEqual(DEFAULTS);
    expect(resolveTopicConfig({ retentionMs: -1, retentionBytes: 10 }, DEFAULTS)).toEqual({ retentionMs: -1, retentionBytes: 10 });
    expectCode(() => resolveTopicConfig({ retentionBytes: -2 }, DEFAULTS), ErrorCode.INVALID_ARGUMENT);
    expectCode(() => resolveTopicConfig({ retentionMs: 1.5 }, DEFAULTS), ErrorCode.INVALID_ARGUMENT);
  });
});
