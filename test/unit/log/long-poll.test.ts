import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../../src/clock.js';
import type { FsyncPolicy } from '../../../src/log/fsync-policy.js';
import { PartitionLog } from '../../../src/log/partition-log.js';
import { useTmpDirs } from '../../helpers/tmp-dir.js';
import { logOptions, recordsFrom } from './fixtures.js';

const tmp = useTmpDirs('sharelog-longpoll-');
const LONG = 600_000; // a wait that only a fake-timer advance could end

afterEach(() => {
  vi.useRealTimers();
});

function open(fsync: FsyncPolicy = { mode: 'never' }, clock?: ManualClock, dir = tmp.make()): PartitionLog {
  const log = PartitionLog.open(dir, logOptions({ fsync, clock }));
  tmp.onCleanup(() => log.close());
  return log;
}

/** Tracks whether a promise has settled, without waiting on time. */
function track(p: Promise<void>) {
  const state = { settled: false };
  void p.then(() => (state.settled = true));
  return state;
}

/** Lets pending callbacks and I/O run (no timers involved). */
const drain = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('waitForData', () => {
  // Fake timers: the long-poll timeout can never fire on its own, so a resolution proves the wake-up.
  it.each<[string, FsyncPolicy]>([
    ['never', { mode: 'never' }],
    ['always', { mode: 'always' }],
  ])('wakes as soon as data arrives (fsync=%s)', async (_name, policy) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const log = open(policy);
    const wait = log.waitForData(0, LONG);
    const state = track(wait);
    await drain();
    expect(state.settled).toBe(false);
    await log.append(recordsFrom(0, 1));
    await wait;
    expect(log.highWatermark).toBe(1);
    expect(log.read(0, 10, 1000)).toHaveLength(1);
  }, 10_000);

  it('waits until the high watermark passes the wanted offset', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const log = open();
    const state = track(log.waitForData(3, LONG));
    await log.append(recordsFrom(0, 2));
    await log.append(recordsFrom(2, 1));
    await drain();
    expect(state.settled).toBe(false); // hw 3: offset 3 is not readable yet
    await log.append(recordsFrom(3, 1));
    await drain();
    expect(state.settled).toBe(true);
  });

  it('resolves at once when data is already there, the timeout is 0 or the signal is already aborted', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const log = open();
    await log.append(recordsFrom(0, 2));
    await log.waitForData(0, LONG);
    await log.waitForData(1, LONG);
    await log.waitForData(2, 0);
    await log.waitForData(2, -5);
    await log.waitForData(2, LONG, AbortSignal.abort());
  });

  it('resolves after the timeout when nothing arrives', async () => {
    const log = open();
    await log.waitForData(0, 20);
    expect(log.highWatermark).toBe(0);
  });

  it('resolves when the signal aborts', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const log = open();
    const controller = new AbortController();
    const wait = log.waitForData(0, LONG, controller.signal);
    const state = track(wait);
    await drain();
    expect(state.settled).toBe(false);
    controller.abort();
    await wait;
    expect(log.highWatermark).toBe(0);
  });

  it('resolves every waiter when the partition closes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const log = PartitionLog.open(tmp.make(), logOptions());
    const waits = [log.waitForData(0, LONG), log.waitForData(5, LONG)];
    await log.close();
    await Promise.all(waits);
    await log.waitForData(0, LONG); // closed: at once
  });

  it('wakes many waiters at once and fires the timeout of each exactly once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const log = open();
    const waits = Array.from({ length: 50 }, () => log.waitForData(0, 1000));
    const late = track(log.waitForData(10, 1000));
    await log.append(recordsFrom(0, 1));
    await Promise.all(waits);
    expect(late.settled).toBe(false);
    vi.advanceTimersByTime(1000);
    await drain();
    expect(late.settled).toBe(true);
    expect(vi.getTimerCount()).toBe(0); // the woken waiters cleared their timers
  });
});

describe('onHighWatermark', () => {
  it('reports each new high watermark until unsubscribed', async () => {
    const log = open({ mode: 'always' });
    const seen: number[] = [];
    const unsubscribe = log.onHighWatermark((hw) => seen.push(hw));
    await log.append(recordsFrom(0, 2));
    await log.append(recordsFrom(2, 3));
    unsubscribe();
    await log.append(recordsFrom(5, 1));
    expect(seen).toEqual([2, 5]);
  });
});

describe('offsetForTimestamp', () => {
  const T0 = 1_700_000_000_000;
  // Non-monotonic timestamps: a few go backwards within and across batches.
  const tsOf = (o: number) => T0 + ((o * 37) % 53) * 1000 + Math.floor(o / 10) * 500;

  function expected(log: PartitionLog, t: number): number {
    for (let o = log.logStartOffset; o < log.highWatermark; o++) if (tsOf(o) >= t) return o;
    return log.highWatermark;
  }

  async function build(dir: string, segmentBytes = 1024) {
    const log = PartitionLog.open(dir, logOptions({ segmentBytes }));
    for (let o = 0; o < 120; o += 3) await log.append(recordsFrom(o, 3, tsOf));
    return log;
  }

  const probes = () => {
    const out = [0, T0 - 1, T0, T0 + 1, T0 + 10 ** 9];
    for (let o = 0; o < 120; o++) out.push(tsOf(o), tsOf(o) + 1, tsOf(o) - 1);
    return out;
  };

  it('returns the first offset whose record timestamp is >= t, or the high watermark', async () => {
    const dir = tmp.make();
    const log = await build(dir);
    tmp.onCleanup(() => log.close());
    expect(log.segmentCount).toBeGreaterThan(3);
    for (const t of probes()) expect(log.offsetForTimestamp(t), `t=${t}`).toBe(expected(log, t));
    expect(log.offsetForTimestamp(T0 + 10 ** 9)).toBe(120);
  });

  it('answers the same after reopen (loaded time indexes) and after retention', async () => {
    const dir = tmp.make();
    await (await build(dir)).close();
    const log = open({ mode: 'never' }, undefined, dir);
    for (const t of probes()) expect(log.offsetForTimestamp(t), `t=${t}`).toBe(expected(log, t));
    log.applyRetention(-1, Math.floor(log.sizeInBytes / 2));
    expect(log.logStartOffset).toBeGreaterThan(0);
    for (const t of probes()) expect(log.offsetForTimestamp(t), `t=${t}`).toBe(expected(log, t));
  });

  it('uses broker append time for records without a timestamp', async () => {
    const clock = new ManualClock(T0);
    const log = open({ mode: 'never' }, clock);
    await log.append(recordsFrom(0, 2));
    clock.advance(5000);
    await log.append(recordsFrom(2, 2));
    expect(log.offsetForTimestamp(T0)).toBe(0);
    expect(log.offsetForTimestamp(T0 + 1)).toBe(2);
    expect(log.offsetForTimestamp(T0 + 5001)).toBe(4);
    expect(log.read(2, 1, 1000)[0].timestampMs).toBe(T0 + 5000);
  });

  it('ignores records not yet visible (fsync=always, before the fsync)', async () => {
    const log = open({ mode: 'always' });
    const pending = log.append(recordsFrom(0, 2, () => T0));
    expect(log.offsetForTimestamp(T0)).toBe(0); // high watermark 0: nothing is visible
    await pending;
    expect(log.offsetForTimestamp(T0)).toBe(0);
    expect(log.offsetForTimestamp(T0 + 1)).toBe(2);
  });
});
