/**
 * The ConsumerGroupStore over Redis: one hash per group, `topic/partition` -> JSON {offset, metadata}, and the set of
 * groups. A commit is one HSET of all its offsets, so the offsets of one commit land together.
 */
import type { Cluster, Redis } from 'ioredis';
import { ErrorCode, SharelogError } from '../../errors.js';
import type { ConsumerGroupStore, StoredOffset } from '../types.js';
import { consumerGroupKey, consumerGroupsKey } from './keys.js';

export class RedisConsumerGroupStore implements ConsumerGroupStore {
  constructor(private readonly redis: Redis | Cluster) {}

  async loadGroups(): Promise<Array<{ groupId: string; offsets: StoredOffset[] }>> {
    const groups = await this.redis.smembers(consumerGroupsKey());
    const out = [];
    for (const groupId of groups) {
      const fields = await this.redis.hgetall(consumerGroupKey(groupId));
      const offsets = Object.entries(fields).map(([tp, json]) => {
        const slash = tp.lastIndexOf('/');
        const { offset, metadata } = JSON.parse(json) as { offset: number; metadata: string };
        return { topic: tp.slice(0, slash), partition: Number(tp.slice(slash + 1)), offset, metadata };
      });
      out.push({ groupId, offsets });
    }
    return out;
  }

  async createGroup(groupId: string): Promise<void> {
    await this.redis.sadd(consumerGroupsKey(), groupId);
  }

  async commit(groupId: string, offsets: readonly StoredOffset[]): Promise<void> {
    if (!(await this.redis.sismember(consumerGroupsKey(), groupId))) {
      throw new SharelogError(ErrorCode.GROUP_NOT_FOUND, `consumer group "${groupId}" does not exist`);
    }
    const fields: string[] = [];
    for (const o of offsets) fields.push(`${o.topic}/${o.partition}`, JSON.stringify({ offset: o.offset, metadata: o.metadata }));
    await this.redis.hset(consumerGroupKey(groupId), ...fields);
  }

  async dropTopic(groupId: string, topic: string): Promise<void> {
    const fields = (await this.redis.hkeys(consumerGroupKey(groupId))).filter((tp) => tp.slice(0, tp.lastIndexOf('/')) === topic);
    if (fields.length > 0) await this.redis.hdel(consumerGroupKey(groupId), ...fields);
  }

  async deleteGroup(groupId: string): Promise<void> {
    if ((await this.redis.srem(consumerGroupsKey(), groupId)) === 0) {
      throw new SharelogError(ErrorCode.GROUP_NOT_FOUND, `consumer group "${groupId}" does not exist`);
    }
    await this.redis.del(consumerGroupKey(groupId));
  }

  async close(): Promise<void> {
    // The connection belongs to whoever made it (it is shared with the log store).
  }
}
