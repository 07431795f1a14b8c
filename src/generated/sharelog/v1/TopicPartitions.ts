// Original file: sharelog/v1/common.proto


/**
 * A set of partitions of one topic, e.g. a member's assignment.
 */
export interface TopicPartitions {
  /**
   * Topic name.
   */
  'topic'?: (string);
  /**
   * Partition numbers, ascending, without duplicates.
   */
  'partitions'?: (number)[];
}

/**
 * A set of partitions of one topic, e.g. a member's assignment.
 */
export interface TopicPartitions__Output {
  /**
   * Topic name.
   */
  'topic': (string);
  /**
   * Partition numbers, ascending, without duplicates.
   */
  'partitions': (number)[];
}
