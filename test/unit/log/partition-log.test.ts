import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../src/errors.js';
import { PartitionLog } from '../../../src/log/partition-log.js';
import { encodeBatch } from '../../../src/log/record-batch.js';
import { useTmpDirs } from '../../helpers/tmp-dir.js';
import { expectCode, expectDense, fill, logOptions, readAll, recordsFrom, valueFor } from './fixtures.js';

const tmp = useTmpDirs('sharelog-plog-');

function open(dir: string, segmentBytes = 1024, indexIntervalBytes = 100): PartitionLog {
  const log = PartitionLog.open(dir, logOptions({ segmentBytes, indexIntervalBytes }));
  tmp.onCleanup(() => log.close());
  return log;
}

function segmentBases(dir: string): number[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .map((f) => Number(f.slice(0, 20)))
    .sort((a, b) => a - b);
}

/** Byte size of every batch fill() wrote, computed with the same encoder (sizes do not depend on the clock). */
function batchSizes(batches: Array<[number, number]>): number[] {
  return batches.map(([base, count]) => encodeBatch(recordsFrom(base, count), { baseOffset: base, appendTimeMs: 1 }).bytes.length);
}

/** What read(offset, ∞, maxBytes) must return: whole batches from the one holding offset, at least one, within maxBytes. */
function expectedByBytes(batches: Array<[number, number]>, sizes: number[], offset: number, maxBytes: number): number {
  let i = batches.findIndex(([base, count]) => offset < base + count);
  let bytes = 0;
  let end = offset;
  for (; i < batches.length; i++) {
    if (bytes > 0 && bytes + sizes[i] > maxBytes) break;
    bytes += sizes[i];
    end = batches[i][0] + batches[i][1];
  }
  return end - offset;
}

describe('PartitionLog segments and reads', () => {
  it('starts empty', () => {
    const log = open(tmp.make());
    expect([log.logStartOffset, log.logEndOffset, log.highWatermark, log.segmentCount, log.sizeInBytes]).toEqual([0, 0, 0, 1, 0]);
    expect(log.read(0, 10, 1000)).toEqual([]);
    expectCode(() => log.read(1, 10, 1000), ErrorCode.OFFSET_OUT_OF_RANGE);
  });

  it('rolls segments by size and keeps offsets dense', async () => {
    const dir = tmp.make();
    const log = open(dir);
    const batches = await fill(log, 120);
    const sizes = batchSizes(batches);
    expect(log.logEndOffset).toBe(120);
    expect(log.highWatermark).toBe(120);
    expect(log.segmentCount).toBeGreaterThanOrEqual(4);
    expect(log.sizeInBytes).toBe(sizes.reduce((a, b) => a + b, 0));
    const bases = segmentBases(dir);
    expect(bases.length).toBe(log.segmentCount);
    expect(bases[0]).toBe(0);
    // Every segment starts on a batch boundary and none exceeds segmentBytes (each batch is far below it).
    const batchStarts = new Set(batches.map(([b]) => b));
    let at = 0;
    for (let s = 0; s < bases.length; s++) {
      expect(batchStarts.has(bases[s])).toBe(true);
      const end = s + 1 < bases.length ? bases[s + 1] : 120;
      let bytes = 0;
      for (; at < batches.length && batches[at][0] < end; at++) bytes += sizes[at];
      expect(fs.statSync(`${dir}/${String(bases[s]).padStart(20, '0')}.log`).size).toBe(bytes);
      expect(bytes).toBeLessThanOrEqual(1024);
    }
    expectDense(readAll(log), 0, 120);
  });

  it('reads from every offset, including each segment’s first and last, and across segment edges', async () => {
    const dir = tmp.make();
    const log = open(dir);
    await fill(log, 90);
    const hw = log.highWatermark;
    for (let offset = 0; offset <= hw; offset++) {
      expectDense(log.read(offset, 10_000, 1 << 20), offset, hw - offset);
      const one = log.read(offset, 1, 1 << 20);
      expectDense(one, offset, offset < hw ? 1 : 0);
    }
    const bases = segmentBases(dir);
    expect(bases.length).toBeGreaterThan(2);
    for (const base of bases.slice(1)) {
      expectDense(log.read(base - 1, 2, 1 << 20), base - 1, 2); // last of one segment, first of the next
      expectDense(log.read(base, 1, 1 << 20), base, 1);
      expectDense(log.read(base - 1, 1, 1 << 20), base - 1, 1);
    }
  });

  it('honours maxRecords from every offset', async () => {
    const log = open(tmp.make());
    await fill(log, 60);
    for (let offset = 0; offset < 60; offset++) {
      for (const max of [1, 2, 3, 4, 7, 25]) {
        expectDense(log.read(offset, max, 1 << 20), offset, Math.min(max, 60 - offset));
      }
    }
  });

  it('returns at least one batch even when it is larger than maxBytes', async () => {
    const log = open(tmp.make());
    await log.append(recordsFrom(0, 3));
    expectDense(log.read(0, 100, 1), 0, 3);
    expectDense(log.read(1, 100, 1), 1, 2); // the rest of the batch holding offset 1
    const big = 'y'.repeat(5000); // a batch larger than segmentBytes gets a segment of its own
    await log.append([{ key: null, value: Buffer.from(big), headers: [], timestampMs: 0 }]);
    const [record] = log.read(3, 100, 10);
    expect(record.offset).toBe(3);
    expect(record.value.toString()).toBe(big);
    expect(log.segmentCount).toBe(2);
  });

  // Regression guard (fixed bug): when a maxBytes read stops inside a segment,
  // PartitionLog.read moves on to the next segment, whose Segment.read treats the remaining budget as a fresh read
  // ("at least one batch") and returns its first batch: records in between are skipped and maxBytes is exceeded.
  it('honours maxBytes in whole batches from every offset, also across segment edges', async () => {
    const log = open(tmp.make());
    const batches = await fill(log, 60);
    const sizes = batchSizes(batches);
    const limits = [1, sizes[0], sizes[0] + 1, 150, 200, 333, 500, 700, 1000, 1500];
    const failures: string[] = [];
    for (let offset = 0; offset < 60; offset++) {
      for (const maxBytes of limits) {
        const got = log.read(offset, 10_000, maxBytes);
        const want = expectedByBytes(batches, sizes, offset, maxBytes);
        const dense = got.every((r, i) => r.offset === offset + i && r.value.toString() === valueFor(r.offset));
        if (got.length !== want || !dense) {
          failures.push(`read(${offset}, maxBytes ${maxBytes}): ${got.length} records [${got.map((r) => r.offset).join(',')}], want ${want} dense`);
        }
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  // Regression guard: the same bug as above.
  it('never skips records when a maxBytes read stops inside a segment', async () => {
    // Minimal case of the check above: three equal batches in segment 0, one in segment 1. A budget of 2.5 batches
    // must return batches 0 and 1 of segment 0, not batches 0, 1 and then the first batch of segment 1.
    const log = open(tmp.make(), 1024);
    const size = encodeBatch(recordsFrom(10, 3), { baseOffset: 10, appendTimeMs: 1 }).bytes.length;
    const perSegment = Math.floor(1024 / size);
    let next = 0;
    for (let i = 0; i < perSegment + 1; i++) {
      await log.append(recordsFrom(next + 10, 3).map((r, j) => ({ ...r, value: Buffer.from(valueFor(next + j)) })));
      next += 3;
    }
    expect(log.segmentCount).toBe(2);
    const got = log.read(0, 10_000, Math.floor(size * 2.5));
    expect(got.map((r) => r.offset)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('refuses offsets outside [logStartOffset, highWatermark] and returns [] at the high watermark', async () => {
    const log = open(tmp.make());
    await fill(log, 10);
    expect(log.read(10, 100, 1000)).toEqual([]);
    for (const bad of [-1, 11, 1000]) {
      const err = expectCode(() => log.read(bad, 100, 1000), ErrorCode.OFFSET_OUT_OF_RANGE);
      expect(err.message).toContain(String(bad));
    }
  });

  it('finds every offset through the loaded index after close and reopen, then keeps appending densely', async () => {
    const dir = tmp.make();
    const first = PartitionLog.open(dir, logOptions());
    await fill(first, 100);
    const segments = first.segmentCount;
    const size = first.sizeInBytes;
    await first.close();
    expectCode(() => first.read(0, 1, 1), ErrorCode.SHUTTING_DOWN);

    const log = open(dir);
    expect([log.logStartOffset, log.logEndOffset, log.highWatermark, log.segmentCount, log.sizeInBytes]).toEqual([0, 100, 100, segments, size]);
    for (let offset = 0; offset <= 100; offset++) {
      expectDense(log.read(offset, 5, 1 << 20), offset, Math.min(5, 100 - offset));
    }
    await fill(log, 50);
    expect(log.logEndOffset).toBe(150);
    expectDense(readAll(log), 0, 150);

    await log.close();
    const again = open(dir);
    expect(again.logEndOffset).toBe(150);
    for (let offset = 0; offset < 150; offset += 7) expectDense(again.read(offset, 3, 1 << 20), offset, 3);
  });

  it('writes a sparse index: one entry per indexIntervalBytes, not one per batch', async () => {
    const dir = tmp.make();
    const log = open(dir, 64 * 1024, 400);
    const batches = await fill(log, 60);
    await log.close();
    const entries = fs.statSync(`${dir}/${String(0).padStart(20, '0')}.index`).size / 8;
    const total = batchSizes(batches).reduce((a, b) => a + b, 0);
    expect(entries).toBeGreaterThan(1);
    expect(entries).toBeLessThan(batches.length);
    expect(entries).toBeLessThanOrEqual(Math.ceil(total / 400) + 1);
    const reopened = open(dir, 64 * 1024, 400);
    for (let offset = 0; offset < 60; offset++) expectDense(reopened.read(offset, 1, 1), offset, 1);
  });

  it('refuses appends and reads once closed', async () => {
    const log = PartitionLog.open(tmp.make(), logOptions());
    await log.close();
    await expect(log.append(recordsFrom(0, 1))).rejects.toMatchObject({ code: ErrorCode.SHUTTING_DOWN });
  });
});
