import { describe, expect, it } from 'vitest';
import { makeState, offsetsOf, range } from './helpers.js';

/** Keys by offset: a string like 'ABAB' gives offset 0 key A, 1 key B, ...; '-' = no key. */
function keysOf(spec: string): (offset: number) => string | null {
  return (o) => (spec[o] === undefined || spec[o] === '-' ? null : spec[o]);
}

describe('per-key ordering', () => {
  it('hands out at most one unfinished record per key; a delayed key holds back only itself', () => {
    const { sp, clock } = makeState({ perKeyOrdering: true });
    const keyOf = keysOf('ABAB');
    expect(offsetsOf(sp.acquire('w1', 10, 4, keyOf))).toEqual([0, 1]);
    expect(sp.endOffset).toBe(2);
    expect(sp.acquire('w2', 10, 4, keyOf)).toEqual([]);
    expect(sp.hasAcquirable(4)).toBe(false);

    // Key A's record goes back with a delay; key B finishes.
    sp.acknowledge('w1', [range(0, 0, 'RELEASE', { releaseDelayMs: 1000 }), range(1, 1, 'ACCEPT')]);
    expect(sp.hasAcquirable(4)).toBe(true);
    // B moves on; A (offset 2) waits behind the delayed offset 0.
    expect(offsetsOf(sp.acquire('w2', 10, 4, keyOf))).toEqual([3]);
    expect(sp.endOffset).toBe(4);
    expect(sp.inspect(2, 2, 4)[0]).toMatchObject({ state: 'AVAILABLE', deliveryCount: 0 });
    expect(sp.acquire('w2', 10, 4, keyOf)).toEqual([]);

    clock.advance(1000);
    const [redelivery] = sp.acquire('w2', 10, 4, keyOf);
    expect(redelivery).toMatchObject({ firstOffset: 0, lastOffset: 0, deliveryCount: 2 });
    expect(sp.acquire('w2', 10, 4, keyOf)).toEqual([]);
    sp.acknowledge('w2', [range(0, 0, 'ACCEPT')]);
    expect(offsetsOf(sp.acquire('w2', 10, 4, keyOf))).toEqual([2]);
  });

  it('never blocks records without a key, and keyed records after a gap still go out', () => {
    const { sp } = makeState({ perKeyOrdering: true });
    const keyOf = keysOf('AA--AB');
    expect(offsetsOf(sp.acquire('w', 10, 6, keyOf))).toEqual([0, 2, 3, 5]);
    // 1 and 4 joined the window as never-delivered records.
    expect(sp.counts()).toMatchObject({ available: 2, acquired: 4 });
    sp.acknowledge('w', [range(0, 0, 'ACCEPT')]);
    expect(offsetsOf(sp.acquire('w', 10, 6, keyOf))).toEqual([1]);
    sp.acknowledge('w', [range(1, 1, 'ACCEPT')]);
    expect(offsetsOf(sp.acquire('w', 10, 6, keyOf))).toEqual([4]);
  });

  it('keeps a failing key in order across redeliveries while other keys flow', () => {
    const { sp } = makeState({ perKeyOrdering: true, deliveryCountLimit: 3 });
    const keyOf = keysOf('ABCABC');
    expect(offsetsOf(sp.acquire('w', 10, 6, keyOf))).toEqual([0, 1, 2]);
    sp.acknowledge('w', [range(0, 0, 'RELEASE'), range(1, 2, 'ACCEPT')]);
    // A's offset 0 comes back first; offset 3 (A) waits; B and C move on.
    expect(offsetsOf(sp.acquire('w', 10, 6, keyOf))).toEqual([0, 4, 5]);
    sp.acknowledge('w', [range(0, 0, 'RELEASE')]);
    expect(offsetsOf(sp.acquire('w', 10, 6, keyOf))).toEqual([0]);
    // Third failure: archived at the limit, which unblocks key A.
    const [r] = sp.acknowledge('w', [range(0, 0, 'RELEASE')]);
    expect(r.archived?.map((a) => a.offset)).toEqual([0]);
    expect(offsetsOf(sp.acquire('w', 10, 6, keyOf))).toEqual([3]);
  });

  it('respects maxRecords and the cap while skipping blocked records', () => {
    const { sp } = makeState({ perKeyOrdering: true, maxInFlightRecords: 2 });
    const keyOf = keysOf('AABCD');
    expect(offsetsOf(sp.acquire('w', 10, 5, keyOf))).toEqual([0, 2]);
    sp.acknowledge('w', [range(2, 2, 'ACCEPT')]);
    expect(offsetsOf(sp.acquire('w', 1, 5, keyOf))).toEqual([3]);
    sp.acknowledge('w', [range(0, 0, 'ACCEPT')]);
    expect(offsetsOf(sp.acquire('w', 10, 5, keyOf))).toEqual([1]);
  });

  it('ignores keys when ordering is off', () => {
    const { sp } = makeState();
    expect(offsetsOf(sp.acquire('w', 10, 4, keysOf('AAAA')))).toEqual([0, 1, 2, 3]);
  });
});
