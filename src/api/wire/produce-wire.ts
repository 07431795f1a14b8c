/**
 * Produce (sharelog/v1/producer.proto, common.proto). Server side: ProduceRequest decoding, ProduceResponse
 * encoding. Client side: ProduceRequest encoding, ProduceResponse decoding. Decoded messages have the shape
 * proto-loader gives (defaults filled, `_partition`/`_key` for set proto3 optionals), bytes as views into the
 * message buffer.
 */
import type { ProduceRequest, ProduceRequest__Output } from '../../generated/sharelog/v1/ProduceRequest.js';
import type { ProduceResponse, ProduceResponse__Output } from '../../generated/sharelog/v1/ProduceResponse.js';
import type { Record__Output } from '../../generated/sharelog/v1/Record.js';
import type { RecordPosition__Output } from '../../generated/sharelog/v1/RecordPosition.js';
import { EMPTY, bodySize, putBody, readBodyField } from './record-wire.js';
import {
  ProtoReader,
  WIRE_VARINT,
  delimitedSize,
  isWritableVarint,
  putLengthPrefix,
  putStringField,
  putVarint,
  putVarintField,
  tag,
  varintFieldSize,
  varintSize,
} from './proto-wire.js';

/** Record's key, value, headers and timestamp are its fields 1..4. */
const RECORD_BODY = 1;

export function decodeProduceRequest(buf: Buffer): ProduceRequest__Output {
  const r = new ProtoReader(buf);
  const out: ProduceRequest__Output = { topic: '', records: [], producerId: '', sequence: 0 };
  while (r.next()) {
    switch (r.field) {
      case 1:
        out.topic = r.string();
        break;
      case 2:
        out.partition = r.int32();
        out._partition = 'partition';
        break;
      case 3:
        out.records.push(decodeRecord(r, r.message()));
        break;
      case 4:
        out.producerId = r.string();
        break;
      case 5:
        out.sequence = r.int64();
        break;
      default:
        r.skip();
    }
  }
  return out;
}

function decodeRecord(r: ProtoReader, end: number): Record__Output {
  const out: Record__Output = { value: EMPTY, headers: [], timestampMs: 0 };
  while (r.next(end)) if (!readBodyField(r, out, RECORD_BODY)) r.skip();
  return out;
}

/**
 * The encoded ProduceResponse, or null when a value is outside what this encoder writes (then the generic
 * serializer takes the message).
 */
export function encodeProduceResponse(response: ProduceResponse): Buffer | null {
  const positions = response.positions ?? [];
  const sizes = new Array<number>(positions.length);
  let total = response.duplicate ? 2 : 0;
  for (let i = 0; i < positions.length; i++) {
    const { partition, offset } = positions[i];
    if (!isWritableVarint(partition ?? 0) || !isWritableVarint(offset ?? 0)) return null;
    const size = varintFieldSize(partition ?? 0) + varintFieldSize((offset ?? 0) as number);
    sizes[i] = size;
    total += delimitedSize(size);
  }
  const buf = Buffer.allocUnsafe(total);
  let pos = 0;
  for (let i = 0; i < positions.length; i++) {
    const partition = positions[i].partition ?? 0;
    const offset = (positions[i].offset ?? 0) as number;
    pos = putLengthPrefix(buf, pos, 1, sizes[i]);
    pos = putVarintField(buf, pos, 1, partition);
    pos = putVarintField(buf, pos, 2, offset);
  }
  pos = putVarintField(buf, pos, 2, response.duplicate ? 1 : 0);
  if (pos !== buf.length) throw new Error(`ProduceResponse encoder wrote ${pos} bytes of ${buf.length}`);
  return buf;
}

// ------------------------------------------------------------------------------------------------ client side

/**
 * The encoded ProduceRequest (the TypeScript Producer's), or null when a value is outside what this encoder writes
 * (strings for bytes, int64 as strings or Longs, negative numbers): the generic serializer takes those.
 */
export function encodeProduceRequest(request: ProduceRequest): Buffer | null {
  const records = request.records ?? [];
  const partition = request.partition;
  const sequence = request.sequence ?? 0;
  if ((partition !== undefined && partition !== null && !isWritableVarint(partition)) || !isWritableVarint(sequence)) return null;
  const topic = request.topic ?? '';
  const producerId = request.producerId ?? '';
  const topicBytes = Buffer.byteLength(topic);
  const producerIdBytes = Buffer.byteLength(producerId);
  const sizes = new Array<number>(records.length);
  let total = (topicBytes ? delimitedSize(topicBytes) : 0) + (producerIdBytes ? delimitedSize(producerIdBytes) : 0);
  // proto3 `optional`: a partition that is set is written, 0 included.
  if (partition !== undefined && partition !== null) total += 1 + varintSize(partition);
  total += varintFieldSize(sequence);
  for (let i = 0; i < records.length; i++) {
    const size = bodySize(records[i]);
    if (size < 0) return null;
    sizes[i] = size;
    total += delimitedSize(size);
  }
  const buf = Buffer.allocUnsafe(total);
  let pos = 0;
  if (topicBytes) pos = putStringField(buf, pos, 1, topic, topicBytes);
  if (partition !== undefined && partition !== null) {
    buf[pos++] = tag(2, WIRE_VARINT);
    pos = putVarint(buf, pos, partition);
  }
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    pos = putLengthPrefix(buf, pos, 3, sizes[i]);
    pos = putBody(buf, pos, RECORD_BODY, r);
  }
  if (producerIdBytes) pos = putStringField(buf, pos, 4, producerId, producerIdBytes);
  pos = putVarintField(buf, pos, 5, sequence);
  if (pos !== buf.length) throw new Error(`ProduceRequest encoder wrote ${pos} bytes of ${buf.length}`);
  return buf;
}

/** The ProduceResponse as proto-loader decodes it (the TypeScript Producer reads one position per record). */
export function decodeProduceResponse(buf: Buffer): ProduceResponse__Output {
  const r = new ProtoReader(buf);
  const out: ProduceResponse__Output = { positions: [], duplicate: false };
  while (r.next()) {
    if (r.field === 1) {
      const end = r.message();
      const position: RecordPosition__Output = { partition: 0, offset: 0 };
      while (r.next(end)) {
        if (r.field === 1) position.partition = r.int32();
        else if (r.field === 2) position.offset = r.int64();
        else r.skip();
      }
      out.positions.push(position);
    } else if (r.field === 2) out.duplicate = r.int64() !== 0;
    else r.skip();
  }
  return out;
}
