import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CorruptBatchError,
  FORMAT_MAGIC,
  LOG_OVERHEAD,
  MAX_PRODUCER_ID_LENGTH,
  decodeRecords,
  encodeBatch,
  peekBatchSize,
  readBatchHeader,
} from '../../../src/log/record-batch.js';
import type { RecordInput, StoredRecord } from '../../../src/log/record.js';
import { readVarint, unzigzag, varintSize, writeVarint, zigzag } from '../../../src/log/varint.js';
import { rec, utf8 } from './fixtures.js';

const APPEND_TIME = 1_700_000_000_123;

function decodeAll(buf: Buffer, fromOffset = 0, maxRecords = Infinity): StoredRecord[] {
  const header = readBatchHeader(buf, 0);
  const out: StoredRecord[] = [];
  decodeRecords(buf, 0, header, out, fromOffset, maxRecords);
  return out;
}

function plain(r: StoredRecord) {
  return {
    offset: r.offset,
    timestampMs: r.timestampMs,
    key: r.key === null ? null : [...r.key],
    value: [...r.value],
    headers: r.headers.map((h) => ({ key: h.key, value: [...h.value] })),
  };
}

function expected(records: RecordInput[], baseOffset: number, appendTime = APPEND_TIME) {
  return records.map((r, i) => ({
    offset: baseOffset + i,
    timestampMs: r.timestampMs === 0 ? appendTime : r.timestampMs,
    key: r.key === null ? null : [...r.key],
    value: [...r.value],
    headers: r.headers.map((h) => ({ key: h.key, value: [...h.value] })),
  }));
}

const binary = Buffer.from([0x00, 0xff, 0x80, 0x7f, 0x0a, 0x0d, 0x00]);
const mixed: RecordInput[] = [
  rec('v0'), // null key, broker timestamp
  rec('', { key: '' }), // empty key and empty value
  rec(binary, { key: binary, ts: 1_600_000_000_000 }),
  rec(Buffer.alloc(0), {
    key: 'k3',
    ts: 2 ** 41 + 7, // beyond 2^32
    headers: [
      { key: 'content-type', value: utf8('text/plain') },
      { key: 'ключ-ü-✓', value: binary },
      { key: '', value: Buffer.alloc(0) },
      { key: 'content-type', value: utf8('dup keys keep their order') },
    ],
  }),
  rec('x'.repeat(300), { key: 'k'.repeat(200), ts: 5 }), // multi-byte varint lengths, a timestamp far below the first
];

describe('encodeBatch / decodeRecords', () => {
  it('round-trips keys, values, headers and timestamps exactly', () => {
    const batch = encodeBatch(mixed, { baseOffset: 42, appendTimeMs: APPEND_TIME });
    expect(batch.baseOffset).toBe(42);
    expect(batch.recordCount).toBe(mixed.length);
    expect(batch.maxTimestamp).toBe(2 ** 41 + 7);
    const decoded = decodeAll(batch.bytes);
    expect(decoded.map(plain)).toEqual(expected(mixed, 42));
    expect(decoded[0].key).toBeNull();
    expect(decoded[1].key).not.toBeNull();
    expect(decoded[1].key!.length).toBe(0);
  });

  it('writes a header that describes the batch', () => {
    const batch = encodeBatch(mixed, { baseOffset: 2 ** 40, appendTimeMs: APPEND_TIME, producerId: 'prod-é', sequence: 2 ** 35 });
    expect(peekBatchSize(batch.bytes, 0)).toBe(batch.bytes.length);
    expect(batch.bytes.readInt8(12)).toBe(FORMAT_MAGIC);
    const header = readBatchHeader(batch.bytes, 0);
    expect(header).toEqual({
      baseOffset: 2 ** 40,
      sizeInBytes: batch.bytes.length,
      lastOffsetDelta: mixed.length - 1,
      recordCount: mixed.length,
      firstTimestamp: APPEND_TIME,
      maxTimestamp: 2 ** 41 + 7,
      producerId: 'prod-é',
      sequence: 2 ** 35,
    });
    expect(decodeAll(batch.bytes).map((r) => r.offset)).toEqual([0, 1, 2, 3, 4].map((i) => 2 ** 40 + i));
  });

  it('uses the broker append time for timestamp 0 and marks all-broker-time batches', () => {
    const broker = encodeBatch([rec('a'), rec('b')], { baseOffset: 0, appendTimeMs: 77 });
    expect(decodeAll(broker.bytes).map((r) => r.timestampMs)).toEqual([77, 77]);
    expect(broker.bytes.readInt16BE(17) & 1).toBe(1);
    expect(broker.maxTimestamp).toBe(77);
    const explicit = encodeBatch([rec('a', { ts: 10 }), rec('b')], { baseOffset: 0, appendTimeMs: 77 });
    expect(decodeAll(explicit.bytes).map((r) => r.timestampMs)).toEqual([10, 77]);
    expect(explicit.bytes.readInt16BE(17) & 1).toBe(0);
    const header = readBatchHeader(explicit.bytes, 0);
    expect([header.firstTimestamp, header.maxTimestamp]).toEqual([10, 77]);
  });

  it('defaults to no producer (empty id, sequence -1)', () => {
    const header = readBatchHeader(encodeBatch([rec('a')], { baseOffset: 3, appendTimeMs: 1 }).bytes, 0);
    expect(header.producerId).toBe('');
    expect(header.sequence).toBe(-1);
  });

  it('accepts a producer id of the maximum length and refuses a longer one', () => {
    const id = 'p'.repeat(MAX_PRODUCER_ID_LENGTH);
    const batch = encodeBatch([rec('a')], { baseOffset: 0, appendTimeMs: 1, producerId: id, sequence: 0 });
    expect(readBatchHeader(batch.bytes, 0).producerId).toBe(id);
    expect(decodeAll(batch.bytes)[0].value.toString()).toBe('a');
    expect(() => encodeBatch([rec('a')], { baseOffset: 0, appendTimeMs: 1, producerId: id + 'p' })).toThrow(RangeError);
    expect(() => encodeBatch([], { baseOffset: 0, appendTimeMs: 1 })).toThrow(RangeError);
  });

  it('skips records below fromOffset and honours maxRecords', () => {
    const batch = encodeBatch(mixed, { baseOffset: 100, appendTimeMs: APPEND_TIME });
    expect(decodeAll(batch.bytes, 102).map((r) => r.offset)).toEqual([102, 103, 104]);
    expect(decodeAll(batch.bytes, 101, 2).map((r) => r.offset)).toEqual([101, 102]);
    expect(decodeAll(batch.bytes, 105)).toEqual([]);
  });

  it('decodes a batch that sits inside a larger buffer', () => {
    const a = encodeBatch([rec('first')], { baseOffset: 0, appendTimeMs: 1 }).bytes;
    const b = encodeBatch(mixed, { baseOffset: 1, appendTimeMs: APPEND_TIME }).bytes;
    const buf = Buffer.concat([a, b, Buffer.from([1, 2, 3])]);
    const header = readBatchHeader(buf, a.length);
    expect(header.baseOffset).toBe(1);
    const out: StoredRecord[] = [];
    decodeRecords(buf, a.length, header, out);
    expect(out.map(plain)).toEqual(expected(mixed, 1));
  });

  it('round-trips arbitrary records (property)', () => {
    const bytes = fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a));
    const record = fc.record({
      key: fc.option(bytes, { nil: null }),
      value: bytes,
      headers: fc.array(fc.record({ key: fc.string({ unit: 'grapheme', maxLength: 8 }), value: bytes }), { maxLength: 3 }),
      timestampMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2 ** 47 })),
    });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 2 ** 40 }), (records, base) => {
        const batch = encodeBatch(records, { baseOffset: base, appendTimeMs: APPEND_TIME, producerId: 'p', sequence: 1 });
        expect(decodeAll(batch.bytes).map(plain)).toEqual(expected(records, base));
      }),
      { numRuns: 200 },
    );
  });
});

describe('corruption detection', () => {
  const batch = encodeBatch(mixed, { baseOffset: 9, appendTimeMs: APPEND_TIME, producerId: 'p1', sequence: 4 }).bytes;

  it('detects a flipped bit anywhere from the magic byte to the end', () => {
    // Bytes 0-7 (base offset) are not covered by the CRC; the segment scan checks them against the expected offset.
    let checked = 0;
    for (let pos = 12; pos < batch.length; pos++) {
      for (let bit = 0; bit < 8; bit++) {
        const copy = Buffer.from(batch);
        copy[pos] ^= 1 << bit;
        expect(() => readBatchHeader(copy, 0), `byte ${pos} bit ${bit}`).toThrow(CorruptBatchError);
        checked++;
      }
    }
    expect(checked).toBe((batch.length - 12) * 8);
  });

  it('detects a changed batch length (bytes 8-11)', () => {
    for (let pos = 8; pos < 12; pos++) {
      for (let bit = 0; bit < 8; bit++) {
        const copy = Buffer.from(batch);
        copy[pos] ^= 1 << bit;
        expect(() => readBatchHeader(copy, 0), `byte ${pos} bit ${bit}`).toThrow(CorruptBatchError);
      }
    }
  });

  it('detects every truncation', () => {
    for (let len = 0; len < batch.length; len++) {
      expect(() => readBatchHeader(batch.subarray(0, len), 0), `length ${len}`).toThrow(CorruptBatchError);
      expect(() => readBatchHeader(batch, 0, len), `end ${len}`).toThrow(CorruptBatchError);
    }
    expect(peekBatchSize(batch, 0, LOG_OVERHEAD - 1)).toBe(-1);
    expect(peekBatchSize(batch, 0, LOG_OVERHEAD)).toBe(batch.length);
  });

  it('rejects impossible lengths and zeroed headers', () => {
    expect(() => readBatchHeader(Buffer.alloc(64), 0)).toThrow(CorruptBatchError);
    const negative = Buffer.from(batch);
    negative.writeInt32BE(-5, 8);
    expect(() => readBatchHeader(negative, 0)).toThrow(CorruptBatchError);
  });
});

describe('varint', () => {
  const roundTrip = (n: number) => {
    const buf = Buffer.alloc(16, 0xaa);
    const end = writeVarint(buf, 3, n);
    expect(end - 3).toBe(varintSize(n));
    const cursor = { pos: 3 };
    expect(readVarint(buf, cursor, end)).toBe(n);
    expect(cursor.pos).toBe(end);
  };

  it('round-trips edge values', () => {
    for (const n of [0, 1, -1, 63, -64, 64, -65, 127, 128, 2 ** 31 - 1, -(2 ** 31), 2 ** 32, -(2 ** 32), 2 ** 32 + 1, 2 ** 40, 2 ** 52 - 1, -(2 ** 52)]) {
      roundTrip(n);
    }
    expect(varintSize(0)).toBe(1);
    expect(varintSize(-1)).toBe(1);
    expect(varintSize(64)).toBe(2);
  });

  it('zig-zags like Kafka', () => {
    expect([0, -1, 1, -2, 2].map(zigzag)).toEqual([0, 1, 2, 3, 4]);
    expect([0, 1, 2, 3, 4].map(unzigzag)).toEqual([0, -1, 1, -2, 2]);
  });

  it('round-trips any value with |n| <= 2^52 (property)', () => {
    const big = fc.bigInt({ min: -(2n ** 52n), max: 2n ** 52n - 1n }).map(Number);
    fc.assert(fc.property(fc.oneof(fc.integer(), big), (n) => roundTrip(n)), { numRuns: 500 });
  });

  it('refuses truncated and overlong varints', () => {
    const buf = Buffer.alloc(16);
    const end = writeVarint(buf, 0, 2 ** 40);
    expect(() => readVarint(buf, { pos: 0 }, end - 1)).toThrow(RangeError);
    expect(() => readVarint(Buffer.alloc(12, 0xff), { pos: 0 }, 12)).toThrow(RangeError);
  });
});
