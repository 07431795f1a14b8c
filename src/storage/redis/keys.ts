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
