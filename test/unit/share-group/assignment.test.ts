import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignShareGroup, type Assignment, type ShareMemberSubscription } from '../../../src/share-group/assignment.js';

const RUNS = { numRuns: 200 };

// ---------------------------------------------------------------- helpers

type Counts = ReadonlyMap<string, number>;

function sub(memberId: string, ...topics: string[]): ShareMemberSubscription {
  return { memberId, topics };
}

function ids(n: number, prefix = 'm'): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
}

function plain(a: Assignment): Record<string, Record<string, number[]>> {
  const out: Record<string, Record<string, number[]>> = {};
  for (const [m, topics] of a) out[m] = Object.fromEntries(topics);
  return out;
}

function partitionsOf(a: Assignment, member: string, topic: string): number[] {
  return a.get(member)?.get(topic) ?? [];
}

/** Members of `topic` per partition. */
function ownersOf(a: Assignment, topic: string, P: number): string[][] {
  const owners: string[][] = Array.from({ length: P }, () => []);
  for (const [m, topics] of a) for (const p of topics.get(topic) ?? []) owners[p].push(m);
  return owners;
}

/** Checks every rule of a share assignment; returns nothing, throws (via expect) on a violation. */
function checkValid(members: readonly ShareMemberSubscription[], counts: Counts, a: Assignment): void {
  expect([...a.keys()].sort()).toEqual(members.map((m) => m.memberId).sort());
  for (const m of members) {
    const mine = a.get(m.memberId)!;
    for (const [topic, parts] of mine) {
      expect(m.topics).toContain(topic);
      const P = counts.get(topic);
      expect(P).toBeDefined();
      expect(parts.length).toBeGreaterThan(0);
      expect(parts).toEqual([...new Set(parts)].sort((x, y) => x - y));
      for (const p of parts) expect(Number.isInteger(p) && p >= 0 && p < P!).toBe(true);
    }
  }
  for (const [topic, P] of counts) {
    const subscribed = members.filter((m) => m.topics.includes(topic)).map((m) => m.memberId);
    const M = subscribed.length;
    if (M === 0 || P === 0) continue;
    const owners = ownersOf(a, topic, P);
    if (M <= P) {
      for (const o of owners) expect(o.length).toBe(1);
      for (const m of subscribed) {
        const k = partitionsOf(a, m, topic).length;
        expect(k === Math.floor(P / M) || k === Math.ceil(P / M)).toBe(true);
      }
    } else {
      for (const m of subscribed) expect(partitionsOf(a, m, topic).length).toBe(1);
      for (const o of owners) expect(o.length === Math.floor(M / P) || o.length === Math.ceil(M / P)).toBe(true);
    }
  }
}

/** (member, topic, partition) triples held in both assignments. */
function keptPairs(prev: Assignment, next: Assignment, topic: string): number {
  let kept = 0;
  for (const [m, topics] of next) {
    const before = new Set(prev.get(m)?.get(topic) ?? []);
    for (const p of topics.get(topic) ?? []) if (before.has(p)) kept++;
  }
  return kept;
}

/**
 * The most (member, partition) pairs of `prev` that any valid assignment of one topic can keep (max flow).
 * M <= P: member capacity floor(P/M) plus one of r = P mod M extra units; partitions capacity 1.
 * M > P:  member capacity 1; partition capacity floor(M/P) plus one of r = M mod P extra units.
 */
function optimalKept(prev: Assignment, members: readonly string[], topic: string, P: number): number {
  const M = members.length;
  if (M === 0 || P === 0) return 0;
  // nodes: 0 = S, 1 = T, 2 = X (extra units), 3.. members, then partitions
  const S = 0;
  const T = 1;
  const X = 2;
  const mem = (i: number) => 3 + i;
  const part = (p: number) => 3 + M + p;
  const cap = new Map<number, Map<number, number>>();
  const add = (u: number, v: number, c: number) => {
    if (c <= 0) return;
    if (!cap.has(u)) cap.set(u, new Map());
    if (!cap.has(v)) cap.set(v, new Map());
    cap.get(u)!.set(v, (cap.get(u)!.get(v) ?? 0) + c);
    if (!cap.get(v)!.has(u)) cap.get(v)!.set(u, 0);
  };
  if (M <= P) {
    const q = Math.floor(P / M);
    add(S, X, P % M);
    members.forEach((_, i) => {
      add(S, mem(i), q);
      add(X, mem(i), 1);
    });
    for (let p = 0; p < P; p++) add(part(p), T, 1);
  } else {
    const q = Math.floor(M / P);
    add(X, T, M % P);
    members.forEach((_, i) => add(S, mem(i), 1));
    for (let p = 0; p < P; p++) {
      add(part(p), T, q);
      add(part(p), X, 1);
    }
  }
  members.forEach((m, i) => {
    for (const p of new Set(prev.get(m)?.get(topic) ?? [])) if (p >= 0 && p < P) add(mem(i), part(p), 1);
  });
  let flow = 0;
  for (;;) {
    const parent = new Map<number, number>([[S, -1]]);
    const queue = [S];
    while (queue.length > 0 && !parent.has(T)) {
      const u = queue.shift()!;
      for (const [v, c] of cap.get(u) ?? []) {
        if (c > 0 && !parent.has(v)) {
          parent.set(v, u);
          queue.push(v);
        }
      }
    }
    if (!parent.has(T)) return flow;
    for (let v = T; v !== S; v = parent.get(v)!) {
      const u = parent.get(v)!;
      cap.get(u)!.set(v, cap.get(u)!.get(v)! - 1);
      cap.get(v)!.set(u, cap.get(v)!.get(u)! + 1);
    }
    flow++;
  }
}

// ---------------------------------------------------------------- examples

describe('assignShareGroup: examples', () => {
  it('returns an empty assignment for no members', () => {
    expect(assignShareGroup([], new Map([['t', 4]]), new Map()).size).toBe(0);
  });

  it('splits partitions when there are fewer members than partitions', () => {
    const members = [sub('b', 't'), sub('a', 't'), sub('c', 't')];
    const a = assignShareGroup(members, new Map([['t', 10]]), new Map());
    expect(plain(a)).toEqual({ a: { t: [0, 1, 2, 3] }, b: { t: [4, 5, 6] }, c: { t: [7, 8, 9] } });
    expect([...a.keys()]).toEqual(['a', 'b', 'c']);
  });

  it('shares every partition when there are more members than partitions', () => {
    const members = ids(5).map((m) => sub(m, 't'));
    const a = assignShareGroup(members, new Map([['t', 2]]), new Map());
    checkValid(members, new Map([['t', 2]]), a);
    expect(ownersOf(a, 't', 2).map((o) => o.length).sort()).toEqual([2, 3]);
  });

  it('gives exactly one partition each when members equal partitions', () => {
    const members = ids(4).map((m) => sub(m, 't'));
    const a = assignShareGroup(members, new Map([['t', 4]]), new Map());
    expect(ownersOf(a, 't', 4)).toEqual(ids(4).map((m) => [m]));
  });

  it('lists members subscribed only to missing topics (or empty ones) with nothing', () => {
    const members = [sub('a', 'missing'), sub('b', 't', 'missing'), sub('c', 'empty'), sub('d')];
    const counts = new Map([
      ['t', 3],
      ['empty', 0],
    ]);
    const a = assignShareGroup(members, counts, new Map());
    expect(plain(a)).toEqual({ a: {}, b: { t: [0, 1, 2] }, c: {}, d: {} });
  });

  it('assigns a topic once it exists', () => {
    const members = [sub('a', 'x', 'y'), sub('b', 'y')];
    const first = assignShareGroup(members, new Map([['x', 2]]), new Map());
    expect(plain(first)).toEqual({ a: { x: [0, 1] }, b: {} });
    const second = assignShareGroup(members, new Map([['x', 2], ['y', 1]]), first);
    expect(plain(second)).toEqual({ a: { x: [0, 1], y: [0] }, b: { y: [0] } });
  });

  it('ignores duplicate topics in a subscription and junk in the previous assignment', () => {
    const members = [sub('a', 't', 't'), sub('b', 't')];
    const previous: Assignment = new Map([
      ['a', new Map([['t', [7, 3, 3, -1, 1.5, 99]]])],
      ['b', new Map([['t', [3]]])],
      ['gone', new Map([['t', [0, 1]]])],
    ]);
    const counts = new Map([['t', 8]]);
    const a = assignShareGroup(members, counts, previous);
    checkValid(members, counts, a);
    expect(partitionsOf(a, 'a', 't')).toEqual(expect.arrayContaining([3, 7]));
  });

  it('rejects duplicate member ids and invalid partition counts', () => {
    expect(() => assignShareGroup([sub('a', 't'), sub('a', 't')], new Map([['t', 1]]), new Map())).toThrow(RangeError);
    expect(() => assignShareGroup([sub('a', 't')], new Map([['t', -1]]), new Map())).toThrow(RangeError);
    expect(() => assignShareGroup([sub('a', 't')], new Map([['t', 1.5]]), new Map())).toThrow(RangeError);
  });

  it('does not mutate or alias its inputs', () => {
    const members = [sub('a', 't'), sub('b', 't')];
    const previous: Assignment = new Map([['a', new Map([['t', [3, 1, 0]]])]]);
    const a = assignShareGroup(members, new Map([['t', 4]]), previous);
    expect(plain(previous)).toEqual({ a: { t: [3, 1, 0] } });
    a.get('a')!.get('t')!.push(42);
    expect(previous.get('a')!.get('t')).toEqual([3, 1, 0]);
  });

  it('moves only the partitions the newcomer needs on a join (M <= P)', () => {
    const counts = new Map([['t', 12]]);
    const three = ['a', 'b', 'c'].map((m) => sub(m, 't'));
    const before = assignShareGroup(three, counts, new Map());
    const after = assignShareGroup([...three, sub('d', 't')], counts, before);
    checkValid([...three, sub('d', 't')], counts, after);
    expect(partitionsOf(after, 'd', 't')).toHaveLength(3);
    for (const m of ['a', 'b', 'c']) {
      const kept = partitionsOf(after, m, 't');
      expect(kept).toHaveLength(3);
      for (const p of kept) expect(partitionsOf(before, m, 't')).toContain(p);
    }
  });

  it('keeps every existing member on its partition when one joins (M > P)', () => {
    const counts = new Map([['t', 3]]);
    const members = ids(10).map((m) => sub(m, 't'));
    const before = assignShareGroup(members, counts, new Map());
    const after = assignShareGroup([...members, sub('new', 't')], counts, before);
    for (const m of members) expect(partitionsOf(after, m.memberId, 't')).toEqual(partitionsOf(before, m.memberId, 't'));
  });

  it('evens out members across topics', () => {
    // Two members, many topics of 3 partitions: per topic one member gets 2; overall both get the same.
    const topics = ids(10, 't');
    const counts = new Map(topics.map((t) => [t, 3]));
    const a = assignShareGroup([sub('a', ...topics), sub('b', ...topics)], counts, new Map());
    const total = (m: string) => [...a.get(m)!.values()].reduce((s, l) => s + l.length, 0);
    expect(total('a')).toBe(15);
    expect(total('b')).toBe(15);
  });
});

// ---------------------------------------------------------------- scale

describe('assignShareGroup: scale', () => {
  it('1000 members x 1 partition', () => {
    const counts = new Map([['t', 1]]);
    const members = ids(1000).map((m) => sub(m, 't'));
    const start = performance.now();
    const a = assignShareGroup(members, counts, new Map());
    const b = assignShareGroup([...members, sub('late', 't')], counts, a);
    expect(performance.now() - start).toBeLessThan(1000);
    checkValid(members, counts, a);
    for (const m of members) expect(partitionsOf(b, m.memberId, 't')).toEqual([0]);
  });

  it('1 member x 10000 partitions, then a second member', () => {
    const counts = new Map([['t', 10_000]]);
    const start = performance.now();
    const a = assignShareGroup([sub('a', 't')], counts, new Map());
    const b = assignShareGroup([sub('a', 't'), sub('b', 't')], counts, a);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(partitionsOf(a, 'a', 't')).toHaveLength(10_000);
    checkValid([sub('a', 't'), sub('b', 't')], counts, b);
    expect(partitionsOf(b, 'a', 't')).toHaveLength(5_000);
    expect(partitionsOf(b, 'b', 't')).toHaveLength(5_000);
  });

  it('200 members x 50 topics of 0..500 partitions, repeatedly', () => {
    const topics = ids(50, 't');
    const counts = new Map(topics.map((t, i) => [t, (i * 37) % 501]));
    const members = ids(200).map((m, i) => sub(m, ...topics.filter((_, j) => (i + j) % 3 !== 0)));
    const start = performance.now();
    let a = assignShareGroup(members, counts, new Map());
    for (let i = 0; i < 5; i++) a = assignShareGroup(members.slice(i), counts, a);
    expect(performance.now() - start).toBeLessThan(5000);
    checkValid(members.slice(4), counts, a);
  });
});

// ---------------------------------------------------------------- properties

const TOPICS = ['a', 'b', 'c'];

const subscriptionArb = fc.subarray([...TOPICS, 'missing'], { minLength: 0 });
const groupArb = fc
  .record({
    memberCount: fc.integer({ min: 0, max: 14 }),
    counts: fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })),
  })
  .chain(({ memberCount, counts }) =>
    fc.record({
      members: fc.tuple(...Array.from({ length: memberCount }, () => subscriptionArb)).map((subsets) =>
        subsets.map((topics, i) => sub(`m${i}`, ...topics)),
      ),
      counts: fc.constant(new Map(TOPICS.map((t, i) => [t, counts[i]]))),
    }),
  );

/** A previous assignment: empty, or random (possibly invalid) partitions per member and topic. */
const previousArb = fc.oneof(
  fc.constant<Assignment>(new Map()),
  fc
    .array(
      fc.tuple(
        fc.integer({ min: 0, max: 16 }).map((i) => `m${i}`),
        fc.constantFrom(...TOPICS),
        fc.array(fc.integer({ min: -1, max: 14 }), { maxLength: 6 }),
      ),
      { maxLength: 30 },
    )
    .map((entries) => {
      const prev: Assignment = new Map();
      for (const [m, t, parts] of entries) {
        if (!prev.has(m)) prev.set(m, new Map());
        prev.get(m)!.set(t, parts);
      }
      return prev;
    }),
);

describe('assignShareGroup: properties', () => {
  it('is valid and balanced for any group and any previous assignment', () => {
    fc.assert(
      fc.property(groupArb, previousArb, ({ members, counts }, previous) => {
        checkValid(members, counts, assignShareGroup(members, counts, previous));
      }),
      RUNS,
    );
  });

  it('covers every partition of every subscribed existing topic', () => {
    fc.assert(
      fc.property(groupArb, previousArb, ({ members, counts }, previous) => {
        const a = assignShareGroup(members, counts, previous);
        for (const [topic, P] of counts) {
          if (!members.some((m) => m.topics.includes(topic))) continue;
          for (const owners of ownersOf(a, topic, P)) expect(owners.length).toBeGreaterThanOrEqual(1);
        }
      }),
      RUNS,
    );
  });

  it('is deterministic and independent of the order of members', () => {
    fc.assert(
      fc.property(groupArb, previousArb, fc.integer(), ({ members, counts }, previous, seed) => {
        const shuffled = [...members];
        let s = seed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        const once = plain(assignShareGroup(members, counts, previous));
        expect(plain(assignShareGroup(members, counts, previous))).toEqual(once);
        expect(plain(assignShareGroup(shuffled, counts, previous))).toEqual(once);
      }),
      RUNS,
    );
  });

  it('keeps each member at least min(previous, floor quota) of its partitions in every topic', () => {
    fc.assert(
      fc.property(groupArb, groupArb, ({ members: before, counts }, { members: after }) => {
        const previous = assignShareGroup(before, counts, new Map());
        const next = assignShareGroup(after, counts, previous);
        checkValid(after, counts, next);
        for (const [topic, P] of counts) {
          const M = after.filter((m) => m.topics.includes(topic)).length;
          if (M === 0 || P === 0) continue;
          const floorQuota = M <= P ? Math.floor(P / M) : 1;
          // Only when the previous assignment of the topic was exclusive: shared partitions cannot all be kept.
          if (before.filter((m) => m.topics.includes(topic)).length > P) continue;
          for (const m of after) {
            if (!m.topics.includes(topic)) continue;
            const had = partitionsOf(previous, m.memberId, topic);
            const kept = partitionsOf(next, m.memberId, topic).filter((p) => had.includes(p));
            // M > P: it may have had several; it keeps one of them (floorQuota is 1).
            expect(kept.length).toBeGreaterThanOrEqual(Math.min(had.length, floorQuota));
          }
        }
      }),
      RUNS,
    );
  });

  it('with homogeneous subscriptions, members totals differ by at most one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 8 }),
        (M, sizes, joiners) => {
          const topics = sizes.map((_, i) => `t${i}`);
          const counts = new Map(topics.map((t, i) => [t, sizes[i]]));
          const members = ids(M).map((m) => sub(m, ...topics));
          let a = assignShareGroup(members, counts, new Map());
          const totals = (x: Assignment) => [...x.values()].map((ts) => [...ts.values()].reduce((s, l) => s + l.length, 0));
          const spread = (x: Assignment) => Math.max(...totals(x)) - Math.min(...totals(x));
          expect(spread(a)).toBeLessThanOrEqual(1);
          const grown = [...members, ...ids(joiners, 'j').map((m) => sub(m, ...topics))];
          a = assignShareGroup(grown, counts, a);
          expect(spread(a)).toBeLessThanOrEqual(1);
          a = assignShareGroup(grown.slice(1), counts, a);
          expect(spread(a)).toBeLessThanOrEqual(1);
        },
      ),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------- stickiness over event sequences (one topic)

type Event = { kind: 'join' } | { kind: 'leave'; which: number } | { kind: 'grow'; by: number };

const eventArb: fc.Arbitrary<Event> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Event>({ kind: 'join' }) },
  { weight: 3, arbitrary: fc.nat().map<Event>((which) => ({ kind: 'leave', which })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5 }).map<Event>((by) => ({ kind: 'grow', by })) },
);

describe('assignShareGroup: stickiness', () => {
  it('keeps the most (member, partition) pairs any balanced assignment could keep, at every step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(eventArb, { minLength: 1, maxLength: 12 }),
        (initial, initialP, events) => {
          let P = initialP;
          let next = 0;
          let members = Array.from({ length: initial }, () => `m${next++}`);
          let a = assignShareGroup(
            members.map((m) => sub(m, 't')),
            new Map([['t', P]]),
            new Map(),
          );
          for (const e of events) {
            const prevMembers = members;
            const prevP = P;
            if (e.kind === 'join') members = [...members, `m${next++}`];
            else if (e.kind === 'leave') {
              if (members.length === 0) continue;
              members = members.filter((_, i) => i !== e.which % members.length);
            } else P += e.by;
            const counts = new Map([['t', P]]);
            const subs = members.map((m) => sub(m, 't'));
            const b = assignShareGroup(subs, counts, a);
            checkValid(subs, counts, b);
            expect(keptPairs(a, b, 't')).toBe(optimalKept(a, members, 't', P));

            const M0 = prevMembers.length;
            const moved = (m: string) => partitionsOf(a, m, 't').filter((p) => !partitionsOf(b, m, 't').includes(p)).length;
            const survivors = members.filter((m) => prevMembers.includes(m));
            const movedOthers = survivors.reduce((s, m) => s + moved(m), 0);
            if (e.kind === 'join') {
              // M <= P before: the newcomer takes at most ceil(P/(M+1)) partitions, nobody else gains any.
              if (M0 + 1 <= P) expect(movedOthers).toBeLessThanOrEqual(Math.ceil(P / (M0 + 1)));
              // M >= P before: nobody already there moves at all.
              if (M0 >= P) expect(movedOthers).toBe(0);
              for (const m of survivors) {
                const gained = partitionsOf(b, m, 't').filter((p) => !partitionsOf(a, m, 't').includes(p));
                expect(gained).toEqual([]);
              }
            } else if (e.kind === 'leave') {
              // M <= P before: only the leaver's partitions move.
              if (M0 <= prevP) expect(movedOthers).toBe(0);
              // M > P before: the leaver's partition may need one member from an over-full partition.
              else expect(movedOthers).toBeLessThanOrEqual(1);
            } else if (M0 <= prevP) {
              // New partitions with M <= P: nobody loses a partition beyond the new floor quota.
              for (const m of survivors) {
                const kept = partitionsOf(a, m, 't').length - moved(m);
                expect(kept).toBeGreaterThanOrEqual(Math.min(partitionsOf(a, m, 't').length, Math.floor(P / members.length)));
              }
            }
            a = b;
          }
        },
      ),
      RUNS,
    );
  });
});
