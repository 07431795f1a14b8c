import { describe, expect, it } from 'vitest';
import { StickyPartitioner, murmur2, partitionForKey } from '../../../src/log/partitioner.js';

const utf8 = (s: string) => Buffer.from(s, 'utf8');

describe('murmur2', () => {
  // Expected values from Kafka's UtilsTest.testMurmur2 and from other clients checked against Kafka.
  it.each([
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
    ['1', -1993445489],
    ['12', 126087238],
    ['123', -267702483],
    ['1234', -1614185708],
    ['12345', -1188365604],
  ])('hashes %j like Kafka', (input, expected) => {
    expect(murmur2(utf8(input))).toBe(expected);
  });

  it('puts keys on the partitions Kafka would', () => {
    // toPositive(murmur2("21")) % 10: -973932308 & 0x7fffffff = 1173551340, % 10 = 0
    expect(partitionForKey(utf8('21'), 10)).toBe(1173551340 % 10);
    expect(partitionForKey(utf8('foobar'), 7)).toBe((-790332482 & 0x7fffffff) % 7);
    for (let i = 0; i < 100; i++) {
      const p = partitionForKey(utf8(`key-${i}`), 12);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(12);
    }
  });
});

describe('StickyPartitioner', () => {
  it('cycles through every partition', () => {
    const sticky = new StickyPartitioner();
    const seen = new Set<number>();
    for (let i = 0; i < 6; i++) seen.add(sticky.nextPartition(6));
    expect(seen.size).toBe(6);
  });
});
