import { afterEach, describe, expect, it, vi } from 'vitest';
import { WakeSignal, waitForAny } from '../../../src/share-group/wake-signal.js';

/** A subscription source like LogStore.onData: counts its listeners so leaks show. */
function source() {
  const listeners = new Set<() => void>();
  return {
    subscribe: (wake: () => void) => {
      listeners.add(wake);
      return () => void listeners.delete(wake);
    },
    fire: () => [...listeners].forEach((wake) => wake()),
    get size() {
      return listeners.size;
    },
  };
}

describe('WakeSignal and waitForAny', () => {
  afterEach(() => vi.useRealTimers());

  it('wakes every waiter on notify, once, and forgets them', async () => {
    const signal = new WakeSignal();
    const woken: number[] = [];
    const waits = [1, 2, 3].map((i) => signal.wait(60_000).then(() => woken.push(i)));
    expect(signal.waiting).toBe(3);
    signal.notify();
    await Promise.all(waits);
    expect(woken.sort()).toEqual([1, 2, 3]);
    expect(signal.waiting).toBe(0);
  });

  it('resolves on the timeout and on an abort, leaving no listener behind', async () => {
    vi.useFakeTimers();
    const signal = new WakeSignal();
    const data = source();
    const timedOut = waitForAny(signal, 500, undefined, [data.subscribe]);
    await vi.advanceTimersByTimeAsync(500);
    await timedOut;
    expect([signal.waiting, data.size]).toEqual([0, 0]);

    const controller = new AbortController();
    const aborted = waitForAny(signal, 60_000, controller.signal, [data.subscribe]);
    controller.abort();
    await aborted;
    expect([signal.waiting, data.size, vi.getTimerCount()]).toEqual([0, 0, 0]);
  });

  it('resolves when any extra subscription fires, including one that fires while subscribing', async () => {
    const signal = new WakeSignal();
    const a = source();
    const b = source();
    const waiting = waitForAny(signal, 60_000, undefined, [a.subscribe, b.subscribe]);
    b.fire();
    await waiting;
    expect([signal.waiting, a.size, b.size]).toEqual([0, 0, 0]);

    const eager = (wake: () => void) => {
      wake();
      return a.subscribe(wake);
    };
    await waitForAny(signal, 60_000, undefined, [eager, b.subscribe]);
    expect([signal.waiting, a.size, b.size]).toEqual([0, 0, 0]);
  });

  it('returns at once for a spent timeout or an aborted signal', async () => {
    const signal = new WakeSignal();
    await waitForAny(signal, 0, undefined, []);
    await signal.wait(60_000, AbortSignal.abort());
    expect(signal.waiting).toBe(0);
  });
});
