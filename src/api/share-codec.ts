/** Proto <-> domain conversions of the share-group API. */
import type { Acknowledgement__Output } from '../generated/sharelog/v1/Acknowledgement.js';
import type { AcknowledgementResult } from '../generated/sharelog/v1/AcknowledgementResult.js';
import type { AcquiredRecord } from '../generated/sharelog/v1/AcquiredRecord.js';
import type { TopicPartitions } from '../generated/sharelog/v1/TopicPartitions.js';
import type { AckType } from '../ack-tracker/index.js';
import { invalidArgument } from '../errors.js';
import type { ShareAck, ShareAckResult, ShareDelivery } from '../share-group/share-coordinator.js';
import { int32, int64, toConsumedRecord } from './codec.js';

const ACK_TYPES: Record<string, AckType> = {
  ACKNOWLEDGE_TYPE_ACCEPT: 'ACCEPT',
  ACKNOWLEDGE_TYPE_RELEASE: 'RELEASE',
  ACKNOWLEDGE_TYPE_REJECT: 'REJECT',
  ACKNOWLEDGE_TYPE_RENEW: 'RENEW',
};

export const MAX_RELEASE_DELAY_MS = 3_600_000;
export const MAX_REASON_LENGTH = 1024;

/**
 * Validates one acknowledgement. Returns the domain ack, or an error result for this range alone: a malformed
 * range must not fail the others in its request.
 */
export function toShareAck(a: Acknowledgement__Output): ShareAck | ShareAckResult {
  const base = {
    topic: a.topic,
    partition: a.partition,
    firstOffset: Number(a.firstOffset),
    lastOffset: Number(a.lastOffset),
  };
  try {
    const type = ACK_TYPES[a.type as string];
    if (!type) throw invalidArgument(`type must be ACCEPT, RELEASE, REJECT or RENEW, got ${a.type}`);
    if (!a.topic) throw invalidArgument('topic is required');
    const firstOffset = int64(a.firstOffset, 'first_offset');
    const lastOffset = int64(a.lastOffset, 'last_offset');
    if (lastOffset < firstOffset) throw invalidArgument(`last_offset ${lastOffset} is below first_offset ${firstOffset}`);
    const ack: ShareAck = {
      topic: a.topic,
      partition: int32(a.partition, 'partition', 0, 2 ** 31 - 1),
      firstOffset,
      lastOffset,
      type,
    };
    const delay = int32(a.releaseDelayMs, 'release_delay_ms', 0, MAX_RELEASE_DELAY_MS);
    if (delay > 0 && type !== 'RELEASE') throw invalidArgument('release_delay_ms is allowed only with ACKNOWLEDGE_TYPE_RELEASE');
    if (delay > 0) ack.releaseDelayMs = delay;
    if (a.reason) ack.reason = a.reason.slice(0, MAX_REASON_LENGTH);
    if (a.leaseToken !== undefined && a.leaseToken !== null) ack.leaseToken = int64(a.leaseToken, 'lease_token');
    return ack;
  } catch (err) {
    return { ...base, error: 'INVALID_ARGUMENT', message: (err as Error).message };
  }
}

export function isAckResult(x: ShareAck | ShareAckResult): x is ShareAckResult {
  return 'error' in x;
}

const ERROR_ENUM: Record<string, string> = {
  INVALID_RECORD_STATE: 'ACKNOWLEDGE_ERROR_INVALID_RECORD_STATE',
  STALE_LEASE_TOKEN: 'ACKNOWLEDGE_ERROR_STALE_LEASE_TOKEN',
  INVALID_ARGUMENT: 'ACKNOWLEDGE_ERROR_INVALID_ARGUMENT',
  UNKNOWN_TOPIC_OR_PARTITION: 'ACKNOWLEDGE_ERROR_UNKNOWN_TOPIC_OR_PARTITION',
  NOT_ASSIGNED: 'ACKNOWLEDGE_ERROR_NOT_ASSIGNED',
};

export function toAckResultProto(r: ShareAckResult): AcknowledgementResult {
  return {
    topic: r.topic,
    partition: r.partition,
    firstOffset: r.firstOffset,
    lastOffset: r.lastOffset,
    error: r.error === null ? 'ACKNOWLEDGE_ERROR_UNSPECIFIED' : (ERROR_ENUM[r.error] as AcknowledgementResult['error']),
    message: r.message,
    lockExpiresAtMs: r.lockExpiresAt ?? 0,
  };
}

export function toAcquiredRecordProto(d: ShareDelivery): AcquiredRecord {
  const out: AcquiredRecord = {
    record: toConsumedRecord(d.topic, d.partition, d.record),
    deliveryCount: d.deliveryCount,
    lockExpiresAtMs: d.lockExpiresAt,
    leaseToken: d.leaseToken,
  };
  if (d.previousFailure) {
    out.previousFailure = {
      memberId: d.previousFailure.memberId,
      reason: d.previousFailure.reason,
      failedAtMs: d.previousFailure.failedAt,
      outcome: `ATTEMPT_OUTCOME_${d.previousFailure.outcome}` as never,
    };
  }
  return out;
}

export function toTopicPartitions(assignment: Map<string, number[]>): TopicPartitions[] {
  return [...assignment].map(([topic, partitions]) => ({ topic, partitions }));
}
