/**
 * Consumer: a member of a consumer group (KIP-848 style, assignment computed by the server). It heartbeats in
 * the background, reads its partitions with long-poll fetches (PartitionFetcher), and commits offsets, either
 * every `autoCommitIntervalMs` and on close (auto) or when the application calls `commit()`.
 *
 * A record counts as consumed once the application comes back for the next one (the iterator's next `next()`,
 * the next `poll()`, `commit()`, or leaving a `for await` loop): a record whose processing is cut short by a
 * crash is read again, never skipped (at-least-once).
 *
 * Rebalances follow the protocol in consumer.proto: a partition that leaves the assignment stops being fetched,
 * its position is committed (auto mode), and the next heartbeat goes out at once to confirm the release.
 */
import type { SharelogClient } from './client.js';
import { closedError, toClientError, type SharelogClientError } from './errors.js';
import { PartitionFetcher, type BufferedRecord, type PartitionState } from './partition-fetcher.js';
import { fromAssignment, tpKey, type ConsumerRecord, type Int64, type TopicPartition } from './records.js';
import { backoffMs, sleep } from './retry.js';

export interface AssignmentChange {
  assigned: TopicPartition[];
  revoked: TopicPartition[];
}

export interface ConsumerOptions {
  /** Commit consumed positions every autoCommitIntervalMs and on close/revocation. Default true. */
  autoCommit?: boolean;
  /** Default 5000. */
  autoCommitIntervalMs?: number;
  /** Start of a partition without a committed offset. Default 'latest' (as Kafka). */
  autoOffsetReset?: 'earliest' | 'latest';
  /** Records per poll / per iterator refill. Default 500. */
  maxRecords?: number;
  /** Long-poll wait of each Fetch, and default wait of `poll`, in ms. Default 5000. */
  maxWaitMs?: number;
  /** Per Fetch. Defaults 500 records, 1 MiB. */
  fetchMaxRecords?: number;
  fetchMaxBytes?: number;
  /** Records read ahead and not yet handed to the application, at most. Default 2000. */
  maxBufferedRecords?: number;
  /** Heartbeat at least this often (the server's heartbeat_interval_ms applies when it is shorter). */
  heartbeatIntervalMs?: number;
  /** Session timeout asked for on join (1000..3600000); the server default (45 s) when unset. */
  sessionTimeoutMs?: number;
  /** Told after each assignment change, before the heartbeat that confirms it (awaited). */
  onAssignment?: (change: AssignmentChange) => void | Promise<void>;
  /** Errors of background work (heartbeats, fetches, auto-commits) that the consumer recovers from. */
  onError?: (err: SharelogClientError) => void;
}

export class Consumer implements AsyncIterable<ConsumerRecord> {
  private readonly client: SharelogClient;
  private readonly options: Required<Omit<ConsumerOptions, 'sessionTimeoutMs' | 'heartbeatIntervalMs' | 'onAssignment'>> &
    Pick<ConsumerOptions, 'sessionTimeoutMs' | 'heartbeatIntervalMs' | 'onAssignment'>;
  private readonly fetcher: PartitionFetcher;
  private groupId = '';
  private topics: string[] = [];
  private _memberId = '';
  private memberEpoch = 0;
  private intervalMs = 5_000;
  /** Records handed out by the last poll (or iterator step) and not yet consumed. */
  private delivered: BufferedRecord[] = [];
  private readonly stop = new AbortController();
  private heartbeatLoop: Promise<void> | undefined;
  private commitTimer: NodeJS.Timeout | undefined;
  private closing: Promise<void> | undefined;
  private readonly untrack: () => void;

  constructor(client: SharelogClient, options: ConsumerOptions = {}) {
    this.client = client;
    this.options = {
      autoCommit: options.autoCommit ?? true,
      autoCommitIntervalMs: options.autoCommitIntervalMs ?? 5_000,
      autoOffsetReset: options.autoOffsetReset ?? 'latest',
      maxRecords: options.maxRecords ?? 500,
      maxWaitMs: options.maxWaitMs ?? 5_000,
      fetchMaxRecords: options.fetchMaxRecords ?? 500,
      fetchMaxBytes: options.fetchMaxBytes ?? 1024 * 1024,
      maxBufferedRecords: options.maxBufferedRecords ?? 2_000,
      sessionTimeoutMs: options.sessionTimeoutMs,
      heartbeatIntervalMs: options.heartbeatIntervalMs,
      onAssignment: options.onAssignment,
      onError: options.onError ?? (() => undefined),
    };
    this.fetcher = new PartitionFetcher(client, { ...this.options, onError: (err) => this.options.onError(err) });
    this.untrack = client.track(this);
  }

  get memberId(): string {
    return this._memberId;
  }

  /** Joins `group` reading `topics`, and starts heartbeating and fetching. Resolves once joined. */
  async subscribe(group: string, topics: string[]): Promise<void> {
    if (this.closing) throw closedError('the consumer');
    if (this.groupId) throw new Error(`this consumer already subscribed to group "${this.groupId}"`);
    this.groupId = group;
    this.topics = [...topics];
    await this.join();
    this.heartbeatLoop = this.runHeartbeats();
    if (this.options.autoCommit) this.armAutoCommit();
  }

  /** The partitions this member reads now. */
  assignment(): TopicPartition[] {
    return [...this.fetcher.partitions.values()].map(({ topic, partition }) => ({ topic, partition }));
  }

  /**
   * The next offset to fetch from a partition (records before it may still wait in the buffer); undefined while
   * the start position is being resolved or the partition is not assigned.
   */
  position(topic: string, partition: number): bigint | undefined {
    return this.fetcher.partitions.get(tpKey(topic, partition))?.fetchPosition;
  }

  /**
   * Up to `maxRecords` records, waiting up to `maxWaitMs` for the first. Records of the previous poll count as
   * consumed.
   */
  async poll(options: { maxRecords?: number; maxWaitMs?: number } = {}): Promise<ConsumerRecord[]> {
    this.markConsumed(this.delivered);
    if (this.closing) return [];
    const entries = await this.fetcher.take(options.maxRecords ?? this.options.maxRecords, options.maxWaitMs ?? this.options.maxWaitMs);
    this.delivered = entries;
    return entries.map((e) => e.record);
  }

  /** Records one at a time, until the consumer is closed. */
  async *[Symbol.asyncIterator](): AsyncGenerator<ConsumerRecord, void, undefined> {
    while (!this.closing) {
      const batch = await this.fetcher.take(this.options.maxRecords, this.options.maxWaitMs);
      for (let i = 0; i < batch.length; i++) {
        const entry = batch[i];
        if (!this.fetcher.isCurrent(entry)) continue; // seeked or revoked meanwhile
        this.delivered = [entry];
        let resumed = false;
        try {
          yield entry.record;
          resumed = true;
        } finally {
          // Coming back for more (or leaving the loop) means the record was processed.
          this.markConsumed([entry]);
          this.delivered = [];
          // Leaving the loop: what was taken but not yet yielded is read next, by poll or a new loop.
          if (!resumed) this.fetcher.putBack(batch.slice(i + 1));
        }
        if (this.closing) return;
      }
    }
  }

  /**
   * Commits offsets: the given ones, or the consumed position of every assigned partition (the records handed
   * out so far included). Retried on transient failures.
   */
  async commit(offsets?: Array<TopicPartition & { offset: Int64 }>): Promise<void> {
    if (!offsets) this.markConsumed(this.delivered);
    const list = offsets?.map((o) => ({ ...o, offset: BigInt(o.offset) })) ?? this.pendingCommits([...this.fetcher.partitions.values()]);
    await this.commitOffsets(list);
  }

  /** Reads a partition from `offset` next; a later commit stores it. */
  seek(topic: string, partition: number, offset: Int64): void {
    const state = this.fetcher.partitions.get(tpKey(topic, partition));
    if (!state) throw new Error(`partition ${topic}/${partition} is not assigned to this consumer`);
    this.fetcher.seek(state, BigInt(offset));
  }

  /** Stops fetching, commits consumed positions (auto mode), and leaves the group. */
  close(): Promise<void> {
    return (this.closing ??= (async () => {
      // Closing after a poll means its records were processed, as a next poll would (Kafka commits them too).
      this.markConsumed(this.delivered);
      this.delivered = [];
      this.stop.abort();
      clearTimeout(this.commitTimer);
      await this.heartbeatLoop?.catch(() => undefined);
      const states = [...this.fetcher.partitions.values()];
      this.fetcher.close();
      try {
        if (this._memberId && this.options.autoCommit) await this.commitOffsets(this.pendingCommits(states)).catch((err) => this.report(err));
        if (this._memberId) {
          await this.client
            .call('consumer', 'LeaveGroup', { groupId: this.groupId, memberId: this._memberId, memberEpoch: this.memberEpoch }, { retry: true })
            .catch((err) => this.report(err));
        }
      } finally {
        this.untrack();
      }
    })());
  }

  // ------------------------------------------------------------------------------------------ offsets

  private markConsumed(entries: BufferedRecord[]): void {
    for (const entry of entries) {
      if (this.fetcher.isCurrent(entry)) entry.state.consumed = entry.record.offset + 1n;
    }
  }

  private pendingCommits(states: PartitionState[]): Array<TopicPartition & { offset: bigint }> {
    return states
      .filter((s) => s.consumed !== undefined && s.consumed !== s.committed)
      .map((s) => ({ topic: s.topic, partition: s.partition, offset: s.consumed! }));
  }

  private async commitOffsets(offsets: Array<TopicPartition & { offset: bigint }>): Promise<void> {
    if (offsets.length === 0) return;
    await this.client.call(
      'consumer',
      'CommitOffsets',
      {
        groupId: this.groupId,
        memberId: this._memberId,
        memberEpoch: this.memberEpoch,
        offsets: offsets.map((o) => ({ topic: o.topic, partition: o.partition, offset: o.offset.toString() })),
      },
      { retry: true },
    );
    for (const o of offsets) {
      const state = this.fetcher.partitions.get(tpKey(o.topic, o.partition));
      if (state) state.committed = o.offset;
    }
  }

  private armAutoCommit(): void {
    this.commitTimer = setTimeout(() => {
      void this.commitOffsets(this.pendingCommits([...this.fetcher.partitions.values()]))
        .catch((err) => this.report(err))
        .finally(() => {
          if (!this.closing) this.armAutoCommit();
        });
    }, this.options.autoCommitIntervalMs);
  }

  // ---------------------------------------------------------------------------------------- membership

  private async join(): Promise<void> {
    const response = await this.client.call(
      'consumer',
      'Heartbeat',
      {
        groupId: this.groupId,
        memberId: this._memberId,
        memberEpoch: 0,
        topics: this.topics,
        ...(this.options.sessionTimeoutMs !== undefined ? { sessionTimeoutMs: this.options.sessionTimeoutMs } : {}),
      },
      { retry: true, signal: this.stop.signal },
    );
    this._memberId = response.memberId;
    this.memberEpoch = response.memberEpoch;
    this.setInterval(response.heartbeatIntervalMs);
    await this.applyAssignment(fromAssignment(response.assignment));
  }

  private setInterval(serverMs: number): void {
    this.intervalMs = Math.min(serverMs > 0 ? serverMs : 5_000, this.options.heartbeatIntervalMs ?? Number.POSITIVE_INFINITY);
  }

  private async runHeartbeats(): Promise<void> {
    let delay = this.intervalMs;
    let failures = 0;
    while (!this.stop.signal.aborted) {
      try {
        await sleep(delay, this.stop.signal);
      } catch {
        return;
      }
      try {
        const changed = await this.heartbeat();
        failures = 0;
        // After a change, heartbeat at once: it confirms a release, or picks up what is now free.
        delay = changed ? 0 : this.intervalMs;
      } catch (raw) {
        if (this.stop.signal.aborted) return;
        const err = toClientError(raw);
        this.report(err);
        if (err.code === 'UNKNOWN_MEMBER' || err.code === 'FENCED_EPOCH') {
          // The membership is gone and with it every partition: commits would be fenced, so drop them unsaved.
          await this.applyAssignment([], { commit: false });
          this.memberEpoch = 0;
          await this.join().catch((e) => this.report(toClientError(e)));
          delay = this.memberEpoch === 0 ? backoffMs(this.client.retryPolicy, ++failures) : 0;
        } else {
          delay = Math.min(this.intervalMs, backoffMs(this.client.retryPolicy, ++failures));
        }
      }
    }
  }

  /** One heartbeat; true when the assignment changed. */
  private async heartbeat(): Promise<boolean> {
    if (this.memberEpoch === 0) {
      await this.join();
      return true;
    }
    const response = await this.client.call(
      'consumer',
      'Heartbeat',
      { groupId: this.groupId, memberId: this._memberId, memberEpoch: this.memberEpoch, topics: [] },
      { signal: this.stop.signal },
    );
    this.memberEpoch = response.memberEpoch;
    this.setInterval(response.heartbeatIntervalMs);
    return this.applyAssignment(fromAssignment(response.assignment));
  }

  /** Brings the fetcher in line with an assignment; true when something changed. */
  private async applyAssignment(target: TopicPartition[], options: { commit: boolean } = { commit: true }): Promise<boolean> {
    const wanted = new Map(target.map((tp) => [tpKey(tp.topic, tp.partition), tp]));
    const revoked: PartitionState[] = [];
    for (const key of [...this.fetcher.partitions.keys()]) {
      if (!wanted.has(key)) revoked.push(this.fetcher.remove(key)!);
    }
    const added = [...wanted].filter(([key]) => !this.fetcher.partitions.has(key)).map(([, tp]) => tp);
    if (revoked.length > 0 && options.commit && this.options.autoCommit) {
      await this.commitOffsets(this.pendingCommits(revoked)).catch((err) => this.report(err));
    }
    if (added.length > 0) {
      const committed = await this.committedOffsets();
      for (const tp of added) this.fetcher.add(tp, committed.get(tpKey(tp.topic, tp.partition)));
    }
    if (revoked.length === 0 && added.length === 0) return false;
    const strip = ({ topic, partition }: TopicPartition) => ({ topic, partition });
    await Promise.resolve(this.options.onAssignment?.({ assigned: added.map(strip), revoked: revoked.map(strip) })).catch((err) =>
      this.report(toClientError(err)),
    );
    return true;
  }

  private async committedOffsets(): Promise<Map<string, bigint>> {
    const response = await this.client.call('consumer', 'GetCommittedOffsets', { groupId: this.groupId, topic: '' }, { retry: true });
    return new Map(response.offsets.map((o) => [tpKey(o.topic, o.partition), BigInt(o.offset)]));
  }

  private report(err: unknown): void {
    this.options.onError(toClientError(err));
  }
}
