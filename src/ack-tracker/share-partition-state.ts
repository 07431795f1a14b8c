import type { Clock } from '../clock.js';
import { invalidArgument } from '../errors.js';
import { AcquiringPartition } from './acquire.js';
import { backoffDelay, type SharePartitionConfig } from './config.js';
import { assertShareDelta, assertShareSnapshot, type ShareDelta, type ShareSnapshot } from './deltas.js';
import { finishedData, requireMember, requireOffset, truncateReason, type Op } from './partition-core.js';
import { isFinished } from './record-state.js';
import type { Run, RunData } from './run-map.js';
import { buildSnapshot, describeRecord, unseenRecord } from './snapshot.js';
import type { AckRange, AckResult, ArchivedRecord, InspectedRecord, ReleaseResult } from './types.js';
import { FRESH } from './window.js';

/** Default cap on the records one inspect call describes. */
export const INSPECT_LIMIT = 10_000;

/**
 * The state of one share-partition: a share group's view of one topic-partition. Pure logic: time comes from
 * the injected clock, nothing here starts a timer or does I/O. Every mutation records deltas (takeDeltas) that
 * the caller makes durable before it answers the client.
 */
export class SharePartitionState extends AcquiringPartition {
  // ------------------------------------------------------------------------------------------ acknowledge

  /** Applies each range atomically and independently; one result per range. */
  acknowledge(memberId: string, ranges: readonly AckRange[]): AckResult[] {
    requireMember(memberId);
    if (!Array.isArray(ranges)) throw invalidArgument('ranges must be an array');
    const op = this.newOp(this.clock.now());
    // A lock past its deadline is no longer held, even if no timer has run yet.
    this.expireLocks(op);
    this.pendingArchived.push(...op.archived);
    const results = ranges.map((range) => this.acknowledgeRange(memberId, range, op));
    this.w.advanceOverFinished();
    this.w.compactIndexes();
    return results;
  }

  private acknowledgeRange(member: string, range: AckRange, op: Op): AckResult {
    const bad = rangeArgumentError(range);
    if (bad !== null) return { error: 'INVALID_ARGUMENT', message: bad };
    const refusal = this.checkHeld(member, range);
    if (refusal !== null) return refusal;
    const runs = this.w.isolate(range.firstOffset, range.lastOffset);
    const reason = truncateReason(range.reason);
    const archived: ArchivedRecord[] = [];
    switch (range.type) {
      case 'RENEW': {
        const deadline = op.now + op.c.lockDurationMs;
        for (const run of runs) this.w.update(run, { deadline });
        this.w.coalesceAll(runs);
        return { error: null, lockExpiresAt: deadline };
      }
      case 'ACCEPT':
        for (const run of runs) {
          const attempts = this.finishAttempts(run, 'ACCEPTED', '', op);
          this.emit({ t: 'ack', first: run.first, last: run.last });
          this.finish(run, 'ACKNOWLEDGED', attempts);
        }
        break;
      case 'REJECT':
        for (const run of runs) {
          const attempts = this.finishAttempts(run, 'REJECTED', reason, op);
          this.archive(run, 'REJECTED', reason || (run.failure?.reason ?? ''), member, attempts, archived);
        }
        break;
      case 'RELEASE': {
        const delay = range.releaseDelayMs ?? 0;
        for (const run of runs) {
          this.giveBack(run, 'RELEASED', reason, delay > 0 ? delay : backoffDelay(op.c, run.count), op, archived);
        }
        break;
      }
    }
    return archived.length > 0 ? { error: null, archived } : { error: null };
  }

  /** Null when every record of the range is ACQUIRED by the member (under the token, if given). */
  private checkHeld(member: string, range: AckRange): AckResult | null {
    const { firstOffset: first, lastOffset: last, leaseToken } = range;
    const refuse = (message: string): AckResult => ({ error: 'INVALID_RECORD_STATE', message });
    if (first < this.w.start) {
      return refuse(`offset ${first} is below the start offset ${this.w.start}: it is finished or was removed`);
    }
    for (let run = this.w.find(first); run !== null && run.first <= last; run = this.w.runs.next(run)) {
      const o = Math.max(first, run.first);
      if (run.state !== 'ACQUIRED') {
        return refuse(`offset ${o} is ${run.state}, not acquired by member ${quote(member)}`);
      }
      if (run.member !== member) {
        return refuse(`offset ${o} is acquired by member ${quote(run.member)}, not ${quote(member)}`);
      }
      if (leaseToken !== undefined && run.token !== leaseToken) {
        return {
          error: 'STALE_LEASE_TOKEN',
          message: `offset ${o} is held under lease token ${run.token}, not ${leaseToken}`,
        };
      }
    }
    if (last >= this.w.end) {
      return refuse(`offset ${Math.max(first, this.w.end)} has not been acquired (end offset ${this.w.end})`);
    }
    return null;
  }

  // -------------------------------------------------------------------------------- expiry, members, time

  /** Releases (or archives, at the limit) every lock whose deadline is <= now. */
  expire(now: number = this.clock.now()): ReleaseResult {
    const op = this.newOp(now);
    this.expireLocks(op);
    this.promote(now);
    this.w.advanceOverFinished();
    this.w.compactIndexes();
    return { released: op.released, archived: op.archived };
  }

  /** Gives back everything the member holds (outcome MEMBER_LEFT). */
  releaseMember(memberId: string): ReleaseResult {
    requireMember(memberId);
    const op = this.newOp(this.clock.now());
    for (const x of this.w.takeMemberRuns(memberId)) {
      const run = this.w.find(x);
      if (run !== null && run.state === 'ACQUIRED' && run.member === memberId) {
        this.giveBack(run, 'MEMBER_LEFT', '', 0, op, op.archived);
      }
    }
    this.w.advanceOverFinished();
    this.w.compactIndexes();
    return { released: op.released, archived: op.archived };
  }

  // ----------------------------------------------------------------------------------- start offset, reset

  /** The log's start moved past SPSO (retention): records below are forgotten, in-flight ones dropped. */
  advanceStartOffset(offset: number): void {
    requireOffset(offset, 'offset');
    if (offset <= this.w.start) return;
    this.version++;
    this.w.dropBelow(offset);
    this.keys.dropBelow(offset);
    this.emit({ t: 'start', offset });
    this.w.advanceOverFinished();
    this.w.compactIndexes();
  }

  /** Admin reset (the caller guarantees no members): all state cleared, SPSO = SPEO = offset. */
  reset(offset: number): void {
    requireOffset(offset, 'offset');
    this.version++;
    this.w.clear(offset);
    this.keys.clear();
    this.history.clear();
    this.idle = null;
    this.emit({ t: 'reset', offset });
  }

  // ------------------------------------------------------------------------------------------- read-only

  /** Records of [firstOffset, lastOffset] clamped to [SPSO, logEndOffset), at most `limit` of them. */
  inspect(firstOffset: number, lastOffset: number, logEndOffset: number, limit = INSPECT_LIMIT): InspectedRecord[] {
    this.promote(this.clock.now());
    const lo = Math.max(firstOffset, this.w.start);
    const hi = Math.min(lastOffset, logEndOffset - 1, lo + limit - 1);
    const out: InspectedRecord[] = [];
    if (hi < lo) return out;
    const finished = this.history.lookup(lo, Math.min(hi, this.w.end - 1));
    let o = lo;
    for (let run = this.w.find(lo); run !== null && o <= hi; run = this.w.runs.next(run)) {
      const stop = Math.min(run.last, hi);
      for (; o <= stop; o++) out.push(describeRecord(run, o, finished));
    }
    for (; o <= hi; o++) out.push(unseenRecord(o));
    return out;
  }

  // ---------------------------------------------------------------------------------------- durability

  snapshot(): ShareSnapshot {
    this.promote(this.clock.now());
    return buildSnapshot(this.w, this.lease);
  }

  /** A state equal to the one the snapshot was taken of, with every lock released (count unchanged). */
  static restore(snapshot: ShareSnapshot, clock: Clock, config?: Partial<SharePartitionConfig>): SharePartitionState {
    assertShareSnapshot(snapshot);
    const state = new SharePartitionState({ startOffset: snapshot.start, clock, config });
    state.lease = snapshot.lease;
    for (const r of snapshot.runs) {
      state.w.append(r.last, {
        ...FRESH,
        state: r.state,
        count: r.count,
        due: r.due ?? 0,
        failure: r.failure === undefined ? null : { ...r.failure },
      });
    }
    state.w.advanceOverFinished();
    return state;
  }

  /** Replays one delta (recorded after the snapshot this state was restored from). Records nothing. */
  applyDelta(delta: ShareDelta): void {
    assertShareDelta(delta);
    // Replaying history must not record it again: the caller would append it to the journal a second time.
    const saved = this.deltas;
    const savedArchived = this.pendingArchived;
    this.deltas = [];
    this.pendingArchived = [];
    try {
      switch (delta.t) {
        case 'acq':
          this.lease = Math.max(this.lease, delta.token);
          this.replay(delta.first, delta.last, (run) => ({
            state: 'AVAILABLE',
            count: run.count + 1,
            member: null,
            deadline: 0,
            token: 0,
            due: 0,
          }));
          break;
        case 'ack':
        case 'arch':
          this.replay(delta.first, delta.last, () => finishedData(delta.t === 'ack' ? 'ACKNOWLEDGED' : 'ARCHIVED'));
          break;
        case 'rel':
          this.replay(delta.first, delta.last, () => ({
            state: 'AVAILABLE',
            member: null,
            deadline: 0,
            token: 0,
            due: delta.due ?? 0,
            failure: { memberId: delta.member, reason: delta.reason ?? '', failedAt: delta.at, outcome: delta.out },
          }));
          break;
        case 'start':
          this.advanceStartOffset(delta.offset);
          break;
        case 'reset':
          this.reset(delta.offset);
          break;
      }
    } finally {
      this.deltas = saved;
      this.pendingArchived = savedArchived;
    }
    this.version++;
  }

  private replay(first: number, last: number, change: (run: Run) => Partial<RunData>): void {
    const lo = Math.max(first, this.w.start);
    if (lo > last) return;
    this.w.extendTo(last + 1);
    const runs = this.w.isolate(lo, last);
    for (const run of runs) this.w.update(run, change(run));
    if (isFinished(runs[0].state)) this.keys.removeRange(lo, last);
    this.w.coalesceAll(runs);
    this.w.advanceOverFinished();
    this.w.compactIndexes();
  }
}

const ACK_TYPES: readonly string[] = ['ACCEPT', 'RELEASE', 'REJECT', 'RENEW'];
const isOffset = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

export function rangeArgumentError(range: AckRange): string | null {
  if (typeof range !== 'object' || range === null) return 'an acknowledgement range must be an object';
  const { firstOffset, lastOffset, type, releaseDelayMs, leaseToken, reason } = range;
  if (!isOffset(firstOffset) || !isOffset(lastOffset)) {
    return `offsets must be non-negative integers, got ${String(firstOffset)}..${String(lastOffset)}`;
  }
  if (firstOffset > lastOffset) return `first offset ${firstOffset} is after last offset ${lastOffset}`;
  if (!ACK_TYPES.includes(type)) return `unknown acknowledgement type ${String(type)}`;
  if (releaseDelayMs !== undefined && !isOffset(releaseDelayMs)) {
    return `releaseDelayMs must be a non-negative integer, got ${String(releaseDelayMs)}`;
  }
  if (leaseToken !== undefined && !isOffset(leaseToken)) {
    return `leaseToken must be a non-negative integer, got ${String(leaseToken)}`;
  }
  if (reason !== undefined && typeof reason !== 'string') return 'reason must be a string';
  return null;
}

function quote(member: string | null): string {
  return JSON.stringify(member);
}

