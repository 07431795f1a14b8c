/**
 * Share-group partition assignment (DESIGN.md section 3), computed on the server.
 *
 * Per topic, among its M subscribed members and its P partitions:
 * - M <= P: every partition goes to exactly one member, each member gets floor(P/M) or ceil(P/M) partitions
 *   (the exclusive engine of consumer groups, {@link assignExclusive}, which also evens out members' totals
 *   across topics);
 * - M > P (the normal case): every member gets exactly one partition and each partition is shared by
 *   floor(M/P) or ceil(M/P) members.
 *
 * Stable: a member keeps what it had in `previous` as long as that stays within the quotas, so a join or a leave
 * moves only what balance requires. Deterministic: no randomness, ids ordered by code units.
 * Cost: O((M + P) log(M + P)) per topic.
 */
import {
  assignExclusive,
  subscribersByTopic,
  compareIds,
  validPrevious,
  type ExclusiveTopic,
} from '../consumer-group/assignment.js';

export interface ShareMemberSubscription {
  memberId: string;
  topics: readonly string[];
}

/** memberId -> topic -> sorted partitions. */
export type Assignment = Map<string, Map<string, number[]>>;

/**
 * Assigns the partitions of a share group's topics to its members.
 *
 * @param partitionCounts topic -> partition count; topics missing here do not exist (yet) and get no assignment.
 * @param previous the last assignment, for stickiness (need not be valid for the current inputs).
 * @returns every member (ascending id), each with its topics (ascending) and their sorted partitions; topics that
 *   give the member nothing are omitted, so a member subscribed only to missing topics maps to an empty map.
 */
export function assignShareGroup(
  members: readonly ShareMemberSubscription[],
  partitionCounts: ReadonlyMap<string, number>,
  previous: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>,
): Assignment {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.memberId)) throw new RangeError(`duplicate member id '${m.memberId}'`);
    seen.add(m.memberId);
    ids.push(m.memberId);
  }
  ids.sort(compareIds);

  const subscribers = subscribersByTopic(members, partitionCounts);

  const prev = (memberId: string, topic: string) => previous.get(memberId)?.get(topic);
  const exclusive: ExclusiveTopic[] = [];
  const sharedTopicsOf = new Map<string, number>();
  const shared = new Map<string, Map<string, number>>(); // topic -> member -> partition
  for (const topic of [...subscribers.keys()].sort(compareIds)) {
    const list = subscribers.get(topic)!.sort(compareIds);
    const partitions = partitionCounts.get(topic)!;
    if (list.length <= partitions) {
      exclusive.push({ topic, partitions, members: list });
    } else {
      shared.set(topic, assignSharedTopic(topic, partitions, list, prev));
      for (const id of list) sharedTopicsOf.set(id, (sharedTopicsOf.get(id) ?? 0) + 1);
    }
  }
  const exclusiveResult = assignExclusive(exclusive, prev, { extraLoad: (id) => sharedTopicsOf.get(id) ?? 0 });

  const out: Assignment = new Map();
  for (const id of ids) {
    const mine = new Map<string, number[]>();
    const ex = exclusiveResult.get(id);
    const topics = new Set<string>(ex?.keys() ?? []);
    for (const [topic, byMember] of shared) if (byMember.has(id)) topics.add(topic);
    for (const topic of [...topics].sort(compareIds)) {
      const p = shared.get(topic)?.get(id);
      mine.set(topic, p !== undefined ? [p] : ex!.get(topic)!);
    }
    out.set(id, mine);
  }
  return out;
}

/**
 * M > P: each member gets exactly one partition; each partition floor(M/P) or ceil(M/P) members.
 * A member keeps a previous partition while that partition's quota allows (members in id order); the others go to
 * the least-loaded partitions in ascending order. `members` is sorted and unique.
 */
function assignSharedTopic(
  topic: string,
  P: number,
  members: readonly string[],
  previous: (memberId: string, topic: string) => readonly number[] | undefined,
): Map<string, number> {
  const M = members.length;
  const q = Math.floor(M / P); // >= 1
  const r = M % P; // partitions with q + 1 members
  const load = new Int32Array(P);
  const isCeil = new Uint8Array(P);
  let ceilUsed = 0;
  const chosen = new Int32Array(M).fill(-1);

  // Members whose previous assignment names one partition (the steady state) queue on it; members that held
  // several (the group used to have M <= P) choose among theirs afterwards.
  const queues: number[][] = Array.from({ length: P }, () => []);
  const several: { local: number; cands: number[] }[] = [];
  for (let l = 0; l < M; l++) {
    const cands = validPrevious(previous(members[l], topic), P);
    if (cands.length === 1) queues[cands[0]].push(l);
    else if (cands.length > 1) several.push({ local: l, cands });
  }
  for (let p = 0; p < P; p++) {
    const queue = queues[p];
    const keep = Math.min(queue.length, q);
    for (let i = 0; i < keep; i++) chosen[queue[i]] = p;
    load[p] = keep;
  }
  for (let p = 0; p < P && ceilUsed < r; p++) {
    if (queues[p].length > q) {
      chosen[queues[p][q]] = p;
      load[p]++;
      isCeil[p] = 1;
      ceilUsed++;
    }
  }
  for (const { local, cands } of several) {
    let best = -1;
    for (const p of cands) if (load[p] < q && (best === -1 || load[p] < load[best])) best = p;
    if (best === -1 && ceilUsed < r) {
      for (const p of cands) {
        if (load[p] === q && isCeil[p] === 0) {
          best = p;
          isCeil[p] = 1;
          ceilUsed++;
          break;
        }
      }
    }
    if (best !== -1) {
      chosen[local] = best;
      load[best]++;
    }
  }
  // Everyone else: first bring every partition up to q, then use the remaining ceil quotas.
  let under = 0;
  let spare = 0;
  for (let l = 0; l < M; l++) {
    if (chosen[l] !== -1) continue;
    while (under < P && load[under] >= q) under++;
    let p: number;
    if (under < P) {
      p = under;
    } else {
      while (load[spare] !== q || isCeil[spare] === 1) spare++;
      p = spare;
      isCeil[p] = 1;
      ceilUsed++;
    }
    chosen[l] = p;
    load[p]++;
  }

  const out = new Map<string, number>();
  for (let l = 0; l < M; l++) out.set(members[l], chosen[l]);
  return out;
}
