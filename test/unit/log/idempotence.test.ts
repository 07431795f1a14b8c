import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../src/errors.js';
import { PartitionLog } from '../../../src/log/partition-log.js';
import { MAX_PRODUCERS, ProducerStateTable, SEQUENCES_KEPT } from '../../../src/log/producer-state.js';
import { segmentFileName } from '../../../src/log/segment.js';
import { useTmpDirs } from '../../helpers/tmp-dir.js';
import { expectCode, expectDense, expectRejectCode, fill, logOptions, readAll, recordsFrom, type LogFixtureOptions } from './fixtures.js';

const tmp = useTmpDirs('sharelog-idempotence-');

function open(dir: string, o: LogFixtureOptions = {}): PartitionLog {
  const log = PartitionLog.open(dir, logOptions(o));
  tmp.onCleanup(() => log.close());
  return log;
}

/** Appends `count` records at the log end as (producer, sequence); returns the result. */
function produce(log: PartitionLog, producerId: string, sequence: number, count = 2) {
  return log.append(recordsFrom(log.logEndOffset, count), { producerId, sequence });
}

describe('idempotent appends', () => {
  it('appends a retried sequence once and answers with the original offset', async () => {
    const log = open(tmp.make());
    await fill(log, 3);
    expect(await produce(log, 'p1', 0)).toEqual({ baseOffset: 3, duplicate: false });
    expect(await log.append(recordsFrom(99, 2), { producerId: 'p1', sequence: 0 })).toEqual({ baseOffset: 3, duplicate: true });
    expect(log.logEndOffset).toBe(5);
    expect(await produce(log, 'p1', 1)).toEqual({ baseOffset: 5, duplicate: false });
    expect(await log.append(recordsFrom(0, 1), { producerId: 'p1', sequence: 0 })).toEqual({ baseOffset: 3, duplicate: true });
    expect(await log.append(recordsFrom(0, 1), { producerId: 'p1', sequence: 1 })).toEqual({ baseOffset: 5, duplicate: true });
    expectDense(readAll(log), 0, 7);
  });

  it('accepts any higher sequence, keeps producers apart and never dedups appends without a producer', async () => {
    const log = open(tmp.make());
    expect((await produce(log, 'a', 0)).duplicate).toBe(false);
    expect((await produce(log, 'b', 0)).duplicate).toBe(false);
    expect((await produce(log, 'a', 7)).duplicate).toBe(false); // gaps are allowed
    expect(await produce(log, 'b', 0)).toEqual({ baseOffset: 2, duplicate: true });
    const plain1 = await log.append(recordsFrom(log.logEndOffset, 1));
    const plain2 = await log.append(recordsFrom(log.logEndOffset, 1));
    expect([plain1.duplicate, plain2.duplicate, plain2.baseOffset - plain1.baseOffset]).toEqual([false, false, 1]);
    expect(log.logEndOffset).toBe(8);
  });

  it(`remembers the last ${SEQUENCES_KEPT} sequences and refuses older ones with OUT_OF_ORDER_SEQUENCE`, async () => {
    const log = open(tmp.make());
    const offsets: number[] = [];
    for (let seq = 0; seq < 8; seq++) offsets.push((await produce(log, 'p', seq)).baseOffset);
    // Remembered: 3..7
    for (let seq = 8 - SEQUENCES_KEPT; seq < 8; seq++) {
      expect(await produce(log, 'p', seq)).toEqual({ baseOffset: offsets[seq], duplicate: true });
    }
    for (const seq of [0, 1, 2, -1]) {
      await expectRejectCode(produce(log, 'p', seq), ErrorCode.OUT_OF_ORDER_SEQUENCE);
    }
    // A sequence between remembered ones that was never used is also out of order.
    const gappy = open(tmp.make());
    await produce(gappy, 'q', 0);
    await produce(gappy, 'q', 5);
    await expectRejectCode(produce(gappy, 'q', 3), ErrorCode.OUT_OF_ORDER_SEQUENCE);
    expect(log.logEndOffset).toBe(16);
    expect(gappy.logEndOffset).toBe(4);
  });

  it('answers a duplicate only once the original is visible under fsync=always', async () => {
    const log = open(tmp.make(), { fsync: { mode: 'always' } });
    const original = produce(log, 'p', 0);
    const retry = produce(log, 'p', 0);
    const [a, b] = await Promise.all([original, retry]);
    expect(a).toEqual({ baseOffset: 0, duplicate: false });
    expect(b).toEqual({ baseOffset: 0, duplicate: true });
    expect(log.highWatermark).toBe(2);
  });

  it('rebuilds producer state on reopen from the active segment', async () => {
    const dir = tmp.make();
    const first = PartitionLog.open(dir, logOptions({ segmentBytes: 1 << 20 }));
    for (let seq = 0; seq < 4; seq++) await produce(first, 'p', seq);
    await first.close();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.producers'))).toEqual([]); // no roll, no snapshot
    const log = open(dir, { segmentBytes: 1 << 20 });
    expect(await produce(log, 'p', 2)).toEqual({ baseOffset: 4, duplicate: true });
    expect(await produce(log, 'p', 4)).toEqual({ baseOffset: 8, duplicate: false });
  });

  it('keeps producer state across rolls through the .producers snapshot', async () => {
    const dir = tmp.make();
    const first = PartitionLog.open(dir, logOptions());
    const offsets = new Map<string, number>();
    for (let seq = 0; seq < 3; seq++) offsets.set(`x${seq}`, (await produce(first, 'x', seq)).baseOffset);
    // Producer y is only in closed segments; producer x continues after the rolls.
    offsets.set('y0', (await produce(first, 'y', 0)).baseOffset);
    await fill(first, 60);
    offsets.set('x3', (await produce(first, 'x', 3)).baseOffset);
    await fill(first, 60);
    expect(first.segmentCount).toBeGreaterThan(3);
    await first.close();

    const snapshots = fs.readdirSync(dir).filter((f) => f.endsWith('.producers'));
    const logs = fs.readdirSync(dir).filter((f) => f.endsWith('.log')).sort();
    expect(snapshots).toEqual([logs.at(-1)!.replace('.log', '.producers')]); // only the active segment's snapshot

    const log = open(dir);
    expect(await produce(log, 'y', 0)).toEqual({ baseOffset: offsets.get('y0'), duplicate: true });
    for (const seq of [0, 1, 2, 3]) {
      expect(await produce(log, 'x', seq)).toEqual({ baseOffset: offsets.get(`x${seq}`), duplicate: true });
    }
    const end = log.logEndOffset;
    expect(await produce(log, 'x', 4)).toEqual({ baseOffset: end, duplicate: false });

    // Roll again after the reopen, then reopen once more: state must still be complete.
    await fill(log, 60);
    await log.close();
    const again = open(dir);
    expect(await produce(again, 'x', 4)).toEqual({ baseOffset: end, duplicate: true });
    expect(await produce(again, 'y', 0)).toEqual({ baseOffset: offsets.get('y0'), duplicate: true });
  });

  it('accepts a retry as new when recovery dropped the torn original', async () => {
    const dir = tmp.make();
    const first = PartitionLog.open(dir, logOptions());
    await produce(first, 'p', 0);
    await produce(first, 'p', 1);
    await first.close();
    const file = path.join(dir, segmentFileName(0, '.log'));
    fs.truncateSync(file, fs.statSync(file).size - 1);
    const log = open(dir);
    expect(log.logEndOffset).toBe(2);
    expect(await produce(log, 'p', 1)).toEqual({ baseOffset: 2, duplicate: false });
    expect(await produce(log, 'p', 0)).toEqual({ baseOffset: 0, duplicate: true });
  });

  it('opens despite a corrupt producer snapshot', async () => {
    const dir = tmp.make();
    const first = PartitionLog.open(dir, logOptions());
    await produce(first, 'p', 0);
    await fill(first, 60);
    await first.close();
    const snapshot = fs.readdirSync(dir).find((f) => f.endsWith('.producers'))!;
    fs.writeFileSync(path.join(dir, snapshot), '{"p": [ trunc');
    const log = open(dir);
    expect(log.logEndOffset).toBe(62);
    expect((await produce(log, 'z', 0)).duplicate).toBe(false);
  });
});

describe('ProducerStateTable', () => {
  it('keeps the last SEQUENCES_KEPT entries per producer', () => {
    const table = new ProducerStateTable();
    expect(table.check('p', 0)).toEqual({ kind: 'new' });
    for (let seq = 0; seq < 10; seq++) table.record('p', { sequence: seq, baseOffset: seq * 10, recordCount: 10 });
    expect(table.check('p', 10)).toEqual({ kind: 'new' });
    expect(table.check('p', 9)).toEqual({ kind: 'duplicate', entry: { sequence: 9, baseOffset: 90, recordCount: 10 } });
    expect(table.check('p', 10 - SEQUENCES_KEPT)).toMatchObject({ kind: 'duplicate' });
    expectCode(() => table.check('p', 9 - SEQUENCES_KEPT), ErrorCode.OUT_OF_ORDER_SEQUENCE);
    expect(table.toJSON().p).toHaveLength(SEQUENCES_KEPT);
  });

  it('round-trips through JSON', () => {
    const table = new ProducerStateTable();
    table.record('a', { sequence: 1, baseOffset: 5, recordCount: 2 });
    table.record('é-ü', { sequence: 0, baseOffset: 7, recordCount: 1 });
    const copy = ProducerStateTable.fromJSON(JSON.parse(JSON.stringify(table)));
    expect(copy.check('a', 1)).toEqual({ kind: 'duplicate', entry: { sequence: 1, baseOffset: 5, recordCount: 2 } });
    expect(copy.check('é-ü', 0)).toMatchObject({ kind: 'duplicate' });
    expect(copy.check('b', 0)).toEqual({ kind: 'new' });
  });

  it(`forgets the least recently seen producer beyond ${MAX_PRODUCERS}`, () => {
    const table = new ProducerStateTable();
    for (let i = 0; i < MAX_PRODUCERS; i++) table.record(`p${i}`, { sequence: 5, baseOffset: i, recordCount: 1 });
    table.record('p0', { sequence: 6, baseOffset: 0, recordCount: 1 }); // p0 is now the most recent
    table.record('new', { sequence: 0, baseOffset: 0, recordCount: 1 });
    expect(table.check('p1', 0)).toEqual({ kind: 'new' }); // forgotten: any sequence is accepted as new
    expect(() => table.check('p0', 0)).toThrow();
    expect(() => table.check('p2', 0)).toThrow();
    expect(Object.keys(table.toJSON())).toHaveLength(MAX_PRODUCERS);
  });
});
