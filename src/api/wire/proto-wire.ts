/**
 * Protobuf wire primitives for the hand-written codecs of the hot messages (see ./index.ts for why they exist).
 * Reading: fields in any order, the last value of a scalar wins, unknown fields are skipped, bytes are views into
 * the message buffer (as protobufjs gives them). Writing: the size of each nested message is computed first, then
 * everything is written into one Buffer; proto3 zero values are left out, as canonical encoders do.
 */

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LENGTH_DELIMITED = 2;
export const WIRE_START_GROUP = 3;
export const WIRE_END_GROUP = 4;
export const WIRE_FIXED32 = 5;

const TWO_32 = 4_294_967_296;

/** The message is not valid protobuf (truncated, a bad length, a wire type that does not fit the field). */
export class WireError extends Error {}

/**
 * Reads a message's fields: `while (r.next(end)) switch (r.field) { ... default: r.skip(); }`. The typed reads
 * check that the current field came with the wire type they read. Embedded messages are read by the same reader
 * (`message()` gives their end), with no object per message or per field.
 */
export class ProtoReader {
  pos = 0;
  /** Field number and wire type of the field `next()` reached. */
  field = 0;
  wire = 0;
  private readonly end: number;

  constructor(readonly buf: Buffer) {
    this.end = buf.length;
  }

  /** Moves to the next field before `end`; false at `end`. */
  next(end = this.end): boolean {
    if (this.pos >= end) {
      if (this.pos > end) throw new WireError('a field runs past the end of its embedded message');
      return false;
    }
    const t = this.varint32();
    this.field = t >>> 3;
    this.wire = t & 7;
    return true;
  }

  int32(): number {
    this.expect(WIRE_VARINT);
    return this.varint32() | 0;
  }

  /**
   * An int64 as a JS number: exact below 2^53, the nearest double beyond (callers that need exactness check
   * Number.isSafeInteger, as with proto-loader's `longs: Number`). Negative values are two's complement.
   */
  int64(): number {
    this.expect(WIRE_VARINT);
    return this.varint64();
  }

  bytes(): Buffer {
    this.expect(WIRE_LENGTH_DELIMITED);
    const end = this.spanEnd();
    const out = this.buf.subarray(this.pos, end);
    this.pos = end;
    return out;
  }

  string(): string {
    this.expect(WIRE_LENGTH_DELIMITED);
    const end = this.spanEnd();
    const out = this.buf.toString('utf8', this.pos, end);
    this.pos = end;
    return out;
  }

  /**
   * Enters an embedded message: returns where it ends, with the reader at its first field. Read its fields with
   * `next(end)`; the reader is at `end` when they are done.
   */
  message(): number {
    this.expect(WIRE_LENGTH_DELIMITED);
    return this.spanEnd();
  }

  /** Skips the current field, whatever its wire type. */
  skip(wire = this.wire): void {
    switch (wire) {
      case WIRE_VARINT:
        this.varint64();
        return;
      case WIRE_FIXED64:
        this.advance(8);
        return;
      case WIRE_LENGTH_DELIMITED:
        this.pos = this.spanEnd();
        return;
      case WIRE_START_GROUP:
        for (;;) {
          const t = this.varint32();
          if ((t & 7) === WIRE_END_GROUP) return;
          this.skip(t & 7);
        }
      case WIRE_FIXED32:
        this.advance(4);
        return;
      default:
        throw new WireError(`invalid wire type ${wire}`);
    }
  }

  private expect(wire: number): void {
    if (this.wire !== wire) throw new WireError(`field ${this.field} has wire type ${this.wire}, expected ${wire}`);
  }

  /** Reads a length; returns where that many bytes from here end. The reader stays at the payload's start. */
  private spanEnd(): number {
    const length = this.varint32();
    const end = this.pos + length;
    if (end > this.end) throw new WireError('length-delimited field runs past the end of the message');
    return end;
  }

  /** A varint of up to 32 bits (tags, lengths, int32); longer encodings keep their low 32 bits, as protobufjs does. */
  private varint32(): number {
    const buf = this.buf;
    const end = this.end;
    let pos = this.pos;
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (pos >= end) throw new WireError('truncated varint');
      const b = buf[pos++];
      result |= (b & 0x7f) << shift; // the 5th byte's bits above 32 fall off the shift
      if (b < 0x80) {
        this.pos = pos;
        return result >>> 0;
      }
    }
    // Bytes 6..10 of a 64-bit varint carry only high bits: skip them.
    for (let i = 0; i < 5; i++) {
      if (pos >= end) throw new WireError('truncated varint');
      if (buf[pos++] < 0x80) {
        this.pos = pos;
        return result >>> 0;
      }
    }
    throw new WireError('varint longer than 10 bytes');
  }

  /** Integer shifts only (no Math.pow): this runs three times per record of a pushed batch. */
  private varint64(): number {
    const buf = this.buf;
    const end = this.end;
    let pos = this.pos;
    let lo = 0;
    let b = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      if (pos >= end) throw new WireError('truncated varint');
      b = buf[pos++];
      lo |= (b & 0x7f) << shift;
      if (b < 0x80) {
        this.pos = pos;
        return lo;
      }
    }
    // Byte 5 holds bits 28..31 of the low word and 0..2 of the high word; bytes 6..10 the rest of the high word.
    if (pos >= end) throw new WireError('truncated varint');
    b = buf[pos++];
    const low = lo + (b & 0x0f) * 0x10000000;
    let hi = (b & 0x70) >>> 4;
    for (let shift = 3; b >= 0x80; shift += 7) {
      if (shift > 31) throw new WireError('varint longer than 10 bytes');
      if (pos >= end) throw new WireError('truncated varint');
      b = buf[pos++];
      hi |= (b & 0x7f) << shift; // the 10th byte's bits above 64 fall off the shift
    }
    this.pos = pos;
    // As long.js's toNumber: the signed high word times 2^32 plus the low word (one rounding, if any).
    return (hi | 0) * TWO_32 + low;
  }

  private advance(n: number): void {
    if (this.pos + n > this.end) throw new WireError('truncated fixed-width field');
    this.pos += n;
  }
}

// ------------------------------------------------------------------------------------------------ writing

/** Bytes of a varint holding a non-negative safe integer. */
export function varintSize(n: number): number {
  if (n < 0x80) return 1;
  if (n < 0x4000) return 2;
  if (n < 0x200000) return 3;
  if (n < 0x10000000) return 4;
  let size = 4;
  for (let rest = Math.floor(n / 0x10000000); rest > 0; rest = Math.floor(rest / 128)) size++;
  return size;
}

/** Writes a varint holding a non-negative safe integer; returns the position after it. */
export function putVarint(buf: Buffer, pos: number, n: number): number {
  // Above 31 bits (timestamps, lock deadlines) bitwise operators would truncate: divide down first.
  while (n > 0x7fffffff) {
    buf[pos++] = (n % 128) | 0x80;
    n = Math.floor(n / 128);
  }
  while (n > 0x7f) {
    buf[pos++] = (n & 0x7f) | 0x80;
    n >>>= 7;
  }
  buf[pos++] = n;
  return pos;
}

/** A field number with its wire type, as the one-byte tag of fields 1..15. */
export function tag(field: number, wireType: number): number {
  return (field << 3) | wireType;
}

/** Size of a length-delimited field (tag of fields 1..15, length, payload). */
export function delimitedSize(payload: number): number {
  return 1 + varintSize(payload) + payload;
}

/** Whether the hand-written encoders can write `n` as a varint: non-negative safe integers only. */
export function isWritableVarint(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

export const isBytes = (b: unknown): b is Uint8Array => b instanceof Uint8Array;

/** Encoded size of a varint field as putVarintField writes it: nothing when zero. */
export function varintFieldSize(n: number): number {
  return n ? 1 + varintSize(n) : 0;
}

/** A varint field, left out when zero (proto3). */
export function putVarintField(buf: Buffer, pos: number, field: number, n: number): number {
  if (!n) return pos;
  buf[pos++] = tag(field, WIRE_VARINT);
  return putVarint(buf, pos, n);
}

/** The tag and length of a length-delimited field; its payload follows at the returned position. */
export function putLengthPrefix(buf: Buffer, pos: number, field: number, length: number): number {
  buf[pos++] = tag(field, WIRE_LENGTH_DELIMITED);
  return putVarint(buf, pos, length);
}

export function putBytesField(buf: Buffer, pos: number, field: number, bytes: Uint8Array): number {
  pos = putLengthPrefix(buf, pos, field, bytes.length);
  buf.set(bytes, pos);
  return pos + bytes.length;
}

/** A string field whose UTF-8 length the caller has already measured. */
export function putStringField(buf: Buffer, pos: number, field: number, text: string, byteLength: number): number {
  pos = putLengthPrefix(buf, pos, field, byteLength);
  return pos + buf.write(text, pos, 'utf8');
}
