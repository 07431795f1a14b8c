import type { RecordState } from './record-state.js';
import type { Attempt, PreviousFailure } from './types.js';

/** What every record of a run shares. Two neighbouring runs with equal data are merged into one. */
export interface RunData {
  state: RecordState;
  /** Delivery count. */
  count: number;
  /** Holder while ACQUIRED, else null. */
  member: string | null;
  /** Lock deadline while ACQUIRED, else 0. */
  deadline: number;
  /** Lease token of the current acquisition while ACQUIRED, else 0. */
  token: number;
  /** While AVAILABLE: > 0 until the delay has passed and been processed, then 0. Else 0. */
  due: number;
  /** Why the previous attempt failed (AVAILABLE/ACQUIRED runs); null when none or finished. */
  failure: PreviousFailure | null;
  /** Recent attempts; shared by reference between runs and replaced, never mutated. */
  attempts: readonly Attempt[];
}

/** A maximal range [first, last] of records with equal data; also a skip-list node. */
export interface Run extends RunData {
  first: number;
  last: number;
  /** Skip-list forward links (level 0 = next). */
  fwd: (Run | null)[];
  /** Previous run, null for the first. */
  prev: Run | null;
}

export const NO_ATTEMPTS: readonly Attempt[] = Object.freeze([]) as readonly Attempt[];

export function sameFailure(a: PreviousFailure | null, b: PreviousFailure | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return a.memberId === b.memberId && a.reason === b.reason && a.failedAt === b.failedAt && a.outcome === b.outcome;
}

export function sameData(a: RunData, b: RunData): boolean {
  return (
    a.state === b.state &&
    a.count === b.count &&
    a.member === b.member &&
    a.deadline === b.deadline &&
    a.token === b.token &&
    a.due === b.due &&
    a.attempts === b.attempts &&
    sameFailure(a.failure, b.failure)
  );
}

export function runLength(run: { first: number; last: number }): number {
  return run.last - run.first + 1;
}

export function makeRun(first: number, last: number, data: RunData): Run {
  return {
    first,
    last,
    state: data.state,
    count: data.count,
    member: data.member,
    deadline: data.deadline,
    token: data.token,
    due: data.due,
    failure: data.failure,
    attempts: data.attempts,
    fwd: [],
    prev: null,
  };
}

const MAX_LEVEL = 32;

/**
 * Runs sorted by first offset, as a skip list: O(log n) floor lookup, insert and remove, O(1) neighbours.
 * The caller keeps runs disjoint; a run's `first` may be moved in place as long as the order is kept
 * (trimming the front run).
 */
export class RunMap {
  private readonly head: Run;
  private level = 1;
  private count = 0;
  private tail: Run | null = null;
  /** xorshift32 state: deterministic levels make runs reproducible. */
  private seed = 0x2545f491;

  constructor() {
    this.head = makeRun(-Infinity, -Infinity, {
      state: 'ARCHIVED',
      count: 0,
      member: null,
      deadline: 0,
      token: 0,
      due: 0,
      failure: null,
      attempts: NO_ATTEMPTS,
    });
    this.head.fwd = new Array<Run | null>(MAX_LEVEL).fill(null);
  }

  get size(): number {
    return this.count;
  }

  first(): Run | null {
    return this.head.fwd[0];
  }

  last(): Run | null {
    return this.tail;
  }

  next(run: Run): Run | null {
    return run.fwd[0];
  }

  prev(run: Run): Run | null {
    return run.prev;
  }

  /** The run with the greatest first offset <= offset. */
  floor(offset: number): Run | null {
    let node = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      let nxt = node.fwd[i];
      while (nxt !== null && nxt.first <= offset) {
        node = nxt;
        nxt = node.fwd[i];
      }
    }
    return node === this.head ? null : node;
  }

  /** The run containing offset, if any. */
  find(offset: number): Run | null {
    const run = this.floor(offset);
    return run !== null && offset <= run.last ? run : null;
  }

  insert(run: Run): void {
    const update = this.predecessors(run.first);
    const level = this.randomLevel();
    if (level > this.level) {
      for (let i = this.level; i < level; i++) update[i] = this.head;
      this.level = level;
    }
    run.fwd = new Array<Run | null>(level);
    for (let i = 0; i < level; i++) {
      run.fwd[i] = update[i].fwd[i];
      update[i].fwd[i] = run;
    }
    run.prev = update[0] === this.head ? null : update[0];
    const nxt = run.fwd[0];
    if (nxt !== null) nxt.prev = run;
    else this.tail = run;
    this.count++;
  }

  remove(run: Run): void {
    const update = this.predecessors(run.first);
    for (let i = 0; i < run.fwd.length; i++) {
      if (update[i].fwd[i] === run) update[i].fwd[i] = run.fwd[i];
    }
    const nxt = run.fwd[0];
    if (nxt !== null) nxt.prev = run.prev;
    else this.tail = run.prev;
    while (this.level > 1 && this.head.fwd[this.level - 1] === null) this.level--;
    run.fwd = [];
    run.prev = null;
    this.count--;
  }

  clear(): void {
    this.head.fwd.fill(null);
    this.level = 1;
    this.count = 0;
    this.tail = null;
  }

  *[Symbol.iterator](): IterableIterator<Run> {
    for (let run = this.head.fwd[0]; run !== null; run = run.fwd[0]) yield run;
  }

  /** For each level, the last node whose first offset is < key. */
  private predecessors(key: number): Run[] {
    const update = new Array<Run>(MAX_LEVEL);
    let node = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      let nxt = node.fwd[i];
      while (nxt !== null && nxt.first < key) {
        node = nxt;
        nxt = node.fwd[i];
      }
      update[i] = node;
    }
    return update;
  }

  private randomLevel(): number {
    let level = 1;
    for (;;) {
      let x = this.seed;
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      this.seed = x >>> 0;
      // p = 1/4 per extra level.
      if ((this.seed & 3) !== 0 || level >= MAX_LEVEL) return level;
      level++;
    }
  }
}
