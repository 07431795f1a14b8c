/**
 * Zig-zag varints as in Kafka's record format. Written with arithmetic rather than bit operators so values beyond
 * 32 bits (timestamp deltas) stay exact.
 */
export function zigzag(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

export function unzigzag(z: number): number {
  return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
}

export function varintSize(n: number): number {
  let z = zigzag(n);
  let size = 1;
  while (z >= 128) {
    z = Math.floor(z / 128);
    size++;
  }
  return size;
}

export function writeVarint(buf: Buffer, pos: number, n: number): number {
  let z = zigzag(n);
  while (z >= 128) {
    buf[pos++] = (z % 128) | 0x80;
    z = Math.floor(z / 128);
  }
  buf[pos++] = z;
  return pos;
}

/** Reads a varint at `cursor.pos` and moves the cursor past it. Throws RangeError on a truncated or overlong value. */
export function readVarint(buf: Buffer, cursor: { pos: number }, end: number): number {
  let z = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    if (cursor.pos >= end) throw new RangeError('truncated varint');
    const b = buf[cursor.pos++];
    z += (b & 0x7f) * scale;
    if ((b & 0x80) === 0) {
      if (z > Number.MAX_SAFE_INTEGER) throw new RangeError('varint out of range');
      return unzigzag(z);
    }
    scale *= 128;
  }
  throw new RangeError('varint too long');
}
