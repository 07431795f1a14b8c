import type { Clock } from '../clock.js';
import { invalidArgument } from '../errors.js';
import { finishAttempt, FinishedHistory, type AttemptCache } from './attempts.js';
import { backoffDelay, resolveConfig, validateConfig, type SharePartitionConfig } from './config.js';
import type { ShareDelta } from './deltas.js';
import { KeyIndex } from './key-index.js';
import { canTransition, type RecordState } from './record-state.js';
import { NO_ATTEMPTS, type Run, type RunData } from './run-map.js';
import type { ArchivedRecord, Attempt, AttemptOutcome, FailureOutcome, ShareCounts } from './types.js';
import { RunWindow } from './window.js';

export interface SharePartitionOptions {
  startOffset: number;
  clock: Clock;
  /** Kept by reference: changes (here or through updateConfig) apply from the next operation on. */
  config?: Partial<SharePartitionConfig>;
}

export const REASON_MAX_LENGTH = 1024;
const FINISHED_HISTORY_RANGES = 1024;

/** Per public call: the time, the config, and what the call produced. */
export interface Op {
  now: number;
  c: SharePartitionConfig;
  released: number;
  archived: ArchivedRecord[];
  caches: Map<string, AttemptCache>;
}

/**
 * The state every part of a share-partition shares, and the transitions they share: give back (release,
 * expiry, member leave), archive, finish, delta recording, expiry and delay processing.
 * Split from SharePartitionState by concern; not used on its own.
 */
export abstract class PartitionCore {
  readonly config: Partial<SharePartitionConfig>;
  protected readonly clock: Clock;
  protected readonly w: RunWindow;
  protected lease = 0;
  protected deltas: ShareDelta[] = [];
  protected pendingArchived: ArchivedRecord[] = [];
  protected readonly keys = new KeyIndex();
  protected readonly history = new FinishedHistory(FINISHED_HISTORY_RANGES);
  /** Bumped by every change that can make a record acquirable; `idle` remembers an acquire that found nothing. */
  protected version = 0;
  protected idle: { version: number; logEnd: number } | null = null;
  /**
   * False after a restore or after records went out with per-key ordering off: the keys of unfinished records
   * that acquire does not scan (ACQUIRED, delayed) are unknown until one pass learns them.
   */
  protected keysKnown = false;

  constructor(options: SharePartitionOptions) {
    requireOffset(options.startOffset, 'startOffset');
    this.config = options.config ?? {};
    validateConfig(this.config);
    this.clock = options.clock;
    this.w = new RunWindow(options.startOffset);
  }

  /** SPSO: everything below is done and forgotten. */
  get startOffset(): number {
    return this.w.start;
  }

  /** SPEO: nothing at or above it has been acquired yet. */
  get endOffset(): number {
    return this.w.end;
  }

  /** The last lease token handed out (0 before the first acquisition). */
  get leaseCounter(): number {
    return this.lease;
  }

  updateConfig(partial: Partial<SharePartitionConfig>): void {
    validateConfig(partial);
    Object.assign(this.config, partial);
    this.version++;
  }

  /** The deltas recorded since the last call, oldest first. */
  takeDeltas(): ShareDelta[] {
    const out = this.deltas;
    this.deltas = [];
    return out;
  }

  /** Archives reported by lazy work inside acquire/acknowledge (expired locks, records met at the limit). */
  takeArchived(): ArchivedRecord[] {
    const out = this.pendingArchived;
    this.pendingArchived = [];
    return out;
  }

  counts(): ShareCounts {
    this.promote(this.clock.now());
    const t = this.w.totals;
    return {
      available: t.AVAILABLE,
      acquired: t.ACQUIRED,
      acknowledged: t.ACKNOWLEDGED,
      archived: t.ARCHIVED,
      delayed: this.w.delayed,
    };
  }

  acquiredBy(memberId: string): number {
    return this.w.heldBy.get(memberId) ?? 0;
  }

  /** Number of runs in the window (memory is proportional to it). */
  runCount(): number {
    return this.w.runs.size;
  }

  /** The earliest lock deadline or delayed-record due time: when to arm the one timer. */
  nextDeadline(): number | undefined {
    const lock = this.w.peekLock()?.at;
    const delay = this.w.peekDelay()?.at;
    if (lock === undefined) return delay;
    if (delay === undefined) return lock;
    return Math.min(lock, delay);
  }

  protected newOp(now: number): Op {
    return { now, c: resolveConfig(this.config), released: 0, archived: [], caches: new Map() };
  }

  /** The only way a live run changes state: checked against the transition table. */
  protected move(run: Run, data: Partial<RunData>): void {
    if (data.state !== undefined && data.state !== run.state && !canTransition(run.state, data.state)) {
      throw new Error(`illegal transition ${run.state} -> ${data.state} at offset ${run.first}`);
    }
    this.version++;
    this.w.update(run, data);
  }

  protected finishAttempts(run: Run, outcome: AttemptOutcome, reason: string, op: Op): readonly Attempt[] {
    const key = `${outcome}\u0000${reason}`;
    let cache = op.caches.get(key);
    if (cache === undefined) {
      cache = new Map();
      op.caches.set(key, cache);
    }
    return finishAttempt(run.attempts, outcome, reason, op.now, cache);
  }

  /** RELEASE, expiry and member leave: AVAILABLE again (after `delayMs`), or ARCHIVED at the limit. */
  protected giveBack(
    run: Run,
    outcome: FailureOutcome,
    reason: string,
    delayMs: number,
    op: Op,
    archived: ArchivedRecord[],
  ): void {
    const member = run.member as string;
    const attempts = this.finishAttempts(run, outcome, reason, op);
    if (run.count >= op.c.deliveryCountLimit) {
      this.archive(run, 'DELIVERY_LIMIT', reason || (run.failure?.reason ?? ''), member, attempts, archived);
      return;
    }
    const due = delayMs > 0 ? op.now + delayMs : 0;
    const { first, last } = run;
    this.move(run, {
      state: 'AVAILABLE',
      member: null,
      deadline: 0,
      token: 0,
      due,
      failure: { memberId: member, reason, failedAt: op.now, outcome },
      attempts,
    });
    op.released += last - first + 1;
    const delta: ShareDelta = { t: 'rel', first, last, member, out: outcome, at: op.now };
    if (due > 0) delta.due = due;
    if (reason !== '') delta.reason = reason;
    this.emit(delta);
    this.w.coalesce(run);
  }

  protected archive(
    run: Run,
    cause: ArchivedRecord['cause'],
    lastFailureReason: string,
    memberId: string | null | undefined,
    attempts: readonly Attempt[],
    out: ArchivedRecord[],
  ): void {
    const reason = cause === 'REJECTED' ? 'rejected' : 'delivery limit reached';
    for (let o = run.first; o <= run.last; o++) {
      const rec: ArchivedRecord = { offset: o, deliveryCount: run.count, reason, cause };
      if (lastFailureReason !== '') rec.lastFailureReason = lastFailureReason;
      if (memberId) rec.memberId = memberId;
      out.push(rec);
    }
    this.emit({ t: 'arch', first: run.first, last: run.last, reason });
    this.finish(run, 'ARCHIVED', attempts);
  }

  /** Terminal: the history moves to the finished ring, so finished runs merge regardless of it. */
  protected finish(run: Run, state: 'ACKNOWLEDGED' | 'ARCHIVED', attempts: readonly Attempt[]): void {
    this.history.add(run.first, run.last, attempts);
    this.keys.removeRange(run.first, run.last);
    this.move(run, finishedData(state));
    this.w.coalesce(run);
  }

  /** Appends a delta, extending the previous one when it is the same change on the adjacent range. */
  protected emit(delta: ShareDelta): void {
    const prev = this.deltas[this.deltas.length - 1];
    if (prev !== undefined && 'first' in prev && 'first' in delta && prev.last + 1 === delta.first) {
      const a: Record<string, unknown> = { ...prev, first: 0, last: 0 };
      const b: Record<string, unknown> = { ...delta, first: 0, last: 0 };
      const keys = Object.keys(a);
      if (keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k])) {
        prev.last = delta.last;
        return;
      }
    }
    this.deltas.push(delta);
  }

  protected expireLocks(op: Op): void {
    for (let e = this.w.peekLock(); e !== undefined && e.at <= op.now; e = this.w.peekLock()) {
      this.w.locks.pop();
      const run = this.w.find(e.offset) as Run;
      this.giveBack(run, 'EXPIRED', '', backoffDelay(op.c, run.count), op, op.archived);
    }
  }

  /** Delayed records whose time has come become plain AVAILABLE (and can merge with neighbours). */
  protected promote(now: number): void {
    for (let e = this.w.peekDelay(); e !== undefined && e.at <= now; e = this.w.peekDelay()) {
      this.w.delays.pop();
      const run = this.w.find(e.offset) as Run;
      this.version++;
      this.w.update(run, { due: 0 });
      this.w.coalesce(run);
    }
  }
}

export function finishedData(state: RecordState): Partial<RunData> {
  return { state, member: null, deadline: 0, token: 0, due: 0, failure: null, attempts: NO_ATTEMPTS };
}

export function requireOffset(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalidArgument(`${name} must be a non-negative safe integer, got ${String(value)}`);
  }
}

export function requireMember(memberId: string): void {
  if (typeof memberId !== 'string' || memberId === '') throw invalidArgument('memberId must be a non-empty string');
}

/** At most 256 characters, without cutting a surrogate pair in half. */
export function truncateReason(reason: string | undefined): string {
  if (reason === undefined || reason.length <= REASON_MAX_LENGTH) return reason ?? '';
  let end = REASON_MAX_LENGTH;
  const code = reason.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return reason.slice(0, end);
}
