/**
 * Conversions between protobuf messages and domain values, with the validation that belongs at the boundary.
 * int64 fields arrive as JS numbers (proto-loader `longs: Number`, far cheaper to decode than strings). Offsets are
 * numbers inside the server as well, exact up to 2^53. A wire value of 2^53 or more decodes to a number that is no
 * longer a safe integer, so `int64` refuses it rather than let it round silently.
 */
import { invalidArgument } from '../errors.js';
import type { RecordInput, StoredRecord } from '../log/record.js';
import type { ConsumedRecord } from '../generated/sharelog/v1/ConsumedRecord.js';
import type { Record__Output } from '../generated/sharelog/v1/Record.js';

/** An int64 field as a safe JS integer within [min, max]. */
export function int64(value: string | number | undefined | null, field: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const n = typeof value === 'number' ? value : Number(value ?? 0);
  if (!Number.isSafeInteger(n)) throw invalidArgument(`${field} must be an integer below 2^53, got ${value}`);
  if (n < min || n > max) throw invalidArgument(`${field} must be between ${min} and ${max}, got ${n}`);
  return n;
}

/** An int32 field within [min, max]. */
export function int32(value: number | undefined | null, field: string, min: number, max: number): number {
  const n = value ?? 0;
  if (!Number.isInteger(n) || n < min || n > max) throw invalidArgument(`${field} must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function requireText(value: string | undefined | null, field: string, maxLength = 255): string {
  if (!value) throw invalidArgument(`${field} is required`);
  if (value.length > maxLength) throw invalidArgument(`${field} must be at most ${maxLength} characters`);
  return value;
}

const NO_HEADERS: RecordInput['headers'] = [];

export function toRecordInput(record: Record__Output, index: number): RecordInput {
  const timestampMs = int64(record.timestampMs, `records[${index}].timestamp_ms`);
  return {
    key: record.key === undefined || record.key === null ? null : record.key,
    value: record.value ?? Buffer.alloc(0),
    // Decoded headers already have the domain shape; no copy on the produce hot path.
    headers: record.headers ?? NO_HEADERS,
    timestampMs,
  };
}

export function toConsumedRecord(topic: string, partition: number, record: StoredRecord): ConsumedRecord {
  const out: ConsumedRecord = {
    topic,
    partition,
    offset: record.offset,
    value: record.value,
    headers: record.headers,
    timestampMs: record.timestampMs,
  };
  if (record.key !== null) out.key = record.key;
  return out;
}
