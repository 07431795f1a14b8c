/**
 * AdminService: topic administration here; group administration is delegated to the group coordinators.
 */
import type { AdminServiceHandlers } from '../generated/sharelog/v1/AdminService.js';
import type { TopicDescription } from '../generated/sharelog/v1/TopicDescription.js';
import { ErrorCode, SharelogError } from '../errors.js';
import type { LogStore } from '../storage/types.js';
import { int32, int64, requireText } from './codec.js';
import { unary, type HandlerContext } from './handler.js';

export type TopicAdminHandlers = Pick<
  AdminServiceHandlers,
  'CreateTopic' | 'DeleteTopic' | 'ListTopics' | 'DescribeTopic' | 'CreatePartitions'
>;

/** What the groups must forget when a topic goes: state kept per topic name would outlive it. */
export interface TopicLifecycle {
  /** Drops every group's state for the topic; idempotent. */
  forgetTopic(name: string): Promise<unknown>;
}

export function topicAdminHandlers(store: LogStore, ctx: HandlerContext, groups?: TopicLifecycle): TopicAdminHandlers {
  async function exists(name: string): Promise<boolean> {
    try {
      await store.getTopic(name);
      return true;
    } catch (err) {
      if (err instanceof SharelogError && err.code === ErrorCode.TOPIC_NOT_FOUND) return false;
      throw err;
    }
  }

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
      // Leftovers of an earlier topic of this name (a delete that failed half-way, a data dir from before
      // deletions cleaned up) must not apply to the new one.
      if (groups && !(await exists(name))) await groups.forgetTopic(name);
      await store.createTopic(name, partitions, {
        retentionMs: int64(request.retentionMs, 'retention_ms', -1),
        retentionBytes: int64(request.retentionBytes, 'retention_bytes', -1),
      });
      return { topic: await describe(name) };
    }),
    DeleteTopic: unary(ctx, 'DeleteTopic', async (request) => {
      const name = requireText(request.name, 'name', 249);
      await store.deleteTopic(name);
      await groups?.forgetTopic(name);
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
