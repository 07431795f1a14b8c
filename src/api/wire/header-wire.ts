/** Header (common.proto: key = 1, value = 2), shared by the Produce and Subscribe codecs. */
import type { Header, Header__Output } from '../../generated/sharelog/v1/Header.js';
import { ProtoReader, WIRE_LENGTH_DELIMITED, delimitedSize, putBytesField, putStringField, putVarint, tag } from './proto-wire.js';

const EMPTY = Buffer.alloc(0);

export function decodeHeader(r: ProtoReader, end: number): Header__Output {
  const out: Header__Output = { key: '', value: EMPTY };
  while (r.next(end)) {
    if (r.field === 1) out.key = r.string();
    else if (r.field === 2) out.value = r.bytes();
    else r.skip();
  }
  return out;
}

/** Encoded size of a header's fields (its value must be bytes: callers check). */
export function headerSize(h: Header): number {
  const key = h.key ? Buffer.byteLength(h.key) : 0;
  const value = ((h.value ?? EMPTY) as Uint8Array).length;
  return (key ? delimitedSize(key) : 0) + (value ? delimitedSize(value) : 0);
}

/** Writes `h` as field `field` of the enclosing message. */
export function putHeader(buf: Buffer, pos: number, field: number, h: Header): number {
  buf[pos++] = tag(field, WIRE_LENGTH_DELIMITED);
  pos = putVarint(buf, pos, headerSize(h));
  if (h.key) pos = putStringField(buf, pos, 1, h.key, Buffer.byteLength(h.key));
  const value = (h.value ?? EMPTY) as Uint8Array;
  return value.length ? putBytesField(buf, pos, 2, value) : pos;
}
