/**
 * Admin: AdminService calls with plain arguments. Responses are the generated message types (int64 fields as
 * decimal strings, enums as their names), which is what the CLI prints. Reads and calls that are safe to repeat
 * are retried; CreateTopic, DeleteTopic and DeleteGroup are not (a retry could report a misleading
 * TOPIC_EXISTS / TOPIC_NOT_FOUND / GROUP_NOT_FOUND for a first attempt that did succeed).
 */
import type { DescribeConsumerGroupResponse__Output } from '../generated/sharelog/v1/DescribeConsumerGroupResponse.js';
import type { DescribeShareGroupResponse__Output } from '../generated/sharelog/v1/DescribeShareGroupResponse.js';
import type { GroupListing__Output } from '../generated/sharelog/v1/GroupListing.js';
import type { InspectShareRecordsResponse__Output } from '../generated/sharelog/v1/InspectShareRecordsResponse.js';
import type { ResetConsumerGroupOffsetsRequest } from '../generated/sharelog/v1/ResetConsumerGroupOffsetsRequest.js';
import type { ResetConsumerGroupOffsetsResponse__Output } from '../generated/sharelog/v1/ResetConsumerGroupOffsetsResponse.js';
import type { ResetShareGroupOffsetsRequest } from '../generated/sharelog/v1/ResetShareGroupOffsetsRequest.js';
import type { ResetShareGroupOffsetsResponse__Output } from '../generated/sharelog/v1/ResetShareGroupOffsetsResponse.js';
import type { ShareGroupConfig__Output } from '../generated/sharelog/v1/ShareGroupConfig.js';
import type { TopicDescription__Output } from '../generated/sharelog/v1/TopicDescription.js';
import type { TopicListing__Output } from '../generated/sharelog/v1/TopicListing.js';
import type { UpdateShareGroupConfigRequest } from '../generated/sharelog/v1/UpdateShareGroupConfigRequest.js';
import type { SharelogClient } from './client.js';
import type { Int64 } from './records.js';

export interface CreateTopicOptions {
  /** 1..10000; default 1. */
  partitions?: number;
  /** 0 = server default, -1 = unlimited. */
  retentionMs?: Int64;
  /** Per partition; 0 = server default, -1 = unlimited. */
  retentionBytes?: Int64;
}

export type OffsetResetPolicy = 'earliest' | 'latest' | 'OFFSET_RESET_EARLIEST' | 'OFFSET_RESET_LATEST';

/** UpdateShareGroupConfig fields; unset fields keep their values. Bounds: see ShareGroupConfig in admin.proto. */
export interface ShareGroupConfigUpdate {
  recordLockDurationMs?: number;
  deliveryCountLimit?: number;
  maxInFlightRecords?: number;
  autoOffsetReset?: OffsetResetPolicy;
  /** '' disables dead-lettering. */
  deadLetterTopic?: string;
  perKeyOrdering?: boolean;
  backoffInitialMs?: number;
  backoffMaxMs?: number;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  maxMembers?: number;
}

export type ConsumerGroupResetSpec =
  | { toEarliest: true }
  | { toLatest: true }
  | { toOffset: Int64 }
  | { toTimestampMs: Int64 }
  | { shiftBy: Int64 };

export type ShareGroupResetSpec = { earliest: true } | { latest: true } | { offset: Int64 } | { timestampMs: Int64 };

const RETRY = { retry: true } as const;

export class Admin {
  constructor(private readonly client: SharelogClient) {}

  async createTopic(name: string, options: CreateTopicOptions = {}): Promise<TopicDescription__Output> {
    const response = await this.client.call('admin', 'CreateTopic', {
      name,
      partitions: options.partitions ?? 1,
      retentionMs: String(options.retentionMs ?? 0),
      retentionBytes: String(options.retentionBytes ?? 0),
    });
    return response.topic!;
  }

  async deleteTopic(name: string): Promise<void> {
    await this.client.call('admin', 'DeleteTopic', { name });
  }

  async listTopics(): Promise<TopicListing__Output[]> {
    return (await this.client.call('admin', 'ListTopics', {}, RETRY)).topics;
  }

  async describeTopic(name: string): Promise<TopicDescription__Output> {
    return (await this.client.call('admin', 'DescribeTopic', { name }, RETRY)).topic!;
  }

  /** Raises the partition count (a count equal to the current one changes nothing, so this is retried). */
  async createPartitions(name: string, partitions: number): Promise<TopicDescription__Output> {
    return (await this.client.call('admin', 'CreatePartitions', { name, partitions }, RETRY)).topic!;
  }

  async listGroups(type?: 'consumer' | 'share'): Promise<GroupListing__Output[]> {
    const filter = type === 'consumer' ? 'GROUP_TYPE_CONSUMER' : type === 'share' ? 'GROUP_TYPE_SHARE' : 'GROUP_TYPE_UNSPECIFIED';
    return (await this.client.call('admin', 'ListGroups', { type: filter }, RETRY)).groups;
  }

  describeConsumerGroup(groupId: string): Promise<DescribeConsumerGroupResponse__Output> {
    return this.client.call('admin', 'DescribeConsumerGroup', { groupId }, RETRY);
  }

  describeShareGroup(groupId: string): Promise<DescribeShareGroupResponse__Output> {
    return this.client.call('admin', 'DescribeShareGroup', { groupId }, RETRY);
  }

  async deleteGroup(groupId: string): Promise<void> {
    await this.client.call('admin', 'DeleteGroup', { groupId });
  }

  /** Moves a consumer group's committed offsets (only while it has no members). */
  resetConsumerGroupOffsets(
    groupId: string,
    topic: string,
    spec: ConsumerGroupResetSpec,
    options: { partitions?: number[]; dryRun?: boolean } = {},
  ): Promise<ResetConsumerGroupOffsetsResponse__Output> {
    const request: ResetConsumerGroupOffsetsRequest = { groupId, topic, partitions: options.partitions ?? [], dryRun: options.dryRun ?? false };
    Object.assign(request, int64Fields(spec));
    // shift_by moves relative to the committed offset: sending it twice would move twice.
    return this.client.call('admin', 'ResetConsumerGroupOffsets', request, { retry: !('shiftBy' in spec) });
  }

  /** Moves a share group's start offset in every partition of a topic (only while it has no members). */
  resetShareGroupOffsets(
    groupId: string,
    topic: string,
    spec: ShareGroupResetSpec,
    options: { dryRun?: boolean } = {},
  ): Promise<ResetShareGroupOffsetsResponse__Output> {
    const request: ResetShareGroupOffsetsRequest = { groupId, topic, dryRun: options.dryRun ?? false };
    Object.assign(request, int64Fields(spec));
    return this.client.call('admin', 'ResetShareGroupOffsets', request, RETRY);
  }

  /** Changes a share group's configuration (creating the group if needed) and returns the configuration in effect. */
  async updateShareGroupConfig(groupId: string, update: ShareGroupConfigUpdate): Promise<ShareGroupConfig__Output> {
    const { autoOffsetReset, ...rest } = update;
    const request: UpdateShareGroupConfigRequest = { groupId, ...rest };
    if (autoOffsetReset !== undefined) {
      request.autoOffsetReset = autoOffsetReset.startsWith('OFFSET_RESET_')
        ? (autoOffsetReset as 'OFFSET_RESET_EARLIEST')
        : autoOffsetReset === 'earliest'
          ? 'OFFSET_RESET_EARLIEST'
          : 'OFFSET_RESET_LATEST';
    }
    return (await this.client.call('admin', 'UpdateShareGroupConfig', request, RETRY)).config!;
  }

  /** Each record's state, delivery count, holder, lock and recent attempts, for an offset range (at most 1000). */
  inspectShareRecords(
    groupId: string,
    topic: string,
    partition: number,
    firstOffset: Int64,
    lastOffset: Int64 = firstOffset,
  ): Promise<InspectShareRecordsResponse__Output> {
    return this.client.call(
      'admin',
      'InspectShareRecords',
      { groupId, topic, partition, firstOffset: String(firstOffset), lastOffset: String(lastOffset) },
      RETRY,
    );
  }
}

/** int64 values of a reset spec as decimal strings (bigint is not a proto-loader input type). */
function int64Fields(spec: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, typeof v === 'boolean' ? v : String(v)]));
}
