/**
 * Topic partition counts for checking acknowledgements, which name a topic and partition on every call. Looking the
 * topic up each time cost the redis backend a round trip per acknowledgement; a count is trusted for TTL_MS when it
 * admits the partition. A partition beyond the remembered count (or a topic not seen yet) is looked up afresh, so a
 * topic that gained partitions is never refused. The one cost: for up to TTL_MS after a topic was deleted, an
 * acknowledgement of its records still reaches the share-partition state it left behind instead of getting
 * UNKNOWN_TOPIC_OR_PARTITION; its records are gone either way.
 */
import type { LogStore } from '../storage/types.js';

const TTL_MS = 1000;

export class PartitionCounts {
  private readonly counts = new Map<string, { partitions: number; until: number }>();

  constructor(private readonly logStore: LogStore) {}

  /** True when `partition` is a partition of `topic`. */
  async admits(topic: string, partition: number): Promise<boolean> {
    const now = performance.now();
    const known = this.counts.get(topic);
    if (known && known.until > now && partition < known.partitions) return true;
    const partitions = await this.logStore.getTopic(topic).then(
      (t) => t.partitions,
      () => 0,
    );
    if (partitions > 0) this.counts.set(topic, { partitions, until: now + TTL_MS });
    else this.counts.delete(topic);
    return partition < partitions;
  }
}
