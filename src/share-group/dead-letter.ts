/**
 * Dead-lettering: records archived by REJECT or by the delivery limit are appended to the group's dead-letter
 * topic with headers that name where they came from and why. Called before the archive is made durable, so a
 * crash in between redelivers, archives and dead-letters again: a dead-letter copy can be duplicated, never lost.
 */
import type { ArchivedRecord } from '../ack-tracker/index.js';
import type { Logger } from '../logger.js';
import type { RecordHeader, RecordInput } from '../log/record.js';
import type { LogStore, TopicPartition } from '../storage/types.js';
import type { ShareGroupConfig } from './config.js';
import { NO_METRICS, type SharelogMetrics } from '../metrics/types.js';

export const DLT_HEADER_PREFIX = 'sharelog.dlt.';

export function deadLetterHandler(logStore: LogStore, logger: Logger, metrics: SharelogMetrics = NO_METRICS) {
  return async (groupId: string, config: ShareGroupConfig, tp: TopicPartition, archived: readonly ArchivedRecord[]): Promise<void> => {
    const target = config.deadLetterTopic;
    if (target === '' || archived.length === 0) return;
    const copies: RecordInput[] = [];
    for (const a of archived) {
      let original;
      try {
        [original] = (await logStore.read(tp.topic, tp.partition, a.offset, 1, 1)).records;
      } catch {
        original = undefined; // removed by retention or topic deletion
      }
      if (!original || original.offset !== a.offset) continue;
      const headers: RecordHeader[] = [
        ...original.headers,
        header('topic', tp.topic),
        header('partition', String(tp.partition)),
        header('offset', String(a.offset)),
        header('group', groupId),
        header('delivery-count', String(a.deliveryCount)),
        header('reason', a.reason),
      ];
      if (a.lastFailureReason) headers.push(header('failure', a.lastFailureReason));
      if (a.memberId) headers.push(header('member', a.memberId));
      copies.push({ key: original.key, value: original.value, headers, timestampMs: original.timestampMs });
    }
    if (copies.length === 0) return;
    try {
      const { partitions } = await logStore.getTopic(target);
      await logStore.append(target, tp.partition % partitions, copies);
      metrics.shareRecordsDeadLettered(groupId, copies.length);
    } catch (err) {
      logger.error({ err, groupId, deadLetterTopic: target, count: copies.length }, 'cannot append to the dead-letter topic');
    }
  };
}

function header(name: string, value: string): RecordHeader {
  return { key: DLT_HEADER_PREFIX + name, value: Buffer.from(value) };
}
