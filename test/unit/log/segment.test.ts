import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorruptBatchError, encodeBatch } from '../../../src/log/record-batch.js';
import type { StoredRecord } from '../../../src/log/record.js';
import { Segment, segmentFileName, type ScannedBatch } from '../../../src/log/segment.js';
import { SparseIndex } from '../../../src/log/sparse-index.js';
import { useTmpDirs } from '../../helpers/tmp-dir.js';
import { expectDense, recordsFrom } from './fixtures.js';

const tmp = useTmpDirs('sharelog-segment-');

/** Writes batches of `count` records each from `base`, with explicit timestamps 1000 + offset. */
function writeSegment(dir: string, base: number, batches: number, count: number, interval: number) {
  const segment = Segment.create(dir, base, interval);
  const positions: number[] = [];
  let next = base;
  for (let i = 0; i < batches; i++) {
    positions.push(segment.size);
    segment.append(encodeBatch(recordsFrom(next, count, (o) => 1000 + o), { baseOffset: next, appendTimeMs: 5 }));
    next += count;
  }
  return { segment, positions, end: next };
}

function read(segment: Segment, from: number, limit = Infinity, maxRecords = Infinity, maxBytes = 1 << 20): StoredRecord[] {
  const out: StoredRecord[] = [];
  segment.read(from, limit, maxRecords, maxBytes, out);
  return out;
}

describe('segmentFileName', () => {
  it('pads the base offset to 20 digits', () => {
    expect(segmentFileName(0, '.log')).toBe('00000000000000000000.log');
    expect(segmentFileName(1234, '.index')).toBe('00000000000000001234.index');
    expect(segmentFileName(2 ** 53 - 1, '.timeindex')).toBe('00009007199254740991.timeindex');
  });
});

describe('Segment', () => {
  it('appends batches and reads from every offset', () => {
    const dir = tmp.make();
    const { segment, end } = writeSegment(dir, 500, 20, 2, 100);
    tmp.onCleanup(() => segment.close());
    expect(segment.nextOffset).toBe(540);
    expect(segment.maxTimestamp).toBe(1000 + 539);
    expect(fs.statSync(segment.logPath).size).toBe(segment.size);
    for (let o = 500; o < end; o++) {
      expectDense(read(segment, o), o, end - o);
      expectDense(read(segment, o, Infinity, 1), o, 1);
    }
    // limitOffset stops before the batch that starts at it
    expectDense(read(segment, 500, 510), 500, 10);
    expectDense(read(segment, 505, 511), 505, 7); // 510 starts a batch of 2: 510 and 511 are not read
    expect(read(segment, 540)).toEqual([]);
  });

  it('keeps a sparse index whose lookups start at or before the wanted batch', () => {
    const dir = tmp.make();
    const { segment, positions } = writeSegment(dir, 0, 30, 1, 150);
    tmp.onCleanup(() => segment.close());
    const entries = segment.index.entryCount;
    expect(entries).toBeGreaterThan(1);
    expect(entries).toBeLessThan(30);
    expect(fs.statSync(path.join(dir, segmentFileName(0, '.index'))).size).toBe(entries * 8);
    for (let o = 0; o < 30; o++) {
      const pos = segment.index.positionFor(o);
      expect(positions).toContain(pos);
      expect(pos).toBeLessThanOrEqual(positions[o]);
    }
    expect(segment.index.positionFor(0)).toBe(0);
  });

  it('reopens a closed segment from its index files without a scan', () => {
    const dir = tmp.make();
    const { segment } = writeSegment(dir, 100, 25, 3, 120);
    const before = { size: segment.size, next: segment.nextOffset, max: segment.maxTimestamp, entries: segment.index.entryCount };
    segment.seal();
    segment.close();
    const scanned: ScannedBatch[] = [];
    const { segment: reopened, truncatedBytes } = Segment.open(dir, 100, 120, false, (b) => scanned.push(b));
    tmp.onCleanup(() => reopened.close());
    expect(truncatedBytes).toBe(0);
    expect(scanned).toEqual([]); // the index was trusted
    expect({ size: reopened.size, next: reopened.nextOffset, max: reopened.maxTimestamp, entries: reopened.index.entryCount }).toEqual(before);
    for (let o = 100; o < 175; o++) expectDense(read(reopened, o, Infinity, 2), o, Math.min(2, 175 - o));
    const all = [...reopened.batches()];
    expect(all.map((b) => b.header.baseOffset)).toEqual(Array.from({ length: 25 }, (_, i) => 100 + 3 * i));
    expect(reopened.readBatch(all[3]).map((r) => r.offset)).toEqual([109, 110, 111]);
  });

  it('recovers an active segment by scanning, truncating a torn tail and reporting every valid batch', () => {
    const dir = tmp.make();
    const { segment, positions } = writeSegment(dir, 0, 10, 2, 100);
    const fullSize = segment.size;
    segment.close();
    fs.truncateSync(path.join(dir, segmentFileName(0, '.log')), fullSize - 3);
    const scanned: ScannedBatch[] = [];
    const { segment: recovered, truncatedBytes } = Segment.open(dir, 0, 100, true, (b) => scanned.push(b));
    tmp.onCleanup(() => recovered.close());
    expect(truncatedBytes).toBe(fullSize - 3 - positions[9]);
    expect(recovered.size).toBe(positions[9]);
    expect(recovered.nextOffset).toBe(18);
    expect(fs.statSync(recovered.logPath).size).toBe(positions[9]);
    expect(scanned.map((b) => [b.header.baseOffset, b.position])).toEqual(positions.slice(0, 9).map((p, i) => [2 * i, p]));
    expectDense(read(recovered, 0), 0, 18);
  });

  it('stops recovery at a batch whose base offset is not the expected one', () => {
    const dir = tmp.make();
    const segment = Segment.create(dir, 0, 100);
    segment.append(encodeBatch(recordsFrom(0, 2), { baseOffset: 0, appendTimeMs: 1 }));
    const goodSize = segment.size;
    segment.close();
    // A valid batch, but for offset 7 instead of 2: it cannot belong here.
    fs.appendFileSync(path.join(dir, segmentFileName(0, '.log')), encodeBatch(recordsFrom(7, 1), { baseOffset: 7, appendTimeMs: 1 }).bytes);
    const { segment: recovered, truncatedBytes } = Segment.open(dir, 0, 100, true);
    tmp.onCleanup(() => recovered.close());
    expect(truncatedBytes).toBeGreaterThan(0);
    expect(recovered.size).toBe(goodSize);
    expect(recovered.nextOffset).toBe(2);
  });

  it('throws CorruptBatchError when reading a batch that was damaged after it was written', () => {
    const dir = tmp.make();
    const { segment, positions } = writeSegment(dir, 0, 3, 1, 100);
    tmp.onCleanup(() => segment.close());
    const fd = fs.openSync(segment.logPath, 'r+');
    fs.writeSync(fd, Buffer.from([0xee]), 0, 1, positions[1] + 30);
    fs.closeSync(fd);
    expectDense(read(segment, 0, Infinity, 1), 0, 1);
    expect(() => read(segment, 1)).toThrow(CorruptBatchError);
  });
});

describe('SparseIndex', () => {
  it('answers lookups without files', () => {
    const index = new SparseIndex(10, null, null);
    expect(index.positionFor(10)).toBe(0);
    index.addOffsetEntry(10, 0);
    index.addOffsetEntry(20, 300);
    index.addOffsetEntry(35, 700);
    expect([5, 10, 19, 20, 34, 35, 1000].map((o) => index.positionFor(o))).toEqual([0, 0, 0, 300, 300, 700, 700]);
    index.addTimeEntry(100, 10);
    index.addTimeEntry(90, 20); // not a new maximum: ignored
    index.addTimeEntry(200, 35);
    expect(index.lastTimestamp).toBe(200);
    expect(index.load(1000)).toBe(false); // no files to load from
  });

  it('refuses to load files that are not trustworthy', () => {
    const dir = tmp.make();
    const files = (index: Buffer, time: Buffer) => {
      fs.writeFileSync(path.join(dir, 'i'), index);
      fs.writeFileSync(path.join(dir, 't'), time);
      const idx = new SparseIndex(0, fs.openSync(path.join(dir, 'i'), 'r+'), fs.openSync(path.join(dir, 't'), 'r+'));
      return idx;
    };
    const entry = (rel: number, pos: number) => {
      const b = Buffer.alloc(8);
      b.writeUInt32BE(rel, 0);
      b.writeUInt32BE(pos, 4);
      return b;
    };
    const time = (ts: number, rel: number) => {
      const b = Buffer.alloc(12);
      b.writeBigInt64BE(BigInt(ts), 0);
      b.writeUInt32BE(rel, 8);
      return b;
    };
    const cases: Array<[string, Buffer, Buffer, number, boolean]> = [
      ['valid', Buffer.concat([entry(0, 0), entry(5, 100)]), time(7, 0), 200, true],
      ['empty files, empty log', Buffer.alloc(0), Buffer.alloc(0), 0, true],
      ['empty index, non-empty log', Buffer.alloc(0), time(7, 0), 200, false],
      ['partial entry', Buffer.concat([entry(0, 0), Buffer.alloc(3)]), time(7, 0), 200, false],
      ['position past the log', Buffer.concat([entry(0, 0), entry(5, 200)]), time(7, 0), 200, false],
      ['offsets not ascending', Buffer.concat([entry(0, 0), entry(0, 100)]), time(7, 0), 200, false],
      ['zero-filled', Buffer.alloc(32), time(7, 0), 200, false],
      ['timestamps not ascending', entry(0, 0), Buffer.concat([time(7, 0), time(7, 1)]), 200, false],
    ];
    for (const [name, index, timeIndex, logSize, ok] of cases) {
      const idx = files(index, timeIndex);
      expect(idx.load(logSize), name).toBe(ok);
      idx.close();
    }
  });
});
