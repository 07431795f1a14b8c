import { invalidArgument } from '../errors.js';
import { startAttempt, type AttemptCache } from './attempts.js';
import { resolveConfig } from './config.js';
import type { ShareDelta } from './deltas.js';
import { PartitionCore, requireMember, requireOffset, type Op } from './partition-core.js';
import { runLength, sameFailure, type Run, type RunData } from './run-map.js';
import type { AcquiredBatch, PreviousFailure } from './types.js';
import { FRESH } from './window.js';

/** With per-key ordering, at most this many records are looked at (blocked ones included) per acquire. */
export const KEY_SCAN_LIMIT = 10_000;

/** One acquire call's lease. */
interface Lease {
  member: string;
  token: number;
  deadline: number;
  starts: AttemptCache;
  pieces: { first: number; last: number; count: number; failure: PreviousFailure | null }[];
}

/** Acquisition: redeliveries first, then new records; per-key ordering; the lease token. */
export abstract class AcquiringPartition extends PartitionCore {
  /**
   * Acquires up to maxRecords records for the member: due AVAILABLE records of the window first (lowest offsets
   * first), then new records from the end offset up to logEndOffset. Overdue locks are expired first; records
   * archived by that (or met at the delivery limit) are reported through takeArchived().
   */
  acquire(
    memberId: string,
    maxRecords: number,
    logEndOffset: number,
    keyOf?: (offset: number) => string | null,
  ): AcquiredBatch[] {
    requireMember(memberId);
    if (!Number.isSafeInteger(maxRecords) || maxRecords < 0) {
      throw invalidArgument(`maxRecords must be a non-negative integer, got ${String(maxRecords)}`);
    }
    requireOffset(logEndOffset, 'logEndOffset');
    const op = this.newOp(this.clock.now());
    this.expireLocks(op);
    this.promote(op.now);
    let budget = Math.min(maxRecords, op.c.maxInFlightRecords - this.w.totals.ACQUIRED);
    const lease: Lease = {
      member: memberId,
      token: this.lease + 1,
      deadline: op.now + op.c.lockDurationMs,
      starts: new Map(),
      pieces: [],
    };
    const perKey = op.c.perKeyOrdering && keyOf !== undefined;
    if (perKey && !this.keysKnown) this.learnKeys(keyOf);
    this.keysKnown = perKey;
    let scanLeft = KEY_SCAN_LIMIT;
    let scanStopped = false;
    /** Starts of blocked (skipped) groups: they stay AVAILABLE and need ready entries again. */
    const blocked: number[] = [];
    let scannedTo = -1;

    // Redeliveries: due AVAILABLE records inside the window, lowest first.
    while (budget > 0 && !scanStopped) {
      const x = this.w.peekReady();
      if (x === undefined) break;
      this.w.ready.pop();
      const run = this.w.find(x) as Run;
      if (run.count >= op.c.deliveryCountLimit) {
        this.archive(run, 'DELIVERY_LIMIT', run.failure?.reason ?? '', run.failure?.memberId, run.attempts, op.archived);
        continue;
      }
      if (!perKey) {
        const take = Math.min(budget, runLength(run));
        this.take(run.first, run.first + take - 1, lease, op);
        budget -= take;
        continue;
      }
      const hi = run.last;
      let o = Math.max(run.first, scannedTo + 1);
      let span = -1;
      let inBlockedGroup = false;
      for (; o <= hi && budget > 0; o++) {
        if (scanLeft-- <= 0) {
          scanStopped = true;
          break;
        }
        const key = this.keyFor(o, keyOf);
        if (key !== null && this.keys.blocked(key, o)) {
          if (span >= 0) this.take(span, o - 1, lease, op);
          span = -1;
          if (!inBlockedGroup) blocked.push(o);
          inBlockedGroup = true;
          continue;
        }
        inBlockedGroup = false;
        if (span < 0) span = o;
        budget--;
      }
      if (span >= 0) this.take(span, o - 1, lease, op);
      if (o <= hi) blocked.push(o);
      scannedTo = Math.max(scannedTo, o - 1);
    }

    // New records from the end offset.
    if (budget > 0 && !scanStopped && this.w.end < logEndOffset) {
      if (!perKey) {
        const last = Math.min(logEndOffset - 1, this.w.end + budget - 1);
        budget -= last - this.w.end + 1;
        this.takeNew(last, lease, op);
      } else {
        let o = this.w.end;
        let span = -1;
        for (; o < logEndOffset && budget > 0; o++) {
          if (scanLeft-- <= 0) {
            scanStopped = true;
            break;
          }
          const key = keyOf(o);
          if (key !== null && this.keys.blocked(key, o)) {
            if (span >= 0) this.takeNewSpan(span, o - 1, lease, op);
            span = -1;
            continue;
          }
          if (key !== null) this.keys.note(o, key);
          if (span < 0) span = o;
          budget--;
        }
        // Skipped records below the new end offset join the window unkeyed: they are rescanned, in order,
        // before any later record of their key.
        if (span >= 0) this.takeNewSpan(span, o - 1, lease, op);
      }
    }

    for (const offset of blocked) this.w.ready.push(offset);
    if (lease.pieces.length > 0) this.lease = lease.token;
    const batches = this.batchesOf(lease, op.now);
    this.w.advanceOverFinished();
    this.idle = budget > 0 && !scanStopped ? { version: this.version, logEnd: logEndOffset } : null;
    this.pendingArchived.push(...op.archived);
    this.w.compactIndexes();
    return batches;
  }

  /** Cheap hint for long-poll wake-ups: false only when acquire would certainly return nothing now. */
  hasAcquirable(logEndOffset: number): boolean {
    const c = resolveConfig(this.config);
    const now = this.clock.now();
    const lock = this.w.peekLock();
    if (lock !== undefined && lock.at <= now) return true;
    if (this.w.totals.ACQUIRED >= c.maxInFlightRecords) return false;
    const delay = this.w.peekDelay();
    if (delay !== undefined && delay.at <= now) return true;
    if (this.idle !== null && this.idle.version === this.version && logEndOffset <= this.idle.logEnd) return false;
    return this.w.peekReady() !== undefined || this.w.end < logEndOffset;
  }

  /** One pass over the records acquire will not scan but that can block a key: ACQUIRED and delayed ones. */
  protected learnKeys(keyOf: (offset: number) => string | null): void {
    for (const run of this.w.runs) {
      if (run.state !== 'ACQUIRED' && !(run.state === 'AVAILABLE' && run.due > 0)) continue;
      for (let o = run.first; o <= run.last; o++) this.keyFor(o, keyOf);
    }
  }

  protected keyFor(offset: number, keyOf: (offset: number) => string | null): string | null {
    const known = this.keys.get(offset);
    if (known !== undefined) return known;
    const key = keyOf(offset);
    if (key !== null) this.keys.note(offset, key);
    return key;
  }

  protected acquiredData(old: RunData, lease: Lease, op: Op): RunData {
    return {
      state: 'ACQUIRED',
      count: old.count + 1,
      member: lease.member,
      deadline: lease.deadline,
      token: lease.token,
      due: 0,
      failure: old.failure,
      attempts: startAttempt(old.attempts, lease.member, op.now, op.c.maxAttemptsKept, lease.starts),
    };
  }

  /** Acquires [first, last] inside the window (all due AVAILABLE records). */
  protected take(first: number, last: number, lease: Lease, op: Op): void {
    const runs = this.w.isolate(first, last);
    for (const run of runs) {
      lease.pieces.push({ first: run.first, last: run.last, count: run.count + 1, failure: run.failure });
      this.move(run, this.acquiredData(run, lease, op));
    }
    this.w.coalesceAll(runs);
  }

  /** Acquires [end offset, last]: records never seen before. */
  protected takeNew(last: number, lease: Lease, op: Op): void {
    lease.pieces.push({ first: this.w.end, last, count: 1, failure: null });
    this.w.append(last, this.acquiredData(FRESH, lease, op));
  }

  /** Like takeNew, but skipped records before `first` join the window as never delivered. */
  protected takeNewSpan(first: number, last: number, lease: Lease, op: Op): void {
    this.w.extendTo(first);
    this.takeNew(last, lease, op);
  }

  /** Batches split where count or previous failure differ; one `acq` delta per contiguous range. */
  protected batchesOf(lease: Lease, now: number): AcquiredBatch[] {
    const batches: AcquiredBatch[] = [];
    let prev: { first: number; last: number; count: number; failure: PreviousFailure | null } | null = null;
    let delta: Extract<ShareDelta, { t: 'acq' }> | null = null;
    for (const p of lease.pieces.sort((a, b) => a.first - b.first)) {
      const joins = prev !== null && prev.last + 1 === p.first;
      if (joins && prev !== null && prev.count === p.count && sameFailure(prev.failure, p.failure)) {
        batches[batches.length - 1].lastOffset = p.last;
      } else {
        const batch: AcquiredBatch = {
          firstOffset: p.first,
          lastOffset: p.last,
          deliveryCount: p.count,
          leaseToken: lease.token,
          lockExpiresAt: lease.deadline,
        };
        if (p.failure !== null) batch.previousFailure = { ...p.failure };
        batches.push(batch);
      }
      if (joins && delta !== null) delta.last = p.last;
      else {
        delta = { t: 'acq', first: p.first, last: p.last, member: lease.member, token: lease.token, at: now };
        this.deltas.push(delta);
      }
      prev = p;
    }
    return batches;
  }
}
