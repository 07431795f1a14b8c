import { NO_ATTEMPTS } from './run-map.js';
import type { Attempt, AttemptOutcome } from './types.js';

/**
 * Attempt lists are immutable and shared by every record of a run. One operation maps each distinct old list
 * to one new list through a cache, so records that shared a history before still share it after, and their
 * runs can stay merged.
 */
export type AttemptCache = Map<readonly Attempt[], readonly Attempt[]>;

export function startAttempt(
  attempts: readonly Attempt[],
  memberId: string,
  now: number,
  maxKept: number,
  cache: AttemptCache,
): readonly Attempt[] {
  const cached = cache.get(attempts);
  if (cached !== undefined) return cached;
  let next: readonly Attempt[] = NO_ATTEMPTS;
  if (maxKept > 0) {
    const kept = attempts.length >= maxKept ? attempts.slice(attempts.length - maxKept + 1) : attempts.slice();
    kept.push({ memberId, acquiredAt: now, finishedAt: null, outcome: 'IN_PROGRESS', reason: '' });
    next = kept;
  }
  cache.set(attempts, next);
  return next;
}

export function finishAttempt(
  attempts: readonly Attempt[],
  outcome: AttemptOutcome,
  reason: string,
  now: number,
  cache: AttemptCache,
): readonly Attempt[] {
  const last = attempts[attempts.length - 1];
  // Nothing in progress: history off, or the attempt predates a restart.
  if (last === undefined || last.outcome !== 'IN_PROGRESS') return attempts;
  const cached = cache.get(attempts);
  if (cached !== undefined) return cached;
  const next = attempts.slice(0, -1);
  next.push({ ...last, finishedAt: now, outcome, reason });
  cache.set(attempts, next);
  return next;
}

interface FinishedEntry {
  first: number;
  last: number;
  attempts: readonly Attempt[];
}

/**
 * Finished records are merged into plain (state, count) runs so the window stays small behind a stuck record;
 * their histories move here, a bounded ring of the most recently finished ranges.
 */
export class FinishedHistory {
  private entries: FinishedEntry[] = [];
  private nextSlot = 0;

  constructor(private readonly capacity: number) {}

  add(first: number, last: number, attempts: readonly Attempt[]): void {
    if (attempts.length === 0 || this.capacity <= 0) return;
    const entry = { first, last, attempts };
    if (this.entries.length < this.capacity) this.entries.push(entry);
    else this.entries[this.nextSlot] = entry;
    this.nextSlot = (this.nextSlot + 1) % this.capacity;
  }

  /** Entries overlapping [first, last], sorted by first offset; a lookup function over them. */
  lookup(first: number, last: number): (offset: number) => readonly Attempt[] {
    const hits = this.entries.filter((e) => e.last >= first && e.first <= last).sort((a, b) => a.first - b.first);
    return (offset) => {
      let lo = 0;
      let hi = hits.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const e = hits[mid];
        if (offset < e.first) hi = mid - 1;
        else if (offset > e.last) lo = mid + 1;
        else return e.attempts;
      }
      return NO_ATTEMPTS;
    };
  }

  clear(): void {
    this.entries = [];
    this.nextSlot = 0;
  }
}
