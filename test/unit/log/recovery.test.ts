import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PartitionLog } from '../../../src/log/partition-log.js';
import { segmentFileName } from '../../../src/log/segment.js';
import { useTmpDirs } from '../../helpers/tmp-dir.js';
import { expectDense, fill, logOptions, readAll, rec, recordsFrom, utf8, valueFor, type LogFixtureOptions } from './fixtures.js';

const tmp = useTmpDirs('sharelog-recovery-');

function bases(dir: string): number[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.log')).map((f) => Number(f.slice(0, 20))).sort((a, b) => a - b);
}

const file = (dir: string, base: number, suffix: string) => path.join(dir, segmentFileName(base, suffix));

/** Opens, checks the contents are exactly 0..end-1 with no partial batch, appends one record at `end`, closes. */
async function reopenAndCheck(dir: string, end: number, o: LogFixtureOptions = {}): Promise<PartitionLog> {
  const log = PartitionLog.open(dir, logOptions(o));
  try {
    expect(log.logEndOffset).toBe(end);
    expect(log.highWatermark).toBe(end);
    expectDense(readAll(log), log.logStartOffset, end - log.logStartOffset);
    const appended = await log.append([rec(valueFor(end))]);
    expect(appended.baseOffset).toBe(end);
    expectDense(log.read(end, 10, 1 << 20), end, 1);
  } finally {
    await log.close();
  }
  return log;
}

/** Writes `total` records in batches of 1..3 plus a final 3-record batch with headers; returns the last batch's layout. */
async function writeLog(dir: string, total: number) {
  const log = PartitionLog.open(dir, logOptions());
  await fill(log, total);
  const lastBase = log.logEndOffset;
  const last = recordsFrom(lastBase, 3).map((r) => ({ ...r, headers: [{ key: 'h', value: utf8('header value') }] }));
  await log.append(last);
  await log.close();
  const active = bases(dir).at(-1)!;
  const logFile = file(dir, active, '.log');
  const content = fs.readFileSync(logFile);
  const lastSize = content.length - (await lastBatchStart(dir, active, lastBase));
  return { active, logFile, content, lastBase, lastStart: content.length - lastSize, end: lastBase + 3 };
}

/** Position of the batch starting at `base` in segment `active`: found by reading headers from the start. */
async function lastBatchStart(dir: string, active: number, base: number): Promise<number> {
  const buf = fs.readFileSync(file(dir, active, '.log'));
  let pos = 0;
  while (pos < buf.length) {
    if (Number(buf.readBigInt64BE(pos)) === base) return pos;
    pos += buf.readInt32BE(pos + 8) + 12;
  }
  throw new Error(`batch ${base} not found`);
}

describe('recovery of the active segment', () => {
  it('drops a torn last batch at every possible cut, keeping every earlier record', async () => {
    const dir = tmp.make();
    const w = await writeLog(dir, 40);
    expect(w.active).toBeGreaterThan(0); // earlier segments are closed, the torn batch is in the active one
    expect(w.content.length - w.lastStart).toBeGreaterThan(100);
    for (let len = w.lastStart; len < w.content.length; len++) {
      fs.writeFileSync(w.logFile, w.content.subarray(0, len));
      const warnings: NonNullable<LogFixtureOptions['warnings']> = [];
      await reopenAndCheck(dir, w.lastBase, { warnings });
      expect(fs.statSync(w.logFile).size).toBeGreaterThan(w.lastStart); // the check appended one record
      if (len > w.lastStart) {
        expect(warnings).toHaveLength(1);
        expect(warnings[0].details).toMatchObject({ truncatedBytes: len - w.lastStart, logEndOffset: w.lastBase });
      } else {
        expect(warnings).toEqual([]);
      }
    }
    fs.writeFileSync(w.logFile, w.content);
    await reopenAndCheck(dir, w.end);
  });

  it('drops a torn first batch of a fresh partition at every cut', async () => {
    const dir = tmp.make();
    const log = PartitionLog.open(dir, logOptions());
    await log.append(recordsFrom(0, 3));
    await log.close();
    const logFile = file(dir, 0, '.log');
    const content = fs.readFileSync(logFile);
    for (let len = 0; len < content.length; len++) {
      fs.writeFileSync(logFile, content.subarray(0, len));
      await reopenAndCheck(dir, 0);
    }
  });

  it('truncates garbage written after the last batch', async () => {
    const dir = tmp.make();
    const w = await writeLog(dir, 30);
    const header = Buffer.from(w.content.subarray(w.lastStart, w.lastStart + 40));
    header.writeBigInt64BE(BigInt(w.end), 0); // plausible next batch header, body missing
    const garbage = [
      Buffer.alloc(1),
      Buffer.alloc(11, 0xff),
      Buffer.alloc(64),
      Buffer.alloc(300, 0xff),
      Buffer.from(Array.from({ length: 257 }, (_, i) => (i * 131 + 7) & 0xff)),
      header,
      w.content.subarray(w.lastStart), // a whole valid batch, but with an offset that does not follow
    ];
    for (const g of garbage) {
      fs.writeFileSync(w.logFile, Buffer.concat([w.content, g]));
      await reopenAndCheck(dir, w.end);
    }
  });

  it('drops the last batch when any bit of it after the length field is flipped', async () => {
    const dir = tmp.make();
    const w = await writeLog(dir, 30);
    for (let pos = w.lastStart + 12; pos < w.content.length; pos++) {
      const copy = Buffer.from(w.content);
      copy[pos] ^= 1 << (pos % 8);
      fs.writeFileSync(w.logFile, copy);
      await reopenAndCheck(dir, w.lastBase);
    }
    for (let pos = w.lastStart; pos < w.lastStart + 12; pos++) {
      const copy = Buffer.from(w.content);
      copy[pos] ^= 0x10; // base offset or length: the batch no longer fits where it sits
      fs.writeFileSync(w.logFile, copy);
      await reopenAndCheck(dir, w.lastBase);
    }
  });

  it('truncates from a corrupt batch in the middle of the active segment onwards', async () => {
    const dir = tmp.make();
    const log = PartitionLog.open(dir, logOptions({ segmentBytes: 1 << 20 }));
    await fill(log, 30, [2]);
    await log.close();
    const content = fs.readFileSync(file(dir, 0, '.log'));
    const start = await lastBatchStart(dir, 0, 10);
    content[start + 40] ^= 0x01;
    fs.writeFileSync(file(dir, 0, '.log'), content);
    await reopenAndCheck(dir, 10);
  });
});

describe('index files of closed segments', () => {
  async function closedLog(dir: string) {
    const log = PartitionLog.open(dir, logOptions());
    await fill(log, 60);
    await log.close();
    const all = bases(dir);
    expect(all.length).toBeGreaterThan(2);
    return all;
  }

  async function expectReadsEverywhere(dir: string) {
    const log = PartitionLog.open(dir, logOptions());
    tmp.onCleanup(() => log.close());
    expect(log.logEndOffset).toBe(60);
    for (let o = 0; o < 60; o++) expectDense(log.read(o, 2, 1 << 20), o, Math.min(2, 60 - o));
    return log;
  }

  it('rebuilds a deleted .index', async () => {
    const dir = tmp.make();
    const [first] = await closedLog(dir);
    const size = fs.statSync(file(dir, first, '.index')).size;
    fs.rmSync(file(dir, first, '.index'));
    await expectReadsEverywhere(dir);
    expect(fs.statSync(file(dir, first, '.index')).size).toBe(size);
  });

  it.each([
    ['cut inside an entry', (b: Buffer) => b.subarray(0, b.length - 3)],
    ['overwritten with 0xff', (b: Buffer) => Buffer.alloc(b.length, 0xff)],
    ['zero-filled', (b: Buffer) => Buffer.alloc(b.length)],
    ['emptied', () => Buffer.alloc(0)],
    ['cut to its first entries (still valid, sparser)', (b: Buffer) => b.subarray(0, 8)],
  ])('reads correctly with a .index %s', async (_name, damage) => {
    const dir = tmp.make();
    const segs = await closedLog(dir);
    for (const base of segs.slice(0, -1)) fs.writeFileSync(file(dir, base, '.index'), damage(fs.readFileSync(file(dir, base, '.index'))));
    await expectReadsEverywhere(dir);
  });

  // Regression guard (fixed bug): Segment.open trusts a loaded index and calls lastBatchEnd(), whose
  // CorruptBatchError escapes, so PartitionLog.open throws instead of rebuilding the index by scanning.
  it('rebuilds a .index whose last entry points into the middle of a batch', async () => {
    // Entries stay ascending and inside the file, so SparseIndex.load accepts them; the walk from the last entry
    // to the end of the segment (Segment.lastBatchEnd) then meets garbage.
    const dir = tmp.make();
    const [first] = await closedLog(dir);
    const index = fs.readFileSync(file(dir, first, '.index'));
    expect(index.length).toBeGreaterThanOrEqual(16);
    const lastAt = index.length - 8;
    index.writeUInt32BE(index.readUInt32BE(lastAt + 4) + 5, lastAt + 4);
    fs.writeFileSync(file(dir, first, '.index'), index);
    await expectReadsEverywhere(dir);
  });

  // Regression guard (fixed bug): load() accepts an empty time index for a non-empty log, so the segment's
  // maxTimestamp is -1: offsetForTimestamp skips it and time retention never deletes it.
  it('rebuilds a deleted .timeindex so timestamp lookups and time retention still see the segment', async () => {
    const dir = tmp.make();
    // The record at offset o has timestamp 1000 + o.
    const timed = PartitionLog.open(dir, logOptions());
    for (let o = 0; o < 60; o += 2) await timed.append(recordsFrom(o, 2, (x) => 1000 + x));
    await timed.close();
    const [first] = bases(dir);
    fs.rmSync(file(dir, first, '.timeindex'));
    const clock = logOptions().clock;
    clock.set(1_000_000);
    const reopened = PartitionLog.open(dir, logOptions({ clock }));
    tmp.onCleanup(() => reopened.close());
    expect(reopened.offsetForTimestamp(1000)).toBe(0);
    expect(reopened.offsetForTimestamp(1003)).toBe(3);
    const segments = reopened.segmentCount;
    expect(reopened.applyRetention(1000, -1)).toBe(segments - 1); // every closed segment is far older than 1000 ms
    expect(reopened.logStartOffset).toBe(bases(dir)[0]);
  });
});
