import { describe, expect, it } from 'vitest';
import type { BatchHeader } from '../../../src/log/record-batch.js';
import { EntryCache, type CachedEntry } from '../../../src/storage/redis/entry-cache.js';

const entry = (base: number, count: number, bytes: number, born = 'b1'): CachedEntry => ({
  born,
  base,
  end: base + count,
  batch: Buffer.alloc(bytes),
  header: { baseOffset: base, recordCount: count } as BatchHeader,
});

describe('EntryCache', () => {
  it('finds the entry holding an offset, per partition', () => {
    const cache = new EntryCache(1 << 20);
    cache.add('t/0', entry(0, 10, 100));
    cache.add('t/0', entry(10, 5, 100));
    cache.add('t/1', entry(0, 3, 100));
    expect(cache.find('t/0', 9)?.base).toBe(0);
    expect(cache.find('t/0', 10)?.base).toBe(10);
    expect(cache.find('t/0', 15)).toBeUndefined();
    expect(cache.find('t/1', 2)?.end).toBe(3);
    expect(cache.find('t/2', 0)).toBeUndefined();
  });

  it('keeps its byte budget by dropping the least recently used entries', () => {
    const cache = new EntryCache(300);
    cache.add('a/0', entry(0, 1, 100));
    cache.add('b/0', entry(0, 1, 100));
    cache.add('c/0', entry(0, 1, 100));
    expect(cache.find('a/0', 0)).toBeDefined(); // a is now the most recently used
    cache.add('d/0', entry(0, 1, 100));
    expect(cache.find('b/0', 0)).toBeUndefined();
    expect(cache.find('a/0', 0)).toBeDefined();
    expect(cache.size).toEqual({ entries: 3, bytes: 300 });
    cache.add('e/0', entry(0, 1, 301)); // larger than the whole budget: not kept
    expect(cache.find('e/0', 0)).toBeUndefined();
    expect(cache.size.bytes).toBe(300);
  });

  it('keeps a few entries per partition, and forgets a partition on request', () => {
    const cache = new EntryCache(1 << 20);
    for (let i = 0; i < 6; i++) cache.add('t/0', entry(i * 10, 10, 10));
    expect(cache.find('t/0', 5)).toBeUndefined();
    expect(cache.find('t/0', 15)).toBeUndefined();
    expect(cache.find('t/0', 25)?.base).toBe(20);
    cache.add('t/0', entry(50, 10, 10)); // already there: not added twice
    expect(cache.size.entries).toBe(4);
    cache.dropPartition('t/0');
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });
});
