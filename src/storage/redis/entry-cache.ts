/**
 * Log entries (record batches) the redis log store read recently, with their CRC-checked headers: share groups
 * take a producer's 1,000-record batch a hundred records at a time, and every such read used to fetch the whole
 * batch from Redis again (the largest cost of a draining server) and check its CRC again.
 *
 * A stream entry never changes once written, but a topic deleted and made again reuses its entry ids. So every
 * entry is stamped with its partition's `born` (set in the meta hash when the partition's first batch is
 * appended, from Redis TIME), which each read fetches anyway with the partition's offsets: an entry of an earlier
 * incarnation is never served. Partitions written before the stamp existed are not cached.
 */
import type { BatchHeader, RecordCursor } from '../../log/record-batch.js';

export interface CachedEntry {
  born: string;
  /** Offsets [base, end). */
  base: number;
  end: number;
  batch: Buffer;
  header: BatchHeader;
  /** Where the last read of this entry stopped: the next one starting there skips the walk to it. */
  resume?: { offset: number; cursor: RecordCursor };
}

/** Entries kept per partition: enough for the batches a group's members read side by side. */
const PER_PARTITION = 4;

export class EntryCache {
  /** Every cached entry, least recently used first, with its partition key. */
  private readonly lru = new Map<CachedEntry, string>();
  private readonly byPartition = new Map<string, CachedEntry[]>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The cached entry holding `offset` of the partition (any incarnation: the caller compares `born`). */
  find(partitionKey: string, offset: number): CachedEntry | undefined {
    const list = this.byPartition.get(partitionKey);
    if (!list) return undefined;
    for (const entry of list) {
      if (entry.base <= offset && offset < entry.end) {
        this.lru.delete(entry);
        this.lru.set(entry, partitionKey);
        return entry;
      }
    }
    return undefined;
  }

  add(partitionKey: string, entry: CachedEntry): void {
    if (entry.batch.length > this.maxBytes) return;
    let list = this.byPartition.get(partitionKey);
    if (!list) this.byPartition.set(partitionKey, (list = []));
    if (list.some((e) => e.base === entry.base && e.born === entry.born)) return;
    list.push(entry);
    this.lru.set(entry, partitionKey);
    this.bytes += entry.batch.length;
    if (list.length > PER_PARTITION) this.remove(list[0]);
    for (const [oldest] of this.lru) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  /** Forgets a partition's entries (a newer incarnation was seen). */
  dropPartition(partitionKey: string): void {
    for (const entry of [...(this.byPartition.get(partitionKey) ?? [])]) this.remove(entry);
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.lru.size, bytes: this.bytes };
  }

  private remove(entry: CachedEntry): void {
    const key = this.lru.get(entry);
    if (key === undefined) return;
    this.lru.delete(entry);
    this.bytes -= entry.batch.length;
    const list = this.byPartition.get(key)!;
    list.splice(list.indexOf(entry), 1);
    if (list.length === 0) this.byPartition.delete(key);
  }
}
