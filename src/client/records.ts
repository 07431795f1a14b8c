/**
 * The record types of the SDK and their conversion from and to proto messages. Offsets and lease tokens are
 * bigint (int64 on the wire, beyond 2^53 in principle); timestamps are epoch milliseconds as numbers.
 */
import type { AcquiredRecord__Output } from '../generated/sharelog/v1/AcquiredRecord.js';
import type { ConsumedRecord__Output } from '../generated/sharelog/v1/ConsumedRecord.js';
import type { Record as RecordProto } from '../generated/sharelog/v1/Record.js';
import type { TopicPartitions__Output } from '../generated/sharelog/v1/TopicPartitions.js';

export type Bytes = Buffer | Uint8Array | string;
/** An int64 as the SDK accepts it. */
export type Int64 = bigint | number | string;

export interface RecordHeader {
  key: string;
  value: Buffer;
}

/** What a producer sends. */
export interface ProducerRecord {
  value: Bytes;
  /** Unset: the record has no key (distinct from an empty key). */
  key?: Bytes;
  /** Ordered; keys need not be unique. A plain object is taken in its key order. */
  headers?: Array<{ key: string; value: Bytes }> | Record<string, Bytes>;
  /** Producer timestamp, epoch ms; unset means the broker's append time. */
  timestampMs?: number;
}

/** A record as read back from a partition. */
export interface ConsumerRecord {
  topic: string;
  partition: number;
  offset: bigint;
  /** null when the record has no key. */
  key: Buffer | null;
  value: Buffer;
  headers: RecordHeader[];
  timestampMs: number;
}

/** Where a produced record was stored. */
export interface RecordPosition {
  partition: number;
  offset: bigint;
}

export interface TopicPartition {
  topic: string;
  partition: number;
}

export const tpKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

export function toBuffer(bytes: Bytes): Buffer {
  return typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
}

export function toRecordProto(record: ProducerRecord): RecordProto {
  const headers = record.headers === undefined ? [] : Array.isArray(record.headers) ? record.headers : Object.entries(record.headers).map(([key, value]) => ({ key, value }));
  const out: RecordProto = {
    value: toBuffer(record.value),
    headers: headers.map((h) => ({ key: h.key, value: toBuffer(h.value) })),
    timestampMs: record.timestampMs ?? 0,
  };
  if (record.key !== undefined) out.key = toBuffer(record.key);
  return out;
}

/** Approximate encoded size of a record, for batch and buffer limits. */
export function recordSize(record: RecordProto): number {
  let size = 16 + byteLength(record.value) + (record.key === undefined ? 0 : byteLength(record.key));
  for (const h of record.headers ?? []) size += 4 + Buffer.byteLength(h.key ?? '') + byteLength(h.value);
  return size;
}

function byteLength(bytes: Bytes | undefined): number {
  if (bytes === undefined) return 0;
  return typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
}

export function fromConsumedRecord(r: ConsumedRecord__Output): ConsumerRecord {
  return {
    topic: r.topic,
    partition: r.partition,
    offset: BigInt(r.offset),
    key: r.key === undefined || r.key === null ? null : r.key,
    value: r.value ?? Buffer.alloc(0),
    // Decoded headers already have the SDK's shape: no copy per record.
    headers: r.headers ?? [],
    timestampMs: Number(r.timestampMs),
  };
}

/** Why the previous delivery of a share-group record failed. */
export interface PreviousFailure {
  memberId: string;
  reason: string;
  failedAtMs: number;
  outcome: 'RELEASED' | 'EXPIRED' | 'MEMBER_LEFT' | 'ACCEPTED' | 'REJECTED' | 'IN_PROGRESS' | 'UNSPECIFIED';
}

export interface AcquiredRecordInfo {
  record: ConsumerRecord;
  deliveryCount: number;
  lockExpiresAt: number;
  leaseToken: bigint;
  previousFailure: PreviousFailure | null;
}

export function fromAcquiredRecord(r: AcquiredRecord__Output): AcquiredRecordInfo {
  const failure = r.previousFailure;
  return {
    record: fromConsumedRecord(r.record!),
    deliveryCount: r.deliveryCount,
    lockExpiresAt: Number(r.lockExpiresAtMs),
    leaseToken: BigInt(r.leaseToken),
    previousFailure: failure
      ? {
          memberId: failure.memberId,
          reason: failure.reason,
          failedAtMs: Number(failure.failedAtMs),
          outcome: String(failure.outcome).replace(/^ATTEMPT_OUTCOME_/, '') as PreviousFailure['outcome'],
        }
      : null,
  };
}

export function fromAssignment(assignment: TopicPartitions__Output[] | undefined): TopicPartition[] {
  return (assignment ?? []).flatMap((t) => t.partitions.map((partition) => ({ topic: t.topic, partition })));
}
