import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode, SharelogError } from '../../../src/errors.js';
import { formatFsyncPolicy, parseFsyncPolicy, type FsyncPolicy } from '../../../src/log/fsync-policy.js';
import { PartitionLog, type AppendResult } from '../../../src/log/partition-log.js';
import { Segment } from '../../../src/log/segment.js';
import { useTmpDirs } from '../../helpers/tmp-dir.js';
import { expectCode, expectDense, logOptions, readAll, recordsFrom } from './fixtures.js';

const tmp = useTmpDirs('sharelog-commit-');

afterEach(() => {
  vi.restoreAllMocks();
});

function open(dir: string, fsync: FsyncPolicy, segmentBytes = 1 << 20): PartitionLog {
  const log = PartitionLog.open(dir, logOptions({ fsync, segmentBytes }));
  tmp.onCleanup(() => log.close());
  return log;
}

/** Fires `n` appends of 1..4 records without awaiting; returns the promises and the expected base offsets. */
function fireAppends(log: PartitionLog, n: number, onDone?: (r: AppendResult, end: number) => void) {
  const promises: Array<Promise<AppendResult>> = [];
  const bases: number[] = [];
  let next = log.logEndOffset;
  for (let i = 0; i < n; i++) {
    const count = 1 + (i % 4);
    const base = next;
    bases.push(base);
    promises.push(log.append(recordsFrom(base, count)).then((r) => (onDone?.(r, base + count), r)));
    next += count;
  }
  return { promises, bases, end: next };
}

describe('fsync=always (group commit)', () => {
  it('resolves many concurrent appends with dense offsets, sharing fsyncs', async () => {
    const syncs = vi.spyOn(Segment.prototype, 'syncAsync');
    const log = open(tmp.make(), { mode: 'always' });
    const violations: string[] = [];
    const { promises, bases, end } = fireAppends(log, 200, (r, batchEnd) => {
      // When an append is acknowledged its records are visible, and nothing beyond what was written is.
      if (log.highWatermark < batchEnd) violations.push(`hw ${log.highWatermark} < ${batchEnd} at ack`);
      if (log.highWatermark > log.logEndOffset) violations.push('hw beyond log end');
    });
    // Written but not yet durable: invisible to readers.
    expect(log.logEndOffset).toBe(end);
    expect(log.highWatermark).toBe(0);
    expect(log.read(0, 10, 1 << 20)).toEqual([]);
    expectCode(() => log.read(1, 10, 1 << 20), ErrorCode.OFFSET_OUT_OF_RANGE);

    const results = await Promise.all(promises);
    expect(results.map((r) => r.baseOffset)).toEqual(bases);
    expect(results.every((r) => !r.duplicate)).toBe(true);
    expect(violations).toEqual([]);
    expect(log.highWatermark).toBe(end);
    expectDense(readAll(log), 0, end);
    expect(syncs.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(syncs.mock.calls.length).toBeLessThanOrEqual(2); // the first append's fsync, then one for all the others
  });

  it('gives appends arriving during an fsync the next one', async () => {
    const log = open(tmp.make(), { mode: 'always' });
    const first = log.append(recordsFrom(0, 1));
    const second = log.append(recordsFrom(1, 1));
    const r1 = await first;
    expect(r1.baseOffset).toBe(0);
    expect(log.highWatermark).toBeGreaterThanOrEqual(1);
    const third = log.append(recordsFrom(2, 1));
    expect((await second).baseOffset).toBe(1);
    expect((await third).baseOffset).toBe(2);
    expect(log.highWatermark).toBe(3);
  });

  it('stays correct while segments roll under concurrent appends, and after reopen', async () => {
    const dir = tmp.make();
    const log = PartitionLog.open(dir, logOptions({ fsync: { mode: 'always' }, segmentBytes: 1024 }));
    const { promises, bases, end } = fireAppends(log, 120);
    expect((await Promise.all(promises)).map((r) => r.baseOffset)).toEqual(bases);
    expect(log.segmentCount).toBeGreaterThan(3);
    expect(log.highWatermark).toBe(end);
    expectDense(readAll(log), 0, end);
    await log.close();
    const reopened = open(dir, { mode: 'always' }, 1024);
    expect(reopened.highWatermark).toBe(end);
    expectDense(readAll(reopened), 0, end);
  });

  it('lets pending appends finish when the partition closes', async () => {
    const log = PartitionLog.open(tmp.make(), logOptions({ fsync: { mode: 'always' } }));
    const { promises, bases, end } = fireAppends(log, 20);
    const closing = log.close();
    const results = await Promise.all(promises);
    await closing;
    expect(results.map((r) => r.baseOffset)).toEqual(bases);
    expect(log.highWatermark).toBe(end);
  });
});

describe.each<[string, FsyncPolicy]>([
  ['never', { mode: 'never' }],
  ['interval:10', { mode: 'interval', intervalMs: 10 }],
])('fsync=%s', (_name, policy) => {
  it('makes data visible as soon as it is written', async () => {
    const log = open(tmp.make(), policy);
    const pending = log.append(recordsFrom(0, 3));
    expect(log.highWatermark).toBe(3); // before the promise even settles
    expectDense(log.read(0, 10, 1 << 20), 0, 3);
    expect(await pending).toEqual({ baseOffset: 0, duplicate: false });
    const { promises, end } = fireAppends(log, 50);
    expect(log.highWatermark).toBe(end);
    await Promise.all(promises);
    await log.flush();
    expectDense(readAll(log), 0, end);
  });

  it('flush() forces written data to disk', async () => {
    const syncs = vi.spyOn(Segment.prototype, 'syncAsync');
    const log = open(tmp.make(), policy);
    await log.flush(); // nothing written: no fsync needed
    expect(syncs).not.toHaveBeenCalled();
    await log.append(recordsFrom(0, 1));
    expect(syncs).not.toHaveBeenCalled();
    await log.flush();
    expect(syncs).toHaveBeenCalledTimes(1);
    await log.flush(); // clean again
    expect(syncs).toHaveBeenCalledTimes(1);
  });
});

describe('parseFsyncPolicy', () => {
  it.each<[string, FsyncPolicy]>([
    ['always', { mode: 'always' }],
    ['never', { mode: 'never' }],
    ['interval:1', { mode: 'interval', intervalMs: 1 }],
    ['interval:250', { mode: 'interval', intervalMs: 250 }],
    ['interval:60000', { mode: 'interval', intervalMs: 60_000 }],
  ])('accepts %j', (text, policy) => {
    expect(parseFsyncPolicy(text)).toEqual(policy);
    expect(formatFsyncPolicy(policy)).toBe(text);
  });

  it.each(['', 'ALWAYS', ' always', 'always ', 'sometimes', 'interval', 'interval:', 'interval:0', 'interval:60001', 'interval:-5', 'interval:1.5', 'interval:10ms', 'interval: 10', 'interval:1e3'])(
    'rejects %j with INVALID_ARGUMENT',
    (text) => {
      let caught: unknown;
      try {
        parseFsyncPolicy(text);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(SharelogError);
      expect((caught as SharelogError).code).toBe(ErrorCode.INVALID_ARGUMENT);
    },
  );
});
