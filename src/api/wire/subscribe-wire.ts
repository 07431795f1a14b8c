/**
 * SubscribeResponse carrying `records` (sharelog/v1/share_consumer.proto, common.proto): encoded by the server
 * straight from the delivery objects, decoded by the client into the shape proto-loader gives (defaults filled,
 * bytes as views into the message). Both return null for what they leave to the generic codec: the other
 * response kinds, and records with a previous failure (redeliveries, rare, with an enum to map).
 */
import type { AcquiredRecord, AcquiredRecord__Output } from '../../generated/sharelog/v1/AcquiredRecord.js';
import type { ConsumedRecord, ConsumedRecord__Output } from '../../generated/sharelog/v1/ConsumedRecord.js';
import type { SubscribeResponse, SubscribeResponse__Output } from '../../generated/sharelog/v1/SubscribeResponse.js';
import { EMPTY, bodySize, putBody, readBodyField } from './record-wire.js';
import {
  ProtoReader,
  WIRE_LENGTH_DELIMITED,
  delimitedSize,
  isWritableVarint,
  putLengthPrefix,
  putStringField,
  putVarintField,
  tag,
  varintFieldSize,
} from './proto-wire.js';

/** ConsumedRecord's key, value, headers and timestamp are its fields 4..7. */
const CONSUMED_BODY = 4;
const RECORDS_TAG = tag(2, WIRE_LENGTH_DELIMITED);

// ------------------------------------------------------------------------------------------------ encoding

/** Sizes computed in the first pass, reused by the second. */
interface Sizing {
  consumed: number[];
  acquired: number[];
  topic: string;
  topicBytes: number;
}

/** Size of a ConsumedRecord, or -1 when a field is outside what this encoder writes. */
function consumedSize(r: ConsumedRecord, sizing: Sizing): number {
  if (!isWritableVarint(r.partition ?? 0) || !isWritableVarint(r.offset ?? 0)) return -1;
  const topic = r.topic ?? '';
  if (topic !== sizing.topic) {
    sizing.topic = topic;
    sizing.topicBytes = Buffer.byteLength(topic);
  }
  const body = bodySize(r);
  if (body < 0) return -1;
  const topicSize = sizing.topicBytes ? delimitedSize(sizing.topicBytes) : 0;
  return body + topicSize + varintFieldSize(r.partition ?? 0) + varintFieldSize((r.offset ?? 0) as number);
}

function acquiredSize(a: AcquiredRecord, consumed: number): number {
  if (!isWritableVarint(a.deliveryCount ?? 0) || !isWritableVarint(a.lockExpiresAtMs ?? 0) || !isWritableVarint(a.leaseToken ?? 0)) return -1;
  return (
    delimitedSize(consumed) +
    varintFieldSize(a.deliveryCount ?? 0) +
    varintFieldSize((a.lockExpiresAtMs ?? 0) as number) +
    varintFieldSize((a.leaseToken ?? 0) as number)
  );
}

function putConsumed(buf: Buffer, pos: number, r: ConsumedRecord, sizing: Sizing): number {
  const topic = r.topic ?? '';
  if (topic) pos = putStringField(buf, pos, 1, topic, topic === sizing.topic ? sizing.topicBytes : Buffer.byteLength(topic));
  pos = putVarintField(buf, pos, 2, r.partition ?? 0);
  pos = putVarintField(buf, pos, 3, (r.offset ?? 0) as number);
  return putBody(buf, pos, CONSUMED_BODY, r);
}

/** The encoded message when it carries records this encoder can write; null hands it to the generic codec. */
export function encodeSubscribeRecords(response: SubscribeResponse): Buffer | null {
  const records = response.records?.records;
  if (!records || response.joined || response.acknowledgementResults || response.assignmentChanged) return null;
  const sizing: Sizing = { consumed: new Array(records.length), acquired: new Array(records.length), topic: '', topicBytes: 0 };
  let inner = 0;
  for (let i = 0; i < records.length; i++) {
    const a = records[i];
    if (!a.record || a.previousFailure) return null;
    const consumed = consumedSize(a.record, sizing);
    if (consumed < 0) return null;
    const acquired = acquiredSize(a, consumed);
    if (acquired < 0) return null;
    sizing.consumed[i] = consumed;
    sizing.acquired[i] = acquired;
    inner += delimitedSize(acquired);
  }
  const buf = Buffer.allocUnsafe(delimitedSize(inner));
  let pos = putLengthPrefix(buf, 0, 2, inner); // SubscribeResponse.records
  for (let i = 0; i < records.length; i++) {
    const a = records[i];
    pos = putLengthPrefix(buf, pos, 1, sizing.acquired[i]);
    pos = putLengthPrefix(buf, pos, 1, sizing.consumed[i]);
    pos = putConsumed(buf, pos, a.record!, sizing);
    pos = putVarintField(buf, pos, 2, a.deliveryCount ?? 0);
    pos = putVarintField(buf, pos, 3, (a.lockExpiresAtMs ?? 0) as number);
    pos = putVarintField(buf, pos, 4, (a.leaseToken ?? 0) as number);
  }
  if (pos !== buf.length) throw new Error(`SubscribeResponse encoder wrote ${pos} bytes of ${buf.length}`);
  return buf;
}

// ------------------------------------------------------------------------------------------------ decoding

/** The decoded message when it is a records message without previous failures; null otherwise. */
export function decodeSubscribeRecords(buf: Buffer): SubscribeResponse__Output | null {
  // The common encoding: one field, `records`, spanning the whole message. Anything else goes the generic way.
  const r = new ProtoReader(buf);
  if (buf[0] !== RECORDS_TAG || !r.next()) return null;
  const end = r.message();
  if (end !== buf.length) return null;
  const records: AcquiredRecord__Output[] = [];
  while (r.next(end)) {
    if (r.field !== 1) {
      r.skip();
      continue;
    }
    const record = decodeAcquired(r, r.message());
    if (record === null) return null;
    records.push(record);
  }
  return { records: { records }, response: 'records' };
}

/** Null for a record with a previous failure (left to the generic codec). */
function decodeAcquired(r: ProtoReader, end: number): AcquiredRecord__Output | null {
  const out: AcquiredRecord__Output = { record: null, deliveryCount: 0, lockExpiresAtMs: 0, leaseToken: 0, previousFailure: null };
  while (r.next(end)) {
    switch (r.field) {
      case 1:
        out.record = decodeConsumed(r, r.message());
        break;
      case 2:
        out.deliveryCount = r.int32();
        break;
      case 3:
        out.lockExpiresAtMs = r.int64();
        break;
      case 4:
        out.leaseToken = r.int64();
        break;
      case 5:
        return null;
      default:
        r.skip();
    }
  }
  return out;
}

function decodeConsumed(r: ProtoReader, end: number): ConsumedRecord__Output {
  const out: ConsumedRecord__Output = { topic: '', partition: 0, offset: 0, value: EMPTY, headers: [], timestampMs: 0 };
  while (r.next(end)) {
    switch (r.field) {
      case 1:
        out.topic = r.string();
        break;
      case 2:
        out.partition = r.int32();
        break;
      case 3:
        out.offset = r.int64();
        break;
      default:
        if (!readBodyField(r, out, CONSUMED_BODY)) r.skip();
    }
  }
  return out;
}
