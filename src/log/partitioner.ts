/**
 * Partition choice for records that do not name one: keyed records go where Kafka's default partitioner puts
 * them (murmur2 of the key bytes, sign bit cleared, modulo the partition count), so a key lands on the same
 * partition number in Sharelog as in Kafka. Keyless records stick to one partition per request and move on
 * round-robin between requests (Kafka's sticky partitioner, simplified: one request is one batch).
 */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  const m = 0x5bd1e995;
  let h = (0x9747b28c ^ length) | 0;
  const length4 = length & ~3;
  for (let i = 0; i < length4; i += 4) {
    let k = (data[i] & 0xff) | ((data[i + 1] & 0xff) << 8) | ((data[i + 2] & 0xff) << 16) | ((data[i + 3] & 0xff) << 24);
    k = Math.imul(k, m);
    k ^= k >>> 24;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }
  const tail = length % 4;
  if (tail === 3) h ^= (data[length4 + 2] & 0xff) << 16;
  if (tail >= 2) h ^= (data[length4 + 1] & 0xff) << 8;
  if (tail >= 1) {
    h ^= data[length4] & 0xff;
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's `Utils.toPositive(murmur2(key)) % numPartitions`. */
export function partitionForKey(key: Uint8Array, partitions: number): number {
  return (murmur2(key) & 0x7fffffff) % partitions;
}

/** Round-robin over partitions for keyless requests; one instance per topic. */
export class StickyPartitioner {
  private next = Math.floor(Math.random() * 1_000_000);

  nextPartition(partitions: number): number {
    const p = this.next % partitions;
    this.next = (this.next + 1) % 1_000_000_007;
    return p;
  }
}
