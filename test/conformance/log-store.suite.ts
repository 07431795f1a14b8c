/**
 * The LogStore contract, written once and run against every backend (log-store.*.test.ts): what the API layer
 * and the coordinators rely on, whatever keeps the records.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode, SharelogError } from '../../src/errors.js';
import type { LogStore } from '../../src/storage/types.js';

export interface LogStoreHarness {
  store: LogStore;
  /** A fresh topic name per test, so one store can serve the whole suite. */
  topic(): string;
}

const rec = (value: string, extra: { key?: string; timestampMs?: number; headers?: Array<[string, string]> } = {}) => ({
  key: extra.key === undefined ? null : Buffer.from(extra.key),
  value: Buffer.from(value),
  headers: (extra.headers ?? []).map(([key, v]) => ({ key, value: Buffer.from(v) })),
  timestampMs: extra.timestampMs ?? 0,
});

async function code(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(SharelogError);
    return (err as SharelogError).code;
  }
}

export function describeLogStore(name: string, harness: () => LogStoreHarness): void {
  describe(`LogStore conformance: ${name}`, () => {
    let h: LogStoreHarness;
    let topic: string;
    beforeEach(() => {
      h = harness();
      topic = h.topic();
    });

    it('creates, lists, describes, grows and deletes topics', async () => {
      const info = await h.store.createTopic(topic, 2, { retentionMs: 60_000 });
      expect(info).toMatchObject({ name: topic, partitions: 2, config: { retentionMs: 60_000 } });
      expect((await h.store.listTopics()).map((t) => t.name)).toContain(topic);
      expect(await h.store.describePartitions(topic)).toEqual([
        { partition: 0, startOffset: 0, endOffset: 0, sizeBytes: 0 },
        { partition: 1, startOffset: 0, endOffset: 0, sizeBytes: 0 },
      ]);
      expect((await h.store.createPartitions(topic, 4)).partitions).toBe(4);
      expect(await code(h.store.createPartitions(topic, 3))).toBe(ErrorCode.INVALID_ARGUMENT);
      expect(await code(h.store.createTopic(topic, 1))).toBe(ErrorCode.TOPIC_EXISTS);
      await h.store.deleteTopic(topic);
      expect(await code(h.store.getTopic(topic))).toBe(ErrorCode.TOPIC_NOT_FOUND);
      expect(await code(h.store.createTopic('a/b', 1))).toBe(ErrorCode.INVALID_ARGUMENT);
      expect(await code(h.store.createTopic(h.topic(), 0))).toBe(ErrorCode.INVALID_ARGUMENT);
    });

    it('appends with dense offsets and reads back keys, values, headers and timestamps', async () => {
      await h.store.createTopic(topic, 1);
      const first = await h.store.append(topic, 0, [rec('a', { key: 'k', headers: [['h', 'x']], timestampMs: 1234 }), rec('b')]);
      const second = await h.store.append(topic, 0, [rec('c')]);
      expect([first.baseOffset, second.baseOffset]).toEqual([0, 2]);
      const { records, highWatermark, logStartOffset } = await h.store.read(topic, 0, 0, 100, 1 << 20);
      expect([highWatermark, logStartOffset]).toEqual([3, 0]);
      expect(records.map((r) => [r.offset, r.value.toString(), r.key?.toString() ?? null])).toEqual([
        [0, 'a', 'k'],
        [1, 'b', null],
        [2, 'c', null],
      ]);
      expect(records[0].timestampMs).toBe(1234);
      expect(records[0].headers.map((x) => [x.key, x.value.toString()])).toEqual([['h', 'x']]);
      expect(records[1].timestampMs).toBeGreaterThan(0);
      const middle = await h.store.read(topic, 0, 1, 1, 1 << 20);
      expect(middle.records.map((r) => r.offset)).toEqual([1]);
      expect((await h.store.read(topic, 0, 3, 10, 1 << 20)).records).toEqual([]);
    });

    it('honours max records and max bytes across many batches', async () => {
      await h.store.createTopic(topic, 1);
      for (let i = 0; i < 50; i++) await h.store.append(topic, 0, [rec(`v${i}-a`), rec(`v${i}-b`)]);
      const all: number[] = [];
      for (let offset = 0; offset < 100; ) {
        const { records } = await h.store.read(topic, 0, offset, 7, 1 << 20);
        expect(records.length).toBeGreaterThan(0);
        expect(records.length).toBeLessThanOrEqual(7);
        for (const r of records) all.push(r.offset);
        offset = records[records.length - 1].offset + 1;
      }
      expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i));
      const small = await h.store.read(topic, 0, 10, 100, 1);
      expect(small.records.map((r) => r.offset)).toEqual([10, 11]); // one whole batch even above max bytes
    });

    it('reads one batch in parts, in any order, as it reads it whole', async () => {
      await h.store.createTopic(topic, 1);
      await h.store.append(topic, 0, Array.from({ length: 50 }, (_, i) => rec(`r${i}`)));
      await h.store.append(topic, 0, [rec('after')]);
      const valuesAt = async (offset: number, max: number) =>
        (await h.store.read(topic, 0, offset, max, 1 << 20)).records.map((r) => `${r.offset}:${r.value.toString()}`);
      const expected = (from: number, n: number) => Array.from({ length: n }, (_, i) => (from + i < 50 ? `${from + i}:r${from + i}` : '50:after'));
      // Forward in parts, then back to earlier offsets, then across into the next batch.
      for (const [offset, max] of [[0, 7], [7, 7], [14, 7], [3, 5], [21, 1], [20, 3], [45, 10], [49, 2], [0, 1]]) {
        expect(await valuesAt(offset, max)).toEqual(expected(offset, Math.min(max, 51 - offset)));
      }
    });

    it('reads the records of a topic made again under the same name, never the earlier ones', async () => {
      await h.store.createTopic(topic, 1);
      await h.store.append(topic, 0, [rec('old-0'), rec('old-1'), rec('old-2')]);
      expect((await h.store.read(topic, 0, 1, 1, 1 << 20)).records[0].value.toString()).toBe('old-1');
      await h.store.deleteTopic(topic);
      await h.store.createTopic(topic, 1);
      await h.store.append(topic, 0, [rec('new-0'), rec('new-1'), rec('new-2')]);
      for (const offset of [1, 0, 2]) {
        expect((await h.store.read(topic, 0, offset, 1, 1 << 20)).records[0].value.toString()).toBe(`new-${offset}`);
      }
    });

    it('refuses offsets out of range, unknown topics and partitions', async () => {
      await h.store.createTopic(topic, 1);
      await h.store.append(topic, 0, [rec('x')]);
      expect(await code(h.store.read(topic, 0, 2, 10, 100))).toBe(ErrorCode.OFFSET_OUT_OF_RANGE);
      expect(await code(h.store.read(topic, 1, 0, 10, 100))).toBe(ErrorCode.PARTITION_NOT_FOUND);
      expect(await code(h.store.read(h.topic(), 0, 0, 10, 100))).toBe(ErrorCode.TOPIC_NOT_FOUND);
      expect(await code(h.store.append(topic, 5, [rec('x')]))).toBe(ErrorCode.PARTITION_NOT_FOUND);
    });

    it('appends an idempotent retry once and refuses an old sequence', async () => {
      await h.store.createTopic(topic, 1);
      const a = await h.store.append(topic, 0, [rec('1'), rec('2')], { producerId: 'p', sequence: 5 });
      const again = await h.store.append(topic, 0, [rec('1'), rec('2')], { producerId: 'p', sequence: 5 });
      expect(again).toEqual({ baseOffset: a.baseOffset, duplicate: true });
      const b = await h.store.append(topic, 0, [rec('3')], { producerId: 'p', sequence: 9 });
      expect(b).toEqual({ baseOffset: 2, duplicate: false });
      for (let s = 10; s < 16; s++) await h.store.append(topic, 0, [rec(`${s}`)], { producerId: 'p', sequence: s });
      expect(await code(h.store.append(topic, 0, [rec('old')], { producerId: 'p', sequence: 5 }))).toBe(ErrorCode.OUT_OF_ORDER_SEQUENCE);
      expect((await h.store.offsets(topic, 0)).highWatermark).toBe(9);
    });

    it('wakes a long-poll when data arrives, and times out when none does', async () => {
      await h.store.createTopic(topic, 1);
      let woke = false;
      const waiting = h.store.waitForData(topic, 0, 0, 10_000).then(() => (woke = true));
      await new Promise((r) => setTimeout(r, 50));
      expect(woke).toBe(false);
      await h.store.append(topic, 0, [rec('wake')]);
      await waiting;
      expect(woke).toBe(true);
      const started = Date.now();
      await h.store.waitForData(topic, 0, 1, 50);
      expect(Date.now() - started).toBeGreaterThanOrEqual(40);
      let told = 0;
      const unsubscribe = h.store.onData(topic, 0, () => told++);
      await h.store.append(topic, 0, [rec('again')]);
      for (let i = 0; i < 100 && told === 0; i++) await new Promise((r) => setTimeout(r, 10));
      unsubscribe();
      expect(told).toBeGreaterThan(0);
    });

    it('finds offsets by timestamp', async () => {
      await h.store.createTopic(topic, 1);
      await h.store.append(topic, 0, [rec('a', { timestampMs: 1000 }), rec('b', { timestampMs: 2000 })]);
      await h.store.append(topic, 0, [rec('c', { timestampMs: 3000 })]);
      expect(await h.store.offsetForTimestamp(topic, 0, 1500)).toBe(1);
      expect(await h.store.offsetForTimestamp(topic, 0, 2500)).toBe(2);
      expect(await h.store.offsetForTimestamp(topic, 0, 9000)).toBe(3);
    });
  });
}
