/**
 * Consumer-group partition assignment (KIP-848 style, computed on the server).
 *
 * - {@link computeTargetAssignment}: the target assignment. Exclusive (a partition is in at most one member's
 *   target), complete (every partition of a subscribed, existing topic is targeted), balanced (per topic each
 *   subscriber gets floor(P/M) or ceil(P/M); across topics the totals are kept as even as the subscriptions allow),
 *   sticky (a partition stays with its previous target owner whenever the quotas allow) and deterministic.
 *   With several topics, evening out totals can outrank stickiness: a member other than a leaver loses a partition
 *   only when keeping everything would leave two members' totals two or more apart.
 * - {@link reconcile}: what a member may be told it owns right now (revocation before reassignment).
 *
 * {@link assignExclusive} is the engine behind the target assignment; share groups reuse it for the topics that
 * have no more members than partitions.
 *
 * Pure functions: no I/O, no clocks, no randomness. Member ids and topic names are ordered by UTF-16 code units
 * (never locale-dependent), so equal inputs always give equal outputs.
 */

/** memberId -> topic -> sorted partitions. */
export type TopicPartitionsByMember = Map<string, Map<string, number[]>>;

export interface ConsumerMemberState {
  memberId: string;
  topics: readonly string[];
  /** What the member currently owns (confirmed). Used for stickiness when `previousTarget` has no entry for it. */
  owned: ReadonlyMap<string, readonly number[]>;
}

export interface TargetAssignment {
  target: Map<string, Map<string, number[]>>;
}

export interface ReconcileResult {
  /** Target partitions that no other member still owns: the member may own these now. */
  assigned: Map<string, number[]>;
  /** Owned partitions that are not in the target: the member must give these up. */
  revoking: Map<string, number[]>;
  /** Target partitions still owned by another member: given once that member has revoked them. */
  pending: Map<string, number[]>;
}

/** One topic handed to {@link assignExclusive}. */
export interface ExclusiveTopic {
  topic: string;
  /** Partition count, > 0. */
  partitions: number;
  /** Subscribed member ids: unique, non-empty. Any order. */
  members: readonly string[];
}

export interface ExclusiveOptions {
  /** Load a member already carries (e.g. partitions it gets elsewhere); counted in its total. Default 0. */
  extraLoad?: (memberId: string) => number;
  /**
   * Even out members' totals across topics by moving ceil quotas, even when that costs a member a partition it
   * could have kept (default true). With false, ceil quotas only follow stickiness and then the lightest members.
   */
  balanceTotals?: boolean;
}

/** Previous partitions of a member for a topic (for stickiness); any order, may hold invalid or duplicate entries. */
export type PreviousLookup = (memberId: string, topic: string) => readonly number[] | undefined;

/** Code-unit string order: deterministic and locale-independent. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The valid previous partitions of a topic with `partitions` partitions: integers in range, sorted, unique. */
export function validPrevious(prev: readonly number[] | undefined, partitions: number): number[] {
  if (prev === undefined || prev.length === 0) return [];
  const out: number[] = [];
  for (const p of prev) if (Number.isInteger(p) && p >= 0 && p < partitions) out.push(p);
  out.sort((a, b) => a - b);
  let w = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[w++] = out[i];
  out.length = w;
  return out;
}

export function checkPartitionCount(topic: string, count: number): void {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`partition count of topic '${topic}' must be a non-negative integer, got ${count}`);
  }
}

interface TopicWork {
  topic: string;
  partitions: number;
  /** Global member indices, ascending (so also ascending member id). */
  mem: number[];
  /** floor(P/M) and P mod M: exactly `r` members get q + 1 partitions, the others q. */
  q: number;
  r: number;
  /** Per local member: previous partitions it may keep (valid, sorted, not claimed by an earlier member). */
  cand: number[][];
  /** Per local member: 1 when it gets the ceil quota (q + 1). */
  ceil: Uint8Array;
}

interface Subscription {
  t: number;
  local: number;
}

/**
 * Exclusive, balanced, sticky assignment of several topics' partitions.
 *
 * Per topic every partition goes to exactly one subscriber and each subscriber gets floor(P/M) or ceil(P/M)
 * partitions (so with M > P some get none). Which subscribers get the ceil is chosen first to keep previous
 * partitions, then to even out the members' totals across topics. When keeping everything would leave two members'
 * totals two or more apart, ceil quotas move (preferring moves that cost nobody a kept partition), so balance across
 * topics wins over stickiness; within one topic, stickiness is optimal. Each member then keeps as many of its
 * previous partitions as its quota allows (lowest first); the rest are handed out in ascending order to members in
 * id order.
 *
 * Cost: O(P + M log M) per topic, plus a balancing pass that runs only when totals differ by two or more
 * (O(sum of subscriptions) per move).
 */
export function assignExclusive(
  topics: readonly ExclusiveTopic[],
  previous: PreviousLookup,
  options: ExclusiveOptions = {},
): TopicPartitionsByMember {
  const { extraLoad, balanceTotals = true } = options;
  // Global member table, ascending id.
  const idSet = new Set<string>();
  for (const t of topics) for (const m of t.members) idSet.add(m);
  const ids = [...idSet].sort(compareIds);
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const n = ids.length;

  const sortedTopics = [...topics].sort((a, b) => compareIds(a.topic, b.topic));
  const work: TopicWork[] = [];
  const subs: Subscription[][] = ids.map(() => []);
  const total = new Float64Array(n);
  if (extraLoad) for (let g = 0; g < n; g++) total[g] = extraLoad(ids[g]);

  for (const t of sortedTopics) {
    checkPartitionCount(t.topic, t.partitions);
    if (t.members.length === 0 || t.partitions === 0) continue;
    const mem = t.members.map((m) => index.get(m)!).sort((a, b) => a - b);
    for (let i = 1; i < mem.length; i++) {
      if (mem[i] === mem[i - 1]) throw new RangeError(`member '${ids[mem[i]]}' listed twice for topic '${t.topic}'`);
    }
    const P = t.partitions;
    const M = mem.length;
    const claimed = new Uint8Array(P);
    const cand = mem.map((g) => {
      const mine: number[] = [];
      for (const p of validPrevious(previous(ids[g], t.topic), P)) {
        if (claimed[p] === 0) {
          claimed[p] = 1;
          mine.push(p);
        }
      }
      return mine;
    });
    const w: TopicWork = {
      topic: t.topic,
      partitions: P,
      mem,
      q: Math.floor(P / M),
      r: P % M,
      cand,
      ceil: new Uint8Array(M),
    };
    const ti = work.length;
    work.push(w);
    mem.forEach((g, local) => {
      subs[g].push({ t: ti, local });
      total[g] += w.q;
    });
  }

  const byLoad = (w: TopicWork) => (a: number, b: number) => total[w.mem[a]] - total[w.mem[b]] || a - b;

  // 1. Ceil quotas that let members keep what they had (c > q), lightest totals first when there are too many.
  const used = new Int32Array(work.length);
  work.forEach((w, ti) => {
    if (w.r === 0) return;
    const want: number[] = [];
    for (let l = 0; l < w.mem.length; l++) if (w.cand[l].length > w.q) want.push(l);
    if (want.length > w.r) want.sort(byLoad(w));
    for (let i = 0; i < want.length && i < w.r; i++) give(w, want[i]);
    used[ti] = Math.min(want.length, w.r);
  });
  // 2. The remaining ceil quotas go to the lightest members.
  work.forEach((w, ti) => {
    let left = w.r - used[ti];
    if (left === 0) return;
    const free: number[] = [];
    for (let l = 0; l < w.mem.length; l++) if (w.ceil[l] === 0) free.push(l);
    free.sort(byLoad(w));
    for (let i = 0; left > 0; i++, left--) give(w, free[i]);
  });
  // 3. Even out totals across topics by moving ceil quotas along chains of members.
  if (balanceTotals) balance(work, subs, total);

  // 4. Materialise: keep previous partitions up to the quota, hand out the rest in order.
  const out: TopicPartitionsByMember = new Map();
  for (const id of ids) out.set(id, new Map());
  for (const w of work) {
    const P = w.partitions;
    const taken = new Uint8Array(P);
    const lists: number[][] = w.mem.map((_, l) => {
      const quota = w.q + w.ceil[l];
      const keep = w.cand[l].length <= quota ? w.cand[l].slice() : w.cand[l].slice(0, quota);
      for (const p of keep) taken[p] = 1;
      return keep;
    });
    let next = 0;
    for (let l = 0; l < w.mem.length; l++) {
      const quota = w.q + w.ceil[l];
      const list = lists[l];
      const kept = list.length;
      while (list.length < quota) {
        while (taken[next] === 1) next++;
        taken[next] = 1;
        list.push(next++);
      }
      if (kept > 0 && list.length > kept) list.sort((a, b) => a - b);
      if (list.length > 0) out.get(ids[w.mem[l]])!.set(w.topic, list);
    }
  }
  return out;

  function give(w: TopicWork, local: number): void {
    w.ceil[local] = 1;
    total[w.mem[local]] += 1;
  }
}

/**
 * Moves ceil quotas from heavy members to members at least two lighter, along chains
 * (x gives up its ceil in topic t to y, who gives up its ceil in topic u to z, ...), so only the two ends' totals
 * change. Stops when no such chain exists for any pair. Chains that do not cost a member a previously owned
 * partition are preferred.
 */
function balance(work: TopicWork[], subs: Subscription[][], total: Float64Array): void {
  const n = total.length;
  if (n < 2 || work.length === 0) return;
  const memberSeen = new Int32Array(n);
  const topicSeen = new Int32Array(work.length);
  const viaTopic = new Int32Array(n); // member reached through this topic
  const viaLocal = new Int32Array(n); // its local index there
  const topicFrom = new Int32Array(work.length); // topic reached from this member (global index)
  let stamp = 0;
  const queue = new Int32Array(n);

  for (;;) {
    let max = -Infinity;
    let min = Infinity;
    for (let g = 0; g < n; g++) {
      if (subs[g].length === 0) continue;
      if (total[g] > max) max = total[g];
      if (total[g] < min) min = total[g];
    }
    if (!(max - min >= 2)) return;
    let moved = false;
    // Distinct totals, heaviest first.
    const levels = [...new Set(Array.from(total).filter((_, g) => subs[g].length > 0))].sort((a, b) => b - a);
    for (const level of levels) {
      if (level < min + 2) break;
      if (augment(level, true) || augment(level, false)) {
        moved = true;
        break;
      }
    }
    if (!moved) return;
  }

  /** Finds and applies a chain from a member whose total is `level` to one whose total is at most level - 2. */
  function augment(level: number, onlyFreeQuotas: boolean): boolean {
    stamp++;
    let head = 0;
    let tail = 0;
    for (let g = 0; g < n; g++) {
      if (total[g] === level && subs[g].length > 0) {
        memberSeen[g] = stamp;
        viaTopic[g] = -1;
        queue[tail++] = g;
      }
    }
    while (head < tail) {
      const x = queue[head++];
      for (const { t, local } of subs[x]) {
        const w = work[t];
        if (w.ceil[local] === 0 || topicSeen[t] === stamp) continue;
        if (onlyFreeQuotas && w.cand[local].length > w.q) continue; // would cost x a partition it keeps
        topicSeen[t] = stamp;
        topicFrom[t] = x;
        for (let l = 0; l < w.mem.length; l++) {
          const y = w.mem[l];
          if (w.ceil[l] === 1 || memberSeen[y] === stamp) continue;
          memberSeen[y] = stamp;
          viaTopic[y] = t;
          viaLocal[y] = l;
          if (total[y] <= level - 2) {
            apply(y);
            return true;
          }
          queue[tail++] = y;
        }
      }
    }
    return false;
  }

  function apply(end: number): void {
    total[end] += 1;
    let y = end;
    for (;;) {
      const t = viaTopic[y];
      const w = work[t];
      w.ceil[viaLocal[y]] = 1;
      const x = topicFrom[t];
      const xl = subs[x].find((s) => s.t === t)!.local;
      w.ceil[xl] = 0;
      if (viaTopic[x] === -1) {
        total[x] -= 1;
        return;
      }
      y = x;
    }
  }
}

/**
 * The members subscribed to each existing topic with partitions, in member order. Topics missing from
 * `partitionCounts` do not exist (yet) and are skipped; a count that is not a whole number >= 0 throws.
 */
export function subscribersByTopic(
  members: ReadonlyArray<{ memberId: string; topics: readonly string[] }>,
  partitionCounts: ReadonlyMap<string, number>,
): Map<string, string[]> {
  const subscribers = new Map<string, string[]>();
  for (const m of members) {
    for (const topic of new Set(m.topics)) {
      const count = partitionCounts.get(topic);
      if (count === undefined) continue;
      checkPartitionCount(topic, count);
      if (count === 0) continue;
      let list = subscribers.get(topic);
      if (!list) subscribers.set(topic, (list = []));
      list.push(m.memberId);
    }
  }
  return subscribers;
}

/**
 * The target assignment of a consumer group: exclusive, complete, balanced, sticky, deterministic.
 *
 * Stickiness follows `previousTarget`; a member that has no entry there (e.g. after a coordinator restart) is sticky
 * to what it reports as `owned`. Topics missing from `partitionCounts` do not exist (yet) and are skipped. Every
 * member appears in the result, possibly with an empty map; topics with no partitions for a member are omitted.
 */
export function computeTargetAssignment(
  members: readonly ConsumerMemberState[],
  partitionCounts: ReadonlyMap<string, number>,
  previousTarget: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>,
): Map<string, Map<string, number[]>> {
  const byId = new Map<string, ConsumerMemberState>();
  for (const m of members) {
    if (byId.has(m.memberId)) throw new RangeError(`duplicate member id '${m.memberId}'`);
    byId.set(m.memberId, m);
  }
  const subscribers = subscribersByTopic(members, partitionCounts);
  const topics: ExclusiveTopic[] = [];
  for (const [topic, list] of subscribers) topics.push({ topic, partitions: partitionCounts.get(topic)!, members: list });

  const assigned = assignExclusive(topics, (memberId, topic) => {
    const prev = previousTarget.get(memberId);
    if (prev !== undefined) return prev.get(topic);
    return byId.get(memberId)?.owned.get(topic);
  });

  const out = new Map<string, Map<string, number[]>>();
  for (const id of [...byId.keys()].sort(compareIds)) out.set(id, assigned.get(id) ?? new Map());
  return out;
}

/**
 * What a member may be told it owns right now: its target minus partitions still owned by another member
 * (revocation before reassignment); never anything outside its target. Also what it must revoke (owned but not in
 * its target) and what it is still waiting for (in its target but owned by someone else).
 *
 * A partition the member owns and that stays in its target is in `assigned` unless `ownedByOthers` says another
 * member owns it too (which a correct caller never reports). Lists are sorted; topics with nothing are omitted.
 */
export function reconcile(
  memberId: string,
  target: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>,
  ownedByOthers: (topic: string, partition: number) => boolean,
  owned: ReadonlyMap<string, readonly number[]>,
): ReconcileResult {
  const assigned = new Map<string, number[]>();
  const pending = new Map<string, number[]>();
  const revoking = new Map<string, number[]>();
  const mine = target.get(memberId) ?? new Map<string, readonly number[]>();

  for (const topic of [...mine.keys()].sort(compareIds)) {
    const a: number[] = [];
    const w: number[] = [];
    for (const p of uniqueSorted(mine.get(topic)!)) (ownedByOthers(topic, p) ? w : a).push(p);
    if (a.length > 0) assigned.set(topic, a);
    if (w.length > 0) pending.set(topic, w);
  }
  for (const topic of [...owned.keys()].sort(compareIds)) {
    const targeted = mine.get(topic);
    const keep = targeted ? new Set(targeted) : undefined;
    const r = uniqueSorted(owned.get(topic)!).filter((p) => !keep?.has(p));
    if (r.length > 0) revoking.set(topic, r);
  }
  return { assigned, revoking, pending };
}

function uniqueSorted(list: readonly number[]): number[] {
  const s = [...list].sort((a, b) => a - b);
  return s.filter((p, i) => i === 0 || p !== s[i - 1]);
}
