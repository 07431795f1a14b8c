/** Shared builders for the log unit tests (not a test file itself). */
import { expect } from 'vitest';
import { ManualClock } from '../../../src/clock.js';
import { SharelogError, type ErrorCode } from '../../../src/errors.js';
import type { FsyncPolicy } from '../../../src/log/fsync-policy.js';
import { PartitionLog, type PartitionLogOptions } from '../../../src/log/partition-log.js';
import type { RecordHeader, RecordInput, StoredRecord } from '../../../src/log/record.js';

export const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

export function rec(
  value: string | Buffer,
  opts: { key?: string | Buffer | null; ts?: number; headers?: RecordHeader[] } = {},
): RecordInput {
  const key = opts.key === undefined || opts.key === null ? null : typeof opts.key === 'string' ? utf8(opts.key) : opts.key;
  return {
    key,
    value: typeof value === 'string' ? utf8(value) : value,
    headers: opts.headers ?? [],
    timestampMs: opts.ts ?? 0,
  };
}

/** The value used for the record meant to land at `offset`: fixed width, so every batch of n records has one size. */
export function valueFor(offset: number): string {
  return `value-${String(offset).padStart(8, '0')}-${'x'.repeat(40)}`;
}

export function recordsFrom(start: number, count: number, ts?: (offset: number) => number): RecordInput[] {
  return Array.from({ length: count }, (_, i) => rec(valueFor(start + i), { key: `k${start + i}`, ts: ts?.(start + i) }));
}

export interface LogFixtureOptions {
  fsync?: FsyncPolicy;
  segmentBytes?: number;
  indexIntervalBytes?: number;
  clock?: ManualClock;
  warnings?: Array<{ message: string; details: Record<string, unknown> }>;
}

export function logOptions(o: LogFixtureOptions = {}): PartitionLogOptions & { clock: ManualClock } {
  const warnings = o.warnings;
  return {
    fsync: o.fsync ?? { mode: 'never' },
    segmentBytes: o.segmentBytes ?? 1024,
    indexIntervalBytes: o.indexIntervalBytes ?? 100,
    clock: o.clock ?? new ManualClock(1_700_000_000_000),
    onWarning: warnings ? (message, details) => warnings.push({ message, details }) : undefined,
  };
}

/**
 * Appends batches of 1..3 records (sizes cycle) until `total` records are in, each record carrying valueFor(offset).
 * Returns the [baseOffset, count] of every batch.
 */
export async function fill(log: PartitionLog, total: number, sizes = [1, 2, 3]): Promise<Array<[number, number]>> {
  const batches: Array<[number, number]> = [];
  let next = log.logEndOffset;
  const end = next + total;
  for (let i = 0; next < end; i++) {
    const count = Math.min(sizes[i % sizes.length], end - next);
    const result = await log.append(recordsFrom(next, count));
    expect(result).toEqual({ baseOffset: next, duplicate: false });
    batches.push([next, count]);
    next += count;
  }
  return batches;
}

/** Checks that `records` are exactly offsets from..from+n-1 with the values fill() wrote. */
export function expectDense(records: StoredRecord[], from: number, n = records.length): void {
  expect(records.map((r) => r.offset)).toEqual(Array.from({ length: n }, (_, i) => from + i));
  for (const r of records) expect(r.value.toString()).toBe(valueFor(r.offset));
}

/** Reads every record in [from, highWatermark) in pages. */
export function readAll(log: PartitionLog, from = log.logStartOffset): StoredRecord[] {
  const out: StoredRecord[] = [];
  let offset = from;
  while (offset < log.highWatermark) {
    const page = log.read(offset, 1000, 1 << 20);
    if (page.length === 0) throw new Error(`empty read at ${offset} below high watermark ${log.highWatermark}`);
    out.push(...page);
    offset = page[page.length - 1].offset + 1;
  }
  return out;
}

export function expectCode(fn: () => unknown, code: ErrorCode): SharelogError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(SharelogError);
  expect((caught as SharelogError).code).toBe(code);
  return caught as SharelogError;
}

export async function expectRejectCode(promise: Promise<unknown>, code: ErrorCode): Promise<SharelogError> {
  let caught: unknown;
  try {
    await promise;
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(SharelogError);
  expect((caught as SharelogError).code).toBe(code);
  return caught as SharelogError;
}
