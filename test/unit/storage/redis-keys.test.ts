/** Every key one script touches must hash to one Redis Cluster slot (a script may not span slots). */
import calculateSlot from 'cluster-key-slot';
import { describe, expect, it } from 'vitest';
import { consumerGroupKey, partitionKeys } from '../../../src/storage/redis/keys.js';

describe('redis keys', () => {
  it.each([
    ['orders', 0],
    ['orders', 9999],
    ['a.b-c_d', 17],
    ['x'.repeat(249), 3],
  ])('put every key of %s/%i in one slot', (topic, partition) => {
    const keys = Object.values(partitionKeys(topic as string, partition as number));
    expect(new Set(keys.map((k) => calculateSlot(k))).size).toBe(1);
  });

  it('spreads partitions over slots', () => {
    const slots = new Set(Array.from({ length: 64 }, (_, p) => calculateSlot(partitionKeys('orders', p).log)));
    expect(slots.size).toBeGreaterThan(32);
  });

  it('tags a consumer group by its id', () => {
    expect(consumerGroupKey('billing')).toContain('{billing}');
  });
});
