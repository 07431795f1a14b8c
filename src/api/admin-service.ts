/**
 * AdminService: topic administration here; group administration is delegated to the group coordinators.
 */
import type { AdminServiceHandlers } from '../generated/sharelog/v1/AdminService.js';
import type { TopicDescription } from '../generated/sharelog/v1/TopicDescription.js';
import type { LogStore } from '../storage/types.js';
import { int32, int64, requireText } from './codec.js';
import { unary, type HandlerContext } from './handler.js';

export type TopicAdminHandlers = Pick<
  AdminServiceHandlers,
  'CreateTopic' | 'DeleteTopic' | 'ListTopics' | 'DescribeTopic' | 'CreatePartitions'
>;

export function topicAdminHandlers(store: LogStore, ctx: HandlerContext): TopicAdminHandlers {
  async function describe(name: string): Promise<TopicDescription> {
    const info = await store.getTopic(name);
    const partitions = await store.describePartitions(name);
    return {
      name: info.name,
      partitions,
      config: { retentionMs: info.config.retentionMs, retentionBytes: info.config.retentionBytes },
    };
  }

  return {
    CreateTopic: unary(ctx, 'CreateTopic', async (request) => {
      const name = requireText(request.name, 'name', 249);
      const partitions = int32(request.partitions, 'partitions', 1, 10_000);
      await store.createTopic(name, partitions, {
        retentionMs: int64(request.retentionMs, 'retention_ms', -1),
        retentionBytes: int64(request.retentionBytes, 'retention_bytes', -1),
      });
      return { topic: await describe(name) };
    }),
    DeleteTopic: unary(ctx, 'DeleteTopic', async (request) => {
      await store.deleteTopic(requireText(request.name, 'name', 249));
      return {};
    }),
    ListTopics: unary(ctx, 'ListTopics', async () => {
      const topics = await store.listTopics();
      return { topics: topics.map((t) => ({ name: t.name, partitions: t.partitions })) };
    }),
    DescribeTopic: unary(ctx, 'DescribeTopic', async (request) => {
      return { topic: await describe(requireText(request.name, 'name', 249)) };
    }),
    CreatePartitions: unary(ctx, 'CreatePartitions', async (request) => {
      const name = requireText(request.name, 'name', 249);
      await store.createPartitions(name, int32(request.partitions, 'partitions', 1, 10_000));
      return { topic: await describe(name) };
    }),
  };
}
