import { ErrorCode, SharelogError } from '../errors.js';
import type { FailureOutcome, PreviousFailure } from './types.js';

/**
 * One durable change of a share-partition, one per contiguous range. Plain JSON. Locks are not durable, so
 * replaying `acq` leaves the records AVAILABLE (with the count incremented), and RENEW writes nothing.
 */
export type ShareDelta =
  /** Each record of [first, last] was delivered once more (count + 1), under lease `token`. */
  | { t: 'acq'; first: number; last: number; member: string; token: number; at: number }
  /** ACCEPTED: ACKNOWLEDGED. */
  | { t: 'ack'; first: number; last: number }
  /** REJECTED or over the delivery limit: ARCHIVED. */
  | { t: 'arch'; first: number; last: number; reason: string }
  /** Given back (release, expiry, member left): AVAILABLE, from `due` on when present. */
  | {
      t: 'rel';
      first: number;
      last: number;
      member: string;
      out: FailureOutcome;
      at: number;
      due?: number;
      reason?: string;
    }
  /** The log start moved past the start offset (retention). */
  | { t: 'start'; offset: number }
  /** Admin reset: all state cleared, start = end = offset. */
  | { t: 'reset'; offset: number };

export interface SnapshotRun {
  first: number;
  last: number;
  /** ACQUIRED records are stored as AVAILABLE: locks do not survive a restart. */
  state: 'AVAILABLE' | 'ACKNOWLEDGED' | 'ARCHIVED';
  count: number;
  /** AVAILABLE only: delayed until then. */
  due?: number;
  failure?: PreviousFailure;
}

/** The full durable state of a share-partition; runs cover [start, end) in order. */
export interface ShareSnapshot {
  v: 1;
  start: number;
  end: number;
  /** The lease-token counter: the last token handed out. */
  lease: number;
  runs: SnapshotRun[];
}

function corrupt(what: string, value: unknown): SharelogError {
  return new SharelogError(ErrorCode.CORRUPT_DATA, `invalid ${what}: ${JSON.stringify(value)?.slice(0, 200)}`);
}

const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const OUTCOMES: readonly unknown[] = ['RELEASED', 'EXPIRED', 'MEMBER_LEFT'];

function isFailure(v: unknown): v is PreviousFailure {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  return typeof f.memberId === 'string' && typeof f.reason === 'string' && isTime(f.failedAt) && OUTCOMES.includes(f.outcome);
}

/** Checks a delta read from disk; throws CORRUPT_DATA. */
export function assertShareDelta(value: unknown): asserts value is ShareDelta {
  if (typeof value !== 'object' || value === null) throw corrupt('delta', value);
  const d = value as Record<string, unknown>;
  const range = isOffset(d.first) && isOffset(d.last) && d.first <= d.last;
  let ok: boolean;
  switch (d.t) {
    case 'acq':
      ok = range && typeof d.member === 'string' && isOffset(d.token) && isTime(d.at);
      break;
    case 'ack':
      ok = range;
      break;
    case 'arch':
      ok = range && typeof d.reason === 'string';
      break;
    case 'rel':
      ok =
        range &&
        typeof d.member === 'string' &&
        OUTCOMES.includes(d.out) &&
        isTime(d.at) &&
        (d.due === undefined || isTime(d.due)) &&
        (d.reason === undefined || typeof d.reason === 'string');
      break;
    case 'start':
    case 'reset':
      ok = isOffset(d.offset);
      break;
    default:
      ok = false;
  }
  if (!ok) throw corrupt('delta', value);
}

/** Checks a snapshot read from disk; throws CORRUPT_DATA. */
export function assertShareSnapshot(value: unknown): asserts value is ShareSnapshot {
  if (typeof value !== 'object' || value === null) throw corrupt('snapshot', value);
  const s = value as Record<string, unknown>;
  if (s.v !== 1 || !isOffset(s.start) || !isOffset(s.end) || s.end < s.start || !isOffset(s.lease)) {
    throw corrupt('snapshot', { v: s.v, start: s.start, end: s.end, lease: s.lease });
  }
  if (!Array.isArray(s.runs)) throw corrupt('snapshot runs', s.runs);
  let next = s.start;
  for (const r of s.runs as unknown[]) {
    const run = r as Record<string, unknown>;
    const ok =
      typeof r === 'object' &&
      r !== null &&
      run.first === next &&
      isOffset(run.last) &&
      run.last >= run.first &&
      run.last < s.end &&
      (run.state === 'AVAILABLE' || run.state === 'ACKNOWLEDGED' || run.state === 'ARCHIVED') &&
      isOffset(run.count) &&
      (run.due === undefined || isTime(run.due)) &&
      (run.failure === undefined || isFailure(run.failure));
    if (!ok) throw corrupt('snapshot run', r);
    next = (run.last as number) + 1;
  }
  if (next !== s.end) throw corrupt('snapshot runs (do not reach the end offset)', { next, end: s.end });
}
