/**
 * What Record (producer side) and ConsumedRecord (consumer side) share, in common.proto: key, value, headers and
 * timestamp_ms, numbered from `first` (Record 1..4, ConsumedRecord 4..7), and the Header message itself.
 */
import type { Header, Header__Output } from '../../generated/sharelog/v1/Header.js';
import type { Record } from '../../generated/sharelog/v1/Record.js';
import {
  ProtoReader,
  delimitedSize,
  isBytes,
  isWritableVarint,
  putBytesField,
  putLengthPrefix,
  putStringField,
  putVarintField,
  varintFieldSize,
} from './proto-wire.js';

export const EMPTY = Buffer.alloc(0);

type BodyInput = Pick<Record, 'key' | 'value' | 'headers' | 'timestampMs'>;
interface BodyOutput {
  key?: Buffer;
  _key?: 'key';
  value: Buffer;
  headers: Header__Output[];
  timestampMs: number;
}

/** Reads the current field into `out` if it is one of the four; false for any other field. */
export function readBodyField(r: ProtoReader, out: BodyOutput, first: number): boolean {
  switch (r.field - first) {
    case 0:
      out.key = r.bytes();
      out._key = 'key';
      return true;
    case 1:
      out.value = r.bytes();
      return true;
    case 2:
      out.headers.push(decodeHeader(r, r.message()));
      return true;
    case 3:
      out.timestampMs = r.int64();
      return true;
    default:
      return false;
  }
}

/** Encoded size of the four fields, or -1 when one is outside what the encoders write (strings, Longs, negatives). */
export function bodySize(r: BodyInput): number {
  if (!isWritableVarint(r.timestampMs ?? 0) || !isBytes(r.value ?? EMPTY)) return -1;
  let size = 0;
  if (r.key !== undefined && r.key !== null) {
    if (!isBytes(r.key)) return -1;
    size += delimitedSize(r.key.length);
  }
  const value = (r.value ?? EMPTY) as Uint8Array;
  if (value.length) size += delimitedSize(value.length);
  for (const h of r.headers ?? []) {
    if (!isBytes(h.value ?? EMPTY)) return -1;
    size += delimitedSize(headerSize(h));
  }
  return size + varintFieldSize((r.timestampMs ?? 0) as number);
}

/** Writes the four fields (sized by bodySize). A set key is written even when empty: it is a proto3 optional. */
export function putBody(buf: Buffer, pos: number, first: number, r: BodyInput): number {
  if (r.key !== undefined && r.key !== null) pos = putBytesField(buf, pos, first, r.key as Uint8Array);
  const value = (r.value ?? EMPTY) as Uint8Array;
  if (value.length) pos = putBytesField(buf, pos, first + 1, value);
  for (const h of r.headers ?? []) pos = putHeader(buf, pos, first + 2, h);
  return putVarintField(buf, pos, first + 3, (r.timestampMs ?? 0) as number);
}

function decodeHeader(r: ProtoReader, end: number): Header__Output {
  const out: Header__Output = { key: '', value: EMPTY };
  while (r.next(end)) {
    if (r.field === 1) out.key = r.string();
    else if (r.field === 2) out.value = r.bytes();
    else r.skip();
  }
  return out;
}

function headerSize(h: Header): number {
  const key = h.key ? Buffer.byteLength(h.key) : 0;
  const value = ((h.value ?? EMPTY) as Uint8Array).length;
  return (key ? delimitedSize(key) : 0) + (value ? delimitedSize(value) : 0);
}

function putHeader(buf: Buffer, pos: number, field: number, h: Header): number {
  pos = putLengthPrefix(buf, pos, field, headerSize(h));
  if (h.key) pos = putStringField(buf, pos, 1, h.key, Buffer.byteLength(h.key));
  const value = (h.value ?? EMPTY) as Uint8Array;
  return value.length ? putBytesField(buf, pos, 2, value) : pos;
}
