import { invalidArgument } from '../errors.js';
import { limitExceeded } from '../limits.js';

export const MAX_PARTITIONS = 10_000;
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

/** Topic names follow Kafka's rule, so they are also safe as directory names. */
export function validateTopicName(name: string): void {
  if (!TOPIC_NAME.test(name) || name === '.' || name === '..') {
    throw invalidArgument(
      `topic name ${JSON.stringify(name)} is invalid: use 1 to 249 characters from [a-zA-Z0-9._-], not "." or ".."`,
    );
  }
}

export function validatePartitionCount(partitions: number): void {
  if (!Number.isInteger(partitions) || partitions < 1 || partitions > MAX_PARTITIONS) {
    throw invalidArgument(`partitions must be between 1 and ${MAX_PARTITIONS}, got ${partitions}`);
  }
}

/**
 * Server-wide topic and partition limits (src/limits.ts): checked before a topic is created (`newTopics` 1) or
 * grows (`newTopics` 0), given what exists now.
 */
export function checkTopicLimits(
  current: { topics: number; partitions: number },
  add: { topics: number; partitions: number },
  limits: { maxTopics: number; maxTotalPartitions: number },
): void {
  if (add.topics > 0 && current.topics + add.topics > limits.maxTopics) {
    throw limitExceeded('max_topics', limits.maxTopics, `the server already has ${current.topics} topics`);
  }
  if (add.partitions > 0 && current.partitions + add.partitions > limits.maxTotalPartitions) {
    throw limitExceeded(
      'max_total_partitions',
      limits.maxTotalPartitions,
      `the server has ${current.partitions} partitions and ${add.partitions} more were asked for`,
    );
  }
}
