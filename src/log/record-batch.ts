/**
 * The record-batch codec: the unit that is appended, fsynced, CRC-checked and indexed. Layout (big-endian) is
 * specified in docs/on-disk-format.md:
 *
 *   0  baseOffset       int64
 *   8  batchLength      int32   bytes that follow this field
 *  12  magic            int8    FORMAT_MAGIC
 *  13  crc              uint32  CRC-32C of every byte after this field
 *  17  attributes       int16   bit 0: timestamps are broker append time
 *  19  lastOffsetDelta  int32
 *  23  firstTimestamp   int64
 *  31  maxTimestamp     int64
 *  39  sequence         int64   producer sequence, -1 when not idempotent
 *  47  producerIdLength uint8
 *  48  producerId       utf-8
 *   .  recordCount      int32
 *   .  records          each: length, timestampDelta, offsetDelta, key, value, headers (zig-zag varints, Kafka style)
 */
import { crc32c } from '@node-rs/crc32';
import type { RecordInput, StoredRecord } from './record.js';
import { readVarint, varintSize, writeVarint } from './varint.js';

export const FORMAT_MAGIC = 1;
/** Bytes before `batchLength` ends: what a reader needs to learn a batch's size. */
export const LOG_OVERHEAD = 12;
const CRC_START = 17;
const PRODUCER_ID_LENGTH_AT = 47;
export const MAX_PRODUCER_ID_LENGTH = 64;
const ATTR_LOG_APPEND_TIME = 1;

export interface BatchHeader {
  baseOffset: number;
  /** Total bytes of the batch including the first LOG_OVERHEAD bytes. */
  sizeInBytes: number;
  lastOffsetDelta: number;
  recordCount: number;
  firstTimestamp: number;
  maxTimestamp: number;
  producerId: string;
  sequence: number;
}

export class CorruptBatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorruptBatchError';
  }
}

export interface EncodeOptions {
  baseOffset: number;
  /** Broker time used for records whose timestamp is 0. */
  appendTimeMs: number;
  producerId?: string;
  sequence?: number;
}

function recordBodySize(r: RecordInput, timestampDelta: number, offsetDelta: number): number {
  let size = varintSize(timestampDelta) + varintSize(offsetDelta);
  size += r.key === null ? 1 : varintSize(r.key.length) + r.key.length;
  size += varintSize(r.value.length) + r.value.length;
  size += varintSize(r.headers.length);
  for (const h of r.headers) {
    const keyLength = Buffer.byteLength(h.key);
    size += varintSize(keyLength) + keyLength + varintSize(h.value.length) + h.value.length;
  }
  return size;
}

export interface EncodedBatch {
  bytes: Buffer;
  baseOffset: number;
  recordCount: number;
  maxTimestamp: number;
}

/** Encodes records as one batch with dense offsets from `baseOffset`. */
export function encodeBatch(records: readonly RecordInput[], options: EncodeOptions): EncodedBatch {
  if (records.length === 0) throw new RangeError('a batch holds at least one record');
  const producerId = options.producerId ?? '';
  const producerIdBytes = Buffer.byteLength(producerId);
  if (producerIdBytes > MAX_PRODUCER_ID_LENGTH) throw new RangeError('producer id too long');

  let allBrokerTime = true;
  const timestamps = new Array<number>(records.length);
  let firstTimestamp = 0;
  let maxTimestamp = 0;
  for (let i = 0; i < records.length; i++) {
    const given = records[i].timestampMs;
    if (given !== 0) allBrokerTime = false;
    const ts = given === 0 ? options.appendTimeMs : given;
    timestamps[i] = ts;
    if (i === 0) firstTimestamp = ts;
    if (i === 0 || ts > maxTimestamp) maxTimestamp = ts;
  }

  const bodySizes = new Array<number>(records.length);
  let recordsSize = 0;
  for (let i = 0; i < records.length; i++) {
    const body = recordBodySize(records[i], timestamps[i] - firstTimestamp, i);
    bodySizes[i] = body;
    recordsSize += varintSize(body) + body;
  }

  const headerSize = PRODUCER_ID_LENGTH_AT + 1 + producerIdBytes + 4;
  const buf = Buffer.allocUnsafe(headerSize + recordsSize);
  buf.writeBigInt64BE(BigInt(options.baseOffset), 0);
  buf.writeInt32BE(buf.length - LOG_OVERHEAD, 8);
  buf.writeInt8(FORMAT_MAGIC, 12);
  buf.writeInt16BE(allBrokerTime ? ATTR_LOG_APPEND_TIME : 0, 17);
  buf.writeInt32BE(records.length - 1, 19);
  buf.writeBigInt64BE(BigInt(firstTimestamp), 23);
  buf.writeBigInt64BE(BigInt(maxTimestamp), 31);
  buf.writeBigInt64BE(BigInt(options.sequence ?? -1), 39);
  buf.writeUInt8(producerIdBytes, PRODUCER_ID_LENGTH_AT);
  let pos = PRODUCER_ID_LENGTH_AT + 1;
  pos += buf.write(producerId, pos, 'utf8');
  buf.writeInt32BE(records.length, pos);
  pos += 4;

  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    pos = writeVarint(buf, pos, bodySizes[i]);
    pos = writeVarint(buf, pos, timestamps[i] - firstTimestamp);
    pos = writeVarint(buf, pos, i);
    if (r.key === null) {
      pos = writeVarint(buf, pos, -1);
    } else {
      pos = writeVarint(buf, pos, r.key.length);
      pos += r.key.copy(buf, pos);
    }
    pos = writeVarint(buf, pos, r.value.length);
    pos += r.value.copy(buf, pos);
    pos = writeVarint(buf, pos, r.headers.length);
    for (const h of r.headers) {
      pos = writeVarint(buf, pos, Buffer.byteLength(h.key));
      pos += buf.write(h.key, pos, 'utf8');
      pos = writeVarint(buf, pos, h.value.length);
      pos += h.value.copy(buf, pos);
    }
  }
  buf.writeUInt32BE(crc32c(buf.subarray(CRC_START)), 13);
  return { bytes: buf, baseOffset: options.baseOffset, recordCount: records.length, maxTimestamp };
}

/** Total size of the batch starting at `pos`, or -1 when fewer than LOG_OVERHEAD bytes are there. */
export function peekBatchSize(buf: Buffer, pos: number, end = buf.length): number {
  if (end - pos < LOG_OVERHEAD) return -1;
  return buf.readInt32BE(pos + 8) + LOG_OVERHEAD;
}

/**
 * Validates and decodes the header of the complete batch in `buf[pos, pos + size)`. Checks magic, length and CRC,
 * so a torn or bit-flipped batch is never mistaken for data.
 */
export function readBatchHeader(buf: Buffer, pos: number, end = buf.length): BatchHeader {
  const size = peekBatchSize(buf, pos, end);
  if (size < 0) throw new CorruptBatchError('truncated batch header');
  if (size < PRODUCER_ID_LENGTH_AT + 1 + 4) throw new CorruptBatchError(`impossible batch length ${size}`);
  if (pos + size > end) throw new CorruptBatchError('truncated batch');
  const magic = buf.readInt8(pos + 12);
  if (magic !== FORMAT_MAGIC) throw new CorruptBatchError(`unknown batch magic ${magic}`);
  const expected = buf.readUInt32BE(pos + 13);
  const actual = crc32c(buf.subarray(pos + CRC_START, pos + size));
  if (expected !== actual) throw new CorruptBatchError('batch CRC mismatch');
  const producerIdLength = buf.readUInt8(pos + PRODUCER_ID_LENGTH_AT);
  const countAt = pos + PRODUCER_ID_LENGTH_AT + 1 + producerIdLength;
  if (countAt + 4 > pos + size) throw new CorruptBatchError('producer id overruns batch');
  const lastOffsetDelta = buf.readInt32BE(pos + 19);
  const recordCount = buf.readInt32BE(countAt);
  if (recordCount !== lastOffsetDelta + 1 || recordCount < 1) {
    throw new CorruptBatchError(`record count ${recordCount} does not match last offset delta ${lastOffsetDelta}`);
  }
  const baseOffset = buf.readBigInt64BE(pos);
  // The base offset is outside the CRC (the broker assigns it): at least refuse values no log can hold.
  if (baseOffset < 0n || baseOffset + BigInt(lastOffsetDelta) > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new CorruptBatchError(`impossible base offset ${baseOffset}`);
  }
  return {
    baseOffset: Number(baseOffset),
    sizeInBytes: size,
    lastOffsetDelta,
    recordCount,
    firstTimestamp: Number(buf.readBigInt64BE(pos + 23)),
    maxTimestamp: Number(buf.readBigInt64BE(pos + 31)),
    sequence: Number(buf.readBigInt64BE(pos + 39)),
    producerId: buf.toString('utf8', pos + PRODUCER_ID_LENGTH_AT + 1, countAt),
  };
}

/** Where a record of a batch starts: its index in the batch and its byte position in the buffer. */
export interface RecordCursor {
  index: number;
  pos: number;
}

/**
 * Decodes the records of a batch whose header was validated by readBatchHeader. Keys, values and header values
 * are views into `buf`, not copies. Records below `fromOffset` are skipped. `start`, a cursor an earlier call
 * returned for the same bytes, resumes there instead of walking the records before it. Returns the cursor of the
 * first record not decoded.
 */
export function decodeRecords(
  buf: Buffer,
  pos: number,
  header: BatchHeader,
  out: StoredRecord[],
  fromOffset = 0,
  maxRecords = Infinity,
  start?: RecordCursor,
): RecordCursor {
  const end = pos + header.sizeInBytes;
  const cursor = { pos: start ? start.pos : pos + PRODUCER_ID_LENGTH_AT + 1 + Buffer.byteLength(header.producerId) + 4 };
  let i = start ? start.index : 0;
  try {
    for (; i < header.recordCount && maxRecords > 0; i++) {
      const length = readVarint(buf, cursor, end);
      const recordEnd = cursor.pos + length;
      if (length < 0 || recordEnd > end) throw new CorruptBatchError('record overruns batch');
      const timestampDelta = readVarint(buf, cursor, recordEnd);
      const offsetDelta = readVarint(buf, cursor, recordEnd);
      const offset = header.baseOffset + offsetDelta;
      if (offset < fromOffset) {
        cursor.pos = recordEnd;
        continue;
      }
      const keyLength = readVarint(buf, cursor, recordEnd);
      let key: Buffer | null = null;
      if (keyLength >= 0) {
        key = slice(buf, cursor, keyLength, recordEnd);
      }
      const valueLength = readVarint(buf, cursor, recordEnd);
      const value = slice(buf, cursor, valueLength, recordEnd);
      const headerCount = readVarint(buf, cursor, recordEnd);
      if (headerCount < 0) throw new CorruptBatchError('negative header count');
      const headers = new Array(headerCount);
      for (let h = 0; h < headerCount; h++) {
        const hk = slice(buf, cursor, readVarint(buf, cursor, recordEnd), recordEnd).toString('utf8');
        const hv = slice(buf, cursor, readVarint(buf, cursor, recordEnd), recordEnd);
        headers[h] = { key: hk, value: hv };
      }
      if (cursor.pos !== recordEnd) throw new CorruptBatchError('record length mismatch');
      out.push({ offset, timestampMs: header.firstTimestamp + timestampDelta, key, value, headers });
      maxRecords--;
    }
  } catch (err) {
    if (err instanceof RangeError) throw new CorruptBatchError(err.message);
    throw err;
  }
  return { index: i, pos: cursor.pos };
}

function slice(buf: Buffer, cursor: { pos: number }, length: number, end: number): Buffer {
  if (length < 0 || cursor.pos + length > end) throw new CorruptBatchError('field overruns record');
  const view = buf.subarray(cursor.pos, cursor.pos + length);
  cursor.pos += length;
  return view;
}
