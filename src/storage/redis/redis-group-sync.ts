/**
 * Group membership over Redis, shared by every server: each group's membership is one JSON document with a
 * version. A change loads the newest document (when its version moved), runs on it, and saves it with the
 * compare-and-set script lua/group-cas.lua; a conflict (another server changed the group meanwhile) reloads and
 * runs the change again. A change must therefore be safe to run twice: the coordinators' are (releasing what a
 * member holds, creating share-partitions and pushing assignments are all idempotent).
 * Every save is announced on a channel, so servers refresh the groups they serve at once (Subscribe streams get
 * their new assignment, long-polls wake) instead of at their next sweep.
 */
import type { Cluster, Redis } from 'ioredis';
import { ErrorCode, SharelogError } from '../../errors.js';
import type { GroupSync, SyncedGroup } from '../types.js';
import { GROUP_STATE_CHANNEL, groupStateKey } from './keys.js';
import { commandName, defineScripts, runScript } from './scripts.js';

/** Conflicts in a row before a change gives up with a retriable error. */
const MAX_ATTEMPTS = 50;
/** A member's activity is written at most this often per server. */
const TOUCH_EVERY_MS = 1000;
/** Activity is kept in the state hash as `seen:<member id>` fields, so deleting the group deletes it too. */
const SEEN = 'seen:';

export class RedisGroupSync implements GroupSync {
  readonly shared = true;
  private readonly listeners: Array<(syncKey: string) => void> = [];
  /** `<sync key>\0<member>` -> when this server last wrote that member's activity. */
  private readonly touched = new Map<string, number>();

  private constructor(
    private readonly redis: Redis | Cluster,
    private readonly subscriber: Redis | Cluster,
  ) {}

  static async open(redis: Redis | Cluster): Promise<RedisGroupSync> {
    defineScripts(redis);
    const subscriber = redis.duplicate();
    const sync = new RedisGroupSync(redis, subscriber);
    subscriber.on('message', (channel: string, key: string) => {
      if (channel !== GROUP_STATE_CHANNEL) return;
      // The key is `sl:group:{<sync key>}`.
      const syncKey = key.slice(key.indexOf('{') + 1, key.lastIndexOf('}'));
      for (const l of sync.listeners) l(syncKey);
    });
    await subscriber.subscribe(GROUP_STATE_CHANNEL);
    return sync;
  }

  async run<T>(group: SyncedGroup, change: () => Promise<T>): Promise<T> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      await this.refresh(group);
      const before = group.exportState();
      let result: T;
      try {
        result = await change();
      } catch (err) {
        // The change may have touched the local copy before it failed: take the stored one next time.
        group.syncVersion = -1;
        throw err;
      }
      const after = group.exportState();
      if (after === before && group.syncVersion > 0) return result;
      const version = Number(
        await runScript(this.redis, commandName('group-cas'), groupStateKey(group.syncKey), Math.max(0, group.syncVersion), after, GROUP_STATE_CHANNEL),
      );
      if (version > 0) {
        group.syncVersion = version;
        return result;
      }
      group.syncVersion = -1;
    }
    throw new SharelogError(ErrorCode.BACKEND_UNAVAILABLE, `group ${group.syncKey} changed on other servers ${MAX_ATTEMPTS} times in a row; retry`, {
      retriable: true,
    });
  }

  async refresh(group: SyncedGroup): Promise<boolean> {
    const key = groupStateKey(group.syncKey);
    const [version, state] = await this.redis.hmget(key, 'v', 's');
    const stored = Number(version ?? 0);
    if (stored === group.syncVersion) return false;
    if (state === null) {
      // Nothing stored (yet, or any more): this server's copy is the one the next save starts from.
      group.syncVersion = 0;
      return false;
    }
    group.importState(state);
    group.syncVersion = stored;
    return true;
  }

  touch(group: SyncedGroup, memberId: string, now: number): void {
    const id = `${group.syncKey}\0${memberId}`;
    if (now - (this.touched.get(id) ?? 0) < TOUCH_EVERY_MS) return;
    this.touched.set(id, now);
    // Best effort: a lost write only means the member relies on its heartbeats, as it must anyway.
    void this.redis.hset(groupStateKey(group.syncKey), `${SEEN}${memberId}`, now).catch(() => undefined);
  }

  async lastActive(group: SyncedGroup, memberIds: readonly string[]): Promise<Map<string, number>> {
    const key = groupStateKey(group.syncKey);
    const fields = await this.redis.hgetall(key);
    const members = new Set(memberIds);
    const out = new Map<string, number>();
    const gone: string[] = [];
    for (const [field, value] of Object.entries(fields)) {
      if (!field.startsWith(SEEN)) continue;
      const memberId = field.slice(SEEN.length);
      if (members.has(memberId)) out.set(memberId, Number(value));
      else gone.push(field);
    }
    if (gone.length > 0) await this.redis.hdel(key, ...gone);
    for (const id of [...this.touched.keys()]) {
      if (id.startsWith(`${group.syncKey}\0`) && !members.has(id.slice(group.syncKey.length + 1))) this.touched.delete(id);
    }
    return out;
  }

  async remove(group: SyncedGroup): Promise<void> {
    await this.redis.del(groupStateKey(group.syncKey));
    await this.redis.publish(GROUP_STATE_CHANNEL, groupStateKey(group.syncKey));
  }

  onChange(listener: (syncKey: string) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    await this.subscriber.quit().catch(() => undefined);
  }
}
