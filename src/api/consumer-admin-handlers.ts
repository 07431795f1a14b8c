/** The consumer-group RPCs of AdminService. */
import type { AdminServiceHandlers } from '../generated/sharelog/v1/AdminService.js';
import { invalidArgument } from '../errors.js';
import type { ConsumerAdmin, ConsumerOffsetSpec } from '../consumer-group/consumer-admin.js';
import { int32, int64, requireText } from './codec.js';
import { unary, type HandlerContext } from './handler.js';
import { toTopicPartitions } from './share-codec.js';

const STATE = { EMPTY: 'GROUP_STATE_EMPTY', RECONCILING: 'GROUP_STATE_RECONCILING', STABLE: 'GROUP_STATE_STABLE' } as const;

export function consumerAdminHandlers(admin: ConsumerAdmin, ctx: HandlerContext): Pick<AdminServiceHandlers, 'DescribeConsumerGroup' | 'ResetConsumerGroupOffsets'> {
  return {
    DescribeConsumerGroup: unary(ctx, 'DescribeConsumerGroup', async (request) => {
      const d = await admin.describe(requireText(request.groupId, 'group_id', 249));
      return {
        groupId: d.groupId,
        state: STATE[d.state],
        members: d.members.map((m) => ({
          memberId: m.memberId,
          memberEpoch: m.memberEpoch,
          subscribedTopics: m.topics,
          assignment: toTopicPartitions(m.assignment),
        })),
        partitions: d.partitions.map((p) => ({ ...p, ownerMemberId: p.owner })),
      };
    }),

    ResetConsumerGroupOffsets: unary(ctx, 'ResetConsumerGroupOffsets', async (request) => {
      let spec: ConsumerOffsetSpec;
      if (request.spec === 'toEarliest' && request.toEarliest) spec = { kind: 'earliest' };
      else if (request.spec === 'toLatest' && request.toLatest) spec = { kind: 'latest' };
      else if (request.spec === 'toOffset') spec = { kind: 'offset', offset: int64(request.toOffset, 'to_offset') };
      else if (request.spec === 'toTimestampMs') spec = { kind: 'timestamp', timestampMs: int64(request.toTimestampMs, 'to_timestamp_ms') };
      else if (request.spec === 'shiftBy') spec = { kind: 'shift', by: int64(request.shiftBy, 'shift_by', -Number.MAX_SAFE_INTEGER) };
      else throw invalidArgument('set one of to_earliest, to_latest, to_offset, to_timestamp_ms or shift_by');
      const partitions = request.partitions.map((p, i) => int32(p, `partitions[${i}]`, 0, 2 ** 31 - 1));
      const plan = await admin.resetOffsets(
        requireText(request.groupId, 'group_id', 249),
        requireText(request.topic, 'topic', 249),
        partitions,
        spec,
        request.dryRun,
      );
      return { partitions: plan };
    }),
  };
}
