/**
 * The read side of a Consumer: one long-poll Fetch loop per assigned partition, all feeding one bounded buffer
 * that the application drains. Partitions are fair because each has its own loop and a loop waits while the buffer
 * is full; a seek or a revocation bumps the partition's generation, which cancels its fetch in flight and makes
 * its buffered records stale, so nothing from before the change reaches the application.
 */
import { status } from '@grpc/grpc-js';
import type { SharelogClient } from './client.js';
import { toClientError, type SharelogClientError } from './errors.js';
import { fromConsumedRecord, tpKey, type ConsumerRecord, type TopicPartition } from './records.js';
import { backoffMs, sleep } from './retry.js';

export interface PartitionState extends TopicPartition {
  key: string;
  /** Next offset to fetch; undefined until the start position is known. */
  fetchPosition: bigint | undefined;
  /** One past the last record the application has consumed: what a commit stores. */
  consumed: bigint | undefined;
  /** The offset last committed for this partition by this consumer. */
  committed: bigint | undefined;
  generation: number;
  fetch: AbortController;
}

export interface BufferedRecord {
  record: ConsumerRecord;
  state: PartitionState;
  generation: number;
}

export interface FetcherOptions {
  fetchMaxRecords: number;
  fetchMaxBytes: number;
  maxWaitMs: number;
  maxBufferedRecords: number;
  autoOffsetReset: 'earliest' | 'latest';
  onError: (err: SharelogClientError) => void;
}

export class PartitionFetcher {
  readonly partitions = new Map<string, PartitionState>();
  private buffer: BufferedRecord[] = [];
  private dataWaiters = new Set<() => void>();
  private roomWaiters = new Set<() => void>();
  private closed = false;

  constructor(
    private readonly client: SharelogClient,
    private readonly options: FetcherOptions,
  ) {}

  /** Starts reading a partition at `position` (undefined: where autoOffsetReset says). */
  add(tp: TopicPartition, position: bigint | undefined): PartitionState {
    const state: PartitionState = {
      topic: tp.topic,
      partition: tp.partition,
      key: tpKey(tp.topic, tp.partition),
      fetchPosition: position,
      consumed: position,
      committed: position,
      generation: 0,
      fetch: new AbortController(),
    };
    this.partitions.set(state.key, state);
    void this.loop(state);
    return state;
  }

  /** Stops reading a partition; its buffered records are dropped. */
  remove(key: string): PartitionState | undefined {
    const state = this.partitions.get(key);
    if (!state) return undefined;
    this.partitions.delete(key);
    this.invalidate(state);
    return state;
  }

  /** Reads the partition from `offset` next; records buffered from before are dropped. */
  seek(state: PartitionState, offset: bigint): void {
    this.invalidate(state);
    state.fetchPosition = offset;
    state.consumed = offset;
  }

  /** True when a buffered record may still be handed out. */
  isCurrent(entry: BufferedRecord): boolean {
    return this.partitions.get(entry.state.key) === entry.state && entry.state.generation === entry.generation;
  }

  /** Up to `max` records, waiting up to `waitMs` for the first one. */
  async take(max: number, waitMs: number): Promise<BufferedRecord[]> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      this.buffer = this.buffer.filter((e) => this.isCurrent(e));
      if (this.buffer.length > 0 || this.closed) break;
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      await this.wait(this.dataWaiters, remaining);
    }
    const out = this.buffer.splice(0, max);
    if (out.length > 0) this.wake(this.roomWaiters);
    return out;
  }

  /** Returns records taken but never handed to the application, to be taken first next time. */
  putBack(entries: BufferedRecord[]): void {
    this.buffer.unshift(...entries.filter((e) => this.isCurrent(e)));
    if (this.buffer.length > 0) this.wake(this.dataWaiters);
  }

  close(): void {
    this.closed = true;
    for (const state of this.partitions.values()) this.invalidate(state);
    this.partitions.clear();
    this.buffer = [];
    this.wake(this.dataWaiters);
    this.wake(this.roomWaiters);
  }

  private invalidate(state: PartitionState): void {
    state.generation++;
    state.fetch.abort();
    state.fetch = new AbortController();
    this.wake(this.roomWaiters);
  }

  private active(state: PartitionState): boolean {
    return !this.closed && this.partitions.get(state.key) === state;
  }

  private async loop(state: PartitionState): Promise<void> {
    let failures = 0;
    while (this.active(state)) {
      if (this.buffer.length >= this.options.maxBufferedRecords) {
        await this.wait(this.roomWaiters, 1_000);
        continue;
      }
      const generation = state.generation;
      const signal = state.fetch.signal;
      try {
        if (state.fetchPosition === undefined) {
          const reset = await this.resetPosition(state, signal);
          if (state.generation === generation) state.fetchPosition = state.consumed = reset;
          continue;
        }
        const response = await this.client.call(
          'consumer',
          'Fetch',
          {
            topic: state.topic,
            partition: state.partition,
            offset: state.fetchPosition.toString(),
            maxRecords: this.options.fetchMaxRecords,
            maxBytes: this.options.fetchMaxBytes,
            maxWaitMs: this.options.maxWaitMs,
          },
          { deadlineMs: this.options.maxWaitMs + this.client.deadlineMs, signal },
        );
        failures = 0;
        if (state.generation !== generation || !this.active(state) || response.records.length === 0) continue;
        for (const r of response.records) this.buffer.push({ record: fromConsumedRecord(r), state, generation });
        state.fetchPosition = BigInt(response.records[response.records.length - 1].offset) + 1n;
        this.wake(this.dataWaiters);
      } catch (raw) {
        if (state.generation !== generation || !this.active(state)) continue; // cancelled by seek/revoke/close
        const err = toClientError(raw);
        if (err.code === 'OFFSET_OUT_OF_RANGE') {
          // Retention removed the position (or a seek went past the end): start again where the policy says.
          state.fetchPosition = undefined;
          continue;
        }
        if (err.status !== status.UNAVAILABLE && err.status !== status.DEADLINE_EXCEEDED) this.options.onError(err);
        await sleep(backoffMs(this.client.retryPolicy, ++failures), signal).catch(() => undefined);
      }
    }
  }

  private async resetPosition(state: PartitionState, signal: AbortSignal): Promise<bigint> {
    const topic = await this.client.call('admin', 'DescribeTopic', { name: state.topic }, { retry: true, signal });
    const partition = topic.topic!.partitions.find((p) => p.partition === state.partition);
    if (!partition) throw toClientError({ code: status.NOT_FOUND, details: `topic ${state.topic} has no partition ${state.partition}` });
    return BigInt(this.options.autoOffsetReset === 'earliest' ? partition.startOffset : partition.endOffset);
  }

  private wait(waiters: Set<() => void>, ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      waiters.add(done);
    });
  }

  private wake(waiters: Set<() => void>): void {
    for (const wake of [...waiters]) wake();
  }
}
