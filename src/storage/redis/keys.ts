/**
 * The only place that formats Redis keys. Every key of one partition carries the hash tag `{<topic>/<partition>}`,
 * so the partition's log, metadata and producer state sit in one Redis Cluster slot and one script can touch them
 * atomically. Scripts get their keys in KEYS, never build them.
 */
export const PREFIX = 'sl';

export const topicsKey = (): string => `${PREFIX}:topics`;

export function partitionKeys(topic: string, partition: number) {
  const tag = `{${topic}/${partition}}`;
  return {
    meta: `${PREFIX}:${tag}:meta`,
    log: `${PREFIX}:${tag}:log`,
    producers: `${PREFIX}:${tag}:producers`,
  };
}

/** Pub/sub channel announcing new records of a partition (message: the new end offset). */
export const dataChannel = (topic: string, partition: number): string => `${PREFIX}:data:{${topic}/${partition}}`;
export const DATA_CHANNEL_PATTERN = `${PREFIX}:data:*`;

export const consumerGroupsKey = (): string => `${PREFIX}:consumer-groups`;
/** Tagged by the group id, so one group's offsets sit in one slot. */
export const consumerGroupKey = (groupId: string): string => `${PREFIX}:cg:{${groupId}}:offsets`;

/** The registry of share groups: group id -> JSON config. */
export const shareGroupsKey = (): string => `${PREFIX}:share-groups`;
/** The share-partitions a share group has state for (members `topic/partition`). */
export const shareGroupPartitionsKey = (groupId: string): string => `${PREFIX}:sg:{${groupId}}:partitions`;
/** Announces that records of a share group may be acquirable again (message: the group id). */
export const SHARE_AVAILABLE_CHANNEL = `${PREFIX}:share-available`;
/** Announces a share group's config change or deletion (message: the group id). */
export const SHARE_GROUPS_CHANNEL = `${PREFIX}:share-groups`;

/**
 * The nine keys of one share-partition, in the order the scripts of lua/share/ expect (see lua/share/lib.lua).
 * They carry the partition's hash tag, so a share-partition sits in the slot of its topic-partition's log.
 */
export function sharePartitionKeys(groupId: string, topic: string, partition: number): string[] {
  const base = `${PREFIX}:{${topic}/${partition}}:sg:${groupId}`;
  return ['meta', 'records', 'unfinished', 'archived', 'locks', 'delays', 'ready', 'held', 'runs'].map((k) => `${base}:${k}`);
}

/** A group's membership state (hash v, s), tagged by the sync key so it sits in one slot. */
export const groupStateKey = (syncKey: string): string => `${PREFIX}:group:{${syncKey}}`;
/** Announces a membership change (message: the changed group's state key). */
export const GROUP_STATE_CHANNEL = `${PREFIX}:group-state`;
