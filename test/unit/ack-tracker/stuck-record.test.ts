import { describe, expect, it } from 'vitest';
import { makeState, range } from './helpers.js';

describe('a stuck record at the start offset', () => {
  it('does not stall the partition: 1,000,000 later records flow with a handful of runs', () => {
    const { sp, clock } = makeState({ lockDurationMs: 30_000 });
    const [stuck] = sp.acquire('slow', 1, 1);
    expect(stuck).toMatchObject({ firstOffset: 0, lastOffset: 0 });
    let maxRuns = 0;
    const total = 1_000_000;
    for (let next = 1; next <= total; next += 500) {
      const batches = sp.acquire('fast', 500, total + 1);
      expect(batches).toHaveLength(1);
      const b = batches[0];
      expect([b.firstOffset, b.lastOffset]).toEqual([next, next + 499]);
      const [result] = sp.acknowledge('fast', [range(b.firstOffset, b.lastOffset, 'ACCEPT', { leaseToken: b.leaseToken })]);
      expect(result.error).toBeNull();
      clock.advance(100);
      if ((next - 1) % 50_000 === 0) {
        const [renewed] = sp.acknowledge('slow', [range(0, 0, 'RENEW', { leaseToken: stuck.leaseToken })]);
        expect(renewed.error).toBeNull();
      }
      sp.takeDeltas();
      maxRuns = Math.max(maxRuns, sp.runCount());
    }
    expect(sp.startOffset).toBe(0);
    expect(sp.endOffset).toBe(total + 1);
    expect(maxRuns).toBeLessThanOrEqual(3);
    expect(sp.runCount()).toBe(2);
    expect(sp.counts()).toEqual({ available: 0, acquired: 1, acknowledged: total, archived: 0, delayed: 0 });
    expect(sp.inspect(0, 0, total + 1)[0]).toMatchObject({ state: 'ACQUIRED', memberId: 'slow', deliveryCount: 1 });
    // The window's snapshot stays small too.
    expect(sp.snapshot().runs).toHaveLength(2);

    const [done] = sp.acknowledge('slow', [range(0, 0, 'ACCEPT')]);
    expect(done.error).toBeNull();
    expect(sp.startOffset).toBe(total + 1);
    expect(sp.runCount()).toBe(0);
  });

  it('merges finished records with both neighbours, whatever order the acks come in', () => {
    const { sp } = makeState();
    sp.acquire('slow', 1, 1);
    const [b] = sp.acquire('fast', 100, 101);
    const order = [7, 2, 9, 0, 5, 3, 8, 1, 6, 4]; // ten slices of ten, acknowledged out of order
    for (const i of order) {
      const first = b.firstOffset + i * 10;
      expect(sp.acknowledge('fast', [range(first, first + 9, 'ACCEPT')])[0].error).toBeNull();
    }
    expect(sp.runCount()).toBe(2);
    expect(sp.counts()).toMatchObject({ acquired: 1, acknowledged: 100 });
  });
});
