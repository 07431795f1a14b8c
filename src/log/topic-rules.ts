import { invalidArgument } from '../errors.js';

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
