/**
 * Fuzzing the record-batch decoder (issue 8 part 4): random bytes, mutated valid batches (bit flips, byte
 * overwrites, truncations, length-field changes) and CRC-valid garbage. The decoder must either throw
 * CorruptBatchError or return exactly the records that were encoded; never another exception, never a hang.
 *
 * The base offset (bytes 0..7) is outside the CRC by design (as in Kafka: the broker assigns it); the decoder cannot
 * see a change there, so the property compares offsets relative to the base offset, and checks the base offset only
 * when those bytes were not touched. The log's readers check the base offset against the offset they expect
 * (see segment.fuzz.test.ts).
 */
import { crc32c } from '@node-rs/crc32';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorruptBatchError, decodeRecords, encodeBatch, readBatchHeader } from '../../src/log/record-batch.js';
import type { RecordInput, StoredRecord } from '../../src/log/record.js';

const CRC_START = 17;
const APPEND_TIME = 1_700_000_000_000;

/** Walks every batch in buf; returns the records, or throws what the decoder throws. */
function decodeAll(buf: Buffer): { baseOffset: number; records: StoredRecord[] }[] {
  const out: { baseOffset: number; records: StoredRecord[] }[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const header = readBatchHeader(buf, pos);
    const records: StoredRecord[] = [];
    decodeRecords(buf, pos, header, records);
    out.push({ baseOffset: header.baseOffset, records });
    pos += header.sizeInBytes;
  }
  return out;
}

/** Either CorruptBatchError or a value; anything else fails the property. */
function outcome<T>(fn: () => T): { ok: true; value: T } | { ok: false } {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    if (err instanceof CorruptBatchError) return { ok: false };
    throw err;
  }
}

const recordArb: fc.Arbitrary<RecordInput> = fc.record({
  key: fc.option(fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a)), { nil: null }),
  value: fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
  headers: fc.array(
    fc.record({ key: fc.string({ maxLength: 12 }), value: fc.uint8Array({ maxLength: 20 }).map((a) => Buffer.from(a)) }),
    { maxLength: 3 },
  ),
  timestampMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2 ** 45 })),
});

const batchArb = fc.record({
  records: fc.array(recordArb, { minLength: 1, maxLength: 8 }),
  baseOffset: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 ** 40 })),
  producerId: fc.oneof(fc.constant(''), fc.string({ maxLength: 20 })),
  sequence: fc.integer({ min: -1, max: 2 ** 31 - 1 }),
});

function plain(records: StoredRecord[], baseOffset: number) {
  return records.map((r) => ({
    rel: r.offset - baseOffset,
    timestampMs: r.timestampMs,
    key: r.key === null ? null : r.key.toString('hex'),
    value: r.value.toString('hex'),
    headers: r.headers.map((h) => [h.key, h.value.toString('hex')]),
  }));
}

function expected(records: RecordInput[]) {
  return records.map((r, i) => ({
    rel: i,
    timestampMs: r.timestampMs === 0 ? APPEND_TIME : r.timestampMs,
    key: r.key === null ? null : r.key.toString('hex'),
    value: r.value.toString('hex'),
    // Header keys go through UTF-8: lone surrogates are replaced, as any string written as UTF-8 is.
    headers: r.headers.map((h) => [Buffer.from(h.key, 'utf8').toString('utf8'), h.value.toString('hex')]),
  }));
}

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'length'; delta: number }
  | { kind: 'append'; bytes: Uint8Array };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('length' as const), delta: fc.oneof(fc.integer({ min: -64, max: 64 }), fc.integer()) }),
  fc.record({ kind: fc.constant('append' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
);

/** Applies a mutation; returns the new bytes and the byte range it touched. */
function mutate(original: Buffer, m: Mutation): { bytes: Buffer; touched: [number, number] } {
  const bytes = Buffer.from(original);
  switch (m.kind) {
    case 'flip': {
      const at = m.at % bytes.length;
      bytes[at] ^= 1 << m.bit;
      return { bytes, touched: [at, at] };
    }
    case 'set': {
      const at = m.at % bytes.length;
      bytes[at] = m.value;
      return { bytes, touched: [at, at] };
    }
    case 'truncate': {
      const at = m.at % bytes.length;
      return { bytes: bytes.subarray(0, at), touched: [at, original.length] };
    }
    case 'length': {
      if (bytes.length < 12) return { bytes, touched: [bytes.length, bytes.length] };
      bytes.writeInt32BE((bytes.readInt32BE(8) + m.delta) | 0, 8);
      return { bytes, touched: [8, 11] };
    }
    case 'append':
      return { bytes: Buffer.concat([bytes, m.bytes]), touched: [original.length, original.length + m.bytes.length] };
  }
}

describe('record-batch decoder fuzz', () => {
  it('random bytes: CorruptBatchError or a decode, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (raw) => {
        outcome(() => decodeAll(Buffer.from(raw)));
      }),
      { numRuns: 2000 },
    );
  });

  it('random bytes behind a plausible header (right magic and length): CorruptBatchError or a decode', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 60, maxLength: 400 }), (raw) => {
        const buf = Buffer.from(raw);
        buf.writeInt32BE(buf.length - 12, 8);
        buf.writeInt8(1, 12);
        outcome(() => decodeAll(buf));
      }),
      { numRuns: 2000 },
    );
  });

  it('an unmutated batch decodes to exactly the records encoded', () => {
    fc.assert(
      fc.property(batchArb, (b) => {
        const { bytes } = encodeBatch(b.records, { baseOffset: b.baseOffset, appendTimeMs: APPEND_TIME, producerId: b.producerId.slice(0, 20), sequence: b.sequence });
        const [batch] = decodeAll(bytes);
        expect(batch.baseOffset).toBe(b.baseOffset);
        expect(plain(batch.records, batch.baseOffset)).toEqual(expected(b.records));
      }),
      { numRuns: 300 },
    );
  });

  it('a mutated batch: CorruptBatchError, or (only where the CRC cannot see the change) the exact records', () => {
    fc.assert(
      fc.property(batchArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (b, mutations) => {
        const { bytes: original } = encodeBatch(b.records, { baseOffset: b.baseOffset, appendTimeMs: APPEND_TIME });
        let bytes = original;
        let touchedBase = false;
        for (const m of mutations) {
          const r = mutate(bytes, m);
          if (r.touched[0] < 8) touchedBase = true;
          bytes = r.bytes;
          if (bytes.length === 0) return;
        }
        const result = outcome(() => {
          // Decode the first batch only: appended bytes are another (garbage) batch, judged on their own.
          const header = readBatchHeader(bytes, 0);
          const records: StoredRecord[] = [];
          decodeRecords(bytes, 0, header, records);
          return { baseOffset: header.baseOffset, records, size: header.sizeInBytes };
        });
        if (!result.ok) return;
        // Success after a change the CRC covers would be a collision (2^-32): the content must still be the original.
        expect(plain(result.value.records, result.value.baseOffset)).toEqual(expected(b.records));
        if (!touchedBase) expect(result.value.baseOffset).toBe(b.baseOffset);
        expect(result.value.size).toBe(original.length);
      }),
      { numRuns: 3000 },
    );
  });

  it('CRC-valid garbage (random record section, length and CRC fixed up): CorruptBatchError or in-bounds records', () => {
    fc.assert(
      fc.property(
        batchArb,
        fc.uint8Array({ maxLength: 300 }),
        fc.integer({ min: -5, max: 2 ** 31 - 1 }),
        (b, garbage, count) => {
          const { bytes: valid } = encodeBatch(b.records, { baseOffset: b.baseOffset, appendTimeMs: APPEND_TIME });
          const headerEnd = 47 + 1 + 0; // no producer id
          const buf = Buffer.concat([valid.subarray(0, headerEnd), Buffer.alloc(4), Buffer.from(garbage)]);
          buf.writeInt32BE(count, headerEnd);
          buf.writeInt32BE(count - 1, 19);
          buf.writeInt32BE(buf.length - 12, 8);
          buf.writeUInt32BE(crc32c(buf.subarray(CRC_START)), 13);
          const result = outcome(() => decodeAll(buf));
          if (result.ok) {
            for (const batch of result.value) {
              for (const r of batch.records) {
                expect(r.offset - batch.baseOffset).toBeGreaterThanOrEqual(-(2 ** 53));
                expect(r.value.length).toBeLessThanOrEqual(buf.length);
              }
            }
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  // Regression guard for a fixed bug (src/log/record-batch.ts, readBatchHeader): the base offset is not covered by the CRC and not range-checked,
  // so a flipped sign bit gives a negative base offset and decodeRecords(fromOffset = 0) silently returns no records;
  // a base offset beyond 2^53 loses precision (wrong offsets). Fix: refuse a base offset outside
  // [0, 2^53 - 1 - lastOffsetDelta] with CorruptBatchError.
  it('a base offset outside [0, 2^53) is CorruptBatchError, never records at wrong offsets', () => {
    fc.assert(
      fc.property(batchArb, (b) => {
        const { bytes } = encodeBatch(b.records, { baseOffset: b.baseOffset, appendTimeMs: APPEND_TIME });
        bytes[0] ^= 0x80; // the sign bit: a negative base offset
        expect(() => decodeAll(bytes)).toThrow(CorruptBatchError);
      }),
      { numRuns: 50 },
    );
  });
});
