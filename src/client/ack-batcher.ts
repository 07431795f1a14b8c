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
  offset: bigint;
  leaseToken: bigint;
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
    const groups = new Map<string, PendingAck[]>();
    for (const ack of pending) {
      const key = [ack.topic, ack.partition, ack.leaseToken, ack.type, ack.releaseDelayMs, ack.reason].join('\u0000');
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      group.push(ack);
    }
    const batch: AckBatch = { acknowledgements: [], ranges: [] };
    for (const group of groups.values()) {
      group.sort((a, b) => (a.offset < b.offset ? -1 : a.offset > b.offset ? 1 : 0));
      let range: PendingAck[] = [];
      for (const ack of group) {
        const last = range[range.length - 1];
        if (last && ack.offset !== last.offset + 1n) {
          pushRange(batch, range);
          range = [];
        }
        range.push(ack);
      }
      pushRange(batch, range);
    }
    return batch;
  }
}

function pushRange(batch: AckBatch, range: PendingAck[]): void {
  if (range.length === 0) return;
  const first = range[0];
  const ack: Acknowledgement = {
    topic: first.topic,
    partition: first.partition,
    firstOffset: first.offset.toString(),
    lastOffset: range[range.length - 1].offset.toString(),
    type: `ACKNOWLEDGE_TYPE_${first.type}`,
    leaseToken: first.leaseToken.toString(),
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
          { error, topic: ack.topic, partition: ack.partition, offset: ack.offset },
        ),
      );
    }
  });
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
          offset: ack.offset,
          cause: err,
        }),
      );
    }
  }
}
