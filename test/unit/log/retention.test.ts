import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/clock.js';
import { ErrorCode } from '../../../src/errors.js';
import { PartitionLog } from '../../../src/log/partition-log.js';
import { segmentFileName } from '../../../src/log/segment.js';
import { useTmpDirs } from '../../helpers/tmp-dir.js';
import { expectCode, expectDense, fill, logOptions, readAll, recordsFrom } from './fixtures.js';

const tmp = useTmpDirs('sharelog-retention-');
const T0 = 1_700_000_000_000;

interface SegmentFile {
  base: number;
  size: number;
}

function segmentFiles(dir: string): SegmentFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .map((f) => ({ base: Number(f.slice(0, 20)), size: fs.statSync(path.join(dir, f)).size }))
    .sort((a, b) => a.base - b.base);
}

function open(dir: string, clock = new ManualClock(T0)): PartitionLog {
  const log = PartitionLog.open(dir, logOptions({ clock }));
  tmp.onCleanup(() => log.close());
  return log;
}

describe('retention by bytes', () => {
  it('deletes the oldest closed segments while the rest still hold retentionBytes', async () => {
    const dir = tmp.make();
    const log = open(dir);
    await fill(log, 120);
    const before = segmentFiles(dir);
    expect(before.length).toBeGreaterThanOrEqual(4);
    const total = before.reduce((a, s) => a + s.size, 0);
    expect(log.sizeInBytes).toBe(total);

    // Keep at least the newest two segments' worth of bytes.
    const keep = before.at(-1)!.size + before.at(-2)!.size;
    let expectedDeleted = 0;
    let size = total;
    while (expectedDeleted < before.length - 1 && size - before[expectedDeleted].size >= keep) size -= before[expectedDeleted++].size;
    expect(expectedDeleted).toBeGreaterThan(0);

    expect(log.applyRetention(-1, keep)).toBe(expectedDeleted);
    const after = segmentFiles(dir);
    expect(after).toEqual(before.slice(expectedDeleted));
    for (const gone of before.slice(0, expectedDeleted)) {
      for (const suffix of ['.log', '.index', '.timeindex']) expect(fs.existsSync(path.join(dir, segmentFileName(gone.base, suffix)))).toBe(false);
    }
    const start = after[0].base;
    expect(log.logStartOffset).toBe(start);
    expect(log.sizeInBytes).toBe(size);
    expect(log.sizeInBytes).toBeGreaterThanOrEqual(keep);
    expect(log.logEndOffset).toBe(120);
    expectCode(() => log.read(start - 1, 10, 1 << 20), ErrorCode.OFFSET_OUT_OF_RANGE);
    expectCode(() => log.read(0, 10, 1 << 20), ErrorCode.OFFSET_OUT_OF_RANGE);
    expectDense(readAll(log), start, 120 - start);
    expect(log.offsetForTimestamp(0)).toBe(start);

    expect(log.applyRetention(-1, keep)).toBe(0); // idempotent
  });

  it('never deletes the active segment, even with retentionBytes 0', async () => {
    const dir = tmp.make();
    const log = open(dir);
    await fill(log, 80);
    const count = log.segmentCount;
    const activeBase = segmentFiles(dir).at(-1)!.base;
    expect(log.applyRetention(-1, 0)).toBe(count - 1);
    expect(log.segmentCount).toBe(1);
    expect(log.logStartOffset).toBe(activeBase);
    expectDense(readAll(log), activeBase, 80 - activeBase);
    const next = await log.append(recordsFrom(80, 1));
    expect(next.baseOffset).toBe(80);
  });

  it('deletes nothing with retentionBytes -1 or when under the limit', async () => {
    const dir = tmp.make();
    const log = open(dir);
    await fill(log, 80);
    expect(log.applyRetention(-1, -1)).toBe(0);
    expect(log.applyRetention(-1, log.sizeInBytes)).toBe(0);
    expect(log.applyRetention(-1, log.sizeInBytes * 10)).toBe(0);
    expect(log.logStartOffset).toBe(0);
  });

  it('keeps the moved log start offset across close and reopen, and empty segments stay addressable', async () => {
    const dir = tmp.make();
    const first = PartitionLog.open(dir, logOptions());
    await fill(first, 80);
    first.applyRetention(-1, 0);
    const start = first.logStartOffset;
    await first.close();
    const log = open(dir);
    expect(log.logStartOffset).toBe(start);
    expect(log.logEndOffset).toBe(80);
    expectCode(() => log.read(start - 1, 1, 1), ErrorCode.OFFSET_OUT_OF_RANGE);
    expectDense(readAll(log), start, 80 - start);
  });
});

describe('retention by time', () => {
  /** Records at offset o carry timestamp T0 + o * 1000. */
  const ts = (o: number) => T0 + o * 1000;

  it('deletes closed segments whose newest record is older than retentionMs, oldest first', async () => {
    const dir = tmp.make();
    const clock = new ManualClock(T0);
    const log = open(dir, clock);
    for (let o = 0; o < 90; o += 3) await log.append(recordsFrom(o, 3, ts));
    const segs = segmentFiles(dir);
    expect(segs.length).toBeGreaterThanOrEqual(4);
    const retentionMs = 60_000;
    const maxTs = (i: number) => ts(segs[i + 1].base - 1); // newest record of closed segment i

    // Exactly at the edge (newest record == now - retentionMs) the segment stays; one ms later it goes.
    clock.set(maxTs(0) + retentionMs);
    expect(log.applyRetention(retentionMs, -1)).toBe(0);
    clock.advance(1);
    expect(log.applyRetention(retentionMs, -1)).toBe(1);
    expect(log.logStartOffset).toBe(segs[1].base);
    expectCode(() => log.read(segs[1].base - 1, 1, 1), ErrorCode.OFFSET_OUT_OF_RANGE);
    expectDense(log.read(segs[1].base, 1, 1), segs[1].base, 1);

    // Far in the future: every closed segment goes, the active one stays.
    clock.set(ts(10_000));
    expect(log.applyRetention(retentionMs, -1)).toBe(segs.length - 2);
    expect(log.segmentCount).toBe(1);
    expect(log.logStartOffset).toBe(segs.at(-1)!.base);
    expect(log.logEndOffset).toBe(90);
    expect(segmentFiles(dir)).toEqual([segs.at(-1)]);
  });

  it('keeps everything with retentionMs -1 and stops at the first segment that is not expired', async () => {
    const dir = tmp.make();
    const clock = new ManualClock(T0);
    const log = open(dir, clock);
    // Old records, then new ones, then old-stamped ones again: only the leading old segments can go.
    for (let o = 0; o < 30; o += 3) await log.append(recordsFrom(o, 3, () => T0 - 10_000_000));
    const oldEnd = log.logEndOffset;
    for (let o = oldEnd; o < oldEnd + 30; o += 3) await log.append(recordsFrom(o, 3, () => T0));
    for (let o = oldEnd + 30; o < oldEnd + 60; o += 3) await log.append(recordsFrom(o, 3, () => T0 - 10_000_000));
    clock.set(T0 + 1000);
    expect(log.applyRetention(-1, -1)).toBe(0);
    const segs = segmentFiles(dir);
    const deleted = log.applyRetention(5000, -1);
    const firstNew = segs.findIndex((s, i) => i + 1 < segs.length && segs[i + 1].base > oldEnd);
    expect(deleted).toBe(firstNew);
    expect(log.logStartOffset).toBe(segs[firstNew].base);
    expect(log.logStartOffset).toBeLessThanOrEqual(oldEnd);
  });

  it('uses broker append time for records without a timestamp', async () => {
    const dir = tmp.make();
    const clock = new ManualClock(T0);
    const log = open(dir, clock);
    await fill(log, 60); // timestamp 0: the clock at append time, T0
    clock.advance(10_000);
    expect(log.applyRetention(10_000, -1)).toBe(0);
    clock.advance(1);
    const segments = log.segmentCount;
    expect(segments).toBeGreaterThan(1);
    expect(log.applyRetention(10_000, -1)).toBe(segments - 1);
    expect(log.segmentCount).toBe(1);
    expect(log.logEndOffset).toBe(60);
  });
});
