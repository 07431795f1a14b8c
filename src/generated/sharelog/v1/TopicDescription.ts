// Original file: sharelog/v1/admin.proto

import type { PartitionDescription as _sharelog_v1_PartitionDescription, PartitionDescription__Output as _sharelog_v1_PartitionDescription__Output } from '../../sharelog/v1/PartitionDescription';
import type { TopicConfig as _sharelog_v1_TopicConfig, TopicConfig__Output as _sharelog_v1_TopicConfig__Output } from '../../sharelog/v1/TopicConfig';

/**
 * A topic with its configuration and partitions.
 */
export interface TopicDescription {
  /**
   * Topic name.
   */
  'name'?: (string);
  /**
   * Every partition, ordered by partition number (so partitions[i].partition == i).
   */
  'partitions'?: (_sharelog_v1_PartitionDescription)[];
  /**
   * Configuration in effect.
   */
  'config'?: (_sharelog_v1_TopicConfig | null);
}

/**
 * A topic with its configuration and partitions.
 */
export interface TopicDescription__Output {
  /**
   * Topic name.
   */
  'name': (string);
  /**
   * Every partition, ordered by partition number (so partitions[i].partition == i).
   */
  'partitions': (_sharelog_v1_PartitionDescription__Output)[];
  /**
   * Configuration in effect.
   */
  'config': (_sharelog_v1_TopicConfig__Output | null);
}
