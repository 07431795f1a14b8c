/**
 * ProduceRequest decoding and ProduceResponse encoding (sharelog/v1/producer.proto, common.proto). The decoded
 * request has the shape proto-loader gives (defaults filled, `_partition`/`_key` for set proto3 optionals), with
 * every bytes field a view into the request buffer.
 */
import type { Header__Output } from '../../generated/sharelog/v1/Header.js';
import type { ProduceRequest__Output } from '../../generated/sharelog/v1/ProduceRequest.js';
import type { ProduceResponse } from '../../generated/sharelog/v1/ProduceResponse.js';
import type { Record__Output } from '../../generated/sharelog/v1/Record.js';
import { ProtoReader, WIRE_LENGTH_DELIMITED, WIRE_VARINT, delimitedSize, isWritableVarint, putVarint, tag, varintSize } from './proto-wire.js';

const EMPTY = Buffer.alloc(0);

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
  while (r.next(end)) {
    switch (r.field) {
      case 1:
        out.key = r.bytes();
        out._key = 'key';
        break;
      case 2:
        out.value = r.bytes();
        break;
      case 3:
        out.headers.push(decodeHeader(r, r.message()));
        break;
      case 4:
        out.timestampMs = r.int64();
        break;
      default:
        r.skip();
    }
  }
  return out;
}

/** Header (common.proto): key = 1, value = 2. Shared with the Subscribe codec. */
export function decodeHeader(r: ProtoReader, end: number): Header__Output {
  const out: Header__Output = { key: '', value: EMPTY };
  while (r.next(end)) {
    if (r.field === 1) out.key = r.string();
    else if (r.field === 2) out.value = r.bytes();
    else r.skip();
  }
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
    const size = (partition ? 1 + varintSize(partition) : 0) + (offset ? 1 + varintSize(offset as number) : 0);
    sizes[i] = size;
    total += delimitedSize(size);
  }
  const buf = Buffer.allocUnsafe(total);
  let pos = 0;
  for (let i = 0; i < positions.length; i++) {
    const partition = positions[i].partition ?? 0;
    const offset = (positions[i].offset ?? 0) as number;
    buf[pos++] = tag(1, WIRE_LENGTH_DELIMITED);
    pos = putVarint(buf, pos, sizes[i]);
    if (partition) {
      buf[pos++] = tag(1, WIRE_VARINT);
      pos = putVarint(buf, pos, partition);
    }
    if (offset) {
      buf[pos++] = tag(2, WIRE_VARINT);
      pos = putVarint(buf, pos, offset);
    }
  }
  if (response.duplicate) {
    buf[pos++] = tag(2, WIRE_VARINT);
    buf[pos++] = 1;
  }
  return buf;
}
