import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/clock.js';
import {
  backoffDelay,
  resolveConfig,
  SharePartitionState,
  type AckRange,
  type AckType,
  type ShareDelta,
  type SharePartitionConfig,
  type ShareSnapshot,
} from '../../../src/ack-tracker/index.js';

type State = 'AVAILABLE' | 'ACQUIRED' | 'ACKNOWLEDGED' | 'ARCHIVED' | 'GONE';
interface Rec {
  state: State;
  count: number;
  holder: string | null;
  deadline: number;
  due: number;
  token: number;
}

const finished = (s: State): boolean => s === 'ACKNOWLEDGED' || s === 'ARCHIVED' || s === 'GONE';

/** The obvious per-record implementation of the spec. */
class Model {
  recs = new Map<number, Rec>();
  spso = 0;
  speo = 0;
  lease = 0;
  archived: number[] = [];

  constructor(
    readonly c: SharePartitionConfig,
    readonly keyOf: (offset: number) => string | null,
  ) {}

  /** Per-key ordering: an unfinished lower record with the same key holds this one back. */
  blocked(o: number): boolean {
    const key = this.c.perKeyOrdering ? this.keyOf(o) : null;
    if (key === null) return false;
    for (let q = this.spso; q < o; q++) {
      const s = this.rec(q).state;
      if (this.keyOf(q) === key && (s === 'AVAILABLE' || s === 'ACQUIRED')) return true;
    }
    return false;
  }

  rec(o: number): Rec {
    let r = this.recs.get(o);
    if (r === undefined) {
      r = { state: 'AVAILABLE', count: 0, holder: null, deadline: 0, due: 0, token: 0 };
      this.recs.set(o, r);
    }
    return r;
  }

  acquiredCount(): number {
    let n = 0;
    for (let o = this.spso; o < this.speo; o++) if (this.rec(o).state === 'ACQUIRED') n++;
    return n;
  }

  giveBack(r: Rec, o: number, delay: number, now: number): void {
    if (r.count >= this.c.deliveryCountLimit) {
      this.archive(r, o);
      return;
    }
    Object.assign(r, { state: 'AVAILABLE', holder: null, deadline: 0, token: 0, due: delay > 0 ? now + delay : 0 });
  }

  archive(r: Rec, o: number): void {
    Object.assign(r, { state: 'ARCHIVED', holder: null, deadline: 0, token: 0, due: 0 });
    this.archived.push(o);
  }

  advance(): void {
    while (this.spso < this.speo && finished(this.rec(this.spso).state)) this.spso++;
  }

  expire(now: number): void {
    for (let o = this.spso; o < this.speo; o++) {
      const r = this.rec(o);
      if (r.state === 'ACQUIRED' && r.deadline <= now) this.giveBack(r, o, backoffDelay(this.c, r.count), now);
    }
  }

  acquire(member: string, max: number, logEnd: number, now: number): number[] {
    this.expire(now);
    let budget = Math.min(max, this.c.maxInFlightRecords - this.acquiredCount());
    const taken: number[] = [];
    const take = (o: number): void => {
      const r = this.rec(o);
      const deadline = now + this.c.lockDurationMs;
      Object.assign(r, { state: 'ACQUIRED', count: r.count + 1, holder: member, deadline, token: this.lease + 1, due: 0 });
      taken.push(o);
      budget--;
    };
    for (let o = this.spso; o < this.speo && budget > 0; o++) {
      const r = this.rec(o);
      if (r.state !== 'AVAILABLE' || r.due > now) continue;
      if (r.count >= this.c.deliveryCountLimit) this.archive(r, o);
      else if (!this.blocked(o)) take(o);
    }
    for (let o = this.speo; o < logEnd && budget > 0; o++) if (!this.blocked(o)) take(o);
    if (taken.length > 0) {
      this.lease++;
      this.speo = Math.max(this.speo, taken[taken.length - 1] + 1);
    }
    this.advance();
    return taken;
  }

  /** The expected error of a range, or null. */
  check(member: string, range: AckRange): string | null {
    if (range.firstOffset < this.spso) return 'INVALID_RECORD_STATE';
    for (let o = range.firstOffset; o <= range.lastOffset; o++) {
      if (o >= this.speo) return 'INVALID_RECORD_STATE';
      const r = this.rec(o);
      if (r.state !== 'ACQUIRED' || r.holder !== member) return 'INVALID_RECORD_STATE';
      if (range.leaseToken !== undefined && r.token !== range.leaseToken) return 'STALE_LEASE_TOKEN';
    }
    return null;
  }

  acknowledge(member: string, ranges: AckRange[], now: number): (string | null)[] {
    this.expire(now);
    const errors = ranges.map((range) => {
      const error = this.check(member, range);
      if (error !== null) return error;
      for (let o = range.firstOffset; o <= range.lastOffset; o++) {
        const r = this.rec(o);
        if (range.type === 'ACCEPT') Object.assign(r, { state: 'ACKNOWLEDGED', holder: null, deadline: 0, token: 0 });
        else if (range.type === 'REJECT') this.archive(r, o);
        else if (range.type === 'RENEW') r.deadline = now + this.c.lockDurationMs;
        else {
          const delay = range.releaseDelayMs ?? 0;
          this.giveBack(r, o, delay > 0 ? delay : backoffDelay(this.c, r.count), now);
        }
      }
      return null;
    });
    this.advance();
    return errors;
  }

  releaseMember(member: string, now: number): void {
    for (let o = this.spso; o < this.speo; o++) {
      const r = this.rec(o);
      if (r.state === 'ACQUIRED' && r.holder === member) this.giveBack(r, o, 0, now);
    }
    this.advance();
  }

  advanceStart(offset: number): void {
    if (offset <= this.spso) return;
    for (let o = this.spso; o < offset; o++) this.rec(o).state = 'GONE';
    this.spso = offset;
    this.speo = Math.max(this.speo, offset);
    this.advance();
  }

  restart(): void {
    for (const r of this.recs.values()) {
      if (r.state === 'ACQUIRED') Object.assign(r, { state: 'AVAILABLE', holder: null, deadline: 0, token: 0, due: 0 });
    }
  }
}

type Op =
  | { k: 'produce'; n: number }
  | { k: 'acquire'; m: string; max: number }
  | {
      k: 'ack';
      m: string;
      ranges: { pos: number; len: number; type: AckType; delay: number; token: 'none' | 'current' | 'stale'; aim: boolean }[];
    }
  | { k: 'advance'; ms: number }
  | { k: 'expire' }
  | { k: 'leave'; m: string }
  | { k: 'checkpoint' }
  | { k: 'restart' }
  | { k: 'retention'; by: number };

const member = fc.constantFrom('a', 'b', 'c');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ k: fc.constant('produce' as const), n: fc.integer({ min: 0, max: 10 }) }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant('acquire' as const), m: member, max: fc.integer({ min: 0, max: 6 }) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      k: fc.constant('ack' as const),
      // Mostly the holder of the first record, so most acks are legal.
      m: fc.constantFrom('holder', 'holder', 'holder', 'a', 'b'),
      ranges: fc.array(
        fc.record({
          pos: fc.nat(1000),
          len: fc.integer({ min: 0, max: 3 }),
          type: fc.constantFrom<AckType>('ACCEPT', 'RELEASE', 'REJECT', 'RENEW'),
          delay: fc.constantFrom(0, 0, 50, 700),
          token: fc.constantFrom('none' as const, 'none' as const, 'current' as const, 'stale' as const),
          // Aim at acquired records and stay inside one holder's stretch, so most acks are legal.
          aim: fc.constantFrom(true, true, true, false),
        }),
        { minLength: 1, maxLength: 2 },
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('advance' as const),
      ms: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 1500 })),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ k: 'expire' as const }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('leave' as const), m: member }) },
  { weight: 1, arbitrary: fc.constant({ k: 'checkpoint' as const }) },
  { weight: 1, arbitrary: fc.constant({ k: 'restart' as const }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('retention' as const), by: fc.integer({ min: 1, max: 3 }) }) },
);

const configArb = fc.record({
  lockDurationMs: fc.constant(1000),
  deliveryCountLimit: fc.integer({ min: 2, max: 4 }),
  maxInFlightRecords: fc.integer({ min: 2, max: 12 }),
  backoffInitialMs: fc.constantFrom(0, 0, 100),
  backoffMaxMs: fc.constant(300),
  maxAttemptsKept: fc.integer({ min: 0, max: 3 }),
  perKeyOrdering: fc.boolean(),
});
const keysArb = fc.array(fc.constantFrom('A', 'B', 'C', null), { minLength: 1, maxLength: 12 });

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function runScenario(partial: Partial<SharePartitionConfig>, keys: (string | null)[], ops: Op[]): void {
  const c = resolveConfig(partial);
  const clock = new ManualClock(10_000);
  const keyOf = (o: number): string | null => keys[o % keys.length];
  let sp = new SharePartitionState({ startOffset: 0, clock, config: { ...partial } });
  const model = new Model(c, keyOf);
  let logEnd = 0;
  let base: ShareSnapshot = clone(sp.snapshot());
  let journal: ShareDelta[] = [];
  const reported: number[] = [];
  const accepted = new Set<number>();
  const lastCount = new Map<number, number>();
  let lastStart = 0;

  for (const op of ops) {
    const now = clock.now();
    switch (op.k) {
      case 'produce':
        logEnd += op.n;
        break;
      case 'acquire': {
        const expected = model.acquire(op.m, op.max, logEnd, now);
        const batches = sp.acquire(op.m, op.max, logEnd, keyOf);
        const got: number[] = [];
        for (const b of batches) {
          expect(b.leaseToken).toBe(model.lease);
          expect(b.lockExpiresAt).toBe(now + c.lockDurationMs);
          for (let o = b.firstOffset; o <= b.lastOffset; o++) {
            got.push(o);
            expect(b.deliveryCount).toBe(model.rec(o).count);
            expect(accepted.has(o)).toBe(false);
          }
        }
        expect(got).toEqual(expected);
        break;
      }
      case 'ack': {
        const span = model.speo - model.spso + 3;
        let ackMember = op.m;
        const held: number[] = [];
        for (let o = model.spso; o < model.speo; o++) if (model.rec(o).state === 'ACQUIRED') held.push(o);
        const ranges: AckRange[] = op.ranges.map((r) => {
          const aimed = r.aim && held.length > 0;
          const first = aimed ? held[r.pos % held.length] : Math.max(0, model.spso - 1 + (r.pos % span));
          if (ackMember === 'holder') ackMember = model.rec(first).holder ?? 'a';
          let last = first + r.len;
          if (aimed) {
            last = first;
            while (last < first + r.len && model.rec(last + 1).state === 'ACQUIRED' && model.rec(last + 1).holder === ackMember) last++;
          }
          const range: AckRange = { firstOffset: first, lastOffset: last, type: r.type };
          if (r.delay > 0) range.releaseDelayMs = r.delay;
          if (r.token === 'current') range.leaseToken = model.rec(first).token;
          if (r.token === 'stale') range.leaseToken = Math.max(0, model.lease - 1);
          return range;
        });
        const expected = model.acknowledge(ackMember, ranges, now);
        const results = sp.acknowledge(ackMember, ranges);
        expect(results.map((r) => r.error)).toEqual(expected);
        ranges.forEach((r, i) => {
          if (r.type !== 'ACCEPT' || results[i].error !== null) return;
          for (let o = r.firstOffset; o <= r.lastOffset; o++) accepted.add(o);
        });
        for (const r of results) for (const a of r.archived ?? []) reported.push(a.offset);
        break;
      }
      case 'advance':
        clock.advance(op.ms);
        break;
      case 'expire': {
        model.expire(now);
        model.advance();
        for (const a of sp.expire().archived) reported.push(a.offset);
        break;
      }
      case 'leave': {
        model.releaseMember(op.m, now);
        for (const a of sp.releaseMember(op.m).archived) reported.push(a.offset);
        expect(sp.acquiredBy(op.m)).toBe(0);
        break;
      }
      case 'checkpoint':
        journal.push(...sp.takeDeltas());
        base = clone(sp.snapshot());
        journal = [];
        break;
      case 'restart': {
        journal.push(...sp.takeDeltas());
        const restored = SharePartitionState.restore(clone(base), clock, { ...partial });
        for (const d of clone(journal)) restored.applyDelta(d);
        expect(restored.startOffset).toBe(sp.startOffset);
        expect(restored.endOffset).toBe(sp.endOffset);
        expect(restored.leaseCounter).toBe(sp.leaseCounter);
        expect(restored.snapshot()).toEqual(sp.snapshot());
        sp = restored;
        model.restart();
        break;
      }
      case 'retention': {
        const target = Math.min(logEnd, model.spso + op.by);
        model.advanceStart(target);
        sp.advanceStartOffset(target);
        break;
      }
    }
    for (const a of sp.takeArchived()) reported.push(a.offset);
    journal.push(...sp.takeDeltas());

    // Invariants.
    expect(sp.startOffset).toBe(model.spso);
    expect(sp.endOffset).toBe(model.speo);
    expect(sp.startOffset).toBeGreaterThanOrEqual(lastStart);
    lastStart = sp.startOffset;
    for (let o = 0; o < model.spso; o++) expect(finished(model.rec(o).state)).toBe(true);
    expect([...reported].sort((x, y) => x - y)).toEqual([...model.archived].sort((x, y) => x - y));

    const t = clock.now();
    const recs = sp.inspect(0, logEnd, logEnd, Number.MAX_SAFE_INTEGER);
    // One comparison per step: each record as the implementation and as the model see it.
    const seen: unknown[] = [];
    const wanted: unknown[] = [];
    const counts = { available: 0, acquired: 0, acknowledged: 0, archived: 0, delayed: 0 };
    const held: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let o = model.spso; o < logEnd; o++) {
      const m = model.rec(o);
      wanted.push([o, m.state, m.count, m.holder, m.state === 'ACQUIRED' ? [m.deadline, m.token] : null, m.state === 'AVAILABLE' && m.due > t ? m.due : null]);
      if (m.count > c.deliveryCountLimit) throw new Error(`offset ${o} delivered ${m.count} times`);
      if (m.count < (lastCount.get(o) ?? 0)) throw new Error(`offset ${o}: delivery count went back`);
      lastCount.set(o, m.count);
      if (o >= model.speo) continue;
      if (m.state === 'AVAILABLE') counts.available++;
      if (m.state === 'AVAILABLE' && m.due > t) counts.delayed++;
      if (m.state === 'ACQUIRED') counts.acquired++;
      if (m.state === 'ACQUIRED') held[m.holder as string]++;
      if (m.state === 'ACKNOWLEDGED') counts.acknowledged++;
      if (m.state === 'ARCHIVED') counts.archived++;
    }
    for (const r of recs) {
      seen.push([r.offset, r.state, r.deliveryCount, r.memberId, r.state === 'ACQUIRED' ? [r.lockExpiresAt, r.leaseToken] : null, r.availableAt]);
    }
    expect(seen).toEqual(wanted);
    expect(sp.counts()).toEqual(counts);
    expect({ a: sp.acquiredBy('a'), b: sp.acquiredBy('b'), c: sp.acquiredBy('c') }).toEqual(held);
    const next = sp.nextDeadline();
    let expectedNext: number | undefined;
    for (let o = model.spso; o < model.speo; o++) {
      const r = model.rec(o);
      const at = r.state === 'ACQUIRED' ? r.deadline : r.state === 'AVAILABLE' && r.due > t ? r.due : undefined;
      if (at !== undefined && (expectedNext === undefined || at < expectedNext)) expectedNext = at;
    }
    // inspect() above has processed every delay that is due, so this is exact.
    expect(next).toBe(expectedNext);
  }
}

describe('SharePartitionState against a per-record model', () => {
  it('agrees on every step of random operation sequences', () => {
    fc.assert(
      fc.property(configArb, keysArb, fc.array(opArb, { minLength: 30, maxLength: 60, size: 'max' }), (config, keys, ops) => {
        runScenario(config, keys, ops);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
