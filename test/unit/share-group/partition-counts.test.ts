/** PartitionCounts over a real FileLogStore: remembered counts admit partitions; anything beyond is looked up again. */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/clock.js';
import { PartitionCounts } from '../../../src/share-group/partition-counts.js';
import { FileLogStore } from '../../../src/storage/embedded/file-log-store.js';
import { useTmpDirs } from '../../helpers/tmp-dir.js';

const tmp = useTmpDirs('sharelog-counts-');

function open(): FileLogStore {
  const store = FileLogStore.open({
    dataDir: tmp.make(),
    fsync: { mode: 'never' },
    segmentBytes: 1 << 20,
    indexIntervalBytes: 4096,
    defaultTopicConfig: { retentionMs: -1, retentionBytes: -1 },
    retentionCheckMs: 3_600_000,
    clock: new ManualClock(1_700_000_000_000),
  });
  tmp.onCleanup(() => store.close());
  return store;
}

describe('PartitionCounts', () => {
  it('admits the partitions of a topic and refuses the others and unknown topics', async () => {
    const log = open();
    await log.createTopic('orders', 2);
    const counts = new PartitionCounts(log);
    expect(await counts.admits('orders', 0)).toBe(true);
    expect(await counts.admits('orders', 1)).toBe(true);
    expect(await counts.admits('orders', 2)).toBe(false);
    expect(await counts.admits('nope', 0)).toBe(false);
  });

  it('admits a partition added after its topic was remembered at once, and a topic created after a miss', async () => {
    const log = open();
    await log.createTopic('orders', 1);
    const counts = new PartitionCounts(log);
    expect(await counts.admits('orders', 0)).toBe(true);
    await log.createPartitions('orders', 3);
    expect(await counts.admits('orders', 2)).toBe(true);
    expect(await counts.admits('later', 0)).toBe(false);
    await log.createTopic('later', 1);
    expect(await counts.admits('later', 0)).toBe(true);
  });
});
