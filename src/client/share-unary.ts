/**
 * A share-group membership with unary calls: Heartbeat to join and stay alive (in the background, every
 * heartbeat_interval_ms), Fetch to acquire (acknowledgements ride along on it), Acknowledge for acknowledgements
 * that cannot wait for the next Fetch, LeaveGroup to leave. The fallback when Subscribe is not available.
 */
import { failBatch, settleBatch, type AckBatch } from './ack-batcher.js';
import type { SharelogClient } from './client.js';
import { toClientError } from './errors.js';
import type { PollSignal } from './poll-signal.js';
import { fromAcquiredRecord, fromAssignment, type AcquiredRecordInfo, type TopicPartition } from './records.js';
import { backoffMs, sleep } from './retry.js';
import type { ShareTransport, TransportOptions } from './share-transport.js';

export class UnaryTransport implements ShareTransport {
  memberId = '';
  private memberEpoch = 0;
  private intervalMs = 5_000;
  private currentAssignment: TopicPartition[] = [];
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private heartbeatFailures = 0;
  private fetchFailures = 0;
  private closing = false;
  private readonly stopped = new AbortController();

  constructor(
    private readonly client: SharelogClient,
    private readonly options: TransportOptions,
  ) {}

  assignment(): TopicPartition[] {
    return this.currentAssignment;
  }

  async start(): Promise<void> {
    await this.join();
  }

  async receive(max: number, waitMs: number, acks: AckBatch | undefined, stop: PollSignal): Promise<AcquiredRecordInfo[]> {
    const signal = stop.signal; // every unary poll makes a call that the signal must be able to cancel
    if (this.memberEpoch === 0) await this.join().catch((err) => this.options.onError(toClientError(err)));
    try {
      const response = await this.client.call(
        'share',
        'Fetch',
        {
          groupId: this.options.groupId,
          memberId: this.memberId,
          maxRecords: max,
          maxWaitMs: waitMs,
          acknowledgements: acks?.acknowledgements ?? [],
        },
        // Not retried: a lost response would leave its records locked until they expire; the next poll fetches.
        { deadlineMs: waitMs + this.client.deadlineMs, signal },
      );
      this.fetchFailures = 0;
      if (acks) settleBatch(acks, response.acknowledgementResults);
      return response.records.map(fromAcquiredRecord);
    } catch (raw) {
      const err = toClientError(raw);
      if (acks) failBatch(acks, err);
      if (stop.aborted || this.closing) return [];
      this.options.onError(err);
      if (err.code === 'UNKNOWN_MEMBER') this.memberEpoch = 0; // rejoin on the next receive
      await sleep(Math.min(waitMs, backoffMs(this.client.retryPolicy, ++this.fetchFailures)), signal).catch(() => undefined);
      return [];
    }
  }

  async acknowledge(batch: AckBatch): Promise<void> {
    try {
      // Safe to retry: every range carries its lease token, so a resend cannot touch a later delivery.
      const response = await this.client.call(
        'share',
        'Acknowledge',
        { groupId: this.options.groupId, memberId: this.memberId, acknowledgements: batch.acknowledgements },
        { retry: true },
      );
      settleBatch(batch, response.results);
    } catch (err) {
      failBatch(batch, err);
    }
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.stopped.abort();
    clearTimeout(this.heartbeatTimer);
    if (!this.memberId) return;
    await this.client
      .call('share', 'LeaveGroup', { groupId: this.options.groupId, memberId: this.memberId }, { retry: true })
      .catch((err) => this.options.onError(toClientError(err)));
  }

  private async join(): Promise<void> {
    const response = await this.client.call(
      'share',
      'Heartbeat',
      {
        groupId: this.options.groupId,
        memberId: this.memberId,
        memberEpoch: 0,
        topics: this.options.topics,
        ...(this.options.sessionTimeoutMs !== undefined ? { sessionTimeoutMs: this.options.sessionTimeoutMs } : {}),
      },
      { retry: true, signal: this.stopped.signal },
    );
    this.update(response);
  }

  private update(response: { memberId: string; memberEpoch: number; assignment: Parameters<typeof fromAssignment>[0]; heartbeatIntervalMs: number }) {
    this.memberId = response.memberId;
    this.memberEpoch = response.memberEpoch;
    this.currentAssignment = fromAssignment(response.assignment);
    const serverMs = response.heartbeatIntervalMs > 0 ? response.heartbeatIntervalMs : 5_000;
    this.intervalMs = Math.min(serverMs, this.options.heartbeatIntervalMs ?? Number.POSITIVE_INFINITY);
    this.schedule(this.intervalMs);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.heartbeatTimer);
    if (this.closing) return;
    this.heartbeatTimer = setTimeout(() => void this.heartbeat(), delayMs);
  }

  private async heartbeat(): Promise<void> {
    try {
      if (this.memberEpoch === 0) {
        await this.join();
      } else {
        const response = await this.client.call(
          'share',
          'Heartbeat',
          { groupId: this.options.groupId, memberId: this.memberId, memberEpoch: this.memberEpoch, topics: [] },
          { signal: this.stopped.signal },
        );
        this.update(response);
      }
      this.heartbeatFailures = 0;
    } catch (raw) {
      if (this.closing) return;
      const err = toClientError(raw);
      this.options.onError(err);
      // Removed (session timeout) or fenced: the records held were released; join again under the same id.
      if (err.code === 'UNKNOWN_MEMBER' || err.code === 'FENCED_EPOCH') this.memberEpoch = 0;
      this.schedule(Math.min(this.intervalMs, backoffMs(this.client.retryPolicy, ++this.heartbeatFailures)));
    }
  }
}
