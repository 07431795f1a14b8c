/**
 * One record acquired from a share group, held by this member until it is acknowledged or its lock expires.
 * Each acknowledgement returns a promise that resolves when the server confirms it (NATS `ackAck`), or rejects
 * with an AcknowledgementError naming the per-range error (e.g. ACKNOWLEDGE_ERROR_INVALID_RECORD_STATE once the
 * lock has expired).
 */
import type { AckType } from './ack-batcher.js';
import type { AcquiredRecordInfo, ConsumerRecord, PreviousFailure } from './records.js';

/** Sends one acknowledgement of a delivery; resolves with the new lock deadline for RENEW. */
export type AcknowledgeFn = (delivery: Delivery, type: AckType, releaseDelayMs: number, reason: string) => Promise<number>;

export type Outcome = 'ACCEPT' | 'RELEASE' | 'REJECT';

const nothing = (): void => undefined;

export class Delivery {
  readonly record: ConsumerRecord;
  /** 1 on the first delivery. */
  readonly deliveryCount: number;
  /** Lease token of this acquisition; pass it to your own stores to fence writes of a worker whose lock expired. */
  readonly leaseToken: bigint;
  /** Why the previous attempt failed; null on a first delivery. */
  readonly previousFailure: PreviousFailure | null;
  private expiresAt: number;
  private finalOutcome: Outcome | undefined;

  constructor(
    info: AcquiredRecordInfo,
    private readonly send: AcknowledgeFn,
  ) {
    this.record = info.record;
    this.deliveryCount = info.deliveryCount;
    this.leaseToken = info.leaseToken;
    this.previousFailure = info.previousFailure;
    this.expiresAt = info.lockExpiresAt;
  }

  /** When the lock expires, epoch ms (server clock); moved on by each successful renew(). */
  get lockExpiresAt(): number {
    return this.expiresAt;
  }

  /** The acknowledgement given (accept, release or reject), if any. */
  get outcome(): Outcome | undefined {
    return this.finalOutcome;
  }

  /** Processed: never delivered again. */
  accept(): Promise<void> {
    return this.finish('ACCEPT', 0, '');
  }

  /**
   * Give back for another attempt, after `delayMs` (0: the group's backoff policy decides). `reason` travels to
   * the next delivery as previousFailure.reason.
   */
  release(delayMs = 0, reason = ''): Promise<void> {
    return this.finish('RELEASE', delayMs, reason);
  }

  /** Unprocessable: archived (and dead-lettered when the group has a dead-letter topic), never delivered again. */
  reject(reason = ''): Promise<void> {
    return this.finish('REJECT', 0, reason);
  }

  /** Extends the lock by the group's lock duration; resolves with the new deadline (epoch ms). */
  async renew(): Promise<number> {
    if (this.finalOutcome) throw new Error(`record ${this.describe()} was already acknowledged (${this.finalOutcome})`);
    const at = await this.send(this, 'RENEW', 0, '');
    if (at > this.expiresAt) this.expiresAt = at;
    return at;
  }

  private finish(type: Outcome, delayMs: number, reason: string): Promise<void> {
    if (this.finalOutcome) return Promise.reject(new Error(`record ${this.describe()} was already acknowledged (${this.finalOutcome})`));
    // Taken at once, so implicit acknowledgement never overrides what the application chose.
    this.finalOutcome = type;
    return this.send(this, type, delayMs, reason).then(nothing);
  }

  private describe(): string {
    return `${this.record.topic}/${this.record.partition}@${this.record.offset}`;
  }
}
