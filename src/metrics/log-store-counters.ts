/**
 * Produce and fetch counters without touching the API handlers: the server hands ProducerService a LogStore
 * whose append() counts what it appended, and ConsumerService one whose read() counts what it returned. Other
 * users of the store (share groups, dead letters, retention) see the plain store and are not counted.
 */
import type { RecordInput, StoredRecord } from '../log/record.js';
import type { LogStore } from '../storage/types.js';
import type { SharelogMetrics } from './types.js';

/** Key, value and header bytes of the records: what the client sent or receives, without framing. */
export function recordBytes(records: readonly (RecordInput | StoredRecord)[]): number {
  let bytes = 0;
  for (const r of records) {
    bytes += (r.key?.length ?? 0) + r.value.length;
    for (const h of r.headers) bytes += Buffer.byteLength(h.key) + h.value.length;
  }
  return bytes;
}

/** `store`, with `method` replaced by `replacement`; every other member is the store's own (bound to it). */
function overriding<K extends keyof LogStore>(store: LogStore, method: K, replacement: LogStore[K]): LogStore {
  const bound = new Map<PropertyKey, unknown>([[method, replacement]]);
  return new Proxy(store, {
    get(target, prop) {
      if (bound.has(prop)) return bound.get(prop);
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      const fn = value.bind(target);
      bound.set(prop, fn);
      return fn;
    },
  });
}

/** Counts records appended through this store (a retried duplicate appends nothing and is not counted). */
export function countingAppends(store: LogStore, metrics: SharelogMetrics): LogStore {
  return overriding(store, 'append', async (topic, partition, records, options) => {
    const result = await store.append(topic, partition, records, options);
    if (!result.duplicate) metrics.recordsProduced(topic, records.length, recordBytes(records));
    return result;
  });
}

/** Counts records read through this store. */
export function countingReads(store: LogStore, metrics: SharelogMetrics): LogStore {
  return overriding(store, 'read', async (topic, partition, offset, maxRecords, maxBytes) => {
    const result = await store.read(topic, partition, offset, maxRecords, maxBytes);
    if (result.records.length > 0) metrics.recordsFetched(topic, result.records.length, recordBytes(result.records));
    return result;
  });
}
