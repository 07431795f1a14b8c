/**
 * Fuzzing the share-group journal reader (issue 8 part 4): decodeFrames and JournalFile.open on random bytes and on
 * valid journals with mutated bytes. What must hold: the frames read are a prefix of the frames written (never a
 * changed frame), the torn or corrupt tail is cut (and the file truncated to the valid prefix), and a frame whose
 * CRC matches but whose payload is not a journal frame is a SharelogError CORRUPT_DATA; no other exception.
 */
import { crc32c } from '@node-rs/crc32';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FRAME_HEADER_BYTES, JournalFile, decodeFrames, encodeFrame, type JournalFrame } from '../../src/ack-tracker/journal.js';
import { ErrorCode, SharelogError } from '../../src/errors.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sharelog-journal-fuzz-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const deltaArb = fc.record({ t: fc.constantFrom('acq', 'ack', 'rel', 'exp'), o: fc.nat(), c: fc.integer({ min: 1, max: 10 }), m: fc.string({ maxLength: 8 }) });
const frameArb: fc.Arbitrary<JournalFrame> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ tp: fc.string({ maxLength: 12 }), d: fc.array(deltaArb, { maxLength: 4 }) }) as unknown as fc.Arbitrary<JournalFrame> },
  {
    weight: 1,
    arbitrary: fc.record({ snapshot: fc.dictionary(fc.string({ maxLength: 6 }), fc.record({ s: fc.nat(), e: fc.nat() }), { maxKeys: 3 }) }) as unknown as fc.Arbitrary<JournalFrame>,
  },
);

type Mutation = { kind: 'flip'; at: number; bit: number } | { kind: 'set'; at: number; value: number } | { kind: 'truncate'; at: number };
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

/** Applies a mutation; returns the bytes and the first position changed (bytes before it are intact). */
function mutate(original: Buffer, m: Mutation): { bytes: Buffer; firstChanged: number } {
  const bytes = Buffer.from(original);
  const at = m.at % Math.max(1, bytes.length);
  if (m.kind === 'truncate') return { bytes: bytes.subarray(0, at), firstChanged: at };
  if (m.kind === 'flip') bytes[at] ^= 1 << m.bit;
  else bytes[at] = m.value;
  return { bytes, firstChanged: bytes[at] === original[at] ? original.length : at };
}

/** Outcome of decoding: frames and valid length, or CORRUPT_DATA; any other exception fails the test. */
function decode(bytes: Buffer): { frames: JournalFrame[]; validBytes: number } | 'corrupt' {
  try {
    return decodeFrames(bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(SharelogError);
    expect((err as SharelogError).code).toBe(ErrorCode.CORRUPT_DATA);
    return 'corrupt';
  }
}

/** Frame boundaries of the encoded journal: ends[i] is the end of frame i. */
function encodeAll(frames: JournalFrame[]): { bytes: Buffer; ends: number[] } {
  const parts = frames.map((f) => encodeFrame(f));
  const ends: number[] = [];
  let end = 0;
  for (const p of parts) ends.push((end += p.length));
  return { bytes: Buffer.concat(parts), ends };
}

const roundTrip = (f: JournalFrame) => JSON.parse(JSON.stringify(f));

describe('journal reader fuzz', () => {
  it('random bytes: a (usually empty) valid prefix or CORRUPT_DATA, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (raw) => {
        const result = decode(Buffer.from(raw));
        if (result !== 'corrupt') expect(result.validBytes).toBeLessThanOrEqual(raw.length);
      }),
      { numRuns: 3000 },
    );
  });

  it('mutated journal: the frames before the first changed byte survive, the rest is a valid prefix or cut', () => {
    fc.assert(
      fc.property(fc.array(frameArb, { minLength: 1, maxLength: 6 }), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (frames, mutations) => {
        const { bytes: original, ends } = encodeAll(frames);
        let bytes = original;
        let firstChanged = original.length;
        for (const m of mutations) {
          const r = mutate(bytes, m);
          bytes = r.bytes;
          firstChanged = Math.min(firstChanged, r.firstChanged);
        }
        const result = decode(bytes);
        // Intact frames: every frame that ends before the first changed byte.
        const intact = ends.filter((e) => e <= firstChanged).length;
        if (result === 'corrupt') {
          // Only a CRC-valid frame with a non-journal payload throws; a mutation makes one with probability 2^-32.
          throw new Error('a mutated journal decoded to CORRUPT_DATA: CRC collision?');
        }
        expect(result.frames.length).toBeGreaterThanOrEqual(intact);
        // Never a changed frame: what was read is exactly a prefix of what was written.
        expect(result.frames).toEqual(frames.slice(0, result.frames.length).map(roundTrip));
        expect(result.validBytes).toBe(result.frames.length === 0 ? 0 : ends[result.frames.length - 1]);
      }),
      { numRuns: 2000 },
    );
  });

  it('a CRC-valid frame whose payload is not a journal frame is CORRUPT_DATA (not a torn tail)', () => {
    const garbage = fc.oneof(
      fc.uint8Array({ maxLength: 100 }).map((a) => Buffer.from(a)),
      fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
    );
    fc.assert(
      fc.property(fc.array(frameArb, { maxLength: 3 }), garbage, (frames, payload) => {
        const header = Buffer.alloc(FRAME_HEADER_BYTES);
        header.writeUInt32LE(payload.length, 0);
        header.writeUInt32LE(crc32c(payload), 4);
        const bytes = Buffer.concat([encodeAll(frames).bytes, header, payload]);
        let parsed: unknown;
        try {
          parsed = JSON.parse(payload.toString('utf8'));
        } catch {
          parsed = undefined;
        }
        const looksValid =
          typeof parsed === 'object' &&
          parsed !== null &&
          ((typeof (parsed as { tp?: unknown }).tp === 'string' && Array.isArray((parsed as { d?: unknown }).d)) ||
            (typeof (parsed as { snapshot?: unknown }).snapshot === 'object' && (parsed as { snapshot?: unknown }).snapshot !== null));
        const result = decode(bytes);
        if (looksValid) expect(result).not.toBe('corrupt');
        else expect(result).toBe('corrupt');
      }),
      { numRuns: 1000 },
    );
  });

  it('JournalFile.open on a mutated file: frames are a prefix, the file is cut to it, a reopen is clean and appends work', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(frameArb, { minLength: 1, maxLength: 5 }), fc.array(mutationArb, { minLength: 1, maxLength: 2 }), async (frames, mutations) => {
        const file = path.join(dir, `j${n++}.journal`);
        const { bytes: original, ends } = encodeAll(frames);
        let bytes = original;
        for (const m of mutations) bytes = mutate(bytes, m).bytes;
        fs.writeFileSync(file, bytes);
        let opened;
        try {
          opened = await JournalFile.open(file);
        } catch (err) {
          expect(err).toBeInstanceOf(SharelogError);
          expect((err as SharelogError).code).toBe(ErrorCode.CORRUPT_DATA);
          return;
        }
        const k = opened.frames.length;
        expect(opened.frames).toEqual(frames.slice(0, k).map(roundTrip));
        const valid = k === 0 ? 0 : ends[k - 1];
        expect(opened.truncatedBytes).toBe(bytes.length - valid);
        expect(fs.statSync(file).size).toBe(valid);
        const extra: JournalFrame = { tp: 'extra/0', d: [] };
        opened.journal.append(extra);
        await opened.journal.close();
        const again = await JournalFile.open(file);
        expect(again.truncatedBytes).toBe(0);
        expect(again.frames).toEqual([...frames.slice(0, k).map(roundTrip), extra]);
        await again.journal.close();
        fs.rmSync(file);
      }),
      { numRuns: 150 },
    );
  });
});
