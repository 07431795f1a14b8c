import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignExclusive,
  computeTargetAssignment,
  reconcile,
  type ConsumerMemberState,
  type ExclusiveTopic,
} from '../../../src/consumer-group/assignment.js';

const RUNS = { numRuns: 200 };

// ---------------------------------------------------------------- helpers

type Target = Map<string, Map<string, number[]>>;
type Counts = ReadonlyMap<string, number>;

function member(memberId: string, topics: string[], owned: Record<string, number[]> = {}): ConsumerMemberState {
  return { memberId, topics, owned: new Map(Object.entries(owned)) };
}

function plain(t: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>): Record<string, Record<string, readonly number[]>> {
  const out: Record<string, Record<string, readonly number[]>> = {};
  for (const [m, topics] of t) out[m] = Object.fromEntries(topics);
  return out;
}

function ids(n: number, prefix = 'm'): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
}

function partsOf(t: Target, m: string, topic: string): number[] {
  return t.get(m)?.get(topic) ?? [];
}

function totalOf(t: Target, m: string): number {
  return [...(t.get(m)?.values() ?? [])].reduce((s, l) => s + l.length, 0);
}

function subscribers(members: readonly ConsumerMemberState[], topic: string): string[] {
  return members.filter((m) => m.topics.includes(topic)).map((m) => m.memberId);
}

/** Disjoint, complete, per-topic floor/ceil, only subscribed existing topics, sorted lists, every member present. */
function checkTarget(members: readonly ConsumerMemberState[], counts: Counts, t: Target): void {
  expect([...t.keys()].sort()).toEqual(members.map((m) => m.memberId).sort());
  for (const m of members) {
    for (const [topic, parts] of t.get(m.memberId)!) {
      expect(m.topics).toContain(topic);
      expect(parts.length).toBeGreaterThan(0);
      expect(parts).toEqual([...new Set(parts)].sort((a, b) => a - b));
      for (const p of parts) expect(Number.isInteger(p) && p >= 0 && p < counts.get(topic)!).toBe(true);
    }
  }
  for (const [topic, P] of counts) {
    const subs = subscribers(members, topic);
    if (subs.length === 0) continue;
    const owner = new Array<number>(P).fill(0);
    for (const m of subs) for (const p of partsOf(t, m, topic)) owner[p]++;
    expect(owner).toEqual(new Array<number>(P).fill(1)); // disjoint and complete
    for (const m of subs) {
      const k = partsOf(t, m, topic).length;
      expect(k === Math.floor(P / subs.length) || k === Math.ceil(P / subs.length)).toBe(true);
    }
  }
}

/** No single move of a ceil quota (topic where x has ceil(P/M) and y, subscribed, has floor) would even out totals. */
function checkCrossTopicBalance(members: readonly ConsumerMemberState[], counts: Counts, t: Target): void {
  for (const x of members) {
    for (const y of members) {
      if (totalOf(t, x.memberId) < totalOf(t, y.memberId) + 2) continue;
      for (const topic of x.topics) {
        if (!y.topics.includes(topic) || !counts.has(topic)) continue;
        const M = subscribers(members, topic).length;
        const q = Math.floor(counts.get(topic)! / M);
        const swappable = partsOf(t, x.memberId, topic).length === q + 1 && partsOf(t, y.memberId, topic).length === q;
        expect(swappable, `${x.memberId} -> ${y.memberId} in ${topic}`).toBe(false);
      }
    }
  }
}

/** Partitions (topic:partition) whose target owner differs between two targets, restricted to `who`. */
function movedFrom(before: Target, after: Target, who: readonly string[]): number {
  let moved = 0;
  for (const m of who) {
    for (const [topic, parts] of before.get(m) ?? []) {
      const now = new Set(partsOf(after, m, topic));
      for (const p of parts) if (!now.has(p)) moved++;
    }
  }
  return moved;
}

/**
 * Spread (max - min) of members' totals if ceil quotas only followed stickiness (no balancing across topics), for
 * the same inputs as computeTargetAssignment(members, counts, previous).
 */
function stickyOnlySpread(members: readonly ConsumerMemberState[], counts: Counts, previous: Target): number {
  const topics: ExclusiveTopic[] = [];
  for (const [topic, P] of counts) {
    const subs = subscribers(members, topic);
    if (subs.length > 0 && P > 0) topics.push({ topic, partitions: P, members: subs });
  }
  const out = assignExclusive(topics, (m, topic) => previous.get(m)?.get(topic), { balanceTotals: false });
  const totals = [...out.keys()].map((m) => totalOf(out, m));
  return totals.length === 0 ? 0 : Math.max(...totals) - Math.min(...totals);
}

/** Max (member, partition) pairs of `prev` any balanced exclusive assignment of one topic can keep (max flow). */
function optimalKept(prev: Target, members: readonly string[], topic: string, P: number): number {
  const M = members.length;
  if (M === 0 || P === 0) return 0;
  const q = Math.floor(P / M);
  const r = P % M;
  // Members with more than q previous partitions compete for r ceil quotas; each keeps min(c, q) for sure.
  const c = members.map((m) => new Set((prev.get(m)?.get(topic) ?? []).filter((p) => p >= 0 && p < P)).size);
  const base = c.reduce((s, k) => s + Math.min(k, q), 0);
  return base + Math.min(r, c.filter((k) => k > q).length);
}

// ---------------------------------------------------------------- target assignment: examples

describe('computeTargetAssignment: examples', () => {
  it('handles no members, and members of missing topics', () => {
    expect(computeTargetAssignment([], new Map([['t', 3]]), new Map()).size).toBe(0);
    const t = computeTargetAssignment([member('a', ['missing']), member('b', [])], new Map([['t', 3]]), new Map());
    expect(plain(t)).toEqual({ a: {}, b: {} });
  });

  it('assigns ranges in member order on a fresh group', () => {
    const t = computeTargetAssignment(
      [member('b', ['t']), member('a', ['t']), member('c', ['t'])],
      new Map([['t', 7]]),
      new Map(),
    );
    expect(plain(t)).toEqual({ a: { t: [0, 1, 2] }, b: { t: [3, 4] }, c: { t: [5, 6] } });
  });

  it('leaves extra members idle when there are more members than partitions', () => {
    const members = ids(5).map((m) => member(m, ['t']));
    const t = computeTargetAssignment(members, new Map([['t', 2]]), new Map());
    checkTarget(members, new Map([['t', 2]]), t);
    expect(ids(5).filter((m) => totalOf(t, m) === 0)).toHaveLength(3);
  });

  it('spreads single-partition topics across members instead of piling them on the first', () => {
    const topics = ids(26, 't');
    const counts = new Map(topics.map((x) => [x, 1]));
    const alone = computeTargetAssignment([member('a', topics)], counts, new Map());
    expect(totalOf(alone, 'a')).toBe(26);
    const both = [member('a', topics), member('b', topics)];
    const t = computeTargetAssignment(both, counts, alone);
    checkTarget(both, counts, t);
    expect(totalOf(t, 'a')).toBe(13);
    expect(totalOf(t, 'b')).toBe(13);
    // b's 13 came from a; a kept the rest.
    expect(movedFrom(alone, t, ['a'])).toBe(13);
  });

  it('is sticky to previousTarget, falling back to what a member owns', () => {
    const counts = new Map([['t', 4]]);
    const previous: Target = new Map([['a', new Map([['t', [2, 3]]])]]);
    const t = computeTargetAssignment([member('a', ['t']), member('b', ['t'], { t: [0, 1] })], counts, previous);
    expect(plain(t)).toEqual({ a: { t: [2, 3] }, b: { t: [0, 1] } });
    // previousTarget wins over owned for a member that has an entry there.
    const u = computeTargetAssignment([member('a', ['t'], { t: [0, 1] }), member('b', ['t'])], counts, previous);
    expect(plain(u)).toEqual({ a: { t: [2, 3] }, b: { t: [0, 1] } });
  });

  it('drops partitions of topics a member unsubscribed from', () => {
    const counts = new Map([
      ['x', 2],
      ['y', 2],
    ]);
    const before = computeTargetAssignment([member('a', ['x', 'y']), member('b', ['x', 'y'])], counts, new Map());
    const after = computeTargetAssignment([member('a', ['x']), member('b', ['x', 'y'])], counts, before);
    expect(partsOf(after, 'a', 'y')).toEqual([]);
    expect(partsOf(after, 'b', 'y')).toEqual([0, 1]);
    expect(partsOf(after, 'a', 'x')).toEqual(partsOf(before, 'a', 'x'));
  });

  it('rejects duplicate members', () => {
    expect(() => computeTargetAssignment([member('a', ['t']), member('a', ['t'])], new Map([['t', 1]]), new Map())).toThrow(
      RangeError,
    );
  });

  it('scales to 200 members x 50 topics', () => {
    const topics = ids(50, 't');
    const counts = new Map(topics.map((x, i) => [x, (i * 37) % 501]));
    const members = ids(200).map((m, i) => member(m, topics.filter((_, j) => (i + j) % 3 !== 0)));
    const start = performance.now();
    const t = computeTargetAssignment(members, counts, new Map());
    const u = computeTargetAssignment(members.slice(1), counts, t);
    expect(performance.now() - start).toBeLessThan(5000);
    checkTarget(members.slice(1), counts, u);
    // Others' partitions move only because keeping them all would leave totals two or more apart.
    if (movedFrom(t, u, ids(200).slice(1)) > 0) expect(stickyOnlySpread(members.slice(1), counts, t)).toBeGreaterThanOrEqual(2);
  });

  it('assignExclusive can be called directly with an extra load per member', () => {
    const out = assignExclusive([{ topic: 't', partitions: 3, members: ['b', 'a'] }], () => undefined, {
      extraLoad: (m) => (m === 'a' ? 5 : 0),
    });
    // a is already loaded elsewhere, so b takes the ceil quota.
    expect(plain(out)).toEqual({ a: { t: [0] }, b: { t: [1, 2] } });
  });
});

// ---------------------------------------------------------------- target assignment: properties

const TOPICS = ['a', 'b', 'c'];
const countsArb = fc
  .tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }))
  .map((c) => new Map(TOPICS.map((t, i) => [t, c[i]])));
const membersArb = (homogeneous: boolean) =>
  fc
    .integer({ min: 0, max: 12 })
    .chain((n) =>
      homogeneous
        ? fc.subarray([...TOPICS, 'missing']).map((topics) => ids(n).map((m) => member(m, topics)))
        : fc.array(fc.subarray([...TOPICS, 'missing']), { minLength: n, maxLength: n }).map((subs) =>
            subs.map((topics, i) => member(ids(n)[i], topics)),
          ),
    );

type GroupEvent =
  | { kind: 'join'; topics: string[] }
  | { kind: 'leave'; which: number }
  | { kind: 'resubscribe'; which: number; topics: string[] }
  | { kind: 'grow'; topic: string; by: number };

const groupEventArb = (homogeneous: boolean): fc.Arbitrary<GroupEvent> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.subarray(TOPICS).map<GroupEvent>((topics) => ({ kind: 'join', topics })) },
    { weight: 3, arbitrary: fc.nat().map<GroupEvent>((which) => ({ kind: 'leave', which })) },
    {
      weight: homogeneous ? 0 : 1,
      arbitrary: fc
        .tuple(fc.nat(), fc.subarray(TOPICS))
        .map<GroupEvent>(([which, topics]) => ({ kind: 'resubscribe', which, topics })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...TOPICS), fc.integer({ min: 1, max: 4 }))
        .map<GroupEvent>(([topic, by]) => ({ kind: 'grow', topic, by })),
    },
  );

describe('computeTargetAssignment: properties', () => {
  it('is disjoint, complete and balanced per topic, for any previous target', () => {
    const prevArb = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 14 }), fc.constantFrom(...TOPICS), fc.array(fc.integer({ min: -2, max: 14 }), { maxLength: 8 })), {
        maxLength: 20,
      })
      .map((entries) => {
        const prev: Target = new Map();
        for (const [i, topic, parts] of entries) {
          const m = ids(15)[i];
          if (!prev.has(m)) prev.set(m, new Map());
          prev.get(m)!.set(topic, parts);
        }
        return prev;
      });
    fc.assert(
      fc.property(membersArb(false), countsArb, prevArb, (members, counts, prev) => {
        checkTarget(members, counts, computeTargetAssignment(members, counts, prev));
      }),
      RUNS,
    );
  });

  it('keeps totals even: within one for identical subscriptions, no improving move otherwise', () => {
    fc.assert(
      fc.property(fc.boolean().chain((h) => fc.tuple(membersArb(h), countsArb)), ([members, counts]) => {
        const t = computeTargetAssignment(members, counts, new Map());
        checkCrossTopicBalance(members, counts, t);
        const first = members[0];
        if (members.every((m) => m.topics.join() === first.topics.join())) {
          const totals = members.map((m) => totalOf(t, m.memberId));
          expect(Math.max(...totals) - Math.min(...totals)).toBeLessThanOrEqual(1);
        }
      }),
      RUNS,
    );
  });

  it('is deterministic and independent of member order', () => {
    fc.assert(
      fc.property(membersArb(false), countsArb, (members, counts) => {
        const once = plain(computeTargetAssignment(members, counts, new Map()));
        expect(plain(computeTargetAssignment(members, counts, new Map()))).toEqual(once);
        expect(plain(computeTargetAssignment([...members].reverse(), counts, new Map()))).toEqual(once);
      }),
      RUNS,
    );
  });

  for (const homogeneous of [true, false]) {
    it(`is sticky over joins, leaves and new partitions (${homogeneous ? 'identical' : 'mixed'} subscriptions)`, () => {
      fc.assert(
        fc.property(
          membersArb(homogeneous),
          countsArb,
          fc.array(groupEventArb(homogeneous), { minLength: 1, maxLength: 10 }),
          (initial, initialCounts, events) => {
            let members = initial;
            const counts = new Map(initialCounts);
            let target = computeTargetAssignment(members, counts, new Map());
            let next = members.length;
            for (const e of events) {
              const before = members;
              const prevCounts = new Map(counts);
              if (e.kind === 'join') {
                const topics = homogeneous && members.length > 0 ? [...members[0].topics] : e.topics;
                members = [...members, member(`j${next++}`, topics)];
              } else if (e.kind === 'leave') {
                if (members.length === 0) continue;
                members = members.filter((_, i) => i !== e.which % members.length);
              } else if (e.kind === 'resubscribe') {
                if (members.length === 0) continue;
                members = members.map((m, i) => (i === e.which % members.length ? member(m.memberId, e.topics) : m));
              } else counts.set(e.topic, counts.get(e.topic)! + e.by);

              const after = computeTargetAssignment(members, counts, target);
              checkTarget(members, counts, after);
              checkCrossTopicBalance(members, counts, after);

              const present = members.map((m) => m.memberId);
              const stayed = before.filter((m) => present.includes(m.memberId)).map((m) => m.memberId);
              // Every member keeps min(previous, floor quota) of each topic it still subscribes to.
              for (const m of members) {
                for (const topic of m.topics) {
                  if (!counts.has(topic)) continue;
                  const P = counts.get(topic)!;
                  const q = Math.floor(P / subscribers(members, topic).length);
                  const had = partsOf(target, m.memberId, topic).filter((p) => p < P);
                  const kept = partsOf(after, m.memberId, topic).filter((p) => had.includes(p));
                  expect(kept.length).toBeGreaterThanOrEqual(Math.min(had.length, q));
                }
              }
              if (e.kind === 'leave' && movedFrom(target, after, stayed) > 0) {
                // Only the leaver's partitions move, unless keeping everything else would leave totals two or more
                // apart (possible only with several topics: e.g. the leaver's partitions of a topic must go to a
                // member that already holds the single partition of two other topics).
                expect(stickyOnlySpread(members, counts, target)).toBeGreaterThanOrEqual(2);
              }
              if (TOPICS.filter((t) => subscribers(members, t).length > 0 && counts.get(t)! > 0).length === 1) {
                // A single topic in play: as sticky as any balanced assignment can be.
                const topic = TOPICS.find((t) => subscribers(members, t).length > 0 && counts.get(t)! > 0)!;
                const subs = subscribers(members, topic);
                let kept = 0;
                for (const m of subs) kept += partsOf(after, m, topic).filter((p) => partsOf(target, m, topic).includes(p)).length;
                expect(kept).toBe(optimalKept(target, subs, topic, counts.get(topic)!));
                const M0 = subscribers(before, topic).length;
                if (e.kind === 'join' && subs.length === M0 + 1) {
                  expect(movedFrom(target, after, stayed)).toBeLessThanOrEqual(Math.ceil(counts.get(topic)! / (M0 + 1)));
                }
                if (e.kind === 'leave' && prevCounts.get(topic) === counts.get(topic)) {
                  expect(movedFrom(target, after, stayed)).toBe(0);
                }
              }
              target = after;
            }
          },
        ),
        RUNS,
      );
    });
  }
});

// ---------------------------------------------------------------- reconcile

describe('reconcile', () => {
  const target: Target = new Map([
    ['a', new Map([['t', [0, 1, 2]]])],
    ['b', new Map([['t', [3]], ['u', [0]]])],
  ]);

  it('gives free target partitions, withholds those still owned elsewhere, revokes the rest', () => {
    const ownedByB = new Set(['t:1']);
    const r = reconcile('a', target, (topic, p) => ownedByB.has(`${topic}:${p}`), new Map([['t', [0, 3]], ['u', [0]]]));
    expect(Object.fromEntries(r.assigned)).toEqual({ t: [0, 2] });
    expect(Object.fromEntries(r.pending)).toEqual({ t: [1] });
    expect(Object.fromEntries(r.revoking)).toEqual({ t: [3], u: [0] });
  });

  it('returns empty maps for a member with no target and nothing owned', () => {
    const r = reconcile('c', target, () => false, new Map());
    expect([r.assigned.size, r.pending.size, r.revoking.size]).toEqual([0, 0, 0]);
  });

  it('revokes everything a member owns when it has no target', () => {
    const r = reconcile('c', target, () => false, new Map([['t', [2, 0, 2]]]));
    expect(Object.fromEntries(r.revoking)).toEqual({ t: [0, 2] });
    expect(r.assigned.size).toBe(0);
  });

  it('never gives anything outside the target', () => {
    const r = reconcile('b', target, () => false, new Map([['t', [3, 4]]]));
    expect(Object.fromEntries(r.assigned)).toEqual({ t: [3], u: [0] });
    expect(Object.fromEntries(r.revoking)).toEqual({ t: [4] });
  });
});

// ---------------------------------------------------------------- simulated group: revocation before reassignment

type SimEvent =
  | { kind: 'join'; topics: string[] }
  | { kind: 'leave'; which: number }
  | { kind: 'heartbeat'; which: number }
  | { kind: 'resubscribe'; which: number; topics: string[] }
  | { kind: 'grow'; topic: string; by: number };

const simEventArb: fc.Arbitrary<SimEvent> = fc.oneof(
  { weight: 2, arbitrary: fc.subarray(TOPICS, { minLength: 1 }).map<SimEvent>((topics) => ({ kind: 'join', topics })) },
  { weight: 1, arbitrary: fc.nat().map<SimEvent>((which) => ({ kind: 'leave', which })) },
  { weight: 8, arbitrary: fc.nat().map<SimEvent>((which) => ({ kind: 'heartbeat', which })) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.nat(), fc.subarray(TOPICS)).map<SimEvent>(([which, topics]) => ({ kind: 'resubscribe', which, topics })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...TOPICS), fc.integer({ min: 1, max: 3 }))
      .map<SimEvent>(([topic, by]) => ({ kind: 'grow', topic, by })),
  },
);

interface SimMember {
  memberId: string;
  topics: string[];
  owned: Map<string, number[]>;
}

describe('reconcile: simulated group', () => {
  it('never lets two members own a partition, and converges to the target', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 3, maxLength: 3 }),
        fc.array(simEventArb, { minLength: 1, maxLength: 60 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        (initialCounts, events, finalOrder) => {
          const counts = new Map(TOPICS.map((t, i) => [t, initialCounts[i]]));
          const group = new Map<string, SimMember>();
          let target: Target = new Map();
          let next = 0;

          const states = (): ConsumerMemberState[] => [...group.values()];
          const retarget = () => {
            target = computeTargetAssignment(states(), counts, target);
          };
          const checkExclusive = () => {
            const seen = new Set<string>();
            for (const m of group.values()) {
              for (const [topic, parts] of m.owned) {
                for (const p of parts) {
                  const key = `${topic}:${p}`;
                  expect(seen.has(key), `${key} owned twice`).toBe(false);
                  seen.add(key);
                }
              }
            }
          };
          const heartbeat = (m: SimMember) => {
            const ownedByOthers = (topic: string, p: number) => {
              for (const o of group.values()) if (o !== m && (o.owned.get(topic) ?? []).includes(p)) return true;
              return false;
            };
            const r = reconcile(m.memberId, target, ownedByOthers, m.owned);
            // assigned is within the target and disjoint from what others own; revoking is owned minus target.
            for (const [topic, parts] of r.assigned) {
              for (const p of parts) {
                expect(partsOf(target, m.memberId, topic)).toContain(p);
                expect(ownedByOthers(topic, p)).toBe(false);
              }
            }
            for (const [topic, parts] of r.revoking) {
              for (const p of parts) {
                expect(m.owned.get(topic)).toContain(p);
                expect(partsOf(target, m.memberId, topic)).not.toContain(p);
              }
            }
            m.owned = new Map([...r.assigned].map(([topic, parts]) => [topic, [...parts]]));
            return r;
          };
          const pick = (which: number) => [...group.values()][which % group.size];

          for (const e of events) {
            if (e.kind === 'join') {
              const id = `m${next++}`;
              group.set(id, { memberId: id, topics: e.topics, owned: new Map() });
              retarget();
            } else if (group.size === 0) {
              if (e.kind === 'grow') counts.set(e.topic, counts.get(e.topic)! + e.by);
              continue;
            } else if (e.kind === 'leave') {
              group.delete(pick(e.which).memberId); // its partitions are released with it
              retarget();
            } else if (e.kind === 'resubscribe') {
              pick(e.which).topics = e.topics;
              retarget();
            } else if (e.kind === 'grow') {
              counts.set(e.topic, counts.get(e.topic)! + e.by);
              retarget();
            } else {
              heartbeat(pick(e.which));
            }
            checkExclusive();
          }

          // No more changes: every member heartbeats twice (two rounds, each in a random order).
          const shuffled = (offset: number) => {
            const order = [...group.values()];
            for (let i = order.length - 1; i > 0; i--) {
              const j = finalOrder[(i + offset) % finalOrder.length] % (i + 1);
              [order[i], order[j]] = [order[j], order[i]];
            }
            return order;
          };
          for (const m of shuffled(0)) {
            heartbeat(m);
            checkExclusive();
          }
          for (const m of shuffled(7)) {
            const r = heartbeat(m);
            expect(r.pending.size).toBe(0);
            expect(r.revoking.size).toBe(0);
            checkExclusive();
          }
          for (const m of group.values()) expect(Object.fromEntries(m.owned)).toEqual(Object.fromEntries(target.get(m.memberId)!));
        },
      ),
      RUNS,
    );
  });

  it('converges after exactly two heartbeats per member in any order', () => {
    // The first heartbeat of each member drops what it must revoke; after everyone's first, nothing is pending.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.nat(), { minLength: 32, maxLength: 32 }),
        (before, P, after, perm) => {
          const counts = new Map([['t', P]]);
          const group = new Map<string, SimMember>();
          for (const id of ids(before)) group.set(id, { memberId: id, topics: ['t'], owned: new Map() });
          let target = computeTargetAssignment([...group.values()], counts, new Map());
          for (const m of group.values()) m.owned = new Map(target.get(m.memberId)!);
          // Membership changes: the first `before - 1` stay, `after` new ones join.
          group.delete(ids(before)[before - 1]);
          for (const id of ids(after, 'n')) group.set(id, { memberId: id, topics: ['t'], owned: new Map() });
          target = computeTargetAssignment([...group.values()], counts, target);

          const beats = [...group.values(), ...group.values()];
          for (let i = beats.length - 1; i > 0; i--) {
            const j = perm[i % perm.length] % (i + 1);
            [beats[i], beats[j]] = [beats[j], beats[i]];
          }
          // A member's second heartbeat that comes after every member's first gives it exactly its target.
          const ownedBy = (m: SimMember) => (topic: string, p: number) =>
            [...group.values()].some((o) => o !== m && (o.owned.get(topic) ?? []).includes(p));
          const beaten = new Set<string>();
          for (const m of beats) {
            const r = reconcile(m.memberId, target, ownedBy(m), m.owned);
            m.owned = new Map(r.assigned);
            if (beaten.has(m.memberId) && beaten.size === group.size) {
              expect(Object.fromEntries(m.owned)).toEqual(Object.fromEntries(target.get(m.memberId)!));
            }
            beaten.add(m.memberId);
            const owners = new Map<number, number>();
            for (const o of group.values()) for (const p of o.owned.get('t') ?? []) owners.set(p, (owners.get(p) ?? 0) + 1);
            for (const k of owners.values()) expect(k).toBe(1);
          }
        },
      ),
      RUNS,
    );
  });
});
