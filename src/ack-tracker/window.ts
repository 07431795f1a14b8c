import { deadlineHeap, offsetHeap, type DeadlineEntry } from './deadline-heap.js';
import { isFinished, type RecordState } from './record-state.js';
import { makeRun, NO_ATTEMPTS, RunMap, runLength, sameData, type Run, type RunData } from './run-map.js';

/** Data of a record that was never handed out. */
export const FRESH: Readonly<RunData> = Object.freeze({
  state: 'AVAILABLE',
  count: 0,
  member: null,
  deadline: 0,
  token: 0,
  due: 0,
  failure: null,
  attempts: NO_ATTEMPTS,
});

/**
 * The records of [start, end) as runs of equal data, with running totals and three lazy indexes:
 * - `ready`: offsets inside AVAILABLE runs that are due (acquire takes the lowest);
 * - `locks`: (deadline, offset) of ACQUIRED runs;
 * - `delays`: (due, offset) of delayed AVAILABLE runs.
 * Every run gets an index entry whenever it is created, split off, changed or trimmed; entries are checked
 * against the run that holds their offset when used, and stale ones dropped. The indexes are rebuilt from the
 * runs when garbage outgrows them.
 *
 * Runs always cover [start, end) exactly, without gaps.
 */
export class RunWindow {
  readonly runs = new RunMap();
  start: number;
  end: number;
  readonly totals: Record<RecordState, number> = { AVAILABLE: 0, ACQUIRED: 0, ACKNOWLEDGED: 0, ARCHIVED: 0 };
  /** AVAILABLE records whose due time has not been processed yet. */
  delayed = 0;
  readonly heldBy = new Map<string, number>();
  readonly ready = offsetHeap();
  readonly locks = deadlineHeap();
  readonly delays = deadlineHeap();
  /** Offsets inside ACQUIRED runs, per holder (lazy like the heaps). */
  readonly memberRuns = new Map<string, Set<number>>();
  private memberEntries = 0;

  constructor(start: number) {
    this.start = start;
    this.end = start;
  }

  find(offset: number): Run | null {
    if (offset < this.start || offset >= this.end) return null;
    return this.runs.find(offset);
  }

  /** Changes a run's data; totals and indexes follow. Does not merge. */
  update(run: Run, data: Partial<RunData>): void {
    this.account(run, -1);
    Object.assign(run, data);
    this.account(run, 1);
    this.index(run);
  }

  /** Makes `offset` the first offset of a run (if it is inside the window). */
  splitAt(offset: number): void {
    const run = this.find(offset);
    if (run === null || run.first === offset) return;
    const right = makeRun(offset, run.last, run);
    run.last = offset - 1;
    this.runs.insert(right);
    this.index(right);
  }

  /** The runs exactly covering [first, last] (clamped to the window), after splitting at the edges. */
  isolate(first: number, last: number): Run[] {
    const lo = Math.max(first, this.start);
    const hi = Math.min(last, this.end - 1);
    if (lo > hi) return [];
    this.splitAt(lo);
    this.splitAt(hi + 1);
    const out: Run[] = [];
    for (let run = this.runs.find(lo); run !== null && run.first <= hi; run = this.runs.next(run)) out.push(run);
    return out;
  }

  /** Merges a run with equal neighbours; returns the surviving run. */
  coalesce(run: Run): Run {
    let r = run;
    const prev = this.runs.prev(r);
    if (prev !== null && sameData(prev, r)) {
      prev.last = r.last;
      this.runs.remove(r);
      r = prev;
    }
    const next = this.runs.next(r);
    if (next !== null && sameData(r, next)) {
      r.last = next.last;
      this.runs.remove(next);
    }
    return r;
  }

  /** Coalesces runs that may have been removed by an earlier merge in the same pass. */
  coalesceAll(runs: readonly Run[]): void {
    for (const run of runs) if (run.fwd.length > 0) this.coalesce(run); // removed runs have no links
  }

  /** Adds [end, last] with the given data at the end of the window. */
  append(last: number, data: Readonly<RunData>): Run {
    const run = makeRun(this.end, last, data);
    this.runs.insert(run);
    this.end = last + 1;
    this.account(run, 1);
    this.index(run);
    return this.coalesce(run);
  }

  /** Grows the window to `end` with records never handed out. */
  extendTo(end: number): void {
    if (end > this.end) this.append(end - 1, FRESH);
  }

  /** Moves the start over finished runs at the front: state below the start is forgotten. */
  advanceOverFinished(): void {
    for (let run = this.runs.first(); run !== null && isFinished(run.state); run = this.runs.first()) {
      this.account(run, -1);
      this.runs.remove(run);
      this.start = run.last + 1;
    }
  }

  /** Forgets everything below offset, whatever its state. */
  dropBelow(offset: number): void {
    if (offset <= this.start) return;
    for (let run = this.runs.first(); run !== null && run.first < offset; run = this.runs.first()) {
      this.account(run, -1);
      if (run.last < offset) {
        this.runs.remove(run);
        continue;
      }
      run.first = offset; // order-preserving, so the skip list stays valid
      this.account(run, 1);
      this.index(run);
      break;
    }
    this.start = offset;
    if (this.end < offset) this.end = offset;
  }

  clear(offset: number): void {
    this.runs.clear();
    this.start = this.end = offset;
    for (const s of Object.keys(this.totals) as RecordState[]) this.totals[s] = 0;
    this.delayed = 0;
    this.heldBy.clear();
    this.clearIndexes();
  }

  // --- lazy index access: each peek drops stale entries from the top ---

  peekReady(): number | undefined {
    for (let x = this.ready.peek(); x !== undefined; x = this.ready.peek()) {
      const run = this.find(x);
      if (run !== null && run.state === 'AVAILABLE' && run.due === 0) return x;
      this.ready.pop();
    }
    return undefined;
  }

  peekLock(): DeadlineEntry | undefined {
    for (let e = this.locks.peek(); e !== undefined; e = this.locks.peek()) {
      const run = this.find(e.offset);
      if (run !== null && run.state === 'ACQUIRED' && run.deadline === e.at) return e;
      this.locks.pop();
    }
    return undefined;
  }

  peekDelay(): DeadlineEntry | undefined {
    for (let e = this.delays.peek(); e !== undefined; e = this.delays.peek()) {
      const run = this.find(e.offset);
      if (run !== null && run.state === 'AVAILABLE' && run.due === e.at) return e;
      this.delays.pop();
    }
    return undefined;
  }

  /** Rebuilds the indexes from the runs when they hold much more garbage than live entries. */
  compactIndexes(): void {
    const entries = this.ready.size + this.locks.size + this.delays.size + this.memberEntries;
    if (entries <= 1024 + 4 * this.runs.size) return;
    this.clearIndexes();
    for (const run of this.runs) this.index(run);
  }

  private clearIndexes(): void {
    this.ready.clear();
    this.locks.clear();
    this.delays.clear();
    this.memberRuns.clear();
    this.memberEntries = 0;
  }

  private index(run: Run): void {
    if (run.state === 'AVAILABLE') {
      if (run.due === 0) this.ready.push(run.first);
      else this.delays.push({ at: run.due, offset: run.first });
    } else if (run.state === 'ACQUIRED') {
      this.locks.push({ at: run.deadline, offset: run.first });
      const member = run.member as string;
      let set = this.memberRuns.get(member);
      if (set === undefined) {
        set = new Set();
        this.memberRuns.set(member, set);
      }
      if (!set.has(run.first)) {
        set.add(run.first);
        this.memberEntries++;
      }
    }
  }

  /** Takes a member's index entries (for releasing everything it holds). */
  takeMemberRuns(member: string): number[] {
    const set = this.memberRuns.get(member);
    if (set === undefined) return [];
    this.memberRuns.delete(member);
    this.memberEntries -= set.size;
    return [...set].sort((a, b) => a - b);
  }

  private account(run: Run, sign: 1 | -1): void {
    const n = sign * runLength(run);
    this.totals[run.state] += n;
    if (run.state === 'AVAILABLE' && run.due > 0) this.delayed += n;
    if (run.state === 'ACQUIRED') {
      const member = run.member as string;
      const held = (this.heldBy.get(member) ?? 0) + n;
      if (held === 0) {
        this.heldBy.delete(member);
        // Nothing held any more: the member's index entries are all stale.
        const set = this.memberRuns.get(member);
        if (set !== undefined) {
          this.memberEntries -= set.size;
          this.memberRuns.delete(member);
        }
      } else this.heldBy.set(member, held);
    }
  }
}
