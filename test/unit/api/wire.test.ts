/**
 * The hand-written codecs of src/api/wire against proto-loader's own (protobufjs), on random messages: what
 * they decode must equal what proto-loader decodes from the same bytes, and what they encode must decode, by
 * proto-loader, to what proto-loader's own encoding decodes to.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSharelogProto } from '../../../src/api/proto.js';
import {
  WireError,
  decodeProduceRequest,
  decodeProduceResponse,
  decodeSubscribeRecords,
  encodeProduceRequest,
  encodeProduceResponse,
  encodeSubscribeRecords,
} from '../../../src/api/wire/index.js';
import { ProtoReader } from '../../../src/api/wire/proto-wire.js';

const v1 = loadSharelogProto().proto.sharelog.v1;
const produce = v1.ProducerService.service.Produce;
const subscribe = v1.ShareConsumerService.service.Subscribe;

const RUNS = { numRuns: 300 };

const text = fc.oneof(fc.constantFrom('', 't', 'orders', 'ünï-ç☃'), fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 12 }));
const bytes = fc.oneof(fc.constant(Buffer.alloc(0)), fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)));
const safeNat = fc.oneof(fc.constantFrom(0, 1, 127, 128, 16_383, 16_384, 2 ** 31 - 1, 2 ** 32, 2 ** 53 - 1), fc.nat(), fc.maxSafeNat());
/** Any int64 a client could send: negative, and beyond 2^53 (decoded to the nearest double, as long.js does). */
const anyInt64 = fc.oneof(safeNat, fc.constantFrom(-1, -(2 ** 31), -(2 ** 53), 2 ** 53, 2 ** 60, -(2 ** 62)), fc.integer({ min: -(2 ** 31), max: -1 }));
const int32 = fc.oneof(fc.constantFrom(0, 1, -1, 2 ** 31 - 1, -(2 ** 31)), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }));
const header = fc.record({ key: text, value: bytes });

const record = fc.record(
  { key: bytes, value: bytes, headers: fc.array(header, { maxLength: 3 }), timestampMs: anyInt64 },
  { requiredKeys: ['value', 'headers', 'timestampMs'] },
);
const produceRequest = fc.record(
  {
    topic: text,
    partition: int32,
    records: fc.array(record, { maxLength: 8 }),
    producerId: text,
    sequence: anyInt64,
  },
  { requiredKeys: ['topic', 'records', 'producerId', 'sequence'] },
);

/** Unknown fields of every wire type, as a newer client might send. */
const UNKNOWN_FIELDS = Buffer.from([
  0x78, 0x96, 0x01, // field 15, varint 150
  0x82, 0x01, 0x03, 0x61, 0x62, 0x63, // field 16, length-delimited "abc"
  0x7d, 1, 2, 3, 4, // field 15, fixed32
  0x79, 1, 2, 3, 4, 5, 6, 7, 8, // field 15, fixed64
  0x7b, 0x08, 0x01, 0x7c, // field 15, a group holding field 1 = 1
]);

describe('ProduceRequest decoder', () => {
  it('decodes what proto-loader decodes', () => {
    fc.assert(
      fc.property(produceRequest, (request) => {
        const wire = produce.requestSerialize(request);
        expect(decodeProduceRequest(wire)).toStrictEqual(produce.requestDeserialize(wire));
      }),
      RUNS,
    );
  });

  it('skips unknown fields of every wire type, at the top and inside records', () => {
    const request = { topic: 't', partition: 2, records: [{ key: Buffer.from('k'), value: Buffer.from('v'), headers: [], timestampMs: 5 }], producerId: '', sequence: 0 };
    const plain = decodeProduceRequest(produce.requestSerialize(request));
    const record = Buffer.concat([Buffer.from([0x0a, 1, 0x6b, 0x12, 1, 0x76, 0x20, 5]), UNKNOWN_FIELDS]);
    const withUnknown = Buffer.concat([UNKNOWN_FIELDS, Buffer.from([0x0a, 1, 0x74, 0x10, 2, 0x1a, record.length]), record, UNKNOWN_FIELDS]);
    expect(decodeProduceRequest(withUnknown)).toStrictEqual(plain);
    expect(produce.requestDeserialize(withUnknown)).toStrictEqual(plain);
  });

  it('takes the last value of a repeated scalar field', () => {
    const wire = Buffer.from([0x0a, 1, 0x61, 0x0a, 1, 0x62, 0x10, 1, 0x10, 3]);
    expect(decodeProduceRequest(wire)).toMatchObject({ topic: 'b', partition: 3 });
  });

  it('refuses truncated messages and bad wire types with a WireError', () => {
    fc.assert(
      fc.property(produceRequest.filter((r) => r.records.length > 0), fc.nat(), (request, cut) => {
        const wire = produce.requestSerialize(request);
        const truncated = wire.subarray(0, cut % wire.length);
        try {
          decodeProduceRequest(truncated);
        } catch (err) {
          expect(err).toBeInstanceOf(WireError);
        }
      }),
      RUNS,
    );
    expect(() => decodeProduceRequest(Buffer.from([0x0a, 5, 0x61]))).toThrow(WireError); // length past the end
    expect(() => decodeProduceRequest(Buffer.from([0x08, 1]))).toThrow(/field 1 has wire type 0/); // topic as a varint
    expect(() => decodeProduceRequest(Buffer.from([0x7f]))).toThrow(/invalid wire type 7/);
    // A record of 2 bytes whose value field claims 3: the field runs past its embedded message.
    expect(() => decodeProduceRequest(Buffer.from([0x1a, 0x02, 0x12, 0x03, 0x61, 0x62, 0x63]))).toThrow(/past the end of its embedded message/);
  });

  it('never throws anything but a WireError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (raw) => {
        try {
          decodeProduceRequest(Buffer.from(raw));
        } catch (err) {
          expect(err).toBeInstanceOf(WireError);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives values as views into the request, not copies', () => {
    const wire = produce.requestSerialize({ topic: 't', records: [{ value: Buffer.from('hello'), headers: [], timestampMs: 0 }] });
    const decoded = decodeProduceRequest(wire);
    expect(decoded.records[0].value.buffer).toBe(wire.buffer);
  });
});

describe('ProduceRequest encoder (client)', () => {
  const clientRecord = fc.record(
    { key: bytes, value: bytes, headers: fc.array(header, { maxLength: 3 }), timestampMs: safeNat },
    { requiredKeys: ['value', 'headers', 'timestampMs'] },
  );
  const clientRequest = fc.record(
    { topic: text, partition: fc.integer({ min: 0, max: 2 ** 31 - 1 }), records: fc.array(clientRecord, { maxLength: 8 }), producerId: text, sequence: safeNat },
    { requiredKeys: ['topic', 'records'] },
  );

  it('encodes what proto-loader decodes as its own encoding, an explicit partition 0 included', () => {
    fc.assert(
      fc.property(clientRequest, (request) => {
        const ours = encodeProduceRequest(request);
        expect(ours).not.toBeNull();
        expect(produce.requestDeserialize(ours!)).toStrictEqual(produce.requestDeserialize(produce.requestSerialize(request)));
      }),
      RUNS,
    );
    const zero = encodeProduceRequest({ topic: 't', partition: 0, records: [] })!;
    expect(produce.requestDeserialize(zero)).toMatchObject({ partition: 0, _partition: 'partition' });
  });

  it('leaves strings for bytes, int64 strings and negative numbers to the generic encoder', () => {
    expect(encodeProduceRequest({ topic: 't', records: [{ value: 'text' }] })).toBeNull();
    expect(encodeProduceRequest({ topic: 't', records: [], sequence: '5' })).toBeNull();
    expect(encodeProduceRequest({ topic: 't', partition: -1, records: [] })).toBeNull();
    expect(encodeProduceRequest({ topic: 't', records: [{ value: Buffer.from('v'), timestampMs: -1 }] })).toBeNull();
  });
});

describe('ProduceResponse decoder (client)', () => {
  it('decodes what proto-loader decodes', () => {
    const response = fc.record({
      positions: fc.array(fc.record({ partition: int32, offset: anyInt64 }), { maxLength: 50 }),
      duplicate: fc.boolean(),
    });
    fc.assert(
      fc.property(response, (r) => {
        const wire = produce.responseSerialize(r);
        expect(decodeProduceResponse(wire)).toStrictEqual(produce.responseDeserialize(wire));
      }),
      RUNS,
    );
  });
});

describe('ProduceResponse encoder', () => {
  const response = fc.record({
    positions: fc.array(fc.record({ partition: fc.integer({ min: 0, max: 2 ** 31 - 1 }), offset: safeNat }), { maxLength: 50 }),
    duplicate: fc.boolean(),
  });

  it('encodes what proto-loader decodes as its own encoding', () => {
    fc.assert(
      fc.property(response, (r) => {
        const ours = encodeProduceResponse(r);
        expect(ours).not.toBeNull();
        expect(produce.responseDeserialize(ours!)).toStrictEqual(produce.responseDeserialize(produce.responseSerialize(r)));
      }),
      RUNS,
    );
  });

  it('leaves values it does not write to the generic encoder', () => {
    expect(encodeProduceResponse({ positions: [{ partition: 0, offset: -1 }], duplicate: false })).toBeNull();
    expect(encodeProduceResponse({ positions: [{ partition: 0, offset: '12' }], duplicate: false })).toBeNull();
  });
});

describe('SubscribeResponse records codec', () => {
  const consumed = fc.record(
    { topic: text, partition: fc.integer({ min: 0, max: 2 ** 31 - 1 }), offset: safeNat, key: bytes, value: bytes, headers: fc.array(header, { maxLength: 3 }), timestampMs: safeNat },
    { requiredKeys: ['topic', 'partition', 'offset', 'value', 'headers', 'timestampMs'] },
  );
  const acquired = fc.record({ record: consumed, deliveryCount: fc.integer({ min: 0, max: 100 }), lockExpiresAtMs: safeNat, leaseToken: safeNat });
  const recordsResponse = fc.array(acquired, { maxLength: 20 }).map((records) => ({ records: { records } }));
  const failure = { memberId: 'm', reason: 'boom', failedAtMs: 5, outcome: 'ATTEMPT_OUTCOME_RELEASED' as const };

  it('encodes what proto-loader decodes as its own encoding', () => {
    fc.assert(
      fc.property(recordsResponse, (response) => {
        const ours = encodeSubscribeRecords(response);
        expect(ours).not.toBeNull();
        expect(subscribe.responseDeserialize(ours!)).toStrictEqual(subscribe.responseDeserialize(subscribe.responseSerialize(response)));
      }),
      RUNS,
    );
  });

  it('decodes what proto-loader decodes', () => {
    fc.assert(
      fc.property(recordsResponse, (response) => {
        const wire = subscribe.responseSerialize(response);
        expect(decodeSubscribeRecords(wire)).toStrictEqual(subscribe.responseDeserialize(wire));
      }),
      RUNS,
    );
  });

  it('writes a header without a value as proto-loader does', () => {
    const response = { records: { records: [{ record: { topic: 't', offset: 3, value: Buffer.from('v'), headers: [{ key: 'h' }] }, deliveryCount: 1, lockExpiresAtMs: 2, leaseToken: 4 }] } };
    expect(subscribe.responseDeserialize(encodeSubscribeRecords(response)!)).toStrictEqual(subscribe.responseDeserialize(subscribe.responseSerialize(response)));
  });

  it('leaves other response kinds and redeliveries with a previous failure to the generic codec', () => {
    const record = { record: { topic: 't', partition: 0, offset: 1, value: Buffer.from('v'), headers: [], timestampMs: 1 }, deliveryCount: 2, lockExpiresAtMs: 9, leaseToken: 3 };
    const redelivery = { records: { records: [record, { ...record, previousFailure: failure }] } };
    expect(encodeSubscribeRecords(redelivery)).toBeNull();
    expect(decodeSubscribeRecords(subscribe.responseSerialize(redelivery))).toBeNull();
    const joined = { joined: { memberId: 'm', memberEpoch: 1, assignment: [{ topic: 't', partitions: [0, 1] }] } };
    expect(encodeSubscribeRecords(joined)).toBeNull();
    expect(decodeSubscribeRecords(subscribe.responseSerialize(joined))).toBeNull();
    const results = { acknowledgementResults: { correlationId: 4, results: [] } };
    expect(decodeSubscribeRecords(subscribe.responseSerialize(results))).toBeNull();
    expect(decodeSubscribeRecords(Buffer.alloc(0))).toBeNull();
  });
});

describe('ProtoReader.int64', () => {
  it('reads every int64 as long.js toNumber does', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (n) => {
        const wire = produce.requestSerialize({ sequence: n.toString() });
        const reader = new ProtoReader(wire);
        expect(reader.next()).toBe(true);
        expect(reader.field).toBe(5);
        expect(reader.int64()).toBe(produce.requestDeserialize(wire).sequence);
        expect(reader.next()).toBe(false);
      }),
      RUNS,
    );
  });
});
