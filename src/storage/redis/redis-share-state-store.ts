/**
 * The ShareStateStore over Redis (single server or Cluster). Each share-partition is nine keys in the slot of its
 * topic-partition (keys.ts sharePartitionKeys), changed only by the Lua scripts of lua/share/, one script per
 * operation, so every acquire/acknowledge/expiry is atomic across all servers, and lock deadlines come from Redis's
 * own clock (TIME). Records made acquirable again are announced on a pub/sub channel so long-polls on every
 * server wake up; a periodic sweep (the coordinator's tick calling expire) gives back locks nobody tripped over.
 *
 * What the embedded store has and this one does not (documented in the README): per-key ordering (a config that
 * turns it on is refused with INVALID_ARGUMENT).
 * Durability is Redis's: a change is durable once Redis has executed it, subject to its appendfsync policy.
 */
import type { Cluster, Redis } from 'ioredis';
import {
  rangeArgumentError,
  truncateReason,
  type AckRange,
  type AckResult,
  type AcquiredBatch,
  type ArchivedRecord,
  type Attempt,
  type AttemptOutcome,
  type FailureOutcome,
  type InspectedRecord,
  type PreviousFailure,
  type RecordState,
  type ReleaseResult,
} from '../../ack-tracker/index.js';
import { DEFAULT_SHARE_PARTITION_CONFIG, INSPECT_LIMIT } from '../../ack-tracker/index.js';
import { ErrorCode, SharelogError, invalidArgument } from '../../errors.js';
import { DEFAULT_SHARE_GROUP_CONFIG, type ShareGroupConfig } from '../../share-group/config.js';
import type { ArchivedHandler, SharePartitionSummary, ShareStateStore, StoredShareGroup, TopicPartition } from '../types.js';
import {
  SHARE_AVAILABLE_CHANNEL,
  SHARE_GROUPS_CHANNEL,
  partitionKeys,
  shareGroupPartitionsKey,
  shareGroupsKey,
  sharePartitionKeys,
} from './keys.js';
import { commandName, defineScripts, runScript, type ShareScript } from './scripts.js';

type Reply = Array<string | number | Reply>;

const tpKey = (tp: TopicPartition) => `${tp.topic}/${tp.partition}`;

function parseTp(key: string): TopicPartition {
  const slash = key.lastIndexOf('/');
  return { topic: key.slice(0, slash), partition: Number(key.slice(slash + 1)) };
}

/** A group's share-partitions from the members of its partitions set, in a stable order. */
const listedPartitions = (members: string[]): TopicPartition[] => members.sort().map(parseTp);

const STATES: Record<string, RecordState> = { V: 'AVAILABLE', Q: 'ACQUIRED', A: 'ACKNOWLEDGED', X: 'ARCHIVED', U: 'AVAILABLE' };
const NO_ATTEMPTS: readonly Attempt[] = Object.freeze([]);

export class RedisShareStateStore implements ShareStateStore {
  readonly readsLogBounds = true;
  /** Configs of the groups this server has seen, refreshed on every change announcement. */
  private readonly configs = new Map<string, ShareGroupConfig>();
  /**
   * Per group, the share-partitions (`topic/partition`) known to exist: they only go away by admin calls, which
   * clear this.
   */
  private readonly known = new Map<string, Set<string>>();
  /** Per share-partition, the log start offset last applied by advanceStart: most calls change nothing. */
  private readonly advancedTo = new Map<string, number>();
  private onArchived: ArchivedHandler = async () => undefined;
  private readonly availableListeners: Array<(groupId: string) => void> = [];
  private readonly changedListeners: Array<(groupId: string) => void> = [];

  private constructor(
    private readonly redis: Redis | Cluster,
    private readonly subscriber: Redis | Cluster,
  ) {}

  /** Uses `redis` for commands and a duplicate of it for the two pub/sub channels. */
  static async open(redis: Redis | Cluster): Promise<RedisShareStateStore> {
    defineScripts(redis);
    const subscriber = redis.duplicate();
    const store = new RedisShareStateStore(redis, subscriber);
    subscriber.on('message', (channel: string, groupId: string) => {
      if (channel === SHARE_AVAILABLE_CHANNEL) for (const l of store.availableListeners) l(groupId);
      if (channel === SHARE_GROUPS_CHANNEL) void store.refreshGroup(groupId);
    });
    await subscriber.subscribe(SHARE_AVAILABLE_CHANNEL, SHARE_GROUPS_CHANNEL);
    return store;
  }

  setArchivedHandler(handler: ArchivedHandler): void {
    this.onArchived = handler;
  }

  onRecordsAvailable(listener: (groupId: string) => void): void {
    this.availableListeners.push(listener);
  }

  onGroupChanged(listener: (groupId: string) => void): void {
    this.changedListeners.push(listener);
  }

  // ------------------------------------------------------------------------------------------------ groups

  async loadGroups(): Promise<StoredShareGroup[]> {
    const all = await this.redis.hgetall(shareGroupsKey());
    const out: StoredShareGroup[] = [];
    for (const [groupId, json] of Object.entries(all)) {
      const config = { ...DEFAULT_SHARE_GROUP_CONFIG, ...(JSON.parse(json) as Partial<ShareGroupConfig>) };
      this.configs.set(groupId, config);
      out.push({ groupId, config });
    }
    return out;
  }

  async saveGroup(groupId: string, config: ShareGroupConfig): Promise<void> {
    if (config.perKeyOrdering) throw invalidArgument('per_key_ordering is not supported by the redis backend');
    this.configs.set(groupId, config);
    await this.redis.hset(shareGroupsKey(), groupId, JSON.stringify(config));
    await this.redis.publish(SHARE_GROUPS_CHANNEL, groupId);
  }

  async deleteGroup(groupId: string): Promise<void> {
    await this.config(groupId);
    for (const tp of await this.partitions(groupId)) await this.dropPartition(groupId, tp);
    await this.redis.del(shareGroupPartitionsKey(groupId));
    await this.redis.hdel(shareGroupsKey(), groupId);
    this.configs.delete(groupId);
    await this.redis.publish(SHARE_GROUPS_CHANNEL, groupId);
  }

  /** Re-reads one group's config after another server announced a change (or its deletion). */
  private async refreshGroup(groupId: string): Promise<void> {
    const json = await this.redis.hget(shareGroupsKey(), groupId).catch(() => undefined);
    if (json === undefined) return;
    if (json === null) this.configs.delete(groupId);
    else this.configs.set(groupId, { ...DEFAULT_SHARE_GROUP_CONFIG, ...(JSON.parse(json) as Partial<ShareGroupConfig>) });
    this.known.delete(groupId);
    for (const key of [...this.advancedTo.keys()]) if (key.startsWith(`${groupId}\0`)) this.advancedTo.delete(key);
    for (const l of this.changedListeners) l(groupId);
  }

  private async config(groupId: string): Promise<ShareGroupConfig> {
    const cached = this.configs.get(groupId);
    if (cached) return cached;
    const json = await this.redis.hget(shareGroupsKey(), groupId);
    if (json === null) throw new SharelogError(ErrorCode.GROUP_NOT_FOUND, `share group "${groupId}" does not exist`);
    const config = { ...DEFAULT_SHARE_GROUP_CONFIG, ...(JSON.parse(json) as Partial<ShareGroupConfig>) };
    this.configs.set(groupId, config);
    return config;
  }

  // ------------------------------------------------------------------------------------- share-partitions

  async partitions(groupId: string): Promise<TopicPartition[]> {
    await this.config(groupId);
    return listedPartitions(await this.redis.smembers(shareGroupPartitionsKey(groupId)));
  }

  async hasPartition(groupId: string, tp: TopicPartition): Promise<boolean> {
    if (this.isKnown(groupId, tp)) return true;
    if (!this.configs.has(groupId) && (await this.redis.hexists(shareGroupsKey(), groupId)) === 0) return false;
    const exists = (await this.redis.sismember(shareGroupPartitionsKey(groupId), tpKey(tp))) === 1;
    if (exists) this.addKnown(groupId, tp);
    return exists;
  }

  async ensurePartition(groupId: string, tp: TopicPartition, startOffset: number): Promise<boolean> {
    await this.config(groupId);
    // The registry entry goes first: a crash in between leaves an entry whose state `ensure` creates next time.
    await this.redis.sadd(shareGroupPartitionsKey(groupId), tpKey(tp));
    const created = Number(await this.run('ensure', groupId, tp, startOffset)) === 1;
    this.addKnown(groupId, tp);
    return created;
  }

  async dropPartition(groupId: string, tp: TopicPartition): Promise<void> {
    this.known.get(groupId)?.delete(tpKey(tp));
    this.advancedTo.delete(`${groupId}\0${tpKey(tp)}`);
    await this.redis.srem(shareGroupPartitionsKey(groupId), tpKey(tp));
    // One DEL: the keys share the partition's hash tag, so they sit in one Cluster slot.
    await this.redis.del(...sharePartitionKeys(groupId, tp.topic, tp.partition));
    // Other servers drop what they cached of the group (the partition's existence, its advanced start).
    await this.redis.publish(SHARE_GROUPS_CHANNEL, groupId);
  }

  /** No `keyOf`: saveGroup refuses per-key ordering, so there is never a key to honour. */
  async acquire(groupId: string, tp: TopicPartition, memberId: string, maxRecords: number, logEndOffset: number): Promise<AcquiredBatch[]> {
    const config = await this.config(groupId);
    await this.requirePartition(groupId, tp);
    // The third element (how many locks this call expired) is for the script's own announcement only.
    // The tenth key, the log's meta hash, is read by the script when logEndOffset is LOG_END_FROM_LOG.
    const keys = [...sharePartitionKeys(groupId, tp.topic, tp.partition), partitionKeys(tp.topic, tp.partition).meta];
    const args = [memberId, maxRecords, logEndOffset, ...configArgs(config), SHARE_AVAILABLE_CHANNEL, groupId];
    const [flat, archived] = (await this.runWithKeys('acquire', keys, args)) as [Reply, Reply, number];
    await this.archived(groupId, config, tp, parseArchived(archived));
    const batches: AcquiredBatch[] = [];
    for (let i = 0; i < flat.length; i += 9) {
      const batch: AcquiredBatch = {
        firstOffset: Number(flat[i]),
        lastOffset: Number(flat[i + 1]),
        deliveryCount: Number(flat[i + 2]),
        leaseToken: Number(flat[i + 3]),
        lockExpiresAt: Number(flat[i + 4]),
      };
      const failure = parseFailure(flat, i + 5);
      if (failure) batch.previousFailure = failure;
      batches.push(batch);
    }
    return batches;
  }

  async acknowledge(groupId: string, tp: TopicPartition, memberId: string, ranges: readonly AckRange[]): Promise<AckResult[]> {
    const config = await this.config(groupId);
    await this.requirePartition(groupId, tp);
    const results: AckResult[] = new Array(ranges.length);
    const args: Array<string | number> = [];
    const sent: number[] = [];
    ranges.forEach((range, i) => {
      const bad = rangeArgumentError(range);
      if (bad !== null) {
        results[i] = { error: 'INVALID_ARGUMENT', message: bad };
        return;
      }
      sent.push(i);
      args.push(range.firstOffset, range.lastOffset, range.type, range.releaseDelayMs ?? 0, truncateReason(range.reason), range.leaseToken ?? -1);
    });
    if (sent.length === 0) return results;
    const [replies, lazily] = (await this.run(
      'acknowledge',
      groupId,
      tp,
      memberId,
      ...configArgs(config),
      SHARE_AVAILABLE_CHANNEL,
      groupId,
      sent.length,
      ...args,
    )) as [Reply[], Reply];
    const archivedAll: ArchivedRecord[] = parseArchived(lazily);
    replies.forEach(([code, message, deadline, archivedFlat], j) => {
      const result: AckResult = code === '' ? { error: null } : { error: code as AckResult['error'], message: String(message) };
      const archived = parseArchived(archivedFlat as Reply);
      if (archived.length > 0) {
        result.archived = archived;
        archivedAll.push(...archived);
      }
      if (Number(deadline) > 0) result.lockExpiresAt = Number(deadline);
      results[sent[j]] = result;
    });
    await this.archived(groupId, config, tp, archivedAll);
    return results;
  }

  async releaseMember(groupId: string, tp: TopicPartition, memberId: string): Promise<ReleaseResult> {
    const config = await this.config(groupId);
    await this.requirePartition(groupId, tp);
    const [released, archivedFlat] = (await this.run(
      'release-member',
      groupId,
      tp,
      memberId,
      ...configArgs(config),
      SHARE_AVAILABLE_CHANNEL,
      groupId,
    )) as [number, Reply];
    const archived = parseArchived(archivedFlat);
    await this.archived(groupId, config, tp, archived);
    return { released: Number(released), archived };
  }

  async expire(groupId: string): Promise<number> {
    const config = await this.config(groupId);
    let changed = 0;
    for (const tp of await this.partitions(groupId)) {
      const [n, archivedFlat] = (await this.run('expire', groupId, tp, ...configArgs(config), SHARE_AVAILABLE_CHANNEL, groupId)) as [
        number,
        Reply,
        number,
      ];
      changed += Number(n);
      await this.archived(groupId, config, tp, parseArchived(archivedFlat));
    }
    return changed;
  }

  /** Deadlines live in Redis: the coordinator's periodic sweep (expire) is the timer. */
  nextDeadline(): number | undefined {
    return undefined;
  }

  /** Always true: the answer is in Redis, and asking costs as much as acquiring. */
  hasAcquirable(): boolean {
    return true;
  }

  async describe(groupId: string, tp: TopicPartition): Promise<SharePartitionSummary> {
    await this.requirePartition(groupId, tp);
    const [s, e, available, acquired, acknowledged, archived, delayed] = ((await this.run('describe', groupId, tp)) as number[]).map(Number);
    return { ...tp, startOffset: s, endOffset: e, counts: { available, acquired, acknowledged, archived, delayed } };
  }

  /**
   * Asked before every fetch. The counts of the share-partitions this server already knows are read together
   * with the group's list of them: one round trip, and a second only for share-partitions new to this server.
   * On a single server that round trip is one pipeline, one socket write; a Cluster cannot pipeline keys of
   * different slots, so there the commands go out one by one (still without waiting for each other).
   */
  async acquiredBy(groupId: string, memberId: string): Promise<number> {
    const heldKey = (tp: TopicPartition) => sharePartitionKeys(groupId, tp.topic, tp.partition)[7];
    const held = (tp: TopicPartition) => this.redis.hget(heldKey(tp), memberId);
    const guessed = [...(this.known.get(groupId) ?? [])];
    let listed: TopicPartition[];
    let counts: Array<string | null>;
    if (this.redis.isCluster) {
      [listed, ...counts] = await Promise.all([this.partitions(groupId), ...guessed.map((k) => held(parseTp(k)))]);
    } else {
      await this.config(groupId);
      const pipeline = this.redis.pipeline().smembers(shareGroupPartitionsKey(groupId));
      for (const k of guessed) pipeline.hget(heldKey(parseTp(k)), memberId);
      const replies = (await pipeline.exec())!;
      for (const [err] of replies) if (err) throw err;
      listed = listedPartitions(replies[0][1] as string[]);
      counts = replies.slice(1).map(([, n]) => n as string | null);
    }
    const byKey = new Map(guessed.map((k, i) => [k, counts[i]]));
    const missing = listed.filter((tp) => !byKey.has(tpKey(tp)));
    for (const [i, n] of (await Promise.all(missing.map(held))).entries()) byKey.set(tpKey(missing[i]), n);
    return listed.reduce((sum, tp) => sum + Number(byKey.get(tpKey(tp)) ?? 0), 0);
  }

  async inspect(groupId: string, tp: TopicPartition, first: number, last: number, logEndOffset: number): Promise<InspectedRecord[]> {
    await this.requirePartition(groupId, tp);
    const rows = (await this.run('inspect', groupId, tp, first, last, logEndOffset, INSPECT_LIMIT)) as Reply[];
    return rows.map((row) => {
      const state = String(row[1]);
      const acquired = state === 'Q';
      const due = Number(row[6]);
      return {
        offset: Number(row[0]),
        state: STATES[state],
        deliveryCount: Number(row[2]),
        memberId: acquired ? String(row[3]) : null,
        lockExpiresAt: acquired ? Number(row[4]) : null,
        leaseToken: acquired ? Number(row[5]) : null,
        availableAt: state === 'V' && due > 0 ? due : null,
        attempts: parseAttempts(row[11] as Reply),
      };
    });
  }

  async reset(groupId: string, tp: TopicPartition, offset: number): Promise<void> {
    await this.requirePartition(groupId, tp);
    this.advancedTo.delete(`${groupId}\0${tpKey(tp)}`);
    await this.run('reset', groupId, tp, offset);
  }

  async advanceStart(groupId: string, tp: TopicPartition, logStartOffset: number): Promise<void> {
    const key = `${groupId}\0${tpKey(tp)}`;
    // Called before every acquire: skip the round trip unless retention moved the log start since last time.
    if ((this.advancedTo.get(key) ?? -1) >= logStartOffset && this.isKnown(groupId, tp)) return;
    await this.requirePartition(groupId, tp);
    await this.run('advance-start', groupId, tp, logStartOffset);
    this.advancedTo.set(key, logStartOffset);
  }

  async close(): Promise<void> {
    await this.subscriber.quit().catch(() => undefined);
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private run(script: ShareScript, groupId: string, tp: TopicPartition, ...args: Array<string | number>): Promise<unknown> {
    return this.runWithKeys(script, sharePartitionKeys(groupId, tp.topic, tp.partition), args);
  }

  private runWithKeys(script: ShareScript, keys: string[], args: Array<string | number>): Promise<unknown> {
    return runScript(this.redis, commandName(script, true), ...keys, ...args).catch(
      (err: unknown) => {
        throw new SharelogError(ErrorCode.BACKEND_UNAVAILABLE, `redis ${script} failed: ${(err as Error).message}`, {
          cause: err,
          retriable: true,
        });
      },
    );
  }

  private isKnown(groupId: string, tp: TopicPartition): boolean {
    return this.known.get(groupId)?.has(tpKey(tp)) ?? false;
  }

  private addKnown(groupId: string, tp: TopicPartition): void {
    let set = this.known.get(groupId);
    if (!set) this.known.set(groupId, (set = new Set()));
    set.add(tpKey(tp));
  }

  private async requirePartition(groupId: string, tp: TopicPartition): Promise<void> {
    if (await this.hasPartition(groupId, tp)) return;
    await this.config(groupId);
    throw new SharelogError(ErrorCode.NOT_ASSIGNED, `share group "${groupId}" has no state for ${tp.topic} partition ${tp.partition}`);
  }

  /**
   * Hands archived records to the dead-letter handler. The archive is already durable in Redis: a server crash
   * right here loses the dead-letter copy (never the archive itself); see the README.
   */
  private async archived(groupId: string, config: ShareGroupConfig, tp: TopicPartition, archived: ArchivedRecord[]): Promise<void> {
    if (archived.length > 0) await this.onArchived(groupId, config, tp, archived);
  }
}

function configArgs(c: ShareGroupConfig): number[] {
  const kept = DEFAULT_SHARE_PARTITION_CONFIG.maxAttemptsKept;
  return [c.recordLockDurationMs, c.deliveryCountLimit, c.maxInFlightRecords, c.backoffInitialMs, c.backoffMaxMs, kept];
}

/** (member, reason, failed at, outcome) at `i`; undefined when the record never failed. */
function parseFailure(flat: Reply, i: number): PreviousFailure | undefined {
  const memberId = String(flat[i]);
  if (memberId === '') return undefined;
  return { memberId, reason: String(flat[i + 1]), failedAt: Number(flat[i + 2]), outcome: String(flat[i + 3]) as FailureOutcome };
}

/** Flat (member, acquired at, finished at, outcome, reason) tuples, oldest first. */
function parseAttempts(flat: Reply): readonly Attempt[] {
  if (flat.length === 0) return NO_ATTEMPTS;
  const out: Attempt[] = [];
  for (let i = 0; i < flat.length; i += 5) {
    const finishedAt = Number(flat[i + 2]);
    out.push({
      memberId: String(flat[i]),
      acquiredAt: Number(flat[i + 1]),
      finishedAt: finishedAt > 0 ? finishedAt : null,
      outcome: String(flat[i + 3]) as AttemptOutcome,
      reason: String(flat[i + 4]),
    });
  }
  return out;
}

/** Flat (offset, count, cause, last failure reason, member) tuples from the scripts. */
function parseArchived(flat: Reply): ArchivedRecord[] {
  const out: ArchivedRecord[] = [];
  for (let i = 0; i < flat.length; i += 5) {
    const cause = String(flat[i + 2]) as ArchivedRecord['cause'];
    const rec: ArchivedRecord = {
      offset: Number(flat[i]),
      deliveryCount: Number(flat[i + 1]),
      reason: cause === 'REJECTED' ? 'rejected' : 'delivery limit reached',
      cause,
    };
    const lastFailureReason = String(flat[i + 3]);
    if (lastFailureReason !== '') rec.lastFailureReason = lastFailureReason;
    const memberId = String(flat[i + 4]);
    if (memberId !== '') rec.memberId = memberId;
    out.push(rec);
  }
  return out;
}
