/**
 * Producer: batches records per topic (and explicit partition) until `lingerMs` passes or a batch is full, sends
 * one Produce per batch, and resolves each record's promise with its partition and offset.
 *
 * Idempotence (on by default): the producer has a random producer id and gives every request a new, larger
 * sequence; a retry resends the SAME request with the same sequence, so the server appends it once. The server
 * refuses a sequence lower than one it has seen on a partition, so a topic has one request in flight at a time:
 * a retry can then never fall behind a later request of the same producer (it also keeps records in order).
 *
 * Backpressure: at most `maxQueuedRecords` / `maxQueuedBytes` wait to be sent; `send` waits (first come, first
 * served) until there is room, so a fast caller cannot grow memory without bound.
 */
import { randomUUID } from 'node:crypto';
import type { ProduceRequest } from '../generated/sharelog/v1/ProduceRequest.js';
import type { Record as RecordProto } from '../generated/sharelog/v1/Record.js';
import type { SharelogClient } from './client.js';
import { closedError, type SharelogClientError } from './errors.js';
import { recordSize, toRecordProto, type Bytes, type ProducerRecord, type RecordPosition } from './records.js';
import { withRetry, type RetryPolicy } from './retry.js';

export interface ProducerOptions {
  /** Producer id + sequences make retries append once. Default true. Without it, failed sends are not retried. */
  idempotent?: boolean;
  /** Producer id to use (at most 64 characters); a random UUID by default. */
  producerId?: string;
  /** How long a batch waits for more records before it is sent, in ms. Default 5. */
  lingerMs?: number;
  /** Records per Produce request, at most. Default 500. */
  maxBatchRecords?: number;
  /** Bytes per Produce request, about (a single larger record is sent alone). Default 1 MiB. */
  maxBatchBytes?: number;
  /** Records waiting to be sent or acknowledged before `send` waits. Default 10000. */
  maxQueuedRecords?: number;
  /** Bytes waiting to be sent or acknowledged before `send` waits. Default 32 MiB. */
  maxQueuedBytes?: number;
  /** How long an idempotent batch keeps being retried, in ms. Default 120000. */
  deliveryTimeoutMs?: number;
  /** Deadline of each Produce attempt, in ms; the client's default when unset. */
  deadlineMs?: number;
  /** Backoff between retries; the client's policy when unset (its maxAttempts does not apply). */
  retry?: Partial<RetryPolicy>;
}

export interface SendOptions {
  /** Send to this partition; otherwise the server routes by key (murmur2, as Kafka) or spreads keyless records. */
  partition?: number;
  key?: Bytes;
  headers?: ProducerRecord['headers'];
  timestampMs?: number;
}

export interface ProducerStats {
  /** Records whose position came back. */
  records: number;
  /** Records whose batch failed for good. */
  failedRecords: number;
  /** Batches sent (each one Produce request, retries not counted). */
  batches: number;
  /** Produce calls made, retries included. */
  requests: number;
  retries: number;
  /** Retries the server recognised as already appended. */
  duplicates: number;
}

interface Pending {
  resolve: (position: RecordPosition) => void;
  reject: (err: unknown) => void;
}

interface Batch {
  key: string;
  topic: string;
  partition: number | undefined;
  records: RecordProto[];
  pending: Pending[];
  bytes: number;
  timer: NodeJS.Timeout | undefined;
}

export class Producer {
  readonly producerId: string;
  private readonly client: SharelogClient;
  private readonly idempotent: boolean;
  private readonly lingerMs: number;
  private readonly maxBatchRecords: number;
  private readonly maxBatchBytes: number;
  private readonly maxQueuedRecords: number;
  private readonly maxQueuedBytes: number;
  private readonly deliveryTimeoutMs: number;
  private readonly deadlineMs: number | undefined;
  private readonly retryPolicy: RetryPolicy;
  private sequence = 0;
  private readonly open = new Map<string, Batch>();
  private readonly ready = new Map<string, Batch[]>();
  private readonly inFlight = new Set<string>();
  private flushing = 0;
  private queuedRecords = 0;
  private queuedBytes = 0;
  private readonly roomWaiters: Array<{ bytes: number; grant: () => void }> = [];
  private settledWaiters: Array<() => void> = [];
  private closing: Promise<void> | undefined;
  private readonly untrack: () => void;
  private readonly counters: ProducerStats = { records: 0, failedRecords: 0, batches: 0, requests: 0, retries: 0, duplicates: 0 };

  constructor(client: SharelogClient, options: ProducerOptions = {}) {
    this.client = client;
    this.idempotent = options.idempotent ?? true;
    this.producerId = this.idempotent ? (options.producerId ?? randomUUID()) : '';
    this.lingerMs = options.lingerMs ?? 5;
    this.maxBatchRecords = Math.max(1, options.maxBatchRecords ?? 500);
    this.maxBatchBytes = Math.max(1, options.maxBatchBytes ?? 1024 * 1024);
    this.maxQueuedRecords = Math.max(1, options.maxQueuedRecords ?? 10_000);
    this.maxQueuedBytes = Math.max(1, options.maxQueuedBytes ?? 32 * 1024 * 1024);
    this.deliveryTimeoutMs = options.deliveryTimeoutMs ?? 120_000;
    this.deadlineMs = options.deadlineMs;
    this.retryPolicy = { ...client.retryPolicy, ...options.retry };
    this.untrack = client.track(this);
  }

  get stats(): Readonly<ProducerStats> {
    return { ...this.counters };
  }

  /** Records (and bytes) accepted by `send` and not yet acknowledged or failed. */
  get queued(): { records: number; bytes: number } {
    return { records: this.queuedRecords, bytes: this.queuedBytes };
  }

  /**
   * Queues one record for `topic` and resolves with where it was stored. The record is a value, or an object
   * with value, key, headers and timestamp; `options` add to it (and pick a partition).
   */
  async send(topic: string, record: Bytes | ProducerRecord, options: SendOptions = {}): Promise<RecordPosition> {
    if (this.closing) throw closedError('the producer');
    const base: ProducerRecord = typeof record === 'string' || record instanceof Uint8Array ? { value: record } : record;
    const proto = toRecordProto({
      value: base.value,
      key: options.key ?? base.key,
      headers: options.headers ?? base.headers,
      timestampMs: options.timestampMs ?? base.timestampMs,
    });
    const bytes = recordSize(proto);
    // Room reserved here is released when the batch settles; a producer closing meanwhile still sends it.
    const room = this.reserve(bytes);
    if (room) await room;
    return new Promise<RecordPosition>((resolve, reject) => this.append(topic, options.partition, proto, bytes, { resolve, reject }));
  }

  /** Sends every queued record now and resolves when all of them are acknowledged or failed. */
  async flush(): Promise<void> {
    // While a flush runs, records that were waiting for room do not linger either.
    this.flushing++;
    try {
      for (;;) {
        for (const batch of [...this.open.values()]) this.seal(batch);
        if (this.queuedRecords === 0 && this.roomWaiters.length === 0) return;
        await new Promise<void>((resolve) => this.settledWaiters.push(resolve));
      }
    } finally {
      this.flushing--;
    }
  }

  /** Stops accepting records, sends what is queued (flush), and detaches from the client. */
  close(): Promise<void> {
    return (this.closing ??= (async () => {
      try {
        await this.flush();
      } finally {
        this.untrack();
      }
    })());
  }

  // -------------------------------------------------------------------------------------------- batching

  /** Waits for room in the queue, in arrival order. */
  private reserve(bytes: number): Promise<void> | void {
    if (this.roomWaiters.length === 0 && this.fits(bytes)) {
      this.take(bytes);
      return;
    }
    return new Promise<void>((grant) => this.roomWaiters.push({ bytes, grant }));
  }

  private fits(bytes: number): boolean {
    if (this.queuedRecords === 0) return true; // one oversized record must still get through
    return this.queuedRecords + 1 <= this.maxQueuedRecords && this.queuedBytes + bytes <= this.maxQueuedBytes;
  }

  private take(bytes: number): void {
    this.queuedRecords++;
    this.queuedBytes += bytes;
  }

  private giveBack(records: number, bytes: number): void {
    this.queuedRecords -= records;
    this.queuedBytes -= bytes;
    while (this.roomWaiters.length > 0 && this.fits(this.roomWaiters[0].bytes)) {
      const waiter = this.roomWaiters.shift()!;
      this.take(waiter.bytes);
      waiter.grant();
    }
    const waiters = this.settledWaiters;
    this.settledWaiters = [];
    for (const wake of waiters) wake();
  }

  private append(topic: string, partition: number | undefined, record: RecordProto, bytes: number, pending: Pending): void {
    const key = `${topic}\u0000${partition ?? ''}`;
    let batch = this.open.get(key);
    if (batch && batch.bytes + bytes > this.maxBatchBytes) {
      this.seal(batch);
      batch = undefined;
    }
    if (!batch) {
      batch = { key, topic, partition, records: [], pending: [], bytes: 0, timer: undefined };
      this.open.set(key, batch);
      const sealing = batch;
      batch.timer = setTimeout(() => this.seal(sealing), this.flushing > 0 ? 0 : this.lingerMs);
    }
    batch.records.push(record);
    batch.pending.push(pending);
    batch.bytes += bytes;
    if (batch.records.length >= this.maxBatchRecords) this.seal(batch);
  }

  private seal(batch: Batch): void {
    clearTimeout(batch.timer);
    if (this.open.get(batch.key) !== batch) return;
    this.open.delete(batch.key);
    let queue = this.ready.get(batch.topic);
    if (!queue) this.ready.set(batch.topic, (queue = []));
    queue.push(batch);
    this.drain(batch.topic);
  }

  /** Sends the topic's next batch unless one is in flight (see the file comment). */
  private drain(topic: string): void {
    if (this.inFlight.has(topic)) return;
    const queue = this.ready.get(topic);
    const batch = queue?.shift();
    if (!batch) return;
    if (queue!.length === 0) this.ready.delete(topic);
    this.inFlight.add(topic);
    void this.sendBatch(batch).finally(() => {
      this.inFlight.delete(topic);
      this.drain(topic);
    });
  }

  private async sendBatch(batch: Batch): Promise<void> {
    const request: ProduceRequest = { topic: batch.topic, records: batch.records };
    if (batch.partition !== undefined) request.partition = batch.partition;
    if (this.idempotent) {
      request.producerId = this.producerId;
      // Chosen once per batch: every retry below resends this very sequence.
      request.sequence = this.sequence++;
    }
    this.counters.batches++;
    const policy: RetryPolicy = this.idempotent
      ? { ...this.retryPolicy, maxAttempts: Number.POSITIVE_INFINITY, totalTimeoutMs: this.deliveryTimeoutMs }
      : { ...this.retryPolicy, maxAttempts: 1 };
    try {
      const response = await withRetry(
        () => {
          this.counters.requests++;
          return this.client.call('producer', 'Produce', request, { deadlineMs: this.deadlineMs });
        },
        policy,
        { onRetry: () => this.counters.retries++ },
      );
      if (response.duplicate) this.counters.duplicates++;
      batch.pending.forEach((p, i) => {
        const position = response.positions[i];
        p.resolve({ partition: position.partition, offset: BigInt(position.offset) });
      });
      this.counters.records += batch.records.length;
    } catch (err) {
      this.counters.failedRecords += batch.records.length;
      for (const p of batch.pending) p.reject(err as SharelogClientError);
    } finally {
      this.giveBack(batch.records.length, batch.bytes);
    }
  }
}
