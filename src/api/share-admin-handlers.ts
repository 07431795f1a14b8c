/** The share-group RPCs of AdminService. */
import type { AdminServiceHandlers } from '../generated/sharelog/v1/AdminService.js';
import type { ShareGroupConfig as ShareGroupConfigProto } from '../generated/sharelog/v1/ShareGroupConfig.js';
import type { UpdateShareGroupConfigRequest__Output } from '../generated/sharelog/v1/UpdateShareGroupConfigRequest.js';
import { invalidArgument } from '../errors.js';
import type { ShareGroupConfig } from '../share-group/config.js';
import type { ShareAdmin, ShareOffsetSpec } from '../share-group/share-admin.js';
import { int32, int64, requireText } from './codec.js';
import { unary, type HandlerContext } from './handler.js';
import { toTopicPartitions } from './share-codec.js';

export type ShareAdminHandlers = Pick<
  AdminServiceHandlers,
  'DescribeShareGroup' | 'ResetShareGroupOffsets' | 'UpdateShareGroupConfig' | 'InspectShareRecords'
>;

export function toShareGroupConfigProto(c: ShareGroupConfig): ShareGroupConfigProto {
  return {
    recordLockDurationMs: c.recordLockDurationMs,
    deliveryCountLimit: c.deliveryCountLimit,
    maxInFlightRecords: c.maxInFlightRecords,
    autoOffsetReset: c.autoOffsetReset === 'earliest' ? 'OFFSET_RESET_EARLIEST' : 'OFFSET_RESET_LATEST',
    deadLetterTopic: c.deadLetterTopic,
    perKeyOrdering: c.perKeyOrdering,
    backoffInitialMs: c.backoffInitialMs,
    backoffMaxMs: c.backoffMaxMs,
    sessionTimeoutMs: c.sessionTimeoutMs,
    heartbeatIntervalMs: c.heartbeatIntervalMs,
    maxMembers: c.maxMembers,
  };
}

function configChange(r: UpdateShareGroupConfigRequest__Output): Partial<ShareGroupConfig> {
  const change: Partial<ShareGroupConfig> = {};
  const numeric = [
    ['recordLockDurationMs', r.recordLockDurationMs],
    ['deliveryCountLimit', r.deliveryCountLimit],
    ['maxInFlightRecords', r.maxInFlightRecords],
    ['backoffInitialMs', r.backoffInitialMs],
    ['backoffMaxMs', r.backoffMaxMs],
    ['sessionTimeoutMs', r.sessionTimeoutMs],
    ['heartbeatIntervalMs', r.heartbeatIntervalMs],
    ['maxMembers', r.maxMembers],
  ] as const;
  for (const [key, value] of numeric) if (value !== undefined && value !== null) change[key] = value;
  if (r.autoOffsetReset !== undefined && r.autoOffsetReset !== null) {
    if (r.autoOffsetReset === 'OFFSET_RESET_EARLIEST') change.autoOffsetReset = 'earliest';
    else if (r.autoOffsetReset === 'OFFSET_RESET_LATEST') change.autoOffsetReset = 'latest';
    else throw invalidArgument('auto_offset_reset must be OFFSET_RESET_EARLIEST or OFFSET_RESET_LATEST');
  }
  if (r.deadLetterTopic !== undefined && r.deadLetterTopic !== null) change.deadLetterTopic = r.deadLetterTopic;
  if (r.perKeyOrdering !== undefined && r.perKeyOrdering !== null) change.perKeyOrdering = r.perKeyOrdering;
  return change;
}

export function shareAdminHandlers(admin: ShareAdmin, ctx: HandlerContext): ShareAdminHandlers {
  return {
    DescribeShareGroup: unary(ctx, 'DescribeShareGroup', async (request) => {
      const d = await admin.describe(requireText(request.groupId, 'group_id', 249));
      return {
        groupId: d.groupId,
        state: d.state === 'EMPTY' ? 'GROUP_STATE_EMPTY' : 'GROUP_STATE_STABLE',
        config: toShareGroupConfigProto(d.config),
        members: d.members.map((m) => ({
          memberId: m.memberId,
          memberEpoch: m.memberEpoch,
          clientHost: m.clientHost,
          subscribedTopics: m.topics,
          assignment: toTopicPartitions(m.assignment),
          acquired: m.acquired,
        })),
        partitions: d.partitions,
      };
    }),

    ResetShareGroupOffsets: unary(ctx, 'ResetShareGroupOffsets', async (request) => {
      const groupId = requireText(request.groupId, 'group_id', 249);
      const topic = requireText(request.topic, 'topic', 249);
      let spec: ShareOffsetSpec;
      if (request.spec === 'earliest' && request.earliest) spec = { kind: 'earliest' };
      else if (request.spec === 'latest' && request.latest) spec = { kind: 'latest' };
      else if (request.spec === 'offset') spec = { kind: 'offset', offset: int64(request.offset, 'offset') };
      else if (request.spec === 'timestampMs') spec = { kind: 'timestamp', timestampMs: int64(request.timestampMs, 'timestamp_ms') };
      else throw invalidArgument('set one of earliest, latest, offset or timestamp_ms');
      const partitions = await admin.resetOffsets(groupId, topic, spec, request.dryRun);
      return {
        partitions: partitions.map((p) => ({ partition: p.partition, previousStartOffset: p.previousOffset, newStartOffset: p.newOffset })),
      };
    }),

    UpdateShareGroupConfig: unary(ctx, 'UpdateShareGroupConfig', async (request) => {
      const config = await admin.updateConfig(requireText(request.groupId, 'group_id', 249), configChange(request));
      return { config: toShareGroupConfigProto(config) };
    }),

    InspectShareRecords: unary(ctx, 'InspectShareRecords', async (request) => {
      const result = await admin.inspect(
        requireText(request.groupId, 'group_id', 249),
        requireText(request.topic, 'topic', 249),
        int32(request.partition, 'partition', 0, 2 ** 31 - 1),
        int64(request.firstOffset, 'first_offset'),
        int64(request.lastOffset, 'last_offset'),
      );
      return {
        startOffset: result.startOffset,
        endOffset: result.endOffset,
        records: result.records.map((r) => ({
          offset: r.offset,
          state: `RECORD_STATE_${r.state}` as never,
          deliveryCount: r.deliveryCount,
          memberId: r.memberId ?? '',
          lockExpiresAtMs: r.lockExpiresAt ?? 0,
          leaseToken: r.leaseToken ?? 0,
          availableAtMs: r.availableAt ?? 0,
          attempts: r.attempts.map((a) => ({
            memberId: a.memberId,
            acquiredAtMs: a.acquiredAt,
            finishedAtMs: a.finishedAt ?? 0,
            outcome: `ATTEMPT_OUTCOME_${a.outcome}` as never,
            reason: a.reason,
          })),
        })),
      };
    }),
  };
}
