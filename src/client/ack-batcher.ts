/**
 * Collects the acknowledgements of single deliveries and turns them into as few Acknowledgement ranges as
 * possible: contiguous offsets of one partition with the same type, lease token, delay and reason become one
 * range. Every range carries the lease token of its acquisition, so a resent acknowledgement can never touch a
 * later delivery of the same record (see Acknowledgement.lease_token); ranges therefore never span acquisitions.
 * Each range's result settles the promises of the deliveries in it.
 */
import type { Acknowledgement } from '../generated/sharelog/v1/Acknowledgement.js';
import type { AcknowledgementResult__Output } from '../generated/sharelog/v1/AcknowledgementResult.js';
import { AcknowledgementError, toClientError, type AcknowledgeErrorCode } from './errors.js';

export type AckType = 'ACCEPT' | 'RELEASE' | 'REJECT' | 'RENEW';

export interface PendingAck {
  topic: string;
  partition: number;
  /** Offsets and lease tokens are numbers here: the server keeps them below 2^53, and number math allocates nothing. */
  offset: number;
  leaseToken: number;
  type: AckType;
  releaseDelayMs: number;
  reason: string;
  /** Resolves with the new lock deadline for RENEW (epoch ms), 0 otherwise. */
  resolve: (lockExpiresAt: number) => void;
  reject: (err: AcknowledgementError) => void;
}

/** Acknowledgements ready to send, with the deliveries each range answers for. */
export interface AckBatch {
  acknowledgements: Acknowledgement[];
  ranges: PendingAck[][];
  /** Resolves once settleBatch or failBatch has settled every delivery of the batch (one promise per batch). */
  settled: Promise<void>;
  markSettled: () => void;
}

/** Whether two acknowledgements may share a range (they still need contiguous offsets). */
function sameKind(a: PendingAck, b: PendingAck): boolean {
  return (
    a.partition === b.partition &&
    a.leaseToken === b.leaseToken &&
    a.type === b.type &&
    a.topic === b.topic &&
    a.releaseDelayMs === b.releaseDelayMs &&
    a.reason === b.reason
  );
}

export class AckBatcher {
  private pending: PendingAck[] = [];

  get size(): number {
    return this.pending.length;
  }

  add(ack: PendingAck): void {
    this.pending.push(ack);
  }

  /** Takes everything collected so far as ranges (undefined when there is nothing). */
  drain(): AckBatch | undefined {
    if (this.pending.length === 0) return undefined;
    const pending = this.pending;
    this.pending = [];
    // Groups keep the order of their first acknowledgement: a RENEW asked for before an ACCEPT goes first.
    // Acknowledgements mostly come in runs of one kind (a poll's deliveries accepted in turn): a run joins the
    // group of the acknowledgement before it, and only the start of a run pays for a lookup key.
    const groups: PendingAck[][] = [];
    const byKey = new Map<string, PendingAck[]>();
    let current: PendingAck[] | undefined;
    for (const ack of pending) {
      if (current !== undefined && sameKind(current[0], ack)) {
        current.push(ack);
        continue;
      }
      const key = `${ack.topic}\u0000${ack.partition}\u0000${ack.leaseToken}\u0000${ack.type}\u0000${ack.releaseDelayMs}\u0000${ack.reason}`;
      current = byKey.get(key);
      if (!current) {
        current = [];
        byKey.set(key, current);
        groups.push(current);
      }
      current.push(ack);
    }
    let markSettled!: () => void;
    const settled = new Promise<void>((resolve) => (markSettled = resolve));
    const batch: AckBatch = { acknowledgements: [], ranges: [], settled, markSettled };
    for (const group of groups) {
      if (!isAscending(group)) group.sort((a, b) => a.offset - b.offset);
      let start = 0;
      for (let i = 1; i <= group.length; i++) {
        if (i === group.length || group[i].offset !== group[i - 1].offset + 1) {
          pushRange(batch, group.slice(start, i));
          start = i;
        }
      }
    }
    return batch;
  }
}

function isAscending(group: PendingAck[]): boolean {
  for (let i = 1; i < group.length; i++) if (group[i].offset < group[i - 1].offset) return false;
  return true;
}

function pushRange(batch: AckBatch, range: PendingAck[]): void {
  const first = range[0];
  const ack: Acknowledgement = {
    topic: first.topic,
    partition: first.partition,
    firstOffset: first.offset,
    lastOffset: range[range.length - 1].offset,
    type: `ACKNOWLEDGE_TYPE_${first.type}`,
    leaseToken: first.leaseToken,
  };
  if (first.releaseDelayMs > 0) ack.releaseDelayMs = first.releaseDelayMs;
  if (first.reason) ack.reason = first.reason;
  batch.acknowledgements.push(ack);
  batch.ranges.push(range);
}

/** Settles every delivery of a batch from the server's per-range results (same order as the request). */
export function settleBatch(batch: AckBatch, results: AcknowledgementResult__Output[]): void {
  batch.ranges.forEach((range, i) => {
    const result = results[i];
    if (result && result.error === 'ACKNOWLEDGE_ERROR_UNSPECIFIED') {
      const lockExpiresAt = Number(result.lockExpiresAtMs);
      for (const ack of range) ack.resolve(lockExpiresAt);
      return;
    }
    for (const ack of range) {
      const error = result?.error as AcknowledgeErrorCode | undefined;
      ack.reject(
        new AcknowledgementError(
          `${ack.type} of ${ack.topic}/${ack.partition}@${ack.offset} failed: ${error ?? 'no result'}${result?.message ? ` (${result.message})` : ''}`,
          { error, topic: ack.topic, partition: ack.partition, offset: BigInt(ack.offset) },
        ),
      );
    }
  });
  batch.markSettled();
}

/** Fails every delivery of a batch whose request failed as a whole: whether it was applied is unknown. */
export function failBatch(batch: AckBatch, cause: unknown): void {
  const err = toClientError(cause);
  for (const range of batch.ranges) {
    for (const ack of range) {
      ack.reject(
        new AcknowledgementError(`${ack.type} of ${ack.topic}/${ack.partition}@${ack.offset} was not confirmed: ${err.message}`, {
          topic: ack.topic,
          partition: ack.partition,
          offset: BigInt(ack.offset),
          cause: err,
        }),
      );
    }
  }
  batch.markSettled();
}
