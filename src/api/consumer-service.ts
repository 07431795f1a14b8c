/** ConsumerService: Fetch by offset, and the consumer-group protocol (Heartbeat, LeaveGroup, offsets). */
import type { ConsumerServiceHandlers } from '../generated/sharelog/v1/ConsumerService.js';
import type { ConsumerCoordinator } from '../consumer-group/consumer-coordinator.js';
import type { LogStore } from '../storage/types.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { int32, int64, requireText } from './codec.js';
import { fetchRecords } from './fetch-handler.js';
import { unary, type HandlerContext } from './handler.js';
import { toTopicPartitions } from './share-codec.js';

export function consumerService(
  logStore: LogStore,
  coordinator: ConsumerCoordinator,
  ctx: HandlerContext,
  limits: Limits = DEFAULT_LIMITS,
): ConsumerServiceHandlers {
  return {
    Fetch: unary(ctx, 'ConsumerService.Fetch', (request, call) => fetchRecords(logStore, ctx, request, call, limits)),

    Heartbeat: unary(ctx, 'ConsumerService.Heartbeat', async (request) => {
      const result = await coordinator.heartbeat(
        requireText(request.groupId, 'group_id', 249),
        request.memberId,
        request.memberEpoch,
        request.topics,
        request.sessionTimeoutMs ?? undefined,
      );
      return {
        memberId: result.memberId,
        memberEpoch: result.memberEpoch,
        assignment: toTopicPartitions(result.assignment),
        heartbeatIntervalMs: result.heartbeatIntervalMs,
      };
    }),

    LeaveGroup: unary(ctx, 'ConsumerService.LeaveGroup', async (request) => {
      await coordinator.leave(requireText(request.groupId, 'group_id', 249), requireText(request.memberId, 'member_id', 64), request.memberEpoch);
      return {};
    }),

    CommitOffsets: unary(ctx, 'ConsumerService.CommitOffsets', async (request) => {
      const offsets = request.offsets.map((o, i) => ({
        topic: requireText(o.topic, `offsets[${i}].topic`, 249),
        partition: int32(o.partition, `offsets[${i}].partition`, 0, 2 ** 31 - 1),
        offset: int64(o.offset, `offsets[${i}].offset`),
        metadata: o.metadata,
      }));
      await coordinator.commit(requireText(request.groupId, 'group_id', 249), request.memberId, request.memberEpoch, offsets);
      return {};
    }),

    GetCommittedOffsets: unary(ctx, 'ConsumerService.GetCommittedOffsets', async (request) => {
      const offsets = await coordinator.committed(requireText(request.groupId, 'group_id', 249), request.topic || undefined);
      return { offsets };
    }),
  };
}
